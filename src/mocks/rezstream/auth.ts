// The Cloud API's gate (seeds/001, "rezStream Cloud API"): every request needs a Bearer reference token and X-RezStream-Api-Version; a token
// that reaches several tenants needs X-RezStream-Tenant-ID (else 401); a token without the endpoint's scope gets 403; the API is read-only.
import type { Request, RequestHandler, Response } from 'express';
import { CallerSlot, type Caller } from '../../core/caller.js';
import { bearerToken } from '../../core/http-auth.js';
import { sandboxBaseUrl } from '../../core/origins.js';
import type { ProviderContext } from '../../core/provider.js';
import { cloudErrors } from './errors.js';
import type { Grant, RezStreamGrants } from './grants.js';

export const IDENTITY_ORIGIN = 'https://account.rezstream.com';
export const CLOUD_API_ORIGIN = 'https://cloudapi.rezstream.com';

/** The sandbox base URL standing for https://account.rezstream.com, as the client reached it. */
export function identityBase(ctx: ProviderContext, req: Request): string {
  return sandboxBaseUrl(ctx.sandboxUrl(req), IDENTITY_ORIGIN);
}

/** The OpenID issuer: the identity origin's base URL, so discovery, tokens and `iss` agree. */
export const issuerOf = identityBase;

export function cloudBase(ctx: ProviderContext, req: Request): string {
  return sandboxBaseUrl(ctx.sandboxUrl(req), CLOUD_API_ORIGIN);
}

/**
 * A Cloud API caller: `accountId` is the tenant the request acts for (undefined only where no tenant is needed, /auth/tokendetails), `details`
 * the whole grant (every tenant of a multi-tenant token); `expiresAtMs` is undefined for manual tokens, which live until revoked.
 */
export type CloudCaller = Caller<Grant>;

const callers = new CallerSlot<CloudCaller>('rezstream');

export function callerOf(res: Response): CloudCaller {
  return callers.get(res);
}

export interface GateOptions {
  /** Whether the endpoint acts for one tenant (all but /auth/tokendetails). */
  tenant: boolean;
  /** Any one of these scopes admits the token. */
  scopes?: readonly string[];
}

/** `versions()` reads the enum of X-RezStream-Api-Version in the served OpenAPI document, so the document and the gate never disagree. */
export function cloudGate(grants: RezStreamGrants, ctx: ProviderContext, versions: () => readonly string[], options: GateOptions): RequestHandler {
  return (req, res, next) => {
    const supported = versions();
    res.set('api-supported-versions', supported.join(', '));
    const version = req.get('x-rezstream-api-version');
    if (!version) throw cloudErrors.versionUnspecified();
    if (!supported.includes(version)) throw cloudErrors.versionUnsupported(`${cloudBase(ctx, req)}${req.path}`, version);

    const token = bearerToken(req.get('authorization'));
    if (token === undefined) throw cloudErrors.noToken();
    const found = grants.access.lookup(token);
    if (found.state === 'unknown') throw cloudErrors.invalidToken('The access token is invalid.');
    if (found.state === 'expired') throw cloudErrors.invalidToken('The access token expired.');
    if (found.state === 'revoked') throw cloudErrors.invalidToken('The access token has been revoked.');
    const grant = found.record.data;
    if (grant.tenantIds.length === 0) throw cloudErrors.invalidToken('The token is not an API access token: it was issued for sign-in only.');

    let tenantId: string | undefined;
    if (options.tenant) {
      const requested = req.get('x-rezstream-tenant-id');
      if (requested !== undefined) {
        tenantId = grant.tenantIds.find((t) => t.toLowerCase() === requested.trim().toLowerCase());
        if (!tenantId) throw cloudErrors.foreignTenant(requested);
      } else if (grant.tenantIds.length > 1) {
        throw cloudErrors.ambiguousTenant();
      } else {
        tenantId = grant.tenantIds[0];
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw cloudErrors.readOnly();
    if (options.scopes && !options.scopes.some((s) => grant.scopes.includes(s))) throw cloudErrors.insufficientScope(options.scopes);
    callers.set(res, {
      credential: grant.manualTokenId ? 'personal_access_token' : 'oauth_access_token',
      accountId: tenantId,
      userId: grant.userId ?? undefined,
      clientId: grant.clientId ?? undefined,
      scopes: grant.scopes,
      expiresAtMs: found.record.expiresAt,
      details: grant,
    });
    next();
  };
}
