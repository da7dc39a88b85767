// The identity server's words for every failure of the core authorization server: RFC 6749 §5.2 bodies with IdentityServer-like
// descriptions, redirected errors with their own, and IdentityServer's error page for what cannot be sent back (seeds/001 is silent).
import type { OAuthWords, InvalidGrantReason } from '../../core/oauth2/failures.js';
import { PKCE_DESCRIPTIONS, redirectErrorCode } from '../../core/oauth2/failures.js';
import { authorizeErrorPage, oauthErrors } from './errors.js';

const INVALID_GRANT: Readonly<Record<InvalidGrantReason, string>> = {
  code_unknown: 'Invalid authorization code.',
  code_reused: 'The authorization code has already been used.',
  code_expired: 'The authorization code has expired.',
  code_other_client: 'The authorization code was issued to another client.',
  redirect_uri_mismatch: 'The redirect_uri does not match the one of the authorization request.',
  verifier_missing: PKCE_DESCRIPTIONS.verifier_missing,
  verifier_mismatch: PKCE_DESCRIPTIONS.verifier_mismatch,
  verifier_unexpected: PKCE_DESCRIPTIONS.verifier_unexpected,
  refresh_unknown: 'Invalid refresh token.',
  refresh_expired: 'The refresh token has expired.',
  refresh_revoked: 'The refresh token has been used or revoked.',
};

export const identityWords: Required<OAuthWords> = {
  token: (failure) => {
    switch (failure.kind) {
      case 'not_form':
        return oauthErrors.invalidRequest('The request must be sent as application/x-www-form-urlencoded.');
      case 'repeated':
        return oauthErrors.invalidRequest(`The '${failure.name}' parameter was sent more than once.`);
      case 'missing':
        return oauthErrors.invalidRequest(`The '${failure.name}' parameter is required.`);
      case 'two_client_authentications':
        return oauthErrors.invalidRequest('Send the client credentials either in the Authorization header or in the body, not both.');
      case 'no_client':
        return oauthErrors.invalidClient('No client credentials were sent.');
      case 'unknown_client':
      case 'wrong_secret':
        return oauthErrors.invalidClient('Unknown client or invalid client secret.');
      case 'unsupported_grant':
        return oauthErrors.unsupportedGrant(failure.grantType);
      case 'invalid_grant':
        return oauthErrors.invalidGrant(INVALID_GRANT[failure.reason]);
      case 'invalid_scope':
        return oauthErrors.invalidScope(failure.reason === 'exceeds_grant' ? 'The requested scope exceeds the scope granted by the resource owner.' : 'The requested scope is invalid.');
      case 'unsupported_token_type':
        return oauthErrors.error(400, 'unsupported_token_type', `Token type hint '${failure.hint}' is not supported.`);
    }
  },
  redirect: (failure) => {
    const error = redirectErrorCode(failure);
    switch (failure.kind) {
      case 'repeated':
        return { error, description: `The '${failure.name}' parameter was sent more than once.` };
      case 'unsupported_response_type':
        return { error, description: 'Only the authorization code flow (response_type=code) is supported.' };
      case 'unsupported_challenge_method':
        return { error, description: PKCE_DESCRIPTIONS.unsupported_challenge_method };
      case 'invalid_challenge':
        return { error, description: PKCE_DESCRIPTIONS.invalid_challenge };
      case 'invalid_scope':
        return { error, description: failure.description };
    }
  },
  page: (failure) => {
    switch (failure.kind) {
      case 'unknown_client':
        return authorizeErrorPage('unauthorized_client', `Unknown client or client not enabled: ${failure.clientId ?? '(no client_id)'}.`);
      case 'unregistered_redirect_uri':
        return authorizeErrorPage('invalid_request', `Invalid redirect_uri: ${failure.redirectUri ?? '(none)'} is not registered for ${failure.clientId}.`);
      case 'interaction_expired':
        return authorizeErrorPage('invalid_request', 'This sign-in has expired or was already completed; start again from the integration.');
      case 'not_signed_in':
        return authorizeErrorPage('invalid_request', 'Sign in first.');
      case 'queued_consent_mismatch':
        return authorizeErrorPage('invalid_request', `The queued consent cannot answer this request: ${failure.problem}`);
    }
  },
};
