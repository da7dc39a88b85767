// Guesty's error catalogue. Gateway answers follow the document (the exact expired-token 403) and Kong, whose X-RateLimit-* headers Guesty sends;
// token-endpoint errors follow RFC 6749 §5.2 in Okta's words, since Guesty's tokens are Okta access tokens (`0oa…` client ids, `aus…` issuer, `AT.` jti).
import { oauthErrorCode, providerError, type ErrorCatalogue, type ProviderError, type ProviderErrorCode } from '../../core/errors.js';
import { codeForStatus, reasonPhrase } from '../../core/faults/status-answer.js';

/** Seed document 003, "Expired Token": the exact body of the 403 an expired token receives. */
export const EXPIRED_TOKEN_MESSAGE = "You don't have permission to access, please contact Guesty support.";

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** The Open API's own errors: `{error: {code, message}}`. */
function apiError(code: ProviderErrorCode, status: number, wireCode: string, message: string): ProviderError {
  return providerError(code, status, { error: { code: wireCode, message } });
}

export const guestyErrors = {
  /** Missing, malformed or foreign token. Body assumed (Kong's), the docs say only "401 Unauthorized". */
  unauthorized: (): ProviderError => providerError('unauthorized', 401, { message: 'Unauthorized' }),
  /** Seed document 003: an expired token gets 403 with exactly this body. */
  expiredToken: (): ProviderError => providerError('expired_token', 403, { message: EXPIRED_TOKEN_MESSAGE }),
  /** Rate limits (provider-facts: 429 with Retry-After); the body is Kong's. */
  rateLimited: (retryAfterSeconds: number, headers: Record<string, string> = {}): ProviderError =>
    providerError('rate_limited', 429, { message: 'API rate limit exceeded' }, { ...headers, 'Retry-After': String(retryAfterSeconds) }),
  oauth: (status: 400 | 401, error: string, description: string, headers: Record<string, string> = {}): ProviderError =>
    providerError(oauthErrorCode(error), status, { error, error_description: description }, { ...NO_STORE, ...headers }),
  notFound: (resource: string, id: string): ProviderError => apiError('not_found', 404, 'NOT_FOUND', `${resource} with id ${id} not found`),
  validation: (message: string): ProviderError => apiError('validation', 400, 'VALIDATION_ERROR', message),
  unavailable: (listingId: string, from: string, to: string): ProviderError =>
    apiError('listing_unavailable', 400, 'LISTING_IS_NOT_AVAILABLE', `Listing ${listingId} is not available from ${from} to ${to}`),
};

/** The token endpoint's errors, each an RFC 6749 §5.2 code with Okta's description. */
export const tokenErrors = {
  notForm: (): ProviderError => guestyErrors.oauth(400, 'invalid_request', 'The request must be sent as application/x-www-form-urlencoded.'),
  repeated: (name: string): ProviderError => guestyErrors.oauth(400, 'invalid_request', `The '${name}' parameter was supplied more than once.`),
  twoClientAuthentications: (): ProviderError =>
    guestyErrors.oauth(400, 'invalid_request', 'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.'),
  noClient: (): ProviderError => guestyErrors.oauth(401, 'invalid_client', 'Client authentication failed. Either the client or the client credentials are invalid.', { 'WWW-Authenticate': 'Basic realm="guesty"' }),
  unknownClient: (): ProviderError => guestyErrors.oauth(401, 'invalid_client', "Invalid value for 'client_id' parameter.", { 'WWW-Authenticate': 'Basic realm="guesty"' }),
  wrongSecret: (): ProviderError => guestyErrors.oauth(401, 'invalid_client', 'The client secret supplied for a confidential client is invalid.', { 'WWW-Authenticate': 'Basic realm="guesty"' }),
  noGrant: (): ProviderError => guestyErrors.oauth(400, 'invalid_request', "The 'grant_type' parameter is required."),
  unsupportedGrant: (): ProviderError =>
    guestyErrors.oauth(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].'),
  noScope: (): ProviderError => guestyErrors.oauth(400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided."),
  wrongScope: (): ProviderError => guestyErrors.oauth(400, 'invalid_scope', 'One or more scopes are not configured for the authorization server resource.'),
};

/** Kong's own bodies for the statuses its gateway answers (kong/templates/error_handlers BODIES), `{message}` as Guesty's gateway answers. */
const KONG_BODIES: Readonly<Record<number, string>> = {
  500: 'An unexpected error occurred',
  502: 'An invalid response was received from the upstream server',
  503: 'The upstream server is currently unavailable',
  504: 'The upstream server is timing out',
};

/**
 * A status a fault injects: the gateway's `{message}` where Kong answers (401, 403, 413, 429 with Retry-After, every 5xx), the API's
 * `{error: {code, message}}` for the other 4xx (the code the reason phrase in upper snake case, 400 as VALIDATION_ERROR, 404 NOT_FOUND).
 */
function guestyStatus(status: number, retryAfterSeconds?: number): ProviderError {
  if (status === 401) return guestyErrors.unauthorized();
  if (status === 403) return providerError('forbidden', 403, { message: EXPIRED_TOKEN_MESSAGE });
  if (status === 413) return guestyCatalogue.payloadTooLarge('');
  if (status === 429) return guestyErrors.rateLimited(retryAfterSeconds ?? 1);
  if (status >= 500) return providerError(codeForStatus(status), status, { message: KONG_BODIES[status] ?? `The upstream server responded with ${status}` });
  const wireCode = status === 400 ? 'VALIDATION_ERROR' : reasonPhrase(status).toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return apiError(codeForStatus(status), status, wireCode, reasonPhrase(status));
}

/** Generic failures in Guesty's style: API errors as `{error: {code, message}}`, gateway ones as Kong's `{message}`. */
export const guestyCatalogue: ErrorCatalogue = {
  badRequest: (detail) => apiError('bad_request', 400, 'VALIDATION_ERROR', detail),
  invalidRequest: (issues) => guestyErrors.validation(issues.map((i) => (i.in === 'body' ? `body${i.name ? ` ${i.name}` : ''} ${i.message}` : `${i.name} ${i.message}`)).join('; ')),
  unsupportedMediaType: (contentType) =>
    apiError('unsupported_media_type', 415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${contentType || '(none)'} is not supported; send application/json`),
  payloadTooLarge: () => providerError('payload_too_large', 413, { message: 'Request size limit exceeded' }),
  // Kong's own words for a path no route serves; the sandbox adds where the request probably meant to go.
  routeNotFound: (method, path, nearest) =>
    providerError('route_not_found', 404, { message: 'no Route matched with those values' }, { 'X-Pms-Sandbox-Unmatched': `${method} ${path}`, ...(nearest ? { 'X-Pms-Sandbox-Nearest-Route': nearest } : {}) }),
  status: (status, retryAfterSeconds) => guestyStatus(status, retryAfterSeconds),
};
