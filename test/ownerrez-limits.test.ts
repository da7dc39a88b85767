// OwnerRez's per-IP limits on the virtual clock (seeds/000; provider-facts §1): personal access tokens of at most two user accounts from one
// IP address in 24 hours, the client being the socket's address (127.0.0.2 and 127.0.0.3 are two clients), X-Forwarded-For only with the
// trust-proxy setting; and 300 requests in 5 minutes an IP address, then the published 429, off with --no-rate-limits.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { appBase, basic, ownerrezCredentials, requestFrom, type Answer } from './support/ownerrez.js';

const RATE_LIMITED = { code: 429, error: 'Rate limit exceeded.' };

describe('OwnerRez per-IP limits', () => {
  let sandbox: RunningSandbox;
  /** The lookup of the seed's user `n` (0: wylie), from `ip`. */
  const asUser = (n: number, ip: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const user = ownerrezCredentials(sandbox).users[n]!;
    return requestFrom(ip, `${appBase(sandbox)}/api/properties/lookup`, { headers: { Authorization: basic(user.email, user.personalAccessToken), ...headers } });
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  describe('two user accounts an IP address in 24 hours', () => {
    it('refuses the third account from one IP address with the rate-limit answer, and keeps serving the first two', async () => {
      expect((await asUser(0, '127.0.0.2')).status).toBe(200);
      expect((await asUser(1, '127.0.0.2')).status).toBe(200);
      const third = await asUser(2, '127.0.0.2');
      expect(third.status).toBe(429);
      expect(third.json()).toEqual(RATE_LIMITED);
      expect(third.headers['retry-after']).toBe(String(24 * 3600));
      expect(third.headers['x-pms-sandbox-limit']).toBe('personal access tokens from 127.0.0.2 have reached two user accounts in the last 24 hours');
      expect((await asUser(0, '127.0.0.2')).status).toBe(200);
      expect((await asUser(1, '127.0.0.2')).status).toBe(200);
    });

    it('counts IP addresses apart', async () => {
      await asUser(0, '127.0.0.2');
      await asUser(1, '127.0.0.2');
      expect((await asUser(2, '127.0.0.3')).status).toBe(200);
      expect((await asUser(0, '127.0.0.3')).status).toBe(200);
      expect((await asUser(2, '127.0.0.2')).status).toBe(429);
    });

    it('allows the third account once 24 hours have passed since the others were last used', async () => {
      await asUser(0, '127.0.0.2');
      sandbox.clock.advance(3600);
      await asUser(1, '127.0.0.2');
      sandbox.clock.advance(23 * 3600 - 1);
      const early = await asUser(2, '127.0.0.2');
      expect(early.status).toBe(429);
      expect(early.headers['retry-after']).toBe('1');
      sandbox.clock.advance(1);
      expect((await asUser(2, '127.0.0.2')).status).toBe(200);
      // Wylie's account left the window; Rosa's (used an hour later) and Sam's now fill it.
      expect((await asUser(0, '127.0.0.2')).status).toBe(429);
    });

    it('reads the socket address, not X-Forwarded-For, by default', async () => {
      await asUser(0, '127.0.0.2', { 'X-Forwarded-For': '203.0.113.1' });
      await asUser(1, '127.0.0.2', { 'X-Forwarded-For': '203.0.113.2' });
      expect((await asUser(2, '127.0.0.2', { 'X-Forwarded-For': '203.0.113.3' })).status).toBe(429);
    });

    it('does not count refused credentials', async () => {
      await asUser(0, '127.0.0.2');
      const wrong = await requestFrom('127.0.0.2', `${appBase(sandbox)}/api/properties/lookup`, { headers: { Authorization: basic('rosa@lakeshore-rentals.example', 'pt_wrong') } });
      expect(wrong.status).toBe(401);
      expect((await asUser(2, '127.0.0.2')).status).toBe(200);
    });
  });

  describe('300 requests in 5 minutes an IP address', () => {
    it('answers 429 with the published body from the 301st request, then serves again as the window slides on', async () => {
      for (let n = 0; n < 300; n += 1) {
        const res = await asUser(0, '127.0.0.4');
        if (res.status !== 200) throw new Error(`request ${n + 1} answered ${res.status}`);
      }
      const over = await asUser(0, '127.0.0.4');
      expect(over.status).toBe(429);
      expect(over.json()).toEqual(RATE_LIMITED);
      expect(over.headers['retry-after']).toBe('300');
      expect((await asUser(0, '127.0.0.5')).status).toBe(200);
      sandbox.clock.advance(300);
      expect((await asUser(0, '127.0.0.4')).status).toBe(200);
    });
  });
});

describe('OwnerRez per-IP limits with the sandbox settings', () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(() => sandbox?.close());

  it('read X-Forwarded-For with the trust-proxy setting on', async () => {
    sandbox = await startSandbox({ trustProxy: true });
    const users = ownerrezCredentials(sandbox).users;
    const from = (n: number, forwarded: string): Promise<Answer> =>
      requestFrom('127.0.0.2', `${appBase(sandbox!)}/api/properties/lookup`, { headers: { Authorization: basic(users[n]!.email, users[n]!.personalAccessToken), 'X-Forwarded-For': forwarded } });
    await from(0, '203.0.113.1');
    await from(1, '203.0.113.1');
    expect((await from(2, '203.0.113.1')).status).toBe(429);
    expect((await from(2, '203.0.113.2, 10.0.0.1')).status).toBe(200);
  });

  it('stop counting requests with rate limits off, while the account limit stays', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const users = ownerrezCredentials(sandbox).users;
    const from = (n: number): Promise<Answer> => requestFrom('127.0.0.2', `${appBase(sandbox!)}/api/properties/lookup`, { headers: { Authorization: basic(users[n]!.email, users[n]!.personalAccessToken) } });
    for (let n = 0; n < 301; n += 1) expect((await from(0)).status).toBe(200);
    await from(1);
    expect((await from(2)).status).toBe(429);
  });
});
