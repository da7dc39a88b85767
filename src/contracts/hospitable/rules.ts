// Hospitable's client rules (seeds/002 "Accessing the Public API with a personal access token"; provider-facts §2 scopes): no calendar change
// with a token that may not make one, personal access tokens on v2 only and v1's client-credentials tokens on v1 only. A client is a partner's
// or v1's client id, or a personal access token's account owner (their e-mail).
import { bearerOf, field, identifyByTokens, issuedTokens, oauthClientOf, text } from '../verify/observed.js';
import { failed, notApplicable, passed, type ClientRule, type Observed, type ProviderRules } from '../verify/types.js';
import { doc } from './common.js';

const API_HOST = 'public.api.hospitable.com';
const V1_HOST = 'api.hospitable.com';
const isTokenEndpoint = (e: Observed): boolean => e.path === '/oauth/token';
const isWrite = (e: Observed): boolean => e.method !== 'GET' && e.method !== 'HEAD';
/** The sandbox's 403s: a PAT or v1 client without the permission, an OAuth token without the scope. */
const isPermissionRefusal = (e: Observed): boolean => e.status === 403 && /unauthorized|scope/i.test(text(field(e.responseJson, 'reason_phrase')) ?? '');

interface SeededToken {
  token: string;
  permissions: string[];
}

/** The seeded personal access tokens and their permissions, by value. */
function seededTokens(credentials: unknown): Map<string, SeededToken> {
  const out = new Map<string, SeededToken>();
  const tokens = field(credentials, 'personalAccessTokens');
  for (const t of Array.isArray(tokens) ? tokens : []) {
    const token = text(field(t, 'token'));
    const permissions = field(t, 'permissions');
    if (token) out.set(token, { token, permissions: Array.isArray(permissions) ? permissions.map(String) : [] });
  }
  return out;
}

const noWriteWithoutPermission: ClientRule = {
  id: 'hospitable.no-write-without-permission',
  sentence: 'attempts no calendar change with a token that may only read (a Read-only personal access token, an OAuth token without calendar:write)',
  source: doc('Write: write access allows you to modify your property calendar\'s pricing and availability'),
  check(entries, ctx) {
    const readOnly = seededTokens(ctx.credentials);
    const writes = entries.filter((e) => e.host === API_HOST && isWrite(e));
    if (writes.length === 0) return notApplicable();
    const refused = writes.filter((e) => isPermissionRefusal(e) || readOnly.get(bearerOf(e) ?? '')?.permissions.includes('write') === false);
    return refused.length > 0 ? failed(refused.map((e) => e.id), `${refused.length} write(s) with a token that may only read, from entry ${refused[0]!.id}`) : passed(writes.map((e) => e.id));
  },
};

const apiVersionOfCredential: ClientRule = {
  id: 'hospitable.credential-for-its-api',
  sentence: "sends personal access tokens and partner tokens to v2 only, and v1's client-credentials tokens to v1 only",
  source: doc('Personal access tokens give you access to v2 of our Public API. To access v1 of our Public API, you can use Client ID and Client Secrets instead'),
  check(entries, ctx) {
    const v1Tokens = new Set(ctx.all.filter((e) => isTokenEndpoint(e) && text(field(e.requestBody, 'grant_type')) === 'client_credentials').map((e) => text(field(e.responseJson, 'access_token'))).filter(Boolean));
    const calls = entries.filter((e) => (e.host === API_HOST || e.host === V1_HOST) && bearerOf(e) !== undefined);
    if (calls.length === 0) return notApplicable();
    const crossed = calls.filter((e) => (e.host === V1_HOST) !== v1Tokens.has(bearerOf(e)!));
    return crossed.length > 0 ? failed(crossed.map((e) => e.id), `${crossed.length} call(s) with a token of the other API version, from entry ${crossed[0]!.id}`) : passed(calls.map((e) => e.id));
  },
};

export const ruleSet: ProviderRules = {
  provider: 'hospitable',
  identify(entries, credentials) {
    // A seeded personal access token stands for its account's owner.
    const owners = new Map<string, string>();
    const users = field(credentials, 'users');
    for (const u of Array.isArray(users) ? users : []) if (field(u, 'role') === 'owner') owners.set(String(field(u, 'accountId')), String(field(u, 'email')).toLowerCase());
    const known = new Map<string, string>();
    const pats = field(credentials, 'personalAccessTokens');
    for (const t of Array.isArray(pats) ? pats : []) {
      const token = text(field(t, 'token'));
      const owner = owners.get(String(field(t, 'accountId')));
      if (token && owner) known.set(token, owner);
    }
    identifyByTokens(entries, { clientOf: (e) => (isTokenEndpoint(e) || e.path === '/oauth/authorize' ? oauthClientOf(e) : undefined), issued: issuedTokens, known });
  },
  rules: [noWriteWithoutPermission, apiVersionOfCredential],
};
