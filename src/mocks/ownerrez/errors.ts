// OwnerRez's error catalogue. The one published error body is the rate limit's `{"code": 429, "error": "Rate limit exceeded."}` (provider-facts
// §1, the "API rate limiting" support article): every API error here takes that shape, with the status as `code` and the sandbox's words
// (README, OwnerRez assumptions). OAuth token errors are RFC 6749 §5.2 bodies; an unmatched route answers in ASP.NET Web API's words.
import { oauthErrorCode, providerError, type ErrorCatalogue, type ProviderError, type ProviderErrorCode } from '../../core/errors.js';
import { codeForStatus, reasonPhrase } from '../../core/faults/status-answer.js';

/** provider-facts §1: the body of every answer over the limit, word for word. */
export const RATE_LIMIT_MESSAGE = 'Rate limit exceeded.';

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="OwnerRez"' } as const;
const bearerChallenge = (description: string): Record<string, string> => ({ 'WWW-Authenticate': `Bearer realm="OwnerRez", error="invalid_token", error_description="${description}"` });
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

function apiError(code: ProviderErrorCode, status: number, message: string, headers?: Record<string, string>): ProviderError {
  return providerError(code, status, { code: status, error: message }, headers);
}

export const ownerrezErrors = {
  /** No Authorization header: both ways in are named, the Basic challenge first (curl -u answers it). */
  noCredentials: (): ProviderError =>
    apiError('unauthorized', 401, 'Authorization is required: HTTP Basic with your OwnerRez email address and a personal access token (pt_...), or an OAuth access token (Authorization: bearer at_...).', {
      'WWW-Authenticate': 'Basic realm="OwnerRez", Bearer realm="OwnerRez"',
    }),
  /** A wrong e-mail and token pair, an unknown e-mail, a revoked token: one answer, so none of them tells which part was wrong. */
  badPersonalAccessToken: (): ProviderError => apiError('unauthorized', 401, 'The email address or personal access token is not valid.', BASIC_CHALLENGE),
  /** seeds/000: tokens are "for private usage"; apps use OAuth, and a pt_ token is only ever a Basic password. */
  personalAccessTokenAsBearer: (): ProviderError =>
    apiError('unauthorized', 401, 'Personal access tokens (pt_...) use HTTP Basic authentication: your OwnerRez email address as the username and the token as the password. Apps use OAuth access tokens (at_...).', BASIC_CHALLENGE),
  accessTokenOverBasic: (): ProviderError =>
    apiError('unauthorized', 401, 'OAuth access tokens (at_...) use bearer authentication: Authorization: bearer at_...', bearerChallenge('The access token must be sent as a bearer token.')),
  malformedAuthorization: (): ProviderError => apiError('unauthorized', 401, 'The Authorization header is not HTTP Basic or a bearer token.', BASIC_CHALLENGE),
  invalidAccessToken: (why: 'unknown' | 'expired' | 'revoked'): ProviderError => {
    const message = why === 'expired' ? 'The access token has expired.' : why === 'revoked' ? 'The access token has been revoked.' : 'The access token is not valid.';
    return apiError(why === 'expired' ? 'expired_token' : 'invalid_token', 401, message, bearerChallenge(message));
  },
  /** seeds/000: "You also must send a User-Agent header identifying yourself which should contain your app name and client id". */
  userAgentMissing: (clientId: string): ProviderError =>
    apiError('user_agent_required', 400, `A User-Agent header is required with an OAuth access token. It must contain your app name and client id, for example: User-Agent: My App/1.0 (${clientId}).`),
  userAgentWithoutClientId: (clientId: string, userAgent: string): ProviderError =>
    apiError('user_agent_required', 400, `The User-Agent "${userAgent}" does not contain your app's client id ${clientId}. Send your app name and client id, for example: User-Agent: My App/1.0 (${clientId}).`),
  userAgentOtherApp: (clientId: string, named: readonly string[]): ProviderError =>
    apiError('user_agent_required', 403, `The User-Agent names client id ${named.join(', ')}, but this access token was issued to client id ${clientId}.`),
  /** provider-facts §1: a "Read only (GET requests only)" app. */
  readOnly: (): ProviderError => apiError('read_only', 403, 'This app has read-only access to the account: only GET requests are allowed.'),
  /** provider-facts §1: webhooks are only for OAuth apps. */
  webhooksNeedOAuth: (): ProviderError => apiError('forbidden', 403, 'Webhook subscriptions are only available to OAuth apps.'),
  rateLimited: (retryAfterSeconds: number, headers: Record<string, string> = {}): ProviderError =>
    apiError('rate_limited', 429, RATE_LIMIT_MESSAGE, { ...headers, 'Retry-After': String(retryAfterSeconds) }),
  /**
   * seeds/000: "any given IP address may only access two different user accounts within 24 hours". No answer is published; the rate
   * limit's is the closest (README), with a sandbox header that says which limit it is.
   */
  accountsPerIp: (ip: string, retryAfterSeconds: number): ProviderError =>
    apiError('accounts_per_ip', 429, RATE_LIMIT_MESSAGE, {
      'Retry-After': String(retryAfterSeconds),
      'X-Pms-Sandbox-Limit': `personal access tokens from ${ip} have reached two user accounts in the last 24 hours`,
    }),
  notFound: (resource: string, id: string): ProviderError => apiError('not_found', 404, `${resource} ${id} was not found.`),
  validation: (message: string): ProviderError => apiError('validation', 400, message),
  conflict: (message: string): ProviderError => apiError('validation', 409, message),
  oauth: (status: 400 | 401, error: string, description: string): ProviderError =>
    providerError(oauthErrorCode(error), status, { error, error_description: description }, { ...NO_STORE, ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="OwnerRez"' } : {}) }),
};

/** Generic failures in OwnerRez's shape. */
export const ownerrezCatalogue: ErrorCatalogue = {
  badRequest: (detail) => ownerrezErrors.validation(detail),
  invalidRequest: (issues) => ownerrezErrors.validation(issues.map((i) => (i.in === 'body' ? `body${i.name ? ` ${i.name}` : ''} ${i.message}` : `${i.name} ${i.message}`)).join('; ')),
  unsupportedMediaType: (contentType) => apiError('unsupported_media_type', 415, `The request entity's media type '${contentType || '(none)'}' is not supported for this resource.`),
  payloadTooLarge: (limit) => apiError('payload_too_large', 413, `The request body is larger than ${limit}.`),
  // ASP.NET Web API's words for a path no route serves; the sandbox adds where the request probably meant to go.
  routeNotFound: (method, path, nearest) =>
    providerError(
      'route_not_found',
      404,
      { code: 404, error: `No HTTP resource was found that matches the request URI '${path}'.` },
      { 'X-Pms-Sandbox-Unmatched': `${method} ${path}`, ...(nearest ? { 'X-Pms-Sandbox-Nearest-Route': nearest } : {}) },
    ),
  // A status a fault injects: `{"code": <status>, "error": "<reason phrase>."}`, the rate limit's published answer for 429, a 401 challenging Basic.
  status: (status, retryAfterSeconds) =>
    status === 429
      ? ownerrezErrors.rateLimited(retryAfterSeconds ?? 1)
      : apiError(codeForStatus(status), status, `${reasonPhrase(status)}.`, status === 401 ? BASIC_CHALLENGE : undefined),
};
