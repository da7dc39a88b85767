// rezStream's client rules (seeds/001 "rezStream Cloud API", "OAuth API Authorization and Token Generation", "The Data and Endpoints"): the
// version header on every Cloud API call, the tenant header with a multi-tenant token, pages followed by Link, refresh tokens used. A client is
// its client id, or a manual token's tenant id.
import { bearerOf, field, identifyByTokens, issuedTokens, linkUrls, oauthClientOf, pageKey, pageKeyOfUrl, text } from '../verify/observed.js';
import { failed, notApplicable, passed, type ClientRule, type Observed, type ProviderRules } from '../verify/types.js';
import { doc } from './common.js';

const IDENTITY = 'account.rezstream.com';
const CLOUD = 'cloudapi.rezstream.com';
/** IdentityServer's default refresh token lifetime (decision 0004): rezStream publishes none. */
const REFRESH_LIFETIME_MS = 30 * 86_400_000;

const isCloudCall = (e: Observed): boolean => e.host === CLOUD && e.path !== '/openapi';
const isTokenRequest = (e: Observed): boolean => e.host === IDENTITY && e.method === 'POST' && e.path === '/connect/token';
const grantOf = (e: Observed): string | undefined => text(field(e.requestBody, 'grant_type'));
const issued = (e: Observed, name: 'access_token' | 'refresh_token'): string | undefined => (e.status === 200 ? text(field(e.responseJson, name)) : undefined);
const ownEntries = (all: readonly Observed[], client: string | undefined): Observed[] => all.filter((e) => e.client !== undefined && e.client === client);

/**
 * Whether each token reaches several tenants: what GET /auth/tokendetails said of it, or a refusal as ambiguous; failing both, whether its
 * authorization asked multiTenant=true (through the code, and every refresh after).
 */
function multiTenantTokens(all: readonly Observed[]): Map<string, boolean> {
  const asked = new Map<string, boolean>();
  const known = new Map<string, boolean>();
  const codes = new Set<string>();
  for (const e of all) {
    if (e.host === IDENTITY && e.path === '/connect/authorize' && e.query.get('multiTenant') === 'true') {
      const code = /[?&]code=([^&]+)/.exec(e.responseHeaders.location ?? '')?.[1];
      if (code) codes.add(decodeURIComponent(code));
    }
    if (isTokenRequest(e)) {
      const code = text(field(e.requestBody, 'code'));
      const refresh = text(field(e.requestBody, 'refresh_token'));
      const multi = (code !== undefined && codes.has(code)) || (refresh !== undefined && asked.get(refresh) === true);
      for (const token of [issued(e, 'access_token'), issued(e, 'refresh_token')]) if (token && multi) asked.set(token, true);
    }
    const token = bearerOf(e);
    if (token === undefined || e.host !== CLOUD) continue;
    const said = field(e.responseJson, 'multiTenant');
    if (e.path === '/auth/tokendetails' && e.status === 200 && typeof said === 'boolean') known.set(token, said);
    if (e.status === 401 && /more than one tenant/.test(String(field(e.responseJson, 'detail')))) known.set(token, true);
  }
  return new Map([...asked, ...known]);
}

const versionHeader: ClientRule = {
  id: 'rezstream.api-version-header',
  sentence: 'sends X-RezStream-Api-Version on every Cloud API call',
  source: doc('rezStream Cloud API'),
  check(entries) {
    const made = entries.filter(isCloudCall);
    if (made.length === 0) return notApplicable();
    const without = made.filter((e) => !e.requestHeaders['x-rezstream-api-version']?.trim());
    return without.length > 0 ? failed(without.map((e) => e.id), `${without.length} Cloud API call(s) without X-RezStream-Api-Version, from entry ${without[0]!.id}`) : passed(made.map((e) => e.id));
  },
};

const tenantHeader: ClientRule = {
  id: 'rezstream.tenant-header',
  sentence: 'sends X-RezStream-Tenant-ID on every Cloud API call made with a multi-tenant token',
  source: doc('OAuth API Authorization and Token Generation'),
  check(entries, ctx) {
    const multi = multiTenantTokens(ctx.all);
    const made = entries.filter((e) => isCloudCall(e) && e.path !== '/auth/tokendetails' && multi.get(bearerOf(e) ?? '') === true);
    if (made.length === 0) return notApplicable();
    const without = made.filter((e) => !e.requestHeaders['x-rezstream-tenant-id']?.trim());
    return without.length > 0 ? failed(without.map((e) => e.id), `${without.length} call(s) with a multi-tenant token and no X-RezStream-Tenant-ID, from entry ${without[0]!.id}`) : passed(made.map((e) => e.id));
  },
};

const isPageRequest = (e: Observed): boolean => isCloudCall(e) && e.method === 'GET' && ((e.query.has('skip') && e.query.get('skip') !== '0') || e.query.has('afterAt') || e.query.has('afterId'));

const linkPaging: ClientRule = {
  id: 'rezstream.link-paging',
  sentence: "asks for a further page only at a URL a previous answer's Link header gave",
  source: doc('The Data and Endpoints'),
  check(entries, ctx) {
    const pages = entries.filter(isPageRequest);
    if (pages.length === 0) return notApplicable();
    const history = ownEntries(ctx.all, entries[0]!.client);
    const handBuilt = pages.filter((page) => {
      const given = new Set(history.filter((e) => e.id < page.id).flatMap(linkUrls).map(pageKeyOfUrl));
      return !given.has(pageKey(page.host, page.path, page.query));
    });
    return handBuilt.length > 0 ? failed(handBuilt.map((e) => e.id), `entry ${handBuilt[0]!.id} asked for a page no Link header had given`) : passed(pages.map((e) => e.id));
  },
};

const refreshUsed: ClientRule = {
  id: 'rezstream.refresh-token-used',
  sentence: 'uses its refresh token, not a new authorization, once its access token has expired',
  source: doc('OAuth API Authorization and Token Generation'),
  check(entries, ctx) {
    const judged = new Set(entries.map((e) => e.id));
    const live = new Map<string, number>();
    let accessExpiresMs: number | undefined;
    let applicable = false;
    const refreshes: number[] = [];
    const reauthorized: number[] = [];
    for (const e of ownEntries(ctx.all, entries[0]!.client).filter(isTokenRequest)) {
      for (const [token, until] of live) if (until <= e.atMs) live.delete(token);
      const grant = grantOf(e);
      if (live.size > 0 && judged.has(e.id)) applicable = true;
      if (grant === 'refresh_token') {
        live.delete(text(field(e.requestBody, 'refresh_token')) ?? '');
        if (judged.has(e.id)) refreshes.push(e.id);
      } else if (grant === 'authorization_code' && live.size > 0 && accessExpiresMs !== undefined && accessExpiresMs <= e.atMs && judged.has(e.id)) {
        reauthorized.push(e.id);
      }
      const refresh = issued(e, 'refresh_token');
      if (refresh) live.set(refresh, e.atMs + REFRESH_LIFETIME_MS);
      const lifetime = field(e.responseJson, 'expires_in');
      if (issued(e, 'access_token') && typeof lifetime === 'number') accessExpiresMs = e.atMs + lifetime * 1000;
    }
    if (!applicable) return notApplicable();
    return reauthorized.length > 0 ? failed(reauthorized, `entry ${reauthorized[0]} exchanged a new authorization code while a refresh token was still good`) : passed(refreshes);
  },
};

export const ruleSet: ProviderRules = {
  provider: 'rezstream',
  identify(entries, credentials) {
    const known = new Map<string, string>();
    const manual = field(credentials, 'manualTokens');
    for (const t of Array.isArray(manual) ? manual : []) {
      const token = text(field(t, 'token'));
      const tenant = text(field(t, 'tenantId'));
      if (token && tenant) known.set(token, tenant);
    }
    identifyByTokens(entries, { clientOf: (e) => (e.host === IDENTITY ? oauthClientOf(e) : undefined), issued: issuedTokens, known });
  },
  rules: [versionHeader, tenantHeader, linkPaging, refreshUsed],
};
