// Hospitable's API gates (seeds/002, provider-facts.md §2): v2 takes `Authorization: Bearer` with a personal access token, whose Read and
// Write permissions decide what it may do, or a partner's OAuth token, whose scopes do; v1 takes only its client-credentials tokens.
import type { Request, RequestHandler, Response } from 'express';
import { CallerSlot, type Caller, type CredentialKind } from '../../core/caller.js';
import { bearerToken } from '../../core/http-auth.js';
import { LastAdmitted } from '../../core/tokens/last-admitted.js';
import { sandboxBaseUrl } from '../../core/origins.js';
import type { ProviderContext } from '../../core/provider.js';
import { hospitableErrors } from './errors.js';
import type { Grant, GrantKind, HospitableGrants } from './grants.js';
import { traceId } from './records.js';
import type { Permission } from './types.js';

export const API_ORIGIN = 'https://public.api.hospitable.com';
export const AUTH_ORIGIN = 'https://auth.hospitable.com';
/** v1's origin: its token's audience is `api.hospitable.com` (developer.hospitable.com, v1 "Authentication"). */
export const V1_ORIGIN = 'https://api.hospitable.com';

export const baseOf = (ctx: ProviderContext, req: Request, origin: string): string => sandboxBaseUrl(ctx.sandboxUrl(req), origin);

/** A caller of either API: the account it acts for, the user, the client, and the whole grant. */
export type HospitableCaller = Caller<Grant>;

const callers = new CallerSlot<HospitableCaller>('hospitable');

export function callerOf(res: Response): HospitableCaller {
  return callers.get(res);
}

const CREDENTIAL: Record<GrantKind, CredentialKind> = { pat: 'personal_access_token', oauth: 'oauth_access_token', v1: 'client_credentials' };

/** What an operation needs: a PAT's or v1 client's permission, or every one of an OAuth token's scopes (provider-facts names them per endpoint). */
export interface Need {
  permission: Permission;
  scopes: readonly string[];
}

function gate(grants: HospitableGrants, api: 'v1' | 'v2', need: Need): RequestHandler {
  // A client repeats its call with the same token: the last one this gate admitted is let through on its record's flags alone.
  const last = new LastAdmitted<Grant, HospitableCaller>(() => grants.access);
  return (req, res, next) => {
    res.setHeader('X-hospitable-trace', traceId());
    const authorization = req.get('authorization');
    const recalled = last.recall(authorization);
    if (recalled !== undefined) {
      callers.set(res, recalled);
      return next();
    }
    const token = bearerToken(authorization);
    if (token === undefined) throw hospitableErrors.unauthenticated('unauthorized');
    const found = grants.access.lookup(token);
    if (found.state === 'unknown' || found.state === 'revoked') throw hospitableErrors.unauthenticated('invalid_token');
    if (found.state === 'expired') throw hospitableErrors.unauthenticated('expired_token');
    const grant = found.record.data;
    // seeds/002: PATs reach v2 only; v1 takes its client id and secret's tokens only.
    if ((api === 'v1') !== (grant.kind === 'v1')) throw hospitableErrors.unauthenticated('invalid_token');
    if (grant.kind === 'oauth') {
      if (need.scopes.some((s) => !grant.scopes.includes(s))) throw hospitableErrors.missingScope();
    } else if (!grant.permissions.includes(need.permission)) {
      throw hospitableErrors.forbidden();
    }
    const caller: HospitableCaller = Object.freeze({
      credential: CREDENTIAL[grant.kind],
      accountId: grant.accountId,
      userId: grant.userId,
      clientId: grant.clientId,
      scopes: grant.kind === 'oauth' ? grant.scopes : grant.permissions,
      expiresAtMs: found.record.expiresAt,
      details: grant,
    });
    last.remember(authorization!, undefined, token, found.record, caller);
    callers.set(res, caller);
    next();
  };
}

export const v2Gate = (grants: HospitableGrants, need: Need): RequestHandler => gate(grants, 'v2', need);
export const v1Gate = (grants: HospitableGrants, permission: Permission): RequestHandler => gate(grants, 'v1', { permission, scopes: [] });
