// Unit tests of the refresh_token grant (RFC 6749 §6, RFC 6819 §5.2.2.3): rotation, replay of a spent token, expiry, scope narrowing.
import { beforeEach, describe, expect, it } from 'vitest';
import { exchange, issueCode, LIFETIMES, postToken, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

interface Tokens {
  access_token: string;
  refresh_token: string;
  scope: string;
}

const invalidGrant = (reason: string) => ({ error: 'invalid_grant', failure: { kind: 'invalid_grant', reason } });

/** Tokens of a fresh code exchange, with a refresh token. */
async function signedIn(tiny: TinyServer, scopes = ['read', 'write', 'offline']): Promise<Tokens> {
  return (await exchange(tiny, issueCode(tiny, { scopes }))).body as Tokens;
}

const refresh = (tiny: TinyServer, token: string, form: Record<string, string> = {}) => postToken(tiny.app, { grant_type: 'refresh_token', refresh_token: token, ...form });

describe('the refresh_token grant, rotating', () => {
  let tiny: TinyServer;
  beforeEach(() => {
    tiny = tinyServer({ rotate: true });
  });

  it('refuses a request without refresh_token', async () => {
    expect((await postToken(tiny.app, { grant_type: 'refresh_token' })).body).toEqual({ error: 'invalid_request', failure: { kind: 'missing', name: 'refresh_token' } });
  });

  it('refuses an unknown refresh token', async () => {
    expect((await refresh(tiny, 'NOT-A-TOKEN')).body).toEqual(invalidGrant('refresh_unknown'));
  });

  it('answers a new refresh token each time and spends the old one', async () => {
    const first = await signedIn(tiny);
    const second = (await refresh(tiny, first.refresh_token)).body as Tokens;
    const third = (await refresh(tiny, second.refresh_token)).body as Tokens;
    expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);
    expect(third.access_token).toBe('at_3');
  });

  it('refuses a spent refresh token and revokes the chain rotated from it', async () => {
    const first = await signedIn(tiny);
    const second = (await refresh(tiny, first.refresh_token)).body as Tokens;
    const third = (await refresh(tiny, second.refresh_token)).body as Tokens;
    expect((await refresh(tiny, first.refresh_token)).body).toEqual(invalidGrant('refresh_revoked'));
    expect(tiny.revokedAccess).toEqual(expect.arrayContaining([second.access_token, second.refresh_token, third.access_token, third.refresh_token]));
    expect(tiny.access.get(first.access_token)?.revoked).toBe(false);
    expect((await refresh(tiny, third.refresh_token)).body).toEqual(invalidGrant('refresh_revoked'));
  });

  it('refuses a refresh token once its lifetime has passed', async () => {
    const tokens = await signedIn(tiny);
    tiny.clock.advance(LIFETIMES.refresh);
    expect((await refresh(tiny, tokens.refresh_token)).body).toEqual(invalidGrant('refresh_expired'));
    expect((await refresh(tiny, tokens.refresh_token)).body).toEqual(invalidGrant('refresh_expired'));
  });

  it('narrows the scope to a part of the grant', async () => {
    const tokens = await signedIn(tiny);
    const narrowed = await refresh(tiny, tokens.refresh_token, { scope: 'read offline' });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.scope).toBe('read offline');
  });

  it('refuses a scope beyond the grant and keeps the refresh token usable', async () => {
    const tokens = await signedIn(tiny, ['read', 'offline']);
    const res = await refresh(tiny, tokens.refresh_token, { scope: 'read write' });
    expect(res.body).toEqual({ error: 'invalid_scope', failure: { kind: 'invalid_scope', reason: 'exceeds_grant' } });
    expect((await refresh(tiny, tokens.refresh_token)).status).toBe(200);
  });

  it("refuses another client's refresh token without spending it", async () => {
    const tokens = await signedIn(tiny);
    const res = await postToken(tiny.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'other', client_secret: 'other-secret' });
    expect(res.body).toEqual(invalidGrant('refresh_unknown'));
    expect((await refresh(tiny, tokens.refresh_token)).status).toBe(200);
  });
});

describe('the refresh_token grant, not rotating', () => {
  it('accepts the same refresh token twice', async () => {
    const tiny = tinyServer({ rotate: false });
    const tokens = await signedIn(tiny);
    const once = await refresh(tiny, tokens.refresh_token);
    const twice = await refresh(tiny, tokens.refresh_token);
    expect([once.status, twice.status]).toEqual([200, 200]);
    expect(twice.body.access_token).not.toBe(once.body.access_token);
  });
});
