// Guesty authentication (seed document 003, "Authentication"): the client-credentials token endpoint, the five-tokens-a-day quota,
// RS256 JWT access tokens shaped like the document's sample, the bearer check with its 401/403, and the API rate limits (provider-facts).
import type { NextFunction, RequestHandler, Response } from 'express';
import type { JWTPayload } from 'jose';
import { loadFixture } from '../../core/project-files.js';
import { clientAuthentication, formField } from '../../core/oauth2/client-auth.js';
import type { ProviderContext } from '../../core/provider.js';
import type { WindowRule } from '../../core/rate-limit.js';
import { randomToken } from '../../core/tokens/opaque.js';
import type { GuestyAccounts } from './accounts.js';
import type { GuestyApiName } from './data.js';
import { guestyErrors, tokenErrors } from './errors.js';

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

/** "You can generate a maximum of five access tokens per 24 hours, per clientId." */
const TOKEN_QUOTA: readonly WindowRule[] = [{ name: 'Day', limit: 5, windowSeconds: 86_400, mode: 'sliding' }];

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

function single(body: Record<string, unknown>, name: string): string | undefined {
  const value = formField(body, name);
  if (Array.isArray(value)) throw tokenErrors.repeated(name);
  return value;
}

export function tokenEndpoint(api: GuestyApi, accounts: GuestyAccounts, ctx: ProviderContext): RequestHandler {
  return async (req, res) => {
    if (!req.is('application/x-www-form-urlencoded')) throw tokenErrors.notForm();
    const body = (req.body ?? {}) as Record<string, unknown>;
    single(body, 'client_id');
    single(body, 'client_secret');
    const auth = clientAuthentication(req.get('authorization'), body);
    if (auth.method === 'both') throw tokenErrors.twoClientAuthentications();
    if (auth.method === 'none' || auth.method === 'malformed' || auth.clientId === '') throw tokenErrors.noClient();
    const { clientId, clientSecret } = auth;
    const client = accounts.client(api.name, clientId);
    if (!client) throw tokenErrors.unknownClient();
    if (clientSecret !== client.clientSecret) throw tokenErrors.wrongSecret();

    const grantType = single(body, 'grant_type');
    if (!grantType) throw tokenErrors.noGrant();
    if (grantType !== 'client_credentials') throw tokenErrors.unsupportedGrant();
    const scope = single(body, 'scope');
    if (!scope) throw tokenErrors.noScope();
    if (scope.split(' ').some((s) => s !== api.scope)) throw tokenErrors.wrongScope();

    const quota = ctx.quotas.take(`guesty-token:${api.name}:${client.clientId}`, TOKEN_QUOTA);
    if (!quota.allowed) throw guestyErrors.rateLimited(quota.retryAfterSeconds);

    const iat = ctx.clock.nowSeconds();
    const keys = await ctx.keys.ready();
    const accessToken = await keys.sign({
      ver: 1,
      jti: `AT.${randomToken(43)}`,
      iss: issuerUrl(ctx.sandboxUrl(req), api),
      aud: api.audience,
      iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      cid: client.clientId,
      scp: [api.scope],
      requester: 'EXTERNAL',
      accountId: client.accountId,
      sub: client.clientId,
      userRoles: [{ roleId: { permissions: ['admin'] } }],
      role: 'user',
      iam: 'v3',
      name: accounts.account(client.accountId)?.name ?? 'API client',
    });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    res.json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken, scope: api.scope });
  };
}

/** The Guesty account a guarded request acts for. */
export function accountOf(res: Response): string {
  return res.locals.guestyAccountId as string;
}

/** Checks `Authorization: Bearer <token>`: 401 when missing, malformed or not for this API; 403 from the second it expires. */
export function bearer(api: GuestyApi, accounts: GuestyAccounts, ctx: ProviderContext): RequestHandler {
  // Verified signatures are remembered, so a known token is checked with one map lookup, synchronously, not an RSA verification.
  const verified = new Map<string, GuestyClaims | null>();
  const admit = (claims: GuestyClaims | null, res: Response, next: NextFunction): void => {
    if (!claims || claims.aud !== api.audience || !Array.isArray(claims.scp) || !claims.scp.includes(api.scope)) throw guestyErrors.unauthorized();
    if (typeof claims.exp !== 'number' || ctx.clock.nowSeconds() >= claims.exp) throw guestyErrors.expiredToken();
    if (!accounts.account(claims.accountId)) throw guestyErrors.unauthorized();
    res.locals.guestyAccountId = claims.accountId;
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
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw guestyErrors.unauthorized();
    const token = match[1]!;
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
