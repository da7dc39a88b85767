// Tenants of a token (seeds/001, "OAuth API Authorization and Token Generation"): /auth/tokendetails shows them; a multi-tenant token needs
// X-RezStream-Tenant-ID on other endpoints, else 401; a tenant outside the token is refused (403, the README's assumption).
import type { CaseContext, ContractCase } from '../types.js';
import { asArray, asObject, assumption, cloud, doc, NO_SUCH_TENANT, PROBLEM_DETAILS, problemFailure } from './common.js';
import { multiTenantToken, seeded } from './token-sources.js';

const SECTION = doc('OAuth API Authorization and Token Generation');
const FOREIGN = assumption(`${PROBLEM_DETAILS}: 403 for a tenant id outside the token`);
const BY_DATE = '/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=20';

const tenantIds = (body: unknown): string[] => asArray(asObject(body).tenants).map((t) => String(asObject(t).id));

/** The multi-tenant token, and the tenants its /auth/tokendetails lists. */
async function multiTenant(ctx: CaseContext): Promise<void> {
  const token = await multiTenantToken(ctx);
  ctx.state.remember('token', token);
  const res = await ctx.send(cloud('/auth/tokendetails', { auth: { bearer: token } }));
  const ids = tenantIds(res.body);
  if (res.status !== 200 || ids.length < 2) throw new Error(`before: /auth/tokendetails answered ${res.status} with ${ids.length} tenant(s) for the multi-tenant token`);
  ctx.state.remember('tenants', ids.join(' '));
}

const bearer = (ctx: CaseContext) => ({ bearer: ctx.state.recall('token') });

export const tenantCases: ContractCase[] = [
  {
    id: 'tenants.details-single',
    sentence: "lists exactly the manual token's one tenant at /auth/tokendetails",
    source: SECTION,
    before: async (ctx) => void ctx.state.remember('tenant', await ctx.token('tenant')),
    request: cloud('/auth/tokendetails'),
    expect: {
      status: 200,
      bodySchema: 'getTokenDetails',
      check: (body, _res, ctx) => {
        const ids = tenantIds(body);
        return ids.length === 1 && ids[0] === ctx.state.recall('tenant') ? undefined : `tenants are ${JSON.stringify(ids)}, not [${ctx.state.recall('tenant')}]`;
      },
    },
  },
  {
    id: 'tenants.details-multi',
    sentence: 'lists every tenant of a multi-tenant token at /auth/tokendetails, without X-RezStream-Tenant-ID',
    source: SECTION,
    before: async (ctx) => {
      ctx.state.remember('token', await multiTenantToken(ctx));
      if (ctx.target.kind === 'sandbox') ctx.state.remember('consented', (await seeded(ctx)).users.find((u) => u.tenants.length > 1)!.tenants.slice(0, 2).join(' '));
    },
    request: (ctx) => cloud('/auth/tokendetails', { auth: bearer(ctx) }),
    expect: {
      status: 200,
      bodySchema: 'getTokenDetails',
      check: (body, _res, ctx) => {
        const ids = tenantIds(body);
        if (ids.length < 2) return `a multi-tenant token lists ${JSON.stringify(ids)}`;
        // On a sandbox the approved tenants are known: the first two of the user's.
        const wanted = ctx.target.kind === 'sandbox' ? ctx.state.recall('consented').split(' ') : ids;
        return [...ids].sort().join() === [...wanted].sort().join() ? undefined : `tenants are ${JSON.stringify(ids)}, not the approved ${JSON.stringify(wanted)}`;
      },
    },
  },
  {
    id: 'tenants.multi-without-header',
    sentence: 'answers a multi-tenant token without X-RezStream-Tenant-ID with 401',
    source: SECTION,
    before: multiTenant,
    request: (ctx) => cloud(BY_DATE, { auth: bearer(ctx) }),
    expect: { status: 401, headers: { 'www-authenticate': /^Bearer\b/ }, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 401) },
  },
  {
    id: 'tenants.multi-with-header',
    sentence: 'serves a multi-tenant token that names one of its tenants in X-RezStream-Tenant-ID',
    source: SECTION,
    before: multiTenant,
    request: (ctx) => cloud(BY_DATE, { auth: bearer(ctx), tenant: ctx.state.recall('tenants').split(' ')[1]! }),
    expect: { status: 200, bodySchema: 'listReservationsByDate', check: (body) => (Array.isArray(body) ? undefined : 'the body is not an array') },
  },
  {
    id: 'tenants.single-with-own-header',
    sentence: 'serves a single-tenant token that names its own tenant in X-RezStream-Tenant-ID',
    source: SECTION,
    request: async (ctx) => cloud(BY_DATE, { tenant: await ctx.token('tenant') }),
    expect: { status: 200, bodySchema: 'listReservationsByDate' },
  },
  {
    id: 'tenants.unknown-tenant',
    sentence: 'refuses a tenant id outside the token with 403',
    source: FOREIGN,
    request: cloud(BY_DATE, { tenant: NO_SUCH_TENANT }),
    expect: { status: 403, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 403) },
  },
  {
    id: 'tenants.other-business',
    sentence: "refuses another business's tenant id with a manual token of the first with 403",
    source: FOREIGN,
    requires: ['sandbox'],
    before: async (ctx) => {
      const own = await ctx.token('tenant');
      const other = (await seeded(ctx)).manualTokens.find((t) => t.tenantId !== own);
      if (!other) throw new Error('before: the sandbox seeds a single business');
      ctx.state.remember('other', other.tenantId);
    },
    request: (ctx) => cloud(BY_DATE, { tenant: ctx.state.recall('other') }),
    expect: { status: 403, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 403) },
  },
];
