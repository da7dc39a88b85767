// OwnerRez's client rules (seeds/000 "Authentication"; provider-facts §1 "Auth"): a User-Agent naming the app's client id on every OAuth call,
// personal access tokens for no third account from one IP in 24 hours, no write with a read-only app's token. A client is an app's client id
// or a personal access token's owner e-mail.
import { bearerOf, field, identifyByTokens, issuedTokens, oauthClientOf, text } from '../verify/observed.js';
import { failed, notApplicable, passed, type ClientRule, type Observed, type ProviderRules } from '../verify/types.js';
import { AUTHENTICATION, doc, facts } from './common.js';

const TOKEN_PATH = '/oauth/access_token';
const isTokenEndpoint = (e: Observed): boolean => e.path === TOKEN_PATH || e.path.startsWith(`${TOKEN_PATH}/`);
/** A call with an app's `at_` token over bearer, on either host. */
const isOAuthCall = (e: Observed): boolean => !isTokenEndpoint(e) && (bearerOf(e)?.startsWith('at_') ?? false);
const isPersonalCall = (e: Observed): boolean => e.credential?.scheme === 'basic' && e.credential.password.startsWith('pt_');
/** The sandbox's refusal of a third account from one IP: the rate limit's 429, with its own header naming the limit. */
const isThirdAccountRefusal = (e: Observed): boolean => e.status === 429 && /two user accounts/.test(e.responseHeaders['x-pms-sandbox-limit'] ?? '');
const isWrite = (e: Observed): boolean => e.method !== 'GET' && e.method !== 'HEAD';

function appScopes(credentials: unknown, all: readonly Observed[]): Map<string, string> {
  const scopes = new Map<string, string>();
  const apps = field(credentials, 'apps');
  for (const app of Array.isArray(apps) ? apps : []) {
    const id = text(field(app, 'clientId'));
    const scope = text(field(app, 'scope'));
    if (id && scope) scopes.set(id, scope);
  }
  // An app registered over the admin API shows its scope in its token answers.
  for (const e of all) {
    const scope = text(field(e.responseJson, 'scope'));
    if (isTokenEndpoint(e) && e.client && scope) scopes.set(e.client, scope);
  }
  return scopes;
}

const userAgent: ClientRule = {
  id: 'ownerrez.user-agent',
  sentence: "sends a User-Agent with the app's client id on every call with an OAuth access token",
  source: doc(AUTHENTICATION),
  check(entries) {
    const made = entries.filter(isOAuthCall);
    if (made.length === 0) return notApplicable();
    const clientId = entries[0]!.client!;
    const without = made.filter((e) => !new RegExp(`\\b${clientId.replace(/[^\w]/g, '\\$&')}\\b`).test(e.requestHeaders['user-agent'] ?? ''));
    return without.length > 0 ? failed(without.map((e) => e.id), `${without.length} call(s) whose User-Agent does not name ${clientId}, from entry ${without[0]!.id}`) : passed(made.map((e) => e.id));
  },
};

const thirdAccount: ClientRule = {
  id: 'ownerrez.personal-token-accounts-per-ip',
  sentence: 'is never the third user account reached with personal access tokens from one IP address in 24 hours',
  source: doc(AUTHENTICATION),
  check(entries) {
    const made = entries.filter(isPersonalCall);
    if (made.length === 0) return notApplicable();
    const refused = made.filter(isThirdAccountRefusal);
    return refused.length > 0 ? failed(refused.map((e) => e.id), `entry ${refused[0]!.id} used a personal access token for a third account from one IP within 24 hours`) : passed(made.map((e) => e.id));
  },
};

const readOnly: ClientRule = {
  id: 'ownerrez.read-only-no-writes',
  sentence: "attempts no write (anything but GET or HEAD) with a read-only app's token",
  source: facts('app scope is "Full read & write" or "Read only (GET requests only)"'),
  check(entries, ctx) {
    const clientId = entries[0]!.client!;
    if (appScopes(ctx.credentials, ctx.all).get(clientId) !== 'read_only') return notApplicable();
    const made = entries.filter(isOAuthCall);
    if (made.length === 0) return notApplicable();
    const writes = made.filter(isWrite);
    return writes.length > 0 ? failed(writes.map((e) => e.id), `${writes.length} write(s) with a read-only token, from entry ${writes[0]!.id}`) : passed(made.map((e) => e.id));
  },
};

export const ruleSet: ProviderRules = {
  provider: 'ownerrez',
  identify(entries, credentials) {
    const known = new Map<string, string>();
    const apps = field(credentials, 'apps');
    for (const app of Array.isArray(apps) ? apps : []) {
      const token = text(field(app, 'accessToken'));
      const id = text(field(app, 'clientId'));
      if (token && id) known.set(token, id);
    }
    identifyByTokens(entries, {
      // A personal access token's call is its owner's, named by the e-mail sent with it.
      clientOf: (e) => (isPersonalCall(e) && e.credential?.scheme === 'basic' ? e.credential.username.trim().toLowerCase() : isTokenEndpoint(e) || e.path === '/oauth/authorize' ? oauthClientOf(e) : undefined),
      issued: issuedTokens,
      known,
      tokenOf: (e) => bearerOf(e) ?? (e.credential?.scheme === 'basic' ? e.credential.password : undefined),
    });
  },
  rules: [userAgent, thirdAccount, readOnly],
  retrySources: { retryAfter: facts('Rate limit: per IP, 300 requests per 5 minutes; over the limit, HTTP 429') },
};
