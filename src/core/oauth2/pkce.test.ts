// Unit tests of PKCE S256 (RFC 7636): the appendix B vector, matching verifiers, and the verifier syntax.
import { describe, expect, it } from 'vitest';
import { isWellFormedVerifier, s256, verifierMatches } from './pkce.js';

describe('PKCE S256', () => {
  it('computes the challenge of RFC 7636 appendix B', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('accepts the matching verifier only', () => {
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    expect(verifierMatches('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', challenge)).toBe(true);
    expect(verifierMatches('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj', challenge)).toBe(false);
  });

  it('refuses verifiers shorter than 43 or with other characters', () => {
    expect(isWellFormedVerifier('short')).toBe(false);
    expect(isWellFormedVerifier(`${'a'.repeat(42)}!`)).toBe(false);
    expect(isWellFormedVerifier('a'.repeat(128))).toBe(true);
    expect(isWellFormedVerifier('a'.repeat(129))).toBe(false);
  });
});
