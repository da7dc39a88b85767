// auth.hospitable.com's words for every failure of the core authorization server: league/oauth2-server's error codes, descriptions and hints,
// as Laravel Passport (behind Hospitable's `eyJ0eXA…` tokens and `def50200…` refresh tokens) answers them. provider-facts.md §2 prints none.
// The checks themselves (codes, PKCE, refresh) are core/oauth2's; where league has no words of its own, core's PKCE_DESCRIPTIONS are used.
import { PKCE_DESCRIPTIONS, type InvalidGrantReason, type OAuthWords } from '../../core/oauth2/failures.js';
import { authorizeErrorPage, LEAGUE, oauthErrors } from './errors.js';

const GRANT_HINTS: Readonly<Record<InvalidGrantReason, string>> = {
  code_unknown: 'Cannot decrypt the authorization code',
  code_reused: 'Authorization code has been revoked',
  code_expired: 'Authorization code has expired',
  code_other_client: 'Authorization code was not issued to this client',
  redirect_uri_mismatch: 'Invalid redirect URI',
  verifier_missing: 'Check the `code_verifier` parameter',
  verifier_mismatch: 'Failed to verify `code_verifier`.',
  verifier_unexpected: PKCE_DESCRIPTIONS.verifier_unexpected,
  refresh_unknown: 'Cannot decrypt the refresh token',
  refresh_expired: 'Token has expired',
  refresh_revoked: 'Token has been revoked',
};

export const oauthWords: Required<OAuthWords> = {
  token: (failure) => {
    switch (failure.kind) {
      case 'missing':
      case 'repeated':
        return oauthErrors.invalidRequest(failure.name);
      case 'not_form':
      case 'two_client_authentications':
        return oauthErrors.invalidRequest('client_id');
      case 'no_client':
      case 'unknown_client':
      case 'wrong_secret':
        return oauthErrors.invalidClient();
      case 'unsupported_grant':
        return oauthErrors.unsupportedGrant();
      case 'invalid_grant':
        // league answers a redirect URI mismatch and a missing verifier as invalid_request, the rest as invalid_grant.
        if (failure.reason === 'redirect_uri_mismatch' || failure.reason === 'verifier_missing' || failure.reason === 'verifier_unexpected') return oauthErrors.error(400, 'invalid_request', GRANT_HINTS[failure.reason]);
        return oauthErrors.invalidGrant(GRANT_HINTS[failure.reason]);
      case 'invalid_scope':
        return oauthErrors.invalidScope(failure.reason === 'missing' ? 'scope' : 'requested');
      case 'unsupported_token_type':
        return oauthErrors.invalidRequest('token_type_hint');
    }
  },
  redirect: (failure) => {
    switch (failure.kind) {
      case 'repeated':
        return { error: 'invalid_request', description: LEAGUE.invalid_request };
      case 'unsupported_response_type':
        return { error: 'unsupported_response_type', description: 'The authorization server does not support obtaining an authorization code using this method.' };
      case 'unsupported_challenge_method':
        return { error: 'invalid_request', description: 'Code challenge method must be S256' };
      case 'invalid_challenge':
        return { error: 'invalid_request', description: 'Code challenge must follow the specifications of RFC-7636.' };
      case 'invalid_scope':
        return { error: 'invalid_scope', description: failure.description };
    }
  },
  page: (failure) => {
    switch (failure.kind) {
      // league answers an unknown client or redirect URI with invalid_client as JSON, never redirected.
      case 'unknown_client':
      case 'unregistered_redirect_uri':
        return oauthErrors.invalidClient();
      case 'interaction_expired':
        return authorizeErrorPage('invalid_request', 'This sign-in has expired or was already completed; start again from the application.');
      case 'not_signed_in':
        return authorizeErrorPage('invalid_request', 'Sign in first.');
      case 'queued_consent_mismatch':
        return authorizeErrorPage('invalid_request', `The queued consent cannot answer this request: ${failure.problem}`);
    }
  },
};
