// Entrata's seeded credentials and admin API over real HTTP: companies, apps (secret shown once) and installs made as Entrata's staff and
// users would, each then usable through the launch, the token exchange and the services (seeds/004).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { accessToken, call, companyBase, entrataCredentials, PORTAL_LITE, rpc, RENT_INSIGHTS, SUNRISE } from './support/entrata.js';

const post = (sandbox: RunningSandbox, path: string, body: unknown): Promise<Response> =>
  fetch(`${sandbox.url}/__sandbox/entrata${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('Entrata credentials and admin API', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['entrata'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('seeds two companies and two apps, one without getLeases, both installed by the first company', () => {
    const credentials = entrataCredentials(sandbox);
    expect(credentials.companies.map((c) => c.subdomain)).toEqual(['sunrise', 'blueoak']);
    expect(credentials.apps).toHaveLength(2);
    expect(credentials.apps.find((a) => a.clientId === PORTAL_LITE)!.scopes).not.toContain('getLeases');
    expect(credentials.apps.find((a) => a.clientId === RENT_INSIGHTS)!.scopes).toContain('getLeases');
    for (const app of credentials.apps) expect(credentials.installs).toContainEqual({ clientId: app.clientId, subdomain: SUNRISE });
    expect(credentials.basic.map((b) => Object.keys(b).sort())).toEqual(credentials.basic.map(() => ['password', 'subdomain', 'username']));
    expect(credentials.companies[0]!.users[0]).toEqual({ id: 4101, username: 'jdoe' });
  });

  it('makes a company whose users sign in with HTTP Basic at its own subdomain', async () => {
    const res = await post(sandbox, '/companies', { name: 'Granite Peak Living', subdomain: 'GranitePeak', properties: [{ name: 'Summit Flats' }], users: [{ username: 'kpatel', password: 'Granite-kpatel-1' }] });
    expect(res.status).toBe(201);
    const company = (await res.json()) as { subdomain: string; properties: Array<{ id: number }>; users: Array<{ username: string; password: string }> };
    expect(company.subdomain).toBe('granitepeak');
    const basic = { auth: { type: 'basic' }, requestId: 1, method: { name: 'getProperties', params: {} } };
    const answer = await rpc(`${companyBase(sandbox, 'granitepeak')}/api/properties`, basic, { basic: { username: 'kpatel', password: 'Granite-kpatel-1' } });
    expect(answer.body.response.result.PhysicalProperty.Property).toEqual([expect.objectContaining({ PropertyID: company.properties[0]!.id, MarketingName: 'Summit Flats' })]);
    expect((await post(sandbox, '/companies', { name: 'Again', subdomain: 'granitepeak', users: [{ username: 'x' }] })).status).toBe(409);
    expect((await post(sandbox, '/companies', { name: 'Bad', subdomain: 'not a host', users: [] })).status).toBe(400);
  });

  it('registers an app with its secret shown once, lets a company install it, and launches it', async () => {
    const res = await post(sandbox, '/apps', { name: 'Lease Audit', appUrl: 'http://localhost:4000/entrata/login', scopes: ['getLeases', 'getStatus'] });
    expect(res.status).toBe(201);
    const app = (await res.json()) as { clientId: string; clientSecret: string; scopes: string[] };
    expect(app.clientId).toMatch(/^[0-9a-f]{32}$/);
    const listed = (await (await fetch(`${sandbox.url}/__sandbox/entrata/apps`)).json()) as { apps: Array<Record<string, unknown>> };
    expect(listed.apps.find((a) => a.clientId === app.clientId)).not.toHaveProperty('clientSecret');
    expect((await post(sandbox, '/launch', { clientId: app.clientId, subdomain: SUNRISE })).status).toBe(409);
    expect((await post(sandbox, '/installs', { clientId: app.clientId, subdomain: SUNRISE })).status).toBe(201);
    const token = await accessToken(sandbox, app.clientId, SUNRISE);
    expect((await rpc(`${companyBase(sandbox, SUNRISE)}/api/status`, call('getStatus'), { token })).body.response.code).toBe(200);
    expect((await rpc(`${companyBase(sandbox, SUNRISE)}/api/customers`, call('getCustomers', { propertyId: 100001 }), { token })).body.response.error?.code).toBe(403);
  });

  it('refuses an app with a scope that is no web-service method, and a launch for an unknown user', async () => {
    expect((await post(sandbox, '/apps', { name: 'X', appUrl: 'https://x.example', scopes: ['getEverything'] })).status).toBe(400);
    expect((await post(sandbox, '/launch', { clientId: RENT_INSIGHTS, subdomain: SUNRISE, userId: 1 })).status).toBe(404);
  });
});
