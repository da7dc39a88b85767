// Client verification of Guesty clients over real HTTP: a well-behaved client and a misbehaving one for each rule, judged on the journal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { guestyCredentials, openApiBase } from './support/guesty.js';
import { forceAnswers, lastId, outcome, verdict } from './support/verify.js';

describe('client verification of Guesty clients', () => {
  let sandbox: RunningSandbox;
  let clientId: string;
  const token = async (): Promise<string> => {
    const { clientSecret } = guestyCredentials(sandbox);
    const res = await fetch(`${openApiBase(sandbox)}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: clientId, client_secret: clientSecret }),
    });
    return ((await res.json()) as { access_token?: string }).access_token ?? '';
  };
  const listings = async (bearer: string): Promise<number> => (await fetch(`${openApiBase(sandbox)}/v1/listings?limit=1`, { headers: { Authorization: `Bearer ${bearer}` } })).status;
  const judge = (id: string) => verdict(sandbox, id, clientId);

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['guesty'], logLevel: 'silent' });
    clientId = guestyCredentials(sandbox).clientId;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it('passes five token requests a day and fails the sixth, naming it', async () => {
    for (let i = 0; i < 5; i += 1) {
      await token();
      sandbox.clock.advance(23 * 3600 + 1800);
    }
    expect(await judge('guesty.token-quota')).toMatchObject({ status: 'passed', client: clientId });
    sandbox.reset();
    for (let i = 0; i < 5; i += 1) await token();
    await token();
    expect(outcome(await judge('guesty.token-quota'))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('passes one token sent on every call and fails a token a call', async () => {
    const one = await token();
    for (let i = 0; i < 3; i += 1) await listings(one);
    expect((await judge('guesty.token-reused')).status).toBe('passed');
    sandbox.reset();
    await listings(await token());
    await listings(await token());
    expect(outcome(await judge('guesty.token-reused'))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('passes a renewal in the last hour or after the expiry 403 and fails one while the old token has hours to live', async () => {
    await listings(await token());
    sandbox.clock.advance(86_400 - 1800);
    await listings(await token());
    sandbox.clock.advance(86_400);
    await token();
    expect((await judge('guesty.token-renewal')).status).toBe('passed');
    sandbox.reset();
    const old = await token();
    sandbox.clock.advance(86_400);
    expect(await listings(old)).toBe(403);
    await listings(await token());
    expect((await judge('guesty.token-renewal')).status).toBe('passed');
    sandbox.reset();
    await listings(await token());
    sandbox.clock.advance(3600);
    await token();
    expect(outcome(await judge('guesty.token-renewal'))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('passes a client that renews after the expiry 403 and fails one that sends the refused token again', async () => {
    const old = await token();
    sandbox.clock.advance(86_400);
    expect(await listings(old)).toBe(403);
    await listings(await token());
    expect((await judge('guesty.no-call-after-expiry-403')).status).toBe('passed');
    sandbox.reset();
    const stale = await token();
    sandbox.clock.advance(86_400);
    await listings(stale);
    const refused = lastId(sandbox);
    await listings(stale);
    expect(outcome(await judge('guesty.no-call-after-expiry-403'))).toEqual({ status: 'failed', evidence: [refused, lastId(sandbox)] });
  });

  it('passes a client that waits for Retry-After after a 429 and fails one that calls again at once', async () => {
    const bearer = await token();
    let status = 200;
    while (status !== 429) status = await listings(bearer);
    const limited = lastId(sandbox);
    sandbox.clock.advance(1);
    expect(await listings(bearer)).toBe(200);
    expect(outcome(await judge('guesty.retry-after-429'))).toEqual({ status: 'passed', evidence: [limited] });
    sandbox.reset();
    const again = await token();
    status = 200;
    while (status !== 429) status = await listings(again);
    const first = lastId(sandbox);
    await listings(again);
    expect(outcome(await judge('guesty.retry-after-429'))).toEqual({ status: 'failed', evidence: [first, lastId(sandbox)] });
  });

  it('passes retries after a 5xx with growing delays and fails an immediate retry and a sixth retry', async () => {
    const bearer = await token();
    forceAnswers(sandbox, 'open-api.guesty.com', '/v1/listings', { status: 503 }, 2);
    await listings(bearer);
    sandbox.clock.advance(1);
    await listings(bearer);
    sandbox.clock.advance(2);
    expect(await listings(bearer)).toBe(200);
    expect((await judge('guesty.backoff-after-5xx')).status).toBe('passed');

    sandbox.reset();
    const storm = await token();
    forceAnswers(sandbox, 'open-api.guesty.com', '/v1/listings', { status: 500 }, 3);
    await listings(storm);
    await listings(storm);
    const retried = lastId(sandbox);
    expect(outcome(await judge('guesty.backoff-after-5xx'))).toEqual({ status: 'failed', evidence: [retried - 1, retried] });

    sandbox.reset();
    const stubborn = await token();
    forceAnswers(sandbox, 'open-api.guesty.com', '/v1/listings', { status: 502 }, 7);
    for (let i = 0; i < 7; i += 1) {
      await listings(stubborn);
      sandbox.clock.advance(2 ** i);
    }
    const failedRule = await judge('guesty.backoff-after-5xx');
    expect(failedRule.status).toBe('failed');
    expect(failedRule.evidence).toEqual([lastId(sandbox)]);
    expect(failedRule.reason).toMatch(/retried 6 times/);
  });
});
