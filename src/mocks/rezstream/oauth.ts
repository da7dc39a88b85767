// rezStream's identity site on the core authorization server (seeds/001, "OAuth API Authorization and Token Generation"): the code flow with
// PKCE, sign-in and consent pages with the business picker (one, or several with multiTenant=true; `tid` preselects), rotating refresh
// tokens with offline_access, IdentityServer's token response and formats, revocation, and the headless consent queue.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { SandboxProblem } from '../../core/errors.js';
import { createAuthorizationServer, type AuthorizationServer } from '../../core/oauth2/authorization-server.js';
import type { AuthorizeFlow } from '../../core/oauth2/authorize-endpoint.js';
import type { ProviderContext } from '../../core/provider.js';
import { hexHandle } from '../../core/tokens/opaque.js';
import type { RezStreamAccounts } from './accounts.js';
import { identityBase, issuerOf } from './auth.js';
import type { RezStreamClient } from './types.js';
import { ACCESS_TOKEN_LIFETIME, API_SCOPES, AUTHORIZATION_CODE_LIFETIME, ID_TOKEN_LIFETIME, IDENTITY_SCOPES, INTERACTION_LIFETIME, isApiScope, REFRESH_TOKEN_LIFETIME, type Grant, type RezStreamGrants } from './grants.js';
import { identityWords } from './identity-words.js';
import { ACCOUNT_SITE } from './pages.js';

/** seeds/001's own authorize parameters. */
export interface RezStreamAuthorizeParams {
  multiTenant: boolean;
  /** A tenant to preselect. */
  tid: string | undefined;
}

/** OpenID Connect Core §3.1.3.6: the left half of the access token's SHA-256, base64url. */
function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

function flowOf(accounts: RezStreamAccounts, ctx: ProviderContext): AuthorizeFlow<RezStreamClient, Grant, RezStreamAuthorizeParams> {
  const signedIn = (id: string) => {
    const user = accounts.userById(id);
    return user ? { id: user.id, displayName: `${user.givenName} ${user.familyName}` } : undefined;
  };
  return {
    clients: (id) => accounts.client(id),
    checkScopes: (scopes) => {
      if (scopes.length === 0) return { kind: 'invalid_scope', description: 'No scope was requested.' };
      const unknown = scopes.filter((s) => !isApiScope(s) && !Object.hasOwn(IDENTITY_SCOPES, s));
      if (unknown.length > 0) return { kind: 'invalid_scope', description: `Unknown scope: ${unknown.join(' ')}.` };
      if (!scopes.some(isApiScope) && !scopes.includes('openid')) return { kind: 'invalid_scope', description: 'Request an API scope, or openid to sign in.' };
      return undefined;
    },
    describeScope: (name) => API_SCOPES[name] ?? IDENTITY_SCOPES[name] ?? name,
    extra: (param) => ({ multiTenant: param('multiTenant') === 'true', tid: param('tid') }),
    signIn: (username, password) => {
      const user = accounts.user(username);
      return user && password === user.password ? signedIn(user.id) : undefined;
    },
    user: signedIn,
    picker: (request, userId) => {
      if (!request.scopes.some(isApiScope)) return undefined;
      const businesses = (accounts.userById(userId)?.tenants ?? []).map((id) => accounts.business(id)!);
      return {
        legend: request.extra.multiTenant ? 'Businesses to connect (one or more)' : 'Business to connect',
        name: 'tenants',
        idPrefix: 'tenant',
        multiple: request.extra.multiTenant,
        options: businesses.map((b) => ({ value: b.id, label: b.name, hint: b.timeZone })),
        ...(request.extra.tid ? { preselected: request.extra.tid } : {}),
      };
    },
    decide: (request, userId, chosen) => {
      const api = request.scopes.some(isApiScope);
      if (api) {
        const managed = accounts.userById(userId)?.tenants ?? [];
        if (chosen.length === 0) return { problem: 'Select a business to connect.' };
        const foreign = chosen.filter((t) => !managed.includes(t));
        if (foreign.length > 0) return { problem: `You do not manage ${foreign.join(', ')}.` };
        if (chosen.length > 1 && !request.extra.multiTenant) return { problem: 'Select one business: this integration did not ask for multi-tenant access (multiTenant=true).' };
      }
      return { grant: { clientId: request.clientId, userId, tenantIds: api ? chosen : [], scopes: request.scopes, authTime: ctx.clock.nowSeconds() } };
    },
  };
}

export function rezstreamAuthorizationServer(accounts: RezStreamAccounts, grants: RezStreamGrants, ctx: ProviderContext): AuthorizationServer<Grant, RezStreamAuthorizeParams> {
  let server: AuthorizationServer<Grant, RezStreamAuthorizeParams> | undefined;
  /** The answer IdentityServer gives, fields in its order: id_token, access_token, expires_in, token_type, refresh_token, scope. */
  const respond = async (req: Request, client: RezStreamClient, grant: Grant, nonce: string | undefined): Promise<Record<string, unknown>> => {
    const now = ctx.clock.nowSeconds();
    const issuer = issuerOf(ctx, req);
    const keys = await ctx.keys.ready();
    // seeds/001: API tokens are reference tokens with the tenant(s) as subject; a sign-in-only token is a JWT whose subject is the user.
    const accessToken = grant.scopes.some(isApiScope)
      ? grants.issueAccessToken(grant)
      : await keys.sign({ iss: issuer, nbf: now, iat: now, exp: now + ACCESS_TOKEN_LIFETIME, aud: `${issuer}/resources`, scope: grant.scopes, amr: ['pwd'], client_id: grant.clientId ?? undefined, sub: grant.userId ?? undefined, auth_time: grant.authTime, idp: 'local', jti: hexHandle(16) }, 'at+jwt');
    const idToken =
      grant.scopes.includes('openid') && grant.userId
        ? await keys.sign(
            { iss: issuer, nbf: now, iat: now, exp: now + ID_TOKEN_LIFETIME, aud: grant.clientId ?? undefined, amr: ['pwd'], at_hash: atHash(accessToken), sub: grant.userId, auth_time: grant.authTime, idp: 'local', ...(nonce ? { nonce } : {}) },
            'JWT',
          )
        : undefined;
    const refreshToken = grant.scopes.includes('offline_access') ? server!.ledger.issueRefreshToken({ grant, clientId: client.clientId, nonce }) : undefined;
    return {
      ...(idToken ? { id_token: idToken } : {}),
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_LIFETIME,
      token_type: 'Bearer',
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      scope: grant.scopes.join(' '),
    };
  };

  server = createAuthorizationServer<RezStreamClient, Grant, RezStreamAuthorizeParams>({
    clock: ctx.clock,
    clients: (id) => accounts.client(id),
    words: identityWords,
    tokenPath: '/connect/token',
    tokenOperationId: 'createToken',
    codeFlow: {
      ledger: { codeLifetimeSeconds: AUTHORIZATION_CODE_LIFETIME, refreshLifetimeSeconds: REFRESH_TOKEN_LIFETIME, revokeAccess: (token) => void grants.access.revoke(token) },
      paths: { authorize: '/connect/authorize', login: '/account/login', consent: '/consent', revocation: '/connect/revocation' },
      base: (req) => identityBase(ctx, req),
      issuer: (req) => issuerOf(ctx, req),
      brand: ACCOUNT_SITE,
      flow: flowOf(accounts, ctx),
      interactionLifetime: INTERACTION_LIFETIME,
      refresh: { rotate: true },
      respond,
      revokeAccess: (token, client) => {
        const access = grants.access.lookup(token);
        if (access.state !== 'unknown' && access.record.data.clientId === client.clientId) grants.access.revoke(token);
      },
      admin: {
        providerTitle: 'rezStream',
        findUser: (name) => {
          const user = accounts.user(name) ?? accounts.userById(name);
          return user ? { id: user.id, name: user.username } : undefined;
        },
        choice: {
          field: 'tenants',
          schema: { type: 'array', items: { type: 'string' } },
          read: (value, user) => {
            if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new SandboxProblem(400, 'Bad request', 'tenants must be an array of strings.');
            const managed = accounts.userById(user.id)?.tenants ?? [];
            const foreign = (value as string[]).filter((t) => !managed.includes(t));
            if (foreign.length > 0) throw new SandboxProblem(400, 'Bad request', `${user.name} does not manage ${foreign.join(', ')}.`);
            return value as string[];
          },
        },
      },
    },
  });
  return server;
}
