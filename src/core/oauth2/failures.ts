// What can go wrong at an authorization server (RFC 6749 §4.1.2.1, §5.2; RFC 7636 §4.6; RFC 7009), as a tagged union each provider maps
// to its own words, as client-auth.ts does for client authentication.
import type { ProviderError } from '../errors.js';

/** A failure of the token or revocation endpoint: answered as the provider's RFC 6749 §5.2 error. */
export type TokenFailure =
  /** The body is not application/x-www-form-urlencoded. */
  | { kind: 'not_form' }
  | { kind: 'repeated'; name: string }
  | { kind: 'missing'; name: string }
  /** HTTP Basic and form credentials together (RFC 6749 §2.3). */
  | { kind: 'two_client_authentications' }
  | { kind: 'no_client' }
  | { kind: 'unknown_client' }
  | { kind: 'wrong_secret' }
  | { kind: 'unsupported_grant'; grantType: string; supported: readonly string[] }
  | { kind: 'invalid_grant'; reason: InvalidGrantReason }
  /** No scope sent where the grant needs one, or one the server does not know or may not grant. */
  | { kind: 'invalid_scope'; reason: 'missing' | 'unknown' | 'exceeds_grant' }
  | { kind: 'unsupported_token_type'; hint: string };

export type InvalidGrantReason =
  | 'code_unknown'
  | 'code_reused'
  | 'code_expired'
  | 'code_other_client'
  | 'redirect_uri_mismatch'
  | 'verifier_missing'
  | 'verifier_mismatch'
  | 'verifier_unexpected'
  | 'refresh_unknown'
  | 'refresh_expired'
  | 'refresh_revoked';

/** A failure of the authorization endpoint that is sent back to the client on its redirect URI (RFC 6749 §4.1.2.1). */
export type RedirectFailure =
  | { kind: 'repeated'; name: string }
  | { kind: 'unsupported_response_type' }
  | { kind: 'unsupported_challenge_method' }
  | { kind: 'invalid_challenge' }
  /** The provider's own scope rules refused the request; it gives its words. */
  | { kind: 'invalid_scope'; description: string };

/** What the authorization endpoint cannot send back (no known client, no registered redirect URI), or a sign-in gone stale: shown as a page. */
export type PageFailure =
  | { kind: 'unknown_client'; clientId: string | undefined }
  | { kind: 'unregistered_redirect_uri'; clientId: string; redirectUri: string | undefined }
  | { kind: 'interaction_expired' }
  | { kind: 'not_signed_in' }
  /** A decision queued over the admin API that cannot answer this request (a tenant the request may not have, say). */
  | { kind: 'queued_consent_mismatch'; problem: string };

/** A provider's words for every failure: RFC 6749 error codes with its own descriptions, headers and pages. */
export interface OAuthWords {
  token(failure: TokenFailure): ProviderError;
  /** `error` and `error_description` of the redirect. */
  redirect?(failure: RedirectFailure): { error: string; description: string };
  page?(failure: PageFailure): ProviderError;
}

/** RFC 6749 error codes of token failures, for providers whose words change only the description. */
export function tokenErrorCode(failure: TokenFailure): string {
  switch (failure.kind) {
    case 'no_client':
    case 'unknown_client':
    case 'wrong_secret':
      return 'invalid_client';
    case 'unsupported_grant':
      return 'unsupported_grant_type';
    case 'invalid_grant':
      return 'invalid_grant';
    case 'invalid_scope':
      return 'invalid_scope';
    case 'unsupported_token_type':
      return 'unsupported_token_type';
    default:
      return 'invalid_request';
  }
}

/** RFC 6749 error codes of redirected failures. */
export function redirectErrorCode(failure: RedirectFailure): string {
  return failure.kind === 'unsupported_response_type' ? 'unsupported_response_type' : failure.kind === 'invalid_scope' ? 'invalid_scope' : 'invalid_request';
}

/**
 * Descriptions of PKCE failures (RFC 7636 §4.4.1, §4.6) for providers whose documents give none: the sandbox's words, in one place so
 * every authorization server says them alike.
 */
export const PKCE_DESCRIPTIONS = {
  verifier_missing: 'The code_verifier is missing: the authorization request sent a code_challenge.',
  verifier_mismatch: 'The code_verifier does not match the code_challenge.',
  verifier_unexpected: 'A code_verifier was sent, but the authorization request had no code_challenge.',
  unsupported_challenge_method: 'Transform algorithm not supported: use code_challenge_method=S256.',
  invalid_challenge: 'Invalid code_challenge.',
} as const;
