// OwnerRez's API gate (seeds/000, "Authentication"; provider-facts §1): personal access tokens over HTTP Basic (the account's e-mail address
// and the `pt_` token), at most two user accounts an IP address in 24 hours; OAuth apps' `at_` tokens as bearer tokens, with a User-Agent
// that contains the app's client id, GET only for read-only apps; 300 requests in 5 minutes an IP address over everything.
import type { RequestHandler, Response } from 'express';
import { CallerSlot, type Caller } from '../../core/caller.js';
import { clientAddress } from '../../core/client-address.js';
import { DistinctWindow } from '../../core/distinct-window.js';
import { readAuthorization } from '../../core/http-auth.js';
import type { ProviderContext } from '../../core/provider.js';
import type { WindowRule } from '../../core/rate-limit.js';
import { LastAdmitted } from '../../core/tokens/last-admitted.js';
import type { OpaqueTokenRecord } from '../../core/tokens/opaque.js';
import type { OwnerRezAccounts } from './accounts.js';
import type { AppGrant, OwnerRezCredentials } from './credentials.js';
import { ownerrezErrors } from './errors.js';
import type { OAuthApp } from './types.js';

export const APP_ORIGIN = 'https://app.ownerrez.com';
export const API_ORIGIN = 'https://api.ownerrez.com';

/** provider-facts §1 ("API rate limiting"): per IP, 300 requests per 5 minutes; the IP unblocks once it drops below, so the window slides. */
const IP_LIMIT: readonly WindowRule[] = [{ name: 'FiveMinutes', limit: 300, windowSeconds: 300, mode: 'sliding' }];
/** seeds/000: "any given IP address may only access two different user accounts within 24 hours". */
const ACCOUNTS_PER_IP = 2;
const ACCOUNTS_WINDOW_SECONDS = 24 * 3600;

export type OwnerRezCaller = Caller<{ kind: 'personal_access_token'; tokenId: number } | { kind: 'oauth_access_token'; app: OAuthApp }>;

const callers = new CallerSlot<OwnerRezCaller>('ownerrez');

export function callerOf(res: Response): OwnerRezCaller {
  return callers.get(res);
}

/** The account (user id) a guarded request acts for. */
export function accountOf(res: Response): number {
  return Number(callers.get(res).accountId);
}

/** Client ids as OwnerRez prints them (`c_51234234`), wherever they stand in a User-Agent. */
const CLIENT_ID = /\bc_[A-Za-z0-9]+\b/g;

/** seeds/000: "You also must send a User-Agent header identifying yourself which should contain your app name and client id". */
function checkUserAgent(userAgent: string | undefined, app: OAuthApp): void {
  if (userAgent === undefined || userAgent.trim() === '') throw ownerrezErrors.userAgentMissing(app.clientId);
  const named: string[] = [...(userAgent.match(CLIENT_ID) ?? [])];
  if (named.includes(app.clientId)) return;
  if (named.length > 0) throw ownerrezErrors.userAgentOtherApp(app.clientId, named);
  throw ownerrezErrors.userAgentWithoutClientId(app.clientId, userAgent);
}

export interface OwnerRezGate {
  /** Authenticates an API request into an OwnerRez caller. */
  api: RequestHandler;
  /** The per-IP request limit alone, for what sits outside the API (the token endpoint). */
  ipLimit: RequestHandler;
  reset(): void;
}

export function ownerrezGate(accounts: OwnerRezAccounts, credentials: OwnerRezCredentials, ctx: ProviderContext): OwnerRezGate {
  const accountsPerIp = new DistinctWindow(ctx.clock, ACCOUNTS_PER_IP, ACCOUNTS_WINDOW_SECONDS);
  const ipOf = (req: Parameters<RequestHandler>[0]): string => clientAddress(req, ctx.config.trustProxy);

  const countRequest = (req: Parameters<RequestHandler>[0]): void => {
    if (!ctx.config.rateLimits) return;
    const decision = ctx.quotas.take(`ownerrez-ip:${ipOf(req)}`, IP_LIMIT);
    if (!decision.allowed) throw ownerrezErrors.rateLimited(decision.retryAfterSeconds);
  };
  const ipLimit: RequestHandler = (req, _res, next) => {
    countRequest(req);
    next();
  };

  // One caller a token, made when it is first admitted: a client repeating its call allocates none (grants are replaced on reset).
  const admitted = new WeakMap<AppGrant, { app: OAuthApp; caller: OwnerRezCaller }>();
  const admittedApp = (record: OpaqueTokenRecord<AppGrant>): { app: OAuthApp; caller: OwnerRezCaller } => {
    let known = admitted.get(record.data);
    if (!known) {
      const grant = record.data;
      const app = accounts.app(grant.clientId);
      const user = accounts.user(grant.userId);
      if (!app || !user) throw ownerrezErrors.invalidAccessToken('unknown');
      const caller: OwnerRezCaller = { credential: 'oauth_access_token', accountId: String(user.id), userId: String(user.id), clientId: app.clientId, scopes: grant.scopes, expiresAtMs: record.expiresAt, details: { kind: 'oauth_access_token', app } };
      known = { app, caller: Object.freeze(caller) };
      admitted.set(grant, known);
    }
    return known;
  };

  // A client sends the same two headers call after call: while they are the last pair admitted and the token still stands for the same
  // active record, the parse, the lookup and the User-Agent check are not done again.
  const last = new LastAdmitted<AppGrant, { app: OAuthApp; caller: OwnerRezCaller }>(() => credentials.access);

  const api: RequestHandler = (req, res, next) => {
    countRequest(req);
    const authorization = req.get('authorization');
    const userAgent = req.get('user-agent');
    const recalled = last.recall(authorization, userAgent);
    if (recalled !== undefined) {
      if (recalled.app.scope === 'read_only' && req.method !== 'GET' && req.method !== 'HEAD') throw ownerrezErrors.readOnly();
      callers.set(res, recalled.caller);
      return next();
    }
    const auth = readAuthorization(authorization);
    if (auth.scheme === 'none') throw ownerrezErrors.noCredentials();
    if (auth.scheme === 'malformed' || auth.scheme === 'other') throw ownerrezErrors.malformedAuthorization();
    if (auth.scheme === 'basic') {
      if (auth.password.startsWith('at_')) throw ownerrezErrors.accessTokenOverBasic();
      const user = accounts.userByEmail(auth.username);
      const token = credentials.personalAccessToken(auth.password);
      if (!user || !token || token.userId !== user.id) throw ownerrezErrors.badPersonalAccessToken();
      const ip = ipOf(req);
      const verdict = accountsPerIp.take(ip, String(user.id));
      if (!verdict.allowed) throw ownerrezErrors.accountsPerIp(ip, verdict.retryAfterSeconds);
      callers.set(res, { credential: 'personal_access_token', accountId: String(user.id), userId: String(user.id), clientId: undefined, scopes: ['full'], expiresAtMs: undefined, details: { kind: 'personal_access_token', tokenId: token.id } });
      return next();
    }
    if (auth.token.startsWith('pt_')) throw ownerrezErrors.personalAccessTokenAsBearer();
    const found = credentials.access.lookup(auth.token);
    if (found.state !== 'active') throw ownerrezErrors.invalidAccessToken(found.state);
    const known = admittedApp(found.record);
    checkUserAgent(userAgent, known.app);
    last.remember(authorization!, userAgent, auth.token, found.record, known);
    if (known.app.scope === 'read_only' && req.method !== 'GET' && req.method !== 'HEAD') throw ownerrezErrors.readOnly();
    callers.set(res, known.caller);
    next();
  };

  return {
    api,
    ipLimit,
    reset: () => {
      accountsPerIp.reset();
      last.forget();
    },
  };
}

/** provider-facts §1: webhooks are only for OAuth apps; after the gate. */
export const oauthAppsOnly: RequestHandler = (_req, res, next) => {
  if (callers.get(res).details.kind !== 'oauth_access_token') throw ownerrezErrors.webhooksNeedOAuth();
  next();
};
