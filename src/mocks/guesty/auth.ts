// Guesty's API gate (seed document 003, "Authentication"): the bearer check of its RS256 JWT access tokens with its 401/403, and the API rate
// limits (provider-facts). The token endpoints are in oauth.ts.
import type { NextFunction, RequestHandler, Response } from 'express';
import type { JWTPayload } from 'jose';
import { CallerSlot, type Caller } from '../../core/caller.js';
import { bearerToken } from '../../core/http-auth.js';
import { loadFixture } from '../../core/project-files.js';
import type { ProviderContext } from '../../core/provider.js';
import type { WindowRule } from '../../core/rate-limit.js';
import type { GuestyAccounts } from './accounts.js';
import type { GuestyApiName } from './types.js';
import { guestyErrors } from './errors.js';

export interface GuestyApi {
  name: GuestyApiName;
  scope: string;
  audience: string;
  /** The Okta authorization server id in the issuer path (`https://login.guesty.com/oauth2/<id>`). */
  authServerId: string;
}

export const OPEN_API: GuestyApi = { name: 'openApi', scope: 'open-api', audience: 'https://open-api.guesty.com', authServerId: 'aus1p8qrh53CcQTI95d7' };
/** The Booking Engine's audience and authorization server id are not published; these are the sandbox's own. */
export const BOOKING_ENGINE: GuestyApi = { name: 'bookingEngine', scope: 'booking_engine:api', audience: 'https://booking.guesty.com', authServerId: 'aus1bk9engn3CcQTI95d7' };

export const TOKEN_LIFETIME_SECONDS = 86_400;
export const LOGIN_ORIGIN = 'https://login.guesty.com';

/** provider-facts, Rate limits: 15/second, 120/minute, 5,000/hour, shared by all tokens of an account. */
const API_LIMITS: readonly WindowRule[] = [
  { name: 'Second', limit: 15, windowSeconds: 1, mode: 'fixed' },
  { name: 'Minute', limit: 120, windowSeconds: 60, mode: 'fixed' },
  { name: 'Hour', limit: 5000, windowSeconds: 3600, mode: 'fixed' },
];

export interface GuestyClaims extends JWTPayload {
  cid: string;
  scp: string[];
  accountId: string;
}

function decodePayload(token: string): GuestyClaims {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as GuestyClaims;
}

/** The document's own sample token: recognised as issued, so it expires (403) like any other, and works with the clock set inside its day. */
const RECORDED = new Map(loadFixture<{ recordedTokens: Array<{ accessToken: string }> }>('guesty', 'recorded-tokens').recordedTokens.map((t) => [t.accessToken, decodePayload(t.accessToken)]));

export function issuerUrl(sandboxUrl: string, api: GuestyApi): string {
  return `${sandboxUrl}/${LOGIN_ORIGIN.replace('https://', '')}/oauth2/${api.authServerId}`;
}

/** A Guesty caller: an Open API or Booking Engine client acting for its account. */
export type GuestyCaller = Caller<undefined>;

const callers = new CallerSlot<GuestyCaller>('guesty');

/** Who a guarded request comes from. */
export function callerOf(res: Response): GuestyCaller {
  return callers.get(res);
}

/** The Guesty account a guarded request acts for. */
export function accountOf(res: Response): string {
  return callers.get(res).accountId!;
}

/** Checks `Authorization: Bearer <token>`: 401 when missing, malformed or not for this API; 403 from the second it expires. */
export function bearer(api: GuestyApi, accounts: GuestyAccounts, ctx: ProviderContext): RequestHandler {
  // Verified signatures are remembered, so a known token is checked with one map lookup, synchronously, not an RSA verification.
  const verified = new Map<string, GuestyClaims | null>();
  // One caller a token, made when it is first admitted: the hot path allocates nothing per request.
  const made = new WeakMap<GuestyClaims, GuestyCaller>();
  const callerFor = (claims: GuestyClaims): GuestyCaller => {
    let caller = made.get(claims);
    if (!caller) {
      caller = Object.freeze({ credential: 'oauth_access_token', accountId: claims.accountId, userId: undefined, clientId: claims.cid, scopes: claims.scp, expiresAtMs: (claims.exp as number) * 1000, details: undefined });
      made.set(claims, caller);
    }
    return caller;
  };
  const admit = (claims: GuestyClaims | null, res: Response, next: NextFunction): void => {
    if (!claims || claims.aud !== api.audience || !Array.isArray(claims.scp) || !claims.scp.includes(api.scope)) throw guestyErrors.unauthorized();
    if (typeof claims.exp !== 'number' || ctx.clock.nowSeconds() >= claims.exp) throw guestyErrors.expiredToken();
    if (!accounts.account(claims.accountId)) throw guestyErrors.unauthorized();
    callers.set(res, callerFor(claims));
    next();
  };
  const verify = async (token: string): Promise<GuestyClaims | null> => {
    const claims = ((await (await ctx.keys.ready()).verifySignature(token)) as GuestyClaims | undefined) ?? null;
    if (verified.size > 10_000) verified.clear();
    verified.set(token, claims);
    return claims;
  };
  // A client sends one header request after request: comparing it with the last one skips the parse and the lookup of a 1 KB key.
  let lastHeader: string | undefined;
  let lastClaims: GuestyClaims | null = null;
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    if (header === lastHeader) return admit(lastClaims, res, next);
    const token = bearerToken(header);
    if (token === undefined) throw guestyErrors.unauthorized();
    const known = RECORDED.get(token) ?? verified.get(token);
    if (known === undefined) return verify(token).then((claims) => admit(claims, res, next));
    lastHeader = header;
    lastClaims = known;
    return admit(known, res, next);
  };
}

/** The Open API's limits, shared by every token of an account, with Kong's headers on every answer. */
export function apiRateLimits(ctx: ProviderContext): RequestHandler {
  return (_req, res, next) => {
    if (!ctx.config.rateLimits) return next();
    const decision = ctx.quotas.take(`guesty-api:${accountOf(res)}`, API_LIMITS);
    const headers: Record<string, string> = {};
    for (const v of decision.verdicts) {
      headers[`X-RateLimit-Limit-${v.rule.name}`] = String(v.rule.limit);
      headers[`X-RateLimit-Remaining-${v.rule.name}`] = String(v.remaining);
    }
    res.set(headers);
    if (!decision.allowed) throw guestyErrors.rateLimited(decision.retryAfterSeconds, headers);
    next();
  };
}
