// Guesty's token quota and token lifetime on the virtual clock (seeds/003 "Authentication": five tokens per 24 hours per clientId, 24-hour tokens,
// 403 once expired), and the gateway's 401 for a missing, malformed or foreign token (README assumptions).
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/sandbox.js';
import { startGuestySandbox, type GuestyClientCredentials } from './support/guesty.js';

const EXPIRED = { message: "You don't have permission to access, please contact Guesty support." };
const UNAUTHORIZED = { message: 'Unauthorized' };
const DAY = 86_400;

describe('Guesty token quota and expiry', () => {
  let sandbox: RunningSandbox;
  let base: string;
  let primary: GuestyClientCredentials;

  const requestToken = (creds: GuestyClientCredentials): Promise<Response> =>
    fetch(`${base}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret }),
    });
  const token = async (creds: GuestyClientCredentials = primary): Promise<string> => {
    const res = await requestToken(creds);
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const listings = (authorization?: string): Promise<Response> =>
    fetch(`${base}/v1/listings?limit=1`, { headers: { Accept: 'application/json', ...(authorization === undefined ? {} : { Authorization: authorization }) } });

  beforeAll(async () => {
    ({ sandbox, base, primary } = await startGuestySandbox());
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  describe('five tokens per client id per 24 hours', () => {
    it('grants five tokens and refuses a sixth within 24 hours with 429 and Retry-After', async () => {
      for (let i = 0; i < 5; i += 1) await token();
      const sixth = await requestToken(primary);
      expect(sixth.status).toBe(429);
      expect(await sixth.json()).toEqual({ message: 'API rate limit exceeded' });
      expect(sixth.headers.get('retry-after')).toBe(String(DAY));
    });

    it('grants a seventh once 24 hours of virtual time have passed since the first', async () => {
      for (let i = 0; i < 5; i += 1) await token();
      expect((await requestToken(primary)).status).toBe(429);
      sandbox.clock.advance(DAY - 1);
      const stillRefused = await requestToken(primary);
      expect(stillRefused.status).toBe(429);
      expect(stillRefused.headers.get('retry-after')).toBe('1');
      sandbox.clock.advance(1);
      const seventh = await requestToken(primary);
      expect(seventh.status).toBe(200);
      expect(await seventh.json()).toMatchObject({ token_type: 'Bearer', expires_in: DAY, scope: 'open-api' });
    });

    it('counts the window from each token: spread-out tokens come back one by one', async () => {
      for (let i = 0; i < 5; i += 1) {
        await token();
        sandbox.clock.advance(3600);
      }
      // Five tokens at 0h..4h, now 5h: the next frees up when the first is 24 hours old.
      const refused = await requestToken(primary);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe(String(DAY - 5 * 3600));
      sandbox.clock.advance(DAY - 5 * 3600);
      await token();
      expect((await requestToken(primary)).status).toBe(429);
      sandbox.clock.advance(3600);
      await token();
    });

    it("keeps another client's quota separate, in the same account or another", async () => {
      for (let i = 0; i < 5; i += 1) await token();
      expect((await requestToken(primary)).status).toBe(429);

      const created = await fetch(`${sandbox.url}/__sandbox/guesty/clients`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api: 'openApi' }) });
      expect(created.status).toBe(201);
      const sameAccount = (await created.json()) as GuestyClientCredentials;
      const documentClient = { clientId: '<CLIENT_ID>', clientSecret: '<CLIENT_SECRET>' };
      for (const other of [sameAccount, documentClient]) {
        for (let i = 0; i < 5; i += 1) await token(other);
        expect((await requestToken(other)).status).toBe(429);
      }
    });

    it('does not count a refused request against the quota', async () => {
      for (let i = 0; i < 3; i += 1) expect((await requestToken({ ...primary, clientSecret: 'wrong' })).status).toBe(401);
      for (let i = 0; i < 5; i += 1) await token();
    });

    it('starts every quota afresh on reset', async () => {
      for (let i = 0; i < 5; i += 1) await token();
      expect((await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
      await token();
    });
  });

  describe('a token lives 24 hours', () => {
    it('works at 86399 seconds and gets the exact 403 at 86400 seconds', async () => {
      const bearer = `Bearer ${await token()}`;
      expect((await listings(bearer)).status).toBe(200);
      sandbox.clock.advance(DAY - 1);
      expect((await listings(bearer)).status).toBe(200);
      sandbox.clock.advance(1);
      const expired = await listings(bearer);
      expect(expired.status).toBe(403);
      expect(await expired.json()).toEqual(EXPIRED);
      sandbox.clock.advance(DAY);
      expect((await listings(bearer)).status).toBe(403);
    });

    it('serves a fresh token once the old one expired, as the document advises', async () => {
      const old = `Bearer ${await token()}`;
      sandbox.clock.advance(DAY);
      expect((await listings(old)).status).toBe(403);
      const fresh = await listings(`Bearer ${await token()}`);
      expect(fresh.status).toBe(200);
    });
  });

  describe('tokens the gateway does not accept', () => {
    const expectUnauthorized = async (res: Response): Promise<void> => {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(UNAUTHORIZED);
    };

    it('answers a request without Authorization with 401', async () => {
      await expectUnauthorized(await listings());
    });

    it('answers a malformed Authorization with 401: Bearer alone, Basic credentials, garbage', async () => {
      const access = await token();
      for (const authorization of ['Bearer', 'Bearer ', `Basic ${Buffer.from(`${primary.clientId}:${primary.clientSecret}`).toString('base64')}`, access, 'garbage', 'Bearer garbage', 'Bearer a.b.c', `Token ${access}`]) {
        await expectUnauthorized(await listings(authorization));
      }
    });

    it('answers a token signed by another key with 401, whatever its claims', async () => {
      const real = await token();
      const claims = JSON.parse(Buffer.from(real.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const { privateKey } = await generateKeyPair('RS256');
      const kid = (JSON.parse(Buffer.from(real.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;
      const foreign = await new SignJWT(claims).setProtectedHeader({ kid, alg: 'RS256' }).sign(privateKey);
      await expectUnauthorized(await listings(`Bearer ${foreign}`));
    });

    it('answers a token whose claims were altered after signing with 401', async () => {
      const [header, payload, signature] = (await token()).split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
      const altered = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 365 * DAY })).toString('base64url');
      await expectUnauthorized(await listings(`Bearer ${header}.${altered}.${signature}`));
    });

    it('answers an unsigned token (alg none) with 401', async () => {
      const [, payload] = (await token()).split('.') as [string, string];
      const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
      await expectUnauthorized(await listings(`Bearer ${header}.${payload}.`));
    });
  });
});
