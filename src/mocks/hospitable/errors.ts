// Hospitable's error catalogue. The API's bodies are `{"status_code", "reason_phrase"}` (provider-facts.md §2, "Errors"), the 422 of a
// calendar-restricted property and the 400 of a bad page word for word; the 401 text is not published (Laravel's "Unauthenticated." here).
// auth.hospitable.com runs Laravel Passport (`eyJ0eXA…` tokens, `def50200…` refresh tokens), so its errors are league/oauth2-server's.
import { oauthErrorCode, providerError, type ErrorCatalogue, type ProviderError, type ProviderErrorCode } from '../../core/errors.js';
import { codeForStatus, DEFAULT_RETRY_AFTER_SECONDS, reasonPhrase } from '../../core/faults/status-answer.js';
import type { ValidationIssue } from '../../core/openapi.js';
import { errorPage } from '../../core/oauth2/pages.js';
import { HOSPITABLE_SITE } from './pages.js';
import { traceId } from './records.js';

/** provider-facts: "Every response carries an `X-hospitable-trace: <id>` header", errors too. */
const traced = (headers: Record<string, string> = {}): Record<string, string> => ({ ...headers, 'X-hospitable-trace': traceId() });

function apiError(code: ProviderErrorCode, status: number, reasonPhrase: string, extra: { statusCode?: number | string; message?: string; headers?: Record<string, string> } = {}): ProviderError {
  const body = { status_code: extra.statusCode ?? status, reason_phrase: reasonPhrase, ...(extra.message !== undefined ? { message: extra.message } : {}) };
  return providerError(code, status, body, traced(extra.headers));
}

/** provider-facts, from the spec: a calendar-restricted property's 422, `status_code` a string as printed. */
export const CALENDAR_RESTRICTED = 'This property has a channel that is calendar restricted, and updates can not be made to the calendar';
/** provider-facts, from the spec: the 400 of a page or per_page out of range. */
export const INVALID_PAGINATION = 'Invalid pagination parameter supplied.';
/** Not published (provider-facts: "401 Unauthenticated"; the body was not found): Laravel's AuthenticationException message. */
export const UNAUTHENTICATED = 'Unauthenticated.';
/** Not published: Laravel's AuthorizationException message, for a token without Write. */
export const UNAUTHORIZED_ACTION = 'This action is unauthorized.';
/** Not published: Passport's MissingScopeException message, for an OAuth token without the scope. */
export const MISSING_SCOPE = 'Invalid scope(s) provided.';

export const hospitableErrors = {
  /** No token, a malformed one, or one unknown, revoked, expired or for the other API version. RFC 6750 §3's challenge is the sandbox's. */
  unauthenticated: (code: ProviderErrorCode = 'unauthorized'): ProviderError => apiError(code, 401, UNAUTHENTICATED, { headers: { 'WWW-Authenticate': 'Bearer' } }),
  /** A personal access token (or v1 client) without the permission the operation needs (seeds/002: Write modifies the calendar). */
  forbidden: (): ProviderError => apiError('forbidden', 403, UNAUTHORIZED_ACTION),
  missingScope: (): ProviderError => apiError('insufficient_scope', 403, MISSING_SCOPE),
  notFound: (): ProviderError => apiError('not_found', 404, 'Not Found'),
  pagination: (): ProviderError => apiError('validation', 400, INVALID_PAGINATION),
  /** provider-facts: `{"status_code":400,"reason_phrase":"The body field is required.","message":"The body field is required."}`. */
  validation: (message: string): ProviderError => apiError('validation', 400, message, { message }),
  calendarRestricted: (): ProviderError => apiError('forbidden', 422, CALENDAR_RESTRICTED, { statusCode: '422' }),
};

/** Laravel's attribute names: `per_page` → "per page", `properties[]` → "properties", `/dates/0/date` → "dates.0.date". */
function attribute(issue: ValidationIssue): string {
  const name = issue.in === 'body' ? issue.name.replace(/^\//, '').split('/').join('.') : issue.name.replace(/\[\]$/, '');
  return (name || issue.in).replace(/_/g, ' ');
}

/** One issue in Laravel's validation words. */
export function laravelMessage(issue: ValidationIssue): string {
  const field = attribute(issue);
  if (issue.message === 'is required') return `The ${field} field is required.`;
  if (/format "date"/.test(issue.message)) return `The ${field} field must be a valid date.`;
  if (/format "uuid"/.test(issue.message)) return `The ${field} field must be a valid UUID.`;
  if (/^must be one of/.test(issue.message)) return `The selected ${field} is invalid.`;
  if (/must be integer/.test(issue.message)) return `The ${field} field must be an integer.`;
  if (/must be boolean/.test(issue.message)) return `The ${field} field must be true or false.`;
  if (/must be array|must NOT have fewer than/.test(issue.message)) return `The ${field} field must be an array with at least one item.`;
  if (/must be >=/.test(issue.message)) return `The ${field} field must be at least ${issue.message.replace(/\D+/g, '')}.`;
  return `The ${field} field is invalid.`;
}

function isPaging(issue: ValidationIssue): boolean {
  return issue.in === 'query' && (issue.name === 'page' || issue.name === 'per_page');
}

export const hospitableCatalogue: ErrorCatalogue = {
  badRequest: (detail) => hospitableErrors.validation(detail.endsWith('.') ? detail : `${detail}.`),
  invalidRequest: (issues) => (issues.some(isPaging) ? hospitableErrors.pagination() : hospitableErrors.validation(issues[0] ? laravelMessage(issues[0]) : 'The given data was invalid.')),
  unsupportedMediaType: () => apiError('unsupported_media_type', 415, 'Unsupported Media Type'),
  payloadTooLarge: () => apiError('payload_too_large', 413, 'Payload Too Large'),
  routeNotFound: (method, path, nearest) =>
    apiError('route_not_found', 404, 'Not Found', { headers: { 'X-Pms-Sandbox-Unmatched': `${method} ${path}`, ...(nearest ? { 'X-Pms-Sandbox-Nearest-Route': nearest } : {}) } }),
  // A status a fault injects, in the API's shape: its own 401, 403 and 404, Laravel's throttle words for 429, else the reason phrase.
  status: (status, retryAfterSeconds) => {
    if (status === 401) return hospitableErrors.unauthenticated();
    if (status === 403) return hospitableErrors.forbidden();
    if (status === 404) return hospitableErrors.notFound();
    if (status === 429) return apiError('rate_limited', 429, 'Too Many Attempts.', { headers: { 'Retry-After': String(retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) } });
    return apiError(codeForStatus(status), status, reasonPhrase(status));
  },
};

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** league/oauth2-server's descriptions, as Passport answers them. */
export const LEAGUE = {
  invalid_request: 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  invalid_client: 'Client authentication failed',
  invalid_grant:
    'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed',
  access_denied: 'The resource owner or authorization server denied the request.',
} as const;

/** The token endpoint's errors: `{error, error_description, hint?, message}`, as Passport (league/oauth2-server) renders them. */
export const oauthErrors = {
  error: (status: 400 | 401, error: keyof typeof LEAGUE, hint?: string, headers: Record<string, string> = {}, code: ProviderErrorCode = oauthErrorCode(error)): ProviderError =>
    providerError(code, status, { error, error_description: LEAGUE[error], ...(hint ? { hint } : {}), message: LEAGUE[error] }, { ...NO_STORE, ...headers }),
  invalidRequest: (parameter: string): ProviderError => oauthErrors.error(400, 'invalid_request', `Check the \`${parameter}\` parameter`),
  invalidClient: (basic = false): ProviderError => oauthErrors.error(401, 'invalid_client', undefined, basic ? { 'WWW-Authenticate': 'Basic realm="OAuth"' } : {}),
  invalidGrant: (hint: string): ProviderError => oauthErrors.error(400, 'invalid_grant', hint),
  unsupportedGrant: (): ProviderError => oauthErrors.error(400, 'unsupported_grant_type', 'Check that all required parameters have been provided'),
  invalidScope: (scope: string): ProviderError => oauthErrors.error(400, 'invalid_scope', `Check the \`${scope}\` scope`),
};

/** What the authorization pages cannot send back to the client (a sign-in gone stale), shown as a page. */
export function authorizeErrorPage(error: string, description: string): ProviderError {
  return providerError(oauthErrorCode(error), 400, errorPage(HOSPITABLE_SITE, error, description), { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE });
}

/** auth.hospitable.com answers what no endpoint reads (malformed JSON, another body type) as league's invalid_request. */
export const authCatalogue: ErrorCatalogue = {
  ...hospitableCatalogue,
  badRequest: () => oauthErrors.error(400, 'invalid_request', 'The request body could not be read', {}, 'bad_request'),
  invalidRequest: (issues) => oauthErrors.error(400, 'invalid_request', issues[0] ? `Check the \`${issues[0].name || issues[0].in}\` parameter` : undefined, {}, 'validation'),
  unsupportedMediaType: () => oauthErrors.error(400, 'invalid_request', 'Send the parameters as application/json or application/x-www-form-urlencoded', {}, 'unsupported_media_type'),
};
