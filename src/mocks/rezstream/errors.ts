// rezStream's error catalogue. seeds/001 documents the statuses (401 for an ambiguous multi-tenant request, 403 for a missing permission) but no
// bodies: the Cloud API's follow ASP.NET Core's ProblemDetails and Asp.Versioning, the identity server's RFC 6749 §5.2 and IdentityServer's error page.
import { randomBytes } from 'node:crypto';
import { oauthErrorCode, providerError, type ErrorCatalogue, type ProviderError, type ProviderErrorCode } from '../../core/errors.js';
import { codeForStatus, reasonPhrase } from '../../core/faults/status-answer.js';
import { errorPage } from './pages.js';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** ASP.NET Core's W3C trace id (`00-<trace>-<span>-00`), one an error. */
function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

const RFC9110 = 'https://tools.ietf.org/html/rfc9110#section-';

/** An ASP.NET Core ProblemDetails (RFC 9457) answer. */
function problem(code: ProviderErrorCode, status: number, type: string, title: string, detail?: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): ProviderError {
  const body = { type, title, status, ...(detail ? { detail } : {}), ...extra, traceId: traceId() };
  return providerError(code, status, JSON.stringify(body), { 'Content-Type': PROBLEM_JSON, ...headers });
}

/** RFC 6750 §3: `Bearer error="…", error_description="…"`. */
function bearerChallenge(error?: string, description?: string): Record<string, string> {
  const parts = [error ? `error="${error}"` : '', description ? `error_description="${description.replace(/"/g, "'")}"` : ''].filter(Boolean);
  return { 'WWW-Authenticate': parts.length > 0 ? `Bearer ${parts.join(', ')}` : 'Bearer' };
}

export const cloudErrors = {
  /** Asp.Versioning's problem for a request without a version. */
  versionUnspecified: (): ProviderError => problem('api_version_unspecified', 400, 'https://docs.api-versioning.org/problems#unspecified', 'Unspecified API version', 'An API version is required, but was not specified.'),
  versionUnsupported: (url: string, version: string): ProviderError =>
    problem('api_version_unsupported', 400, 'https://docs.api-versioning.org/problems#unsupported', 'Unsupported API version', `The HTTP resource that matches the request URI '${url}' does not support the API version '${version}'.`),
  noToken: (): ProviderError => problem('unauthorized', 401, `${RFC9110}15.5.2`, 'Unauthorized', 'A bearer token is required in the Authorization header.', {}, bearerChallenge()),
  invalidToken: (description: string): ProviderError => problem('invalid_token', 401, `${RFC9110}15.5.2`, 'Unauthorized', description, {}, bearerChallenge('invalid_token', description)),
  /** seeds/001: a multi-tenant token without X-RezStream-Tenant-ID "may be ambiguous and result in an HTTP 401 response". */
  ambiguousTenant: (): ProviderError => {
    const detail = 'This token has access to more than one tenant; send the X-RezStream-Tenant-ID header with one of them (GET /auth/tokendetails lists them).';
    return problem('ambiguous_tenant', 401, `${RFC9110}15.5.2`, 'Unauthorized', detail, {}, bearerChallenge('invalid_request', detail));
  },
  foreignTenant: (tenantId: string): ProviderError => problem('foreign_tenant', 403, `${RFC9110}15.5.4`, 'Forbidden', `This token has no access to tenant ${tenantId}.`),
  /** seeds/001: "A token that only has access to read … will fail with an HTTP 403 response". RFC 6750 §3.1 names the scope. */
  insufficientScope: (scopes: readonly string[]): ProviderError => {
    const detail = `The access token does not carry a scope this endpoint needs: one of ${scopes.join(', ')}.`;
    return problem('insufficient_scope', 403, `${RFC9110}15.5.4`, 'Forbidden', detail, {}, { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scopes.join(' ')}"` });
  },
  /** seeds/001: "So far, all endpoints only support querying data from the system." */
  readOnly: (): ProviderError => problem('read_only', 403, `${RFC9110}15.5.4`, 'Forbidden', 'This token has read-only access: the Cloud API accepts no modifications yet.', {}, { Allow: 'GET, HEAD' }),
  notFound: (what: string, id: string): ProviderError => problem('not_found', 404, `${RFC9110}15.5.5`, 'Not Found', `No ${what} ${id}.`),
  validation: (errors: Record<string, string[]>): ProviderError => problem('validation', 400, `${RFC9110}15.5.1`, 'One or more validation errors occurred.', undefined, { errors }),
};

/** The token, revocation and userinfo endpoints: RFC 6749 §5.2 bodies, never cached. */
export const oauthErrors = {
  /** `code` tells what the error is when the RFC's `error` does not (a catalogue's generic failure answered as `invalid_request`). */
  error: (status: 400 | 401, error: string, description: string, headers: Record<string, string> = {}, code: ProviderErrorCode = oauthErrorCode(error)): ProviderError =>
    providerError(code, status, { error, error_description: description }, { ...NO_STORE, ...headers }),
  invalidRequest: (description: string): ProviderError => oauthErrors.error(400, 'invalid_request', description),
  invalidClient: (description: string): ProviderError => oauthErrors.error(401, 'invalid_client', description, { 'WWW-Authenticate': 'Basic realm="account.rezstream.com"' }),
  invalidGrant: (description: string): ProviderError => oauthErrors.error(400, 'invalid_grant', description),
  unsupportedGrant: (grantType: string): ProviderError => oauthErrors.error(400, 'unsupported_grant_type', `The grant type '${grantType}' is not supported; use authorization_code or refresh_token.`),
  invalidScope: (description: string): ProviderError => oauthErrors.error(400, 'invalid_scope', description),
  /** userinfo (RFC 6750 §3): no body, the challenge header carries the error. */
  userinfo: (status: 401 | 403, error: string, description: string): ProviderError =>
    providerError(oauthErrorCode(error), status, '', { ...NO_STORE, 'WWW-Authenticate': `Bearer error="${error}", error_description="${description}"${status === 403 ? ', scope="openid"' : ''}` }),
};

/** What the authorization endpoint cannot redirect (unknown client, unregistered redirect URI): shown as a page, as IdentityServer's error view does. */
export function authorizeErrorPage(error: string, description: string): ProviderError {
  return providerError(oauthErrorCode(error), 400, errorPage(error, description), { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE });
}

function issuesByName(issues: Parameters<ErrorCatalogue['invalidRequest']>[0]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.name || issue.in] ??= []).push(`The ${issue.name || issue.in} field ${issue.message}.`);
  return errors;
}

/**
 * ASP.NET Core's ProblemDetails `type` for a status (its ProblemDetailsDefaults): the RFC 9110 section that defines it, RFC 6585 for 429,
 * `about:blank` for a status neither defines.
 */
function problemType(status: number): string {
  if (status >= 400 && status <= 418) return `${RFC9110}15.5.${status - 399}`;
  if (status >= 421 && status <= 422) return `${RFC9110}15.5.${status - 401}`;
  if (status === 426) return `${RFC9110}15.5.22`;
  if (status === 429) return 'https://tools.ietf.org/html/rfc6585#section-4';
  if (status >= 500 && status <= 505) return `${RFC9110}15.6.${status - 499}`;
  return 'about:blank';
}

/** A status a fault injects, as ASP.NET Core answers it: a ProblemDetails titled with the reason phrase; a 401 challenges, a 429 says Retry-After. */
function cloudStatus(status: number, retryAfterSeconds?: number): ProviderError {
  const headers = { ...(status === 401 ? bearerChallenge() : {}), ...(retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {}) };
  return problem(codeForStatus(status), status, problemType(status), reasonPhrase(status), undefined, {}, headers);
}

export const rezstreamCatalogue: ErrorCatalogue = {
  badRequest: (detail) => problem('bad_request', 400, `${RFC9110}15.5.1`, 'Bad Request', detail),
  invalidRequest: (issues) => cloudErrors.validation(issuesByName(issues)),
  unsupportedMediaType: (contentType) => problem('unsupported_media_type', 415, `${RFC9110}15.5.16`, 'Unsupported Media Type', `Content-Type ${contentType || '(none)'} is not supported.`),
  payloadTooLarge: (limit) => problem('payload_too_large', 413, `${RFC9110}15.5.14`, 'Content Too Large', `The request body is larger than ${limit}.`),
  routeNotFound: (method, path, nearest) =>
    problem('route_not_found', 404, `${RFC9110}15.5.5`, 'Not Found', undefined, {}, { 'X-Pms-Sandbox-Unmatched': `${method} ${path}`, ...(nearest ? { 'X-Pms-Sandbox-Nearest-Route': nearest } : {}) }),
  status: (status, retryAfterSeconds) => cloudStatus(status, retryAfterSeconds),
};

/** The identity origin answers what no endpoint reads as the token endpoint does (RFC 6749 §5.2 `invalid_request`), not as the Cloud API. */
export const identityCatalogue: ErrorCatalogue = {
  ...rezstreamCatalogue,
  badRequest: (detail) => oauthErrors.error(400, 'invalid_request', detail, {}, 'bad_request'),
  invalidRequest: (issues) => oauthErrors.error(400, 'invalid_request', issues.map((i) => `${i.name || i.in} ${i.message}`).join('; '), {}, 'validation'),
  unsupportedMediaType: () => oauthErrors.error(400, 'invalid_request', 'The request must be sent as application/x-www-form-urlencoded.', {}, 'unsupported_media_type'),
  // A 400 or 401 injected here is the token endpoint's RFC 6749 §5.2 answer; any other status is ASP.NET Core's, as the Cloud API's.
  status: (status, retryAfterSeconds) =>
    status === 400
      ? oauthErrors.error(400, 'invalid_request', reasonPhrase(status), {}, 'bad_request')
      : status === 401
        ? oauthErrors.error(401, 'invalid_client', reasonPhrase(status), { 'WWW-Authenticate': 'Basic realm="account.rezstream.com"' }, 'unauthorized')
        : cloudStatus(status, retryAfterSeconds),
};
