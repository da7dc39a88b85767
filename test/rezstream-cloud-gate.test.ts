// The Cloud API's gate over real HTTP (seeds/001, "rezStream Cloud API" and "OAuth API Authorization"): the version header, bearer reference
// tokens (code-flow, manual, revoked, expired), multi-tenant tokens and X-RezStream-Tenant-ID, scopes, and the read-only rule.
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { ASPEN, cloud, cloudBase, codeFlowTokens, EXAMPLE_RESERVATION, KONA, manualToken, OUTER_BANKS, rezCredentials } from './support/rezstream.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  traceId: string;
}

describe('the rezStream Cloud API gate', () => {
  let sandbox: RunningSandbox;
  const problem = async (res: Response): Promise<Problem> => {
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await res.json()) as Problem;
  };
  const admin = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sandbox.url}/__sandbox/rezstream${path}`, { ...init, headers: { 'Content-Type': 'application/json' } });
  const createManualToken = async (tenantId: string, scopes: string[]): Promise<{ id: string; token: string }> =>
    (await (await admin(`/tenants/${tenantId}/tokens`, { method: 'POST', body: JSON.stringify({ scopes }) })).json()) as { id: string; token: string };

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  describe('X-RezStream-Api-Version', () => {
    it('refuses a request without the version with 400 "Unspecified API version"', async () => {
      const res = await cloud(sandbox, '/auth/tokendetails', { token: manualToken(sandbox), version: null });
      expect(res.status).toBe(400);
      expect(await problem(res)).toMatchObject({ type: 'https://docs.api-versioning.org/problems#unspecified', title: 'Unspecified API version', status: 400 });
    });

    it('refuses a version the API does not have with 400 "Unsupported API version", naming the URL and the version', async () => {
      const res = await cloud(sandbox, '/reservations/byDate?from=2023-01-01&to=2024-01-01', { token: manualToken(sandbox, ASPEN), version: '2022-01-01' });
      expect(res.status).toBe(400);
      const body = await problem(res);
      expect(body.title).toBe('Unsupported API version');
      expect(body.detail).toBe(`The HTTP resource that matches the request URI '${cloudBase(sandbox)}/reservations/byDate' does not support the API version '2022-01-01'.`);
    });

    it('accepts exactly the versions the served document enumerates, and says so in api-supported-versions', async () => {
      const served = parse(await (await fetch(`${cloudBase(sandbox)}/openapi`)).text()) as { components: { parameters: { ApiVersion: { schema: { enum: string[] } } } } };
      const versions = served.components.parameters.ApiVersion.schema.enum;
      expect(versions.length).toBeGreaterThan(0);
      for (const version of versions) {
        const res = await cloud(sandbox, '/auth/tokendetails', { token: manualToken(sandbox), version });
        expect(res.status).toBe(200);
        expect(res.headers.get('api-supported-versions')).toBe(versions.join(', '));
      }
    });
  });

  describe('bearer reference tokens', () => {
    it('refuses a request without a token with 401 and a Bearer challenge', async () => {
      const res = await cloud(sandbox, '/auth/tokendetails');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('refuses an unknown token with 401 invalid_token', async () => {
      const res = await cloud(sandbox, '/auth/tokendetails', { token: 'A'.repeat(64) });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The access token is invalid."');
    });

    it('accepts a code-flow access token for 3600 s and refuses it with 401 from that second on', async () => {
      const tokens = await codeFlowTokens(sandbox, { scope: 'reservations', tenants: [ASPEN] });
      expect(tokens.expires_in).toBe(3600);
      sandbox.clock.advance(3599);
      expect((await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token })).status).toBe(200);
      sandbox.clock.advance(1);
      const res = await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error_description="The access token expired."');
    });

    it('keeps a manual token working a year on, and refuses it at once when revoked in the portal', async () => {
      const created = await createManualToken(KONA, ['reservations']);
      expect(created.token).toMatch(/^[0-9A-F]{64}$/);
      sandbox.clock.advance(365 * 86_400);
      expect((await cloud(sandbox, '/reservations/byDate?from=2026-01-01&to=2027-01-01', { token: created.token })).status).toBe(200);
      const listed = (await (await admin(`/tenants/${KONA}/tokens`)).json()) as { tokens: Array<Record<string, unknown>> };
      expect(listed.tokens.find((t) => t.id === created.id)).toEqual({ id: created.id, tenantId: KONA, scopes: ['reservations'], createdAt: expect.any(String) });
      expect(JSON.stringify(listed)).not.toContain(created.token);
      expect((await admin(`/tenants/${KONA}/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(204);
      const res = await cloud(sandbox, '/reservations/byDate?from=2026-01-01&to=2027-01-01', { token: created.token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('has been revoked');
    });
  });

  describe('/auth/tokendetails', () => {
    it("lists a manual token's one tenant with its information, no expiry and no client", async () => {
      const res = await cloud(sandbox, '/auth/tokendetails', { token: manualToken(sandbox, OUTER_BANKS) });
      expect(await res.json()).toEqual({
        clientId: null,
        scopes: rezCredentials(sandbox).manualTokens.find((t) => t.tenantId === OUTER_BANKS)!.scopes,
        multiTenant: false,
        expiresAt: null,
        tenants: [{ id: OUTER_BANKS, name: 'Outer Banks Getaways', timeZone: 'America/New_York', currency: 'USD', country: 'US', propertyCount: 2 }],
      });
    });

    it('lists both tenants of a multi-tenant token without needing X-RezStream-Tenant-ID', async () => {
      const tokens = await codeFlowTokens(sandbox, { scope: 'revenue_management', tenants: [ASPEN, KONA], multiTenant: true });
      const details = (await (await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token })).json()) as { multiTenant: boolean; tenants: Array<{ id: string }>; expiresAt: string };
      expect(details.multiTenant).toBe(true);
      expect(details.tenants.map((t) => t.id)).toEqual([ASPEN, KONA]);
      expect(Date.parse(details.expiresAt)).toBe(sandbox.clock.nowMs() + 3600_000);
    });
  });

  describe('multi-tenant tokens and X-RezStream-Tenant-ID', () => {
    let token: string;
    beforeEach(async () => {
      token = (await codeFlowTokens(sandbox, { scope: 'reservations', tenants: [ASPEN, KONA], multiTenant: true })).access_token;
    });

    it('answers 401 to a request that does not say which tenant it is for', async () => {
      const res = await cloud(sandbox, `/reservations/${EXAMPLE_RESERVATION}`, { token });
      expect(res.status).toBe(401);
      expect((await problem(res)).detail).toContain('X-RezStream-Tenant-ID');
    });

    it("answers for the named tenant only: the Aspen reservation is found for Aspen and not for Kona", async () => {
      expect((await cloud(sandbox, `/reservations/${EXAMPLE_RESERVATION}`, { token, tenantId: ASPEN })).status).toBe(200);
      expect((await cloud(sandbox, `/reservations/${EXAMPLE_RESERVATION}`, { token, tenantId: KONA })).status).toBe(404);
    });

    it('reads the header name and the tenant id without regard to case', async () => {
      const res = await fetch(`${cloudBase(sandbox)}/reservations/${EXAMPLE_RESERVATION}`, {
        headers: { authorization: `Bearer ${token}`, 'x-rezstream-api-version': '2024-06-01', 'x-rezstream-tenant-id': ASPEN.toUpperCase() },
      });
      expect(res.status).toBe(200);
    });

    it('refuses a tenant the token does not reach with 403', async () => {
      const res = await cloud(sandbox, '/reservations/byDate?from=2026-01-01&to=2027-01-01', { token, tenantId: OUTER_BANKS });
      expect(res.status).toBe(403);
      expect((await problem(res)).detail).toBe(`This token has no access to tenant ${OUTER_BANKS}.`);
    });
  });

  describe('scopes and writes', () => {
    it('refuses reservations to a token without a reservation scope with 403 insufficient_scope', async () => {
      const { token } = await createManualToken(ASPEN, ['inventory']);
      const res = await cloud(sandbox, '/reservations/byDate?from=2023-01-01&to=2024-01-01', { token });
      expect(res.status).toBe(403);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="reservations revenue_management guest_communication"');
      expect((await cloud(sandbox, '/auth/tokendetails', { token })).status).toBe(200);
    });

    it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s on a reservation with 403: the API only reads', async (method) => {
      const res = await cloud(sandbox, `/reservations/${EXAMPLE_RESERVATION}`, { token: manualToken(sandbox, ASPEN), method });
      expect(res.status).toBe(403);
      expect((await problem(res)).detail).toContain('read-only');
    });

    it.each(['/rates/nightly', '/inventory/units'])('refuses POST %s (a documented path) with 403 as well', async (path) => {
      const res = await cloud(sandbox, path, { token: manualToken(sandbox, ASPEN), method: 'POST' });
      expect(res.status).toBe(403);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    });

    it('checks the token before refusing a write, and answers a write to an undocumented path with 404', async () => {
      expect((await cloud(sandbox, '/inventory/units', { method: 'POST' })).status).toBe(401);
      const res = await cloud(sandbox, '/inventory/unit', { token: manualToken(sandbox, ASPEN), method: 'POST' });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-pms-sandbox-nearest-route')).toBe('GET /inventory/units');
    });

    it('guards the operations Prism answers like the rest: token, version, tenant', async () => {
      expect((await cloud(sandbox, '/inventory/units')).status).toBe(401);
      expect((await cloud(sandbox, '/inventory/units', { token: manualToken(sandbox, ASPEN), version: null })).status).toBe(400);
      const res = await cloud(sandbox, '/inventory/units', { token: manualToken(sandbox, ASPEN) });
      expect(res.status).toBe(200);
      expect(Array.isArray(await res.json())).toBe(true);
    });
  });

  it('serves openapi/rezstream.yaml at /openapi without a token or a version', async () => {
    const res = await fetch(`${cloudBase(sandbox)}/openapi`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(new URL('../openapi/rezstream.yaml', import.meta.url), 'utf8'));
  });
});
