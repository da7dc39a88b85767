// Guesty's client rules (seeds/003 "Authentication"; provider-facts §3): five tokens a day per client id, one token reused, renewed only on
// the expiry 403 or in its last hour, and never used again after that 403. A client is its client id, read from the token's `cid` claim.
import { bearerOf, jwtClaims, oauthClientOf } from '../verify/observed.js';
import { failed, notApplicable, passed, type ClientRule, type Observed, type ProviderRules } from '../verify/types.js';
import { doc, EXPIRED, RATE_LIMITS_PAGE } from './common.js';

const DAY_MS = 86_400_000;
const LAST_HOUR_MS = 3_600_000;

const isTokenRequest = (e: Observed): boolean => e.method === 'POST' && e.path === '/oauth2/token';
const isExpired403 = (e: Observed): boolean => e.status === 403 && (e.responseJson as { message?: unknown } | undefined)?.message === EXPIRED.message;
/** The API calls made with a token (everything but the token endpoint and the JWKS). */
const calls = (entries: readonly Observed[]): Observed[] => entries.filter((e) => !isTokenRequest(e) && bearerOf(e) !== undefined);
const expiryOf = (token: string): number | undefined => {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
};
const issuedToken = (e: Observed): string | undefined => {
  const token = (e.responseJson as { access_token?: unknown } | undefined)?.access_token;
  return e.status === 200 && typeof token === 'string' ? token : undefined;
};

const tokenQuota: ClientRule = {
  id: 'guesty.token-quota',
  sentence: 'requests at most five tokens in any 24 hours',
  source: doc('2. Generating the Access Token'),
  check(entries) {
    const requests = entries.filter(isTokenRequest);
    if (requests.length === 0) return notApplicable();
    const over = requests.filter((r, i) => requests.filter((o, j) => j <= i && r.atMs - o.atMs < DAY_MS).length > 5);
    return over.length > 0 ? failed(over.map((e) => e.id), `${over.length} token request(s) beyond the fifth in 24 hours, from entry ${over[0]!.id}`) : passed(requests.map((e) => e.id));
  },
};

const tokenReused: ClientRule = {
  id: 'guesty.token-reused',
  sentence: 'sends one token on all its calls until it renews it, not a token a call',
  source: doc('2. Generating the Access Token'),
  check(entries) {
    const made = calls(entries);
    if (made.length < 2) return notApplicable();
    const refused = new Set(entries.filter(isExpired403).map(bearerOf));
    const switched = made.filter((call, i) => {
      const before = made[i - 1];
      const old = before ? bearerOf(before)! : undefined;
      if (old === undefined || old === bearerOf(call)) return false;
      const exp = expiryOf(old);
      // Changing token is right once the old one got the 403 or is in its last hour.
      return !refused.has(old) && exp !== undefined && exp - call.atMs > LAST_HOUR_MS;
    });
    return switched.length > 0 ? failed(switched.map((e) => e.id), `entry ${switched[0]!.id} came with a new token while the one before still had over an hour to live`) : passed(made.map((e) => e.id));
  },
};

const renewal: ClientRule = {
  id: 'guesty.token-renewal',
  sentence: "fetches a new token only after the expiry 403 or within the last hour of the old token's life",
  source: doc('2. Generating the Access Token'),
  check(entries) {
    const requests = entries.filter(isTokenRequest);
    if (requests.length < 2) return notApplicable();
    const early: Observed[] = [];
    let held: { token: string; expMs: number } | undefined;
    for (const entry of entries) {
      if (isTokenRequest(entry)) {
        if (held && held.expMs - entry.atMs > LAST_HOUR_MS && !entries.some((e) => e.id < entry.id && isExpired403(e) && bearerOf(e) === held!.token)) early.push(entry);
        const token = issuedToken(entry);
        const expMs = token === undefined ? undefined : expiryOf(token);
        if (token !== undefined && expMs !== undefined) held = { token, expMs };
      }
    }
    return early.length > 0
      ? failed(early.map((e) => e.id), `entry ${early[0]!.id} asked for a token while the one it held had over an hour to live and had not been refused`)
      : passed(requests.map((e) => e.id));
  },
};

const noCallAfterExpiry: ClientRule = {
  id: 'guesty.no-call-after-expiry-403',
  sentence: 'never sends a token again once it was answered with the expiry 403',
  source: doc('Expired Token'),
  check(entries) {
    const refusals = entries.filter(isExpired403);
    if (refusals.length === 0) return notApplicable();
    const again = calls(entries).filter((call) => refusals.some((r) => r.id < call.id && r.atMs <= call.atMs && bearerOf(r) === bearerOf(call)));
    return again.length > 0 ? failed([...refusals.map((e) => e.id), ...again.map((e) => e.id)], `entry ${again[0]!.id} sent a token already refused as expired`) : passed(refusals.map((e) => e.id));
  },
};

export const ruleSet: ProviderRules = {
  provider: 'guesty',
  identify(entries) {
    for (const entry of entries) {
      if (isTokenRequest(entry)) {
        entry.client = oauthClientOf(entry);
        continue;
      }
      const token = bearerOf(entry);
      const cid = token === undefined ? undefined : jwtClaims(token)?.cid;
      if (typeof cid === 'string') entry.client = cid;
    }
  },
  rules: [tokenQuota, tokenReused, renewal, noCallAfterExpiry],
  retrySources: { retryAfter: RATE_LIMITS_PAGE },
};
