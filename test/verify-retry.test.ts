// The rules every provider gets, over real HTTP for rezStream, OwnerRez, Hospitable and Entrata clients (Guesty's are in verify-guesty):
// Retry-After honoured after a 429, and retries after a 5xx with growing delays. The 429s and 5xx are injected on one path as faults, in
// each provider's own words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { accessToken, call, companyBase, MAPLE_COURT, RENT_INSIGHTS, rpc, SUNRISE } from './support/entrata.js';
import { call as hospitableCall, owner, seededToken } from './support/hospitable.js';
import { EXAMPLE_ACCESS_TOKEN, v2 } from './support/ownerrez.js';
import { ASPEN, cloud, manualToken } from './support/rezstream.js';
import { forceAnswers, lastId, outcome, verdict } from './support/verify.js';

interface Subject {
  provider: string;
  client: (sandbox: RunningSandbox) => string;
  host: string;
  path: string;
  /** A client ready to call (a token obtained), and its one call. */
  prepare: (sandbox: RunningSandbox) => Promise<() => Promise<unknown>>;
}

const subjects: Subject[] = [
  { provider: 'rezstream', client: () => ASPEN, host: 'cloudapi.rezstream.com', path: '/reservations/byDate', prepare: async (s) => () => cloud(s, '/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=10', { token: manualToken(s, ASPEN) }) },
  { provider: 'ownerrez', client: () => 'c_51234234', host: 'api.ownerrez.com', path: '/v2/properties', prepare: async (s) => () => v2(s, 'properties', { token: EXAMPLE_ACCESS_TOKEN }) },
  {
    provider: 'hospitable',
    client: (s) => owner(s).email,
    host: 'public.api.hospitable.com',
    path: '/v2/user',
    prepare: async (s) => () => hospitableCall(s, '/v2/user', { token: seededToken(s, 'read') }),
  },
  {
    provider: 'entrata',
    client: () => RENT_INSIGHTS,
    host: `${SUNRISE}.entrata.com`,
    path: '/api/customers',
    prepare: async (s) => {
      const token = await accessToken(s);
      return () => rpc(`${companyBase(s, SUNRISE)}/api/customers`, call('getCustomers', { propertyId: MAPLE_COURT }), { token });
    },
  },
];

describe.each(subjects)('the retry rules for $provider clients', ({ provider, client, host, path, prepare }) => {
  let sandbox: RunningSandbox;
  const judge = (rule: string) => verdict(sandbox, `${provider}.${rule}`, client(sandbox));

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: [provider], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it('passes a client that waits for Retry-After after a 429 and fails one that calls again before', async () => {
    const send = await prepare(sandbox);
    forceAnswers(sandbox, host, path, { status: 429, retryAfter: 5 });
    await send();
    const limited = lastId(sandbox);
    sandbox.clock.advance(5);
    await send();
    expect(outcome(await judge('retry-after-429'))).toEqual({ status: 'passed', evidence: [limited] });
    forceAnswers(sandbox, host, path, { status: 429, retryAfter: 5 });
    await send();
    sandbox.clock.advance(4);
    await send();
    expect(outcome(await judge('retry-after-429'))).toEqual({ status: 'failed', evidence: [lastId(sandbox) - 1, lastId(sandbox)] });
  });

  it('passes retries after a 5xx that wait 1 s and then 3 s and fails a retry at once', async () => {
    const send = await prepare(sandbox);
    forceAnswers(sandbox, host, path, { status: 503 }, 2);
    await send();
    sandbox.clock.advance(1);
    await send();
    sandbox.clock.advance(3);
    await send();
    expect((await judge('backoff-after-5xx')).status).toBe('passed');
    forceAnswers(sandbox, host, path, { status: 500 });
    await send();
    await send();
    expect(outcome(await judge('backoff-after-5xx'))).toEqual({ status: 'failed', evidence: [lastId(sandbox) - 1, lastId(sandbox)] });
  });

  it('gives not_applicable to a client that never met a 429 or a 5xx', async () => {
    await (await prepare(sandbox))();
    expect((await judge('retry-after-429')).status).toBe('not_applicable');
    expect((await judge('backoff-after-5xx')).status).toBe('not_applicable');
  });
});
