// The admin API's fixed shapes: origins, credentials, clock, reset, health, its OpenAPI document, and Guesty client creation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';

describe('the admin API', () => {
  let sandbox: RunningSandbox;
  const admin = (path: string, init?: RequestInit): Promise<Response> => fetch(`${sandbox.url}/__sandbox${path}`, init);
  const post = (path: string, body: unknown): Promise<Response> => admin(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('maps each real origin, as the documents write it, to a sandbox base URL without a trailing slash', async () => {
    const origins = (await (await admin('/origins')).json()) as Record<string, string>;
    expect(origins).toMatchObject({
      'https://open-api.guesty.com': `${sandbox.url}/open-api.guesty.com`,
      'https://booking.guesty.com': `${sandbox.url}/booking.guesty.com`,
      'https://account.rezstream.com': `${sandbox.url}/account.rezstream.com`,
      'https://cloudapi.rezstream.com': `${sandbox.url}/cloudapi.rezstream.com`,
    });
    for (const base of Object.values(origins)) expect(base.endsWith('/')).toBe(false);
  });

  it("lists rezStream's seeded client, users and one manual token per business", async () => {
    const creds = (await (await admin('/credentials')).json()) as {
      rezstream: { client: Record<string, unknown>; users: Array<Record<string, unknown>>; manualTokens: Array<Record<string, unknown>> };
    };
    expect(Object.keys(creds.rezstream).sort()).toEqual(['client', 'manualTokens', 'users']);
    expect(creds.rezstream.client).toEqual({ clientId: expect.any(String), clientSecret: expect.any(String), redirectUris: expect.arrayContaining(['https://oauth.pstmn.io/v1/callback']) });
    for (const user of creds.rezstream.users) expect(Object.keys(user).sort()).toEqual(['password', 'tenants', 'username']);
    expect(creds.rezstream.users.some((u) => (u.tenants as string[]).length > 1)).toBe(true);
    const tenants = new Set(creds.rezstream.manualTokens.map((t) => t.tenantId));
    expect(tenants.size).toBe(creds.rezstream.manualTokens.length);
    for (const token of creds.rezstream.manualTokens) expect(token).toEqual({ tenantId: expect.any(String), token: expect.stringMatching(/^[0-9A-F]{64}$/), scopes: expect.any(Array) });
  });

  it("lists the seeded credentials by provider id, in Guesty's words", async () => {
    const creds = (await (await admin('/credentials')).json()) as { guesty: Record<string, Record<string, string>> };
    expect(Object.keys(creds.guesty).sort()).toEqual(['bookingEngine', 'openApi']);
    for (const api of ['openApi', 'bookingEngine']) {
      expect(creds.guesty[api]!.clientId).toMatch(/^0oa[A-Za-z0-9]{17}$/);
      expect(creds.guesty[api]!.clientSecret).toMatch(/^[A-Za-z0-9_-]{40}$/);
    }
  });

  it('reads, sets and advances the virtual clock', async () => {
    const now = (await (await admin('/clock')).json()) as { now: string };
    expect(Math.abs(Date.parse(now.now) - Date.now())).toBeLessThan(5000);
    const set = (await (await post('/clock', { set: '2030-05-01T12:00:00Z' })).json()) as { now: string };
    expect(Date.parse(set.now) - Date.parse('2030-05-01T12:00:00Z')).toBeLessThan(1000);
    await post('/clock', { freeze: true });
    const frozen = (await (await post('/clock', { set: '2030-05-01T12:00:00Z' })).json()) as { now: string; frozen: boolean };
    expect(frozen).toEqual({ now: '2030-05-01T12:00:00.000Z', frozen: true });
    const advanced = (await (await post('/clock', { advanceSeconds: 86_400 })).json()) as { now: string };
    expect(advanced.now).toBe('2030-05-02T12:00:00.000Z');
    expect(sandbox.clock.now().toISOString()).toBe('2030-05-02T12:00:00.000Z');
  });

  it('refuses a clock change it cannot read with problem+json', async () => {
    for (const body of [{}, { advanceSeconds: 'soon' }, { set: 'tomorrow' }, [1]]) {
      const res = await post('/clock', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const malformed = await admin('/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(malformed.status).toBe(400);
  });

  it('answers health with 200 and serves its own OpenAPI document', async () => {
    expect((await admin('/health')).status).toBe(200);
    const doc = (await (await admin('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/__sandbox/origins', '/__sandbox/credentials', '/__sandbox/clock', '/__sandbox/reset', '/__sandbox/journal', '/__sandbox/health', '/__sandbox/guesty/clients', '/__sandbox/rezstream/consent', '/__sandbox/rezstream/tenants/{tenantId}/tokens']));
  });

  it('creates a Guesty client whose secret is shown once and which gets a token', async () => {
    const res = await post('/guesty/clients', { api: 'openApi' });
    expect(res.status).toBe(201);
    const client = (await res.json()) as { clientId: string; clientSecret: string };
    expect(client.clientId).toMatch(/^0oa/);
    const listed = await (await admin('/guesty/clients')).text();
    expect(listed).toContain(client.clientId);
    expect(listed).not.toContain(client.clientSecret);
    const token = await fetch(`${sandbox.origins['https://open-api.guesty.com']}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: client.clientId, client_secret: client.clientSecret }),
    });
    expect(token.status).toBe(200);
    expect((await post('/guesty/clients', { api: 'airbnb' })).status).toBe(400);
  });

  it('forgets created clients on reset', async () => {
    const client = (await (await post('/guesty/clients', {})).json()) as { clientId: string };
    expect((await post('/reset', {})).status).toBe(200);
    expect(await (await admin('/guesty/clients')).text()).not.toContain(client.clientId);
  });

  it('answers an unknown admin route with problem+json', async () => {
    const res = await admin('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
