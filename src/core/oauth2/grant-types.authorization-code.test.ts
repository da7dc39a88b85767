// Unit tests of the authorization_code grant (RFC 6749 §4.1.3, §10.5; RFC 7636 §4.6): single-use codes on the clock, client and redirect URI, PKCE.
import { beforeEach, describe, expect, it } from 'vitest';
import { CLIENTS, exchange, issueCode, LIFETIMES, postToken, REDIRECT_URI, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

/** RFC 7636 appendix B. */
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const invalidGrant = (reason: string) => ({ error: 'invalid_grant', failure: { kind: 'invalid_grant', reason } });

describe('the authorization_code grant', () => {
  let tiny: TinyServer;
  beforeEach(() => {
    tiny = tinyServer();
  });

  it('exchanges a code for the tokens the provider makes of its grant', async () => {
    const res = await exchange(tiny, issueCode(tiny, { nonce: 'n-1' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: 'at_1', token_type: 'Bearer', refresh_token: expect.stringMatching(/^[0-9A-F]{64}$/), scope: 'read offline', nonce: 'n-1' });
  });

  it('needs no redirect_uri for a code issued without one (RFC 6749 §4.1.3), and refuses none sent for a code issued with one', async () => {
    const res = await postToken(tiny.app, { grant_type: 'authorization_code', code: issueCode(tiny, { withoutRedirectUri: true }) });
    expect(res.status).toBe(200);
    const withUri = await postToken(tiny.app, { grant_type: 'authorization_code', code: issueCode(tiny) });
    expect(withUri.body).toEqual(invalidGrant('redirect_uri_mismatch'));
  });

  it('takes a token request without redirect_uri where the provider makes it optional, and still refuses a different one', async () => {
    const optional = tinyServer({ tokenRedirectUri: 'optional' });
    expect((await postToken(optional.app, { grant_type: 'authorization_code', code: issueCode(optional) })).status).toBe(200);
    const other = await postToken(optional.app, { grant_type: 'authorization_code', code: issueCode(optional), redirect_uri: 'http://localhost:9/elsewhere' });
    expect(other.body).toEqual(invalidGrant('redirect_uri_mismatch'));
  });

  it('refuses a request without code', async () => {
    const res = await postToken(tiny.app, { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI });
    expect(res.body).toEqual({ error: 'invalid_request', failure: { kind: 'missing', name: 'code' } });
  });

  it('refuses an unknown code', async () => {
    expect((await exchange(tiny, 'NOT-A-CODE')).body).toEqual(invalidGrant('code_unknown'));
  });

  it('refuses a code once its lifetime has passed, and not a second before', async () => {
    const early = issueCode(tiny);
    const late = issueCode(tiny);
    tiny.clock.advance(LIFETIMES.code - 1);
    expect((await exchange(tiny, early)).status).toBe(200);
    tiny.clock.advance(1);
    expect((await exchange(tiny, late)).body).toEqual(invalidGrant('code_expired'));
  });

  it('refuses a reused code and revokes the access and refresh tokens it gave', async () => {
    const code = issueCode(tiny);
    const first = (await exchange(tiny, code)).body as { access_token: string; refresh_token: string };
    expect(tiny.revokedAccess).toEqual([]);
    expect((await exchange(tiny, code)).body).toEqual(invalidGrant('code_reused'));
    expect(tiny.revokedAccess).toEqual([first.access_token, first.refresh_token]);
    expect(tiny.access.get(first.access_token)?.revoked).toBe(true);
    const refresh = await postToken(tiny.app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refresh.body).toEqual(invalidGrant('refresh_revoked'));
  });

  it('revokes, on a reused code, the tokens rotated from the refresh token it gave', async () => {
    const code = issueCode(tiny);
    const first = (await exchange(tiny, code)).body as { refresh_token: string };
    const rotated = (await postToken(tiny.app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).body as { access_token: string; refresh_token: string };
    await exchange(tiny, code);
    expect(tiny.access.get(rotated.access_token)?.revoked).toBe(true);
    expect((await postToken(tiny.app, { grant_type: 'refresh_token', refresh_token: rotated.refresh_token })).body).toEqual(invalidGrant('refresh_revoked'));
  });

  it("refuses another client's code", async () => {
    const code = issueCode(tiny, { clientId: 'other' });
    const res = await postToken(tiny.app, { grant_type: 'authorization_code', code, redirect_uri: CLIENTS.other!.redirectUris![0]! });
    expect(res.body).toEqual(invalidGrant('code_other_client'));
  });

  it('refuses a redirect_uri other than the one of the authorization request, or none', async () => {
    expect((await exchange(tiny, issueCode(tiny), { redirect_uri: 'https://app.example/other' })).body).toEqual(invalidGrant('redirect_uri_mismatch'));
    const res = await postToken(tiny.app, { grant_type: 'authorization_code', code: issueCode(tiny) });
    expect(res.body).toEqual(invalidGrant('redirect_uri_mismatch'));
  });

  it('refuses a repeated code_verifier', async () => {
    const code = issueCode(tiny, { challenge: CHALLENGE });
    const res = await postToken(tiny.app, `grant_type=authorization_code&client_id=app&client_secret=app-secret&code=${code}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&code_verifier=${VERIFIER}&code_verifier=${VERIFIER}`);
    expect(res.body.failure).toEqual({ kind: 'repeated', name: 'code_verifier' });
  });

  describe('with PKCE', () => {
    it('refuses a missing verifier when the request sent a challenge', async () => {
      expect((await exchange(tiny, issueCode(tiny, { challenge: CHALLENGE }))).body).toEqual(invalidGrant('verifier_missing'));
    });

    it('refuses a verifier that does not match the challenge', async () => {
      const res = await exchange(tiny, issueCode(tiny, { challenge: CHALLENGE }), { code_verifier: `${VERIFIER.slice(0, -1)}j` });
      expect(res.body).toEqual(invalidGrant('verifier_mismatch'));
    });

    it('refuses a verifier when the request sent no challenge', async () => {
      expect((await exchange(tiny, issueCode(tiny), { code_verifier: VERIFIER })).body).toEqual(invalidGrant('verifier_unexpected'));
    });

    it('accepts the verifier of RFC 7636 appendix B', async () => {
      const res = await exchange(tiny, issueCode(tiny, { challenge: CHALLENGE }), { code_verifier: VERIFIER });
      expect(res.status).toBe(200);
      expect(res.body.access_token).toBe('at_1');
    });
  });
});
