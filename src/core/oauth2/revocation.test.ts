// Unit tests of token revocation (RFC 7009 §2): the client's own refresh and access tokens, another client's left alone, 200 for unknown tokens.
import { beforeEach, describe, expect, it } from 'vitest';
import { basic, exchange, issueCode, postForm, postToken, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

const revoke = (tiny: TinyServer, form: Record<string, string>, authorization?: string) => postForm(tiny.app, '/revoke', form, authorization);

describe('the revocation endpoint', () => {
  let tiny: TinyServer;
  let tokens: { access_token: string; refresh_token: string };
  beforeEach(async () => {
    tiny = tinyServer();
    tokens = (await exchange(tiny, issueCode(tiny))).body as typeof tokens;
  });

  it('authenticates the client as the token endpoint does', async () => {
    const res = await revoke(tiny, { token: tokens.refresh_token }, basic('app', 'wrong'));
    expect([res.status, res.body]).toEqual([401, { error: 'invalid_client', failure: { kind: 'wrong_secret' } }]);
  });

  it('refuses a request without token', async () => {
    expect((await revoke(tiny, { token_type_hint: 'refresh_token' })).body).toEqual({ error: 'invalid_request', failure: { kind: 'missing', name: 'token' } });
  });

  it('refuses a token_type_hint it does not know', async () => {
    const res = await revoke(tiny, { token: tokens.refresh_token, token_type_hint: 'id_token' });
    expect(res.body).toEqual({ error: 'unsupported_token_type', failure: { kind: 'unsupported_token_type', hint: 'id_token' } });
    expect(tiny.server.ledger.refresh.lookup(tokens.refresh_token).state).toBe('active');
  });

  it("revokes the client's own refresh token", async () => {
    const res = await revoke(tiny, { token: tokens.refresh_token, token_type_hint: 'refresh_token' });
    expect([res.status, res.text]).toEqual([200, '']);
    const refused = await postToken(tiny.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refused.body.failure).toEqual({ kind: 'invalid_grant', reason: 'refresh_revoked' });
  });

  it("revokes the client's own access token through the provider", async () => {
    expect((await revoke(tiny, { token: tokens.access_token })).status).toBe(200);
    expect(tiny.access.get(tokens.access_token)?.revoked).toBe(true);
  });

  it("answers 200 for another client's tokens and leaves them alone", async () => {
    const other = { client_id: 'other', client_secret: 'other-secret' };
    expect((await revoke(tiny, { ...other, token: tokens.refresh_token })).status).toBe(200);
    expect((await revoke(tiny, { ...other, token: tokens.access_token })).status).toBe(200);
    expect(tiny.server.ledger.refresh.lookup(tokens.refresh_token).state).toBe('active');
    expect(tiny.access.get(tokens.access_token)?.revoked).toBe(false);
  });

  it('answers 200 for an unknown token', async () => {
    const res = await revoke(tiny, { token: 'NOT-A-TOKEN', token_type_hint: 'access_token' });
    expect([res.status, res.text]).toEqual([200, '']);
  });
});
