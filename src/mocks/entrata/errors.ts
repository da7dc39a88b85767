// Entrata's error catalogue: every error in the response envelope `{"response": {"requestId", "error": {"code", "message"}}}` (provider-facts
// §4, from gmhleasr's tests), answered with HTTP 200 as the R client documents ("The Entrata API ... always returns a 200 status code,
// regardless of the success or failure of the request", R/entrata_internal.R). Code 113 and its message are published; the other codes
// (HTTP-like, as the R client's retry list shows appear in `error.code`) and their messages are the sandbox's (README, Entrata assumptions).
import type { ValidationIssue } from '../../core/openapi.js';
import { providerError, type ErrorCatalogue, type ProviderError, type ProviderErrorCode } from '../../core/errors.js';
import { codeForStatus, reasonPhrase } from '../../core/faults/status-answer.js';

/** Every Entrata answer, errors included, is HTTP 200. */
const STATUS = 200;

function envelopeError(code: ProviderErrorCode, entrataCode: number, message: string): ProviderError {
  return providerError(code, STATUS, { response: { error: { code: entrataCode, message } } });
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

export const entrataErrors = {
  /** provider-facts §4, verbatim: a general-API (HTTP Basic) request with a wrong username or password. */
  badUserCredentials: (): ProviderError => envelopeError('unauthorized', 113, 'Username and/or password is incorrect.'),
  /** The same code for an app's credentials at getAccessToken. */
  badClientCredentials: (): ProviderError => envelopeError('invalid_client', 113, 'Client id and/or client secret is incorrect.'),
  missingField: (name: string): ProviderError => envelopeError('invalid_request', 400, `${name} is required.`),
  repeatedField: (name: string): ProviderError => envelopeError('invalid_request', 400, `${name} must be sent once.`),
  wrongGrantType: (): ProviderError => envelopeError('unsupported_grant_type', 400, 'grant_type must be authorization_code.'),
  codeInvalid: (): ProviderError => envelopeError('invalid_grant', 400, 'Authorization code is invalid.'),
  codeExpired: (): ProviderError => envelopeError('invalid_grant', 400, 'Authorization code has expired.'),
  codeUsed: (): ProviderError => envelopeError('invalid_grant', 400, 'Authorization code has already been used.'),
  tokenInvalid: (): ProviderError => envelopeError('invalid_token', 401, 'Access token is invalid.'),
  tokenExpired: (): ProviderError => envelopeError('expired_token', 401, 'Access token has expired.'),
  otherCompany: (subdomain: string): ProviderError => envelopeError('foreign_company', 403, `The access token was not issued for ${subdomain}.entrata.com.`),
  outsideScopes: (method: string): ProviderError => envelopeError('insufficient_scope', 403, `The app is not permitted to call ${method}: it is outside the app's data scopes.`),
  propertyUnreachable: (propertyId: number): ProviderError => envelopeError('forbidden', 403, `The user has no access to property ${propertyId}.`),
  noAuth: (): ProviderError => envelopeError('bad_request', 400, 'Request has no auth.'),
  unsupportedAuth: (type: string): ProviderError => envelopeError('bad_request', 400, `Unsupported auth type ${type}; use oauth or basic.`),
  /** seeds/004: the App Store's tokens are OAuth; getAccessToken and getUserInfo are not for the general API's Basic credentials. */
  oauthOnly: (method: string): ProviderError => envelopeError('bad_request', 400, `${method} takes auth type oauth.`),
  /** An unknown method, or one posted to another service's path: the message names what this service answers. */
  unknownMethod: (name: string | undefined, known: readonly string[]): ProviderError =>
    name === undefined
      ? envelopeError('bad_request', 400, 'Request has no method.')
      : envelopeError('unknown_method', 404, `Method ${name} is not available on this web service, which answers ${known.join(', ')}.`),
  invalidParams: (method: string, issues: readonly ValidationIssue[]): ProviderError =>
    envelopeError('validation', 400, `Invalid params for ${method}: ${issues.map((i) => `${i.name} ${i.message}`).join('; ')}.`),
  unknownCompany: (subdomain: string): ProviderError => envelopeError('not_found', 404, `No management company uses the subdomain ${subdomain}.`),
  customerNotFound: (customerId: number, propertyId: number): ProviderError => envelopeError('not_found', 404, `Customer ${customerId} not found at property ${propertyId}.`),
};

/** Generic failures in the envelope too: a broken body, a wrong Content-Type, an unknown path. */
export const entrataCatalogue: ErrorCatalogue = {
  badRequest: (detail) => envelopeError('bad_request', 400, sentence(detail)),
  invalidRequest: (issues) => envelopeError('validation', 400, sentence(issues.map((i) => `${i.name || i.in} ${i.message}`).join('; '))),
  unsupportedMediaType: (contentType) =>
    envelopeError('unsupported_media_type', 415, `Content-Type ${contentType || '(none)'} is not supported; send application/json or application/xml.`),
  payloadTooLarge: (limit) => envelopeError('payload_too_large', 413, `Request body is larger than ${limit}.`),
  routeNotFound: (method, path) => envelopeError('route_not_found', 404, `Unknown web service ${method} ${path}.`),
  unknownMethod: (name, known) => entrataErrors.unknownMethod(name, known),
  invalidParams: (method, issues) => entrataErrors.invalidParams(method, issues),
  // A status a fault injects is, as every Entrata error, the envelope at HTTP 200 with the status as `error.code`; a 429 says Retry-After too.
  status: (status, retryAfterSeconds) =>
    providerError(codeForStatus(status), STATUS, { response: { error: { code: status, message: sentence(reasonPhrase(status)) } } }, retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) }),
};
