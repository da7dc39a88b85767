// Client verification of rezStream clients over real HTTP: a well-behaved client and a misbehaving one for each rule, judged on the journal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { ASPEN, cloud, codeFlowTokens, identityBase, manualToken, OUTER_BANKS, rezCredentials } from './support/rezstream.js';
import { lastId, outcome, verdict } from './support/verify.js';

const BY_DATE = '/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=10';

describe('client verification of rezStream clients', () => {
  let sandbox: RunningSandbox;
  let clientId: string;
  const refresh = async (refreshToken: string): Promise<{ access_token: string; refresh_token: string }> => {
    const { client } = rezCredentials(sandbox);
    const res = await fetch(`${identityBase(sandbox)}/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId, client_secret: client.clientSecret }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { access_token: string; refresh_token: string };
  };
  const linksOf = (res: Response): Record<string, string> =>
    Object.fromEntries([...(res.headers.get('link') ?? '').matchAll(/<([^>]*)>;\s*rel="(\w+)"/g)].map((m) => [m[2]!, m[1]!]));

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['rezstream'], logLevel: 'silent' });
    clientId = rezCredentials(sandbox).client.clientId;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it('passes a manual token client that sends the version header on every call and fails one that leaves it out once, naming its tenant', async () => {
    const token = manualToken(sandbox, ASPEN);
    await cloud(sandbox, BY_DATE, { token });
    await cloud(sandbox, '/auth/tokendetails', { token });
    const last = lastId(sandbox);
    expect(await verdict(sandbox, 'rezstream.api-version-header', ASPEN)).toMatchObject({ status: 'passed', client: ASPEN, evidence: [last - 1, last] });
    expect((await cloud(sandbox, BY_DATE, { token, version: null })).status).toBe(400);
    expect(outcome(await verdict(sandbox, 'rezstream.api-version-header', ASPEN))).toEqual({ status: 'failed', evidence: [last + 1] });
  });

  it('passes a multi-tenant client that names the tenant on every call and fails one that does not', async () => {
    const { access_token: token } = await codeFlowTokens(sandbox, { scope: 'reservations', tenants: [ASPEN, OUTER_BANKS], multiTenant: true });
    await cloud(sandbox, BY_DATE, { token, tenantId: ASPEN });
    await cloud(sandbox, BY_DATE, { token, tenantId: OUTER_BANKS });
    expect((await verdict(sandbox, 'rezstream.tenant-header', clientId)).status).toBe('passed');
    expect((await cloud(sandbox, BY_DATE, { token })).status).toBe(401);
    expect(outcome(await verdict(sandbox, 'rezstream.tenant-header', clientId))).toEqual({ status: 'failed', evidence: [lastId(sandbox)] });
  });

  it('holds a single-tenant token to no tenant header', async () => {
    const { access_token: token } = await codeFlowTokens(sandbox, { scope: 'reservations', tenants: [ASPEN] });
    await cloud(sandbox, BY_DATE, { token });
    expect((await verdict(sandbox, 'rezstream.tenant-header', clientId)).status).toBe('not_applicable');
  });

  it("passes a client that follows the Link header to the next page and fails one that builds a page URL", async () => {
    const token = manualToken(sandbox, ASPEN);
    const first = await cloud(sandbox, BY_DATE, { token });
    const next = linksOf(first).next!;
    expect(next).toContain('skip=10');
    await cloud(sandbox, next.slice(next.indexOf('/reservations')), { token });
    const followed = lastId(sandbox);
    expect(outcome(await verdict(sandbox, 'rezstream.link-paging', ASPEN))).toEqual({ status: 'passed', evidence: [followed] });
    await cloud(sandbox, '/reservations/byDate?from=2023-01-01&to=2024-01-01&skip=5&limit=10', { token });
    expect(outcome(await verdict(sandbox, 'rezstream.link-paging', ASPEN))).toEqual({ status: 'failed', evidence: [followed + 1] });
  });

  it('passes a client that refreshes once its access token has expired and fails one that asks for a new authorization', async () => {
    const tokens = await codeFlowTokens(sandbox, { scope: 'reservations offline_access', tenants: [ASPEN] });
    sandbox.clock.advance(3601);
    const refreshed = await refresh(tokens.refresh_token!);
    await cloud(sandbox, BY_DATE, { token: refreshed.access_token });
    expect((await verdict(sandbox, 'rezstream.refresh-token-used', clientId)).status).toBe('passed');
    sandbox.reset();
    await codeFlowTokens(sandbox, { scope: 'reservations offline_access', tenants: [ASPEN] });
    sandbox.clock.advance(3601);
    await codeFlowTokens(sandbox, { scope: 'reservations offline_access', tenants: [ASPEN] });
    const exchange = sandbox.journal.query({ path: '/connect/token' }).at(-1)!.id;
    expect(outcome(await verdict(sandbox, 'rezstream.refresh-token-used', clientId))).toEqual({ status: 'failed', evidence: [exchange] });
  });
});
