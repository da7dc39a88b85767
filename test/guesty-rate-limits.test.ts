// Guesty's Open API rate limits on the virtual clock (provider-facts "Rate limits": 15/second, 120/minute, 5,000/hour per account, shared by its
// tokens, X-RateLimit-* on every answer, 429 with Retry-After; the 429 body is Kong's, a README assumption).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/sandbox.js';
import { startGuestySandbox, type GuestyClientCredentials } from './support/guesty.js';

const RATE_LIMITED = { message: 'API rate limit exceeded' };
/** On a minute's first second, so advancing a few seconds stays inside one minute and one hour window. */
const START = '2026-11-01T10:00:00.000Z';

describe('Guesty Open API rate limits', () => {
  let sandbox: RunningSandbox;
  let base: string;
  let primary: GuestyClientCredentials;

  const tokenFor = async (creds: GuestyClientCredentials): Promise<string> => {
    const res = await fetch(`${base}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const listings = (token: string): Promise<Response> => fetch(`${base}/v1/listings?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
  const burst = async (token: string, n: number): Promise<Response[]> => {
    const answers: Response[] = [];
    for (let i = 0; i < n; i += 1) answers.push(await listings(token));
    return answers;
  };
  const remaining = (res: Response, window: 'Second' | 'Minute' | 'Hour'): number => Number(res.headers.get(`x-ratelimit-remaining-${window.toLowerCase()}`));

  beforeAll(async () => {
    ({ sandbox, base, primary } = await startGuestySandbox());
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
    sandbox.clock.set(START);
  });

  it('states the limits, and what remains of each, on every authenticated answer', async () => {
    const answers = await burst(await tokenFor(primary), 15);
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit-second')).toBe('15');
      expect(res.headers.get('x-ratelimit-limit-minute')).toBe('120');
      expect(res.headers.get('x-ratelimit-limit-hour')).toBe('5000');
      expect(remaining(res, 'Second')).toBe(14 - i);
      expect(remaining(res, 'Minute')).toBe(119 - i);
      expect(remaining(res, 'Hour')).toBe(4999 - i);
    });
  });

  it('refuses the 16th request within one second with 429 and Retry-After, and admits the next second', async () => {
    const token = await tokenFor(primary);
    await burst(token, 15);
    const sixteenth = await listings(token);
    expect(sixteenth.status).toBe(429);
    expect(await sixteenth.json()).toEqual(RATE_LIMITED);
    expect(sixteenth.headers.get('retry-after')).toBe('1');
    expect(sixteenth.headers.get('x-ratelimit-limit-second')).toBe('15');
    expect(remaining(sixteenth, 'Second')).toBe(0);

    sandbox.clock.advance(1);
    const next = await listings(token);
    expect(next.status).toBe(200);
    expect(remaining(next, 'Second')).toBe(14);
    // The refused request counted nowhere: 15 of the minute are spent, not 16.
    expect(remaining(next, 'Minute')).toBe(120 - 16);
  });

  it('refuses the 121st request within one minute until the minute is over', async () => {
    const token = await tokenFor(primary);
    for (let second = 0; second < 8; second += 1) {
      for (const res of await burst(token, 15)) expect(res.status).toBe(200);
      sandbox.clock.advance(1);
    }
    const over = await listings(token);
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual(RATE_LIMITED);
    expect(remaining(over, 'Minute')).toBe(0);
    expect(over.headers.get('retry-after')).toBe(String(60 - 8));
    sandbox.clock.advance(60 - 8);
    expect((await listings(token)).status).toBe(200);
  });

  it('refuses the 5001st request within one hour until the hour is over', async () => {
    const token = await tokenFor(primary);
    // At 15 a second and 120 a minute: 8 bursts in the first 8 seconds of each minute, then the rest of the minute waited out.
    let sent = 0;
    let last: Response | undefined;
    while (sent < 5000) {
      const answers = await burst(token, Math.min(15, 5000 - sent));
      expect(answers.every((res) => res.status === 200)).toBe(true);
      sent += answers.length;
      last = answers.at(-1);
      sandbox.clock.advance(sent % 120 === 0 ? 60 - 7 : 1);
    }
    expect(remaining(last!, 'Hour')).toBe(0);
    // 41 minutes of 120, then 80 requests in 6 one-second bursts: it is 10:41:06, and the hour window ends at 11:00:00.
    expect(sandbox.clock.now().toISOString()).toBe('2026-11-01T10:41:06.000Z');
    const over = await listings(token);
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual(RATE_LIMITED);
    expect(over.headers.get('retry-after')).toBe(String(3600 - (41 * 60 + 6)));
    sandbox.clock.advance(3600 - (41 * 60 + 6));
    const next = await listings(token);
    expect(next.status).toBe(200);
    expect(remaining(next, 'Hour')).toBe(4999);
  });

  it('shares the limits between two tokens of the same account', async () => {
    const first = await tokenFor(primary);
    const second = await tokenFor(primary);
    expect(second).not.toBe(first);
    await burst(first, 10);
    const fromSecond = await burst(second, 5);
    expect(fromSecond.map((res) => remaining(res, 'Second'))).toEqual([4, 3, 2, 1, 0]);
    expect((await listings(first)).status).toBe(429);
    expect((await listings(second)).status).toBe(429);
  });

  it('shares them with the tokens of another client of the same account, but not with another account', async () => {
    const created = await fetch(`${sandbox.url}/__sandbox/guesty/clients`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api: 'openApi' }) });
    const sameAccount = await tokenFor((await created.json()) as GuestyClientCredentials);
    const otherAccount = await tokenFor({ clientId: '<CLIENT_ID>', clientSecret: '<CLIENT_SECRET>' });
    await burst(await tokenFor(primary), 15);
    expect((await listings(sameAccount)).status).toBe(429);
    const other = await listings(otherAccount);
    expect(other.status).toBe(200);
    expect(remaining(other, 'Second')).toBe(14);
  });

  it('does not count requests the gateway refuses before the limits, nor token requests', async () => {
    for (let i = 0; i < 20; i += 1) expect((await listings('not-a-token')).status).toBe(401);
    const token = await tokenFor(primary);
    const res = await listings(token);
    expect(res.status).toBe(200);
    expect(remaining(res, 'Second')).toBe(14);
  });

  it('counts every operation of the account alike: reads of different resources share the second', async () => {
    const token = await tokenFor(primary);
    const paths = ['/v1/listings', '/v1/reservations', '/v1/guests-crud'];
    const answers: Response[] = [];
    for (let i = 0; i < 15; i += 1) answers.push(await fetch(`${base}${paths[i % 3]}?limit=1`, { headers: { Authorization: `Bearer ${token}` } }));
    expect(answers.map((res) => res.status)).toEqual(Array(15).fill(200));
    expect(answers.map((res) => remaining(res, 'Second'))).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect((await fetch(`${base}/v1/reservations?limit=1`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(429);
  });
});
