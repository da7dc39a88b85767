// PKCE (RFC 7636): the S256 transform, and the verifier syntax of §4.1 (43 to 128 unreserved characters).
import { createHash } from 'node:crypto';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isWellFormedVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

/** `BASE64URL(SHA256(ASCII(code_verifier)))`, §4.2. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function verifierMatches(verifier: string, challenge: string): boolean {
  return isWellFormedVerifier(verifier) && s256(verifier) === challenge;
}
