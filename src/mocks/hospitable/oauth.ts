// auth.hospitable.com on the core authorization server (provider-facts.md §2, "Auth"): the partner code flow with sign-in and consent pages
// and the headless consent queue, `POST /oauth/token` with a JSON body (form too, as Passport reads both), 12-hour access and 90-day
// refresh tokens in Passport's formats, refresh rotating the pair; and v1's client-credentials grant for legacy client ids and secrets.
import type { Request, RequestHandler } from 'express';
import { SandboxProblem } from '../../core/errors.js';
import { basicCredentials } from '../../core/http-auth.js';
import { createAuthorizationServer, type AuthorizationServer } from '../../core/oauth2/authorization-server.js';
import type { AuthorizeFlow } from '../../core/oauth2/authorize-endpoint.js';
import { singleField, type Form } from '../../core/oauth2/clients.js';
import { clientCredentialsGrant, authorizationCodeGrant, refreshTokenGrant } from '../../core/oauth2/grant-types.js';
import { NO_STORE } from '../../core/oauth2/token-endpoint.js';
import type { ProviderContext, RouteSpec } from '../../core/provider.js';
import type { HospitableAccounts } from './accounts.js';
import { AUTH_ORIGIN, baseOf } from './auth.js';
import { oauthErrors } from './errors.js';
import { ACCESS_TOKEN_LIFETIME, AUTHORIZATION_CODE_LIFETIME, INTERACTION_LIFETIME, REFRESH_TOKEN_LIFETIME, V1_TOKEN_LIFETIME, type Grant, type HospitableGrants } from './grants.js';
import { oauthWords } from './oauth-words.js';
import { HOSPITABLE_SITE } from './pages.js';
import { refreshTokenHandle } from './records.js';
import type { OAuthClient, TokenResponse, V1Client } from './types.js';

/** provider-facts: the scopes named in the endpoints' descriptions. */
export const SCOPES: Readonly<Record<string, string>> = {
  'property:read': 'View your properties',
  'listing:read': 'View your listings on each channel',
  'calendar:read': "View your properties' calendars",
  'calendar:write': "Change your calendars' prices and availability",
  'financials:read': 'View reservation financials',
  'reviews:read': 'View reviews',
  'reviews:write': 'Respond to reviews',
  'message:read': 'View guest messages',
  'message:write': 'Send guest messages',
  'transaction:read': 'View payouts and transactions',
  'enrichment:read': 'View reservation enrichment data',
  'enrichment:write': 'Change reservation enrichment data',
  'quote:write': 'Create quotes',
  'pat:read': "View your listings' channel names and e-mails",
};

const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;

function flowOf(accounts: HospitableAccounts): AuthorizeFlow<OAuthClient, Grant, undefined> {
  const signedIn = (id: string) => {
    const user = accounts.userById(id);
    return user ? { id: user.id, displayName: `${user.name} (${accounts.account(user.accountId)?.name ?? user.accountId})` } : undefined;
  };
  return {
    clients: (id) => accounts.oauthClient(id),
    checkScopes: (scopes) => {
      const unknown = scopes.filter((s) => !Object.hasOwn(SCOPES, s));
      return unknown.length > 0 || scopes.length === 0 ? { kind: 'invalid_scope', description: `The requested scope is invalid, unknown, or malformed: ${unknown.join(' ') || '(none)'}` } : undefined;
    },
    describeScope: (name) => SCOPES[name] ?? name,
    extra: () => undefined,
    signIn: (email, password) => {
      const user = accounts.user(email);
      return user && password === user.password ? signedIn(user.id) : undefined;
    },
    user: signedIn,
    decide: (request, userId) => {
      const user = accounts.userById(userId)!;
      return { grant: { kind: 'oauth', accountId: user.accountId, userId, clientId: request.clientId, scopes: [...request.scopes], permissions: [] } };
    },
  };
}

/**
 * provider-facts' authorize URL names only `client_id`, `response_type` and `state`: a client with one registered redirect URL is sent back
 * there (as league/oauth2-server does), and one that names no scope is given the scopes it was approved for.
 */
function withDefaults(accounts: HospitableAccounts, handle: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const client = typeof req.query.client_id === 'string' ? accounts.oauthClient(req.query.client_id) : undefined;
    if (client) {
      const added = new URLSearchParams();
      if (req.query.redirect_uri === undefined && client.redirectUris.length === 1) added.set('redirect_uri', client.redirectUris[0]!);
      if (req.query.scope === undefined) added.set('scope', client.scopes.join(' '));
      if (added.size > 0) req.url = `${req.url}${req.url.includes('?') ? '&' : '?'}${added}`;
    }
    return handle(req, res, next);
  };
}

export interface HospitableOAuth {
  routes: RouteSpec[];
  admin: RouteSpec[];
  reset(): void;
}

export function hospitableOAuth(accounts: HospitableAccounts, grants: HospitableGrants, ctx: ProviderContext): HospitableOAuth {
  let server: AuthorizationServer<Grant, undefined> | undefined;
  /** The access token each refresh token was issued with: a refresh revokes it, as league/oauth2-server does. */
  const pairedAccess = new Map<string, string>();
  const respond = async (_req: Request, client: OAuthClient, grant: Grant): Promise<Record<string, unknown>> => {
    const accessToken = grants.issueOAuthAccess(grant);
    const refreshToken = server!.ledger.issueRefreshToken({ grant, clientId: client.clientId, nonce: undefined });
    pairedAccess.set(refreshToken, accessToken);
    // provider-facts' token response, fields in its order.
    return { token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME, access_token: accessToken, refresh_token: refreshToken } satisfies TokenResponse;
  };
  server = createAuthorizationServer<OAuthClient, Grant, undefined>({
    clock: ctx.clock,
    clients: (id) => accounts.oauthClient(id),
    words: oauthWords,
    tokenPath: '/oauth/token',
    tokenOperationId: 'createToken',
    codeFlow: {
      ledger: { codeLifetimeSeconds: AUTHORIZATION_CODE_LIFETIME, refreshLifetimeSeconds: REFRESH_TOKEN_LIFETIME, revokeAccess: (token) => void grants.access.revoke(token), handle: refreshTokenHandle },
      paths: { authorize: '/oauth/authorize', login: '/oauth/login', consent: '/oauth/consent' },
      base: (req) => baseOf(ctx, req, AUTH_ORIGIN),
      issuer: (req) => baseOf(ctx, req, AUTH_ORIGIN),
      brand: HOSPITABLE_SITE,
      flow: flowOf(accounts),
      interactionLifetime: INTERACTION_LIFETIME,
      refresh: { rotate: true },
      respond,
      admin: {
        providerTitle: 'Hospitable',
        findUser: (name) => {
          const user = accounts.user(name) ?? accounts.userById(name);
          return user ? { id: user.id, name: user.email } : undefined;
        },
      },
    },
  });
  const ledger = server.ledger;
  const codeGrant = authorizationCodeGrant<OAuthClient, Grant>({ ledger, words: oauthWords, respond });
  const refreshGrant = refreshTokenGrant<OAuthClient, Grant>({ ledger, words: oauthWords, rotate: true, respond });
  const v1Grant = clientCredentialsGrant<V1Client>({
    words: oauthWords,
    scopesOf: () => [],
    scopeRequired: false,
    respond: async (_req, client) => {
      const owner = accounts.owner(client.accountId);
      if (!owner) throw new SandboxProblem(500, 'Sandbox bug', `account ${client.accountId} has no owner`);
      return { token_type: 'Bearer', expires_in: V1_TOKEN_LIFETIME, access_token: grants.issueV1Access(client, owner.id) } satisfies TokenResponse;
    },
  });

  /** league/oauth2-server's token endpoint: the grant type first, then the client (Basic or the body), then the grant. */
  const token: RequestHandler = async (req, res) => {
    if (!req.is(['application/json', 'application/x-www-form-urlencoded'])) throw oauthErrors.unsupportedGrant();
    const raw = req.body as unknown;
    const body: Form = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Form) : {};
    const grantType = singleField(body, 'grant_type', oauthWords);
    if (!grantType || !(GRANT_TYPES as readonly string[]).includes(grantType)) throw oauthErrors.unsupportedGrant();
    const basic = basicCredentials(req.get('authorization'));
    const fromBasic = typeof basic === 'object';
    const clientId = fromBasic ? basic.username : singleField(body, 'client_id', oauthWords);
    const clientSecret = fromBasic ? basic.password : singleField(body, 'client_secret', oauthWords);
    if (!clientId) throw oauthErrors.invalidRequest('client_id');
    let answer: Record<string, unknown>;
    if (grantType === 'client_credentials') {
      const client = accounts.v1Client(clientId);
      if (!client || client.clientSecret !== clientSecret) throw oauthErrors.invalidClient(fromBasic);
      answer = await v1Grant({ req, body, client });
    } else {
      const client = accounts.oauthClient(clientId);
      if (!client || client.clientSecret !== clientSecret) throw oauthErrors.invalidClient(fromBasic);
      if (grantType === 'authorization_code') {
        // provider-facts' exchange sends no redirect_uri: the one registered URL stands for it.
        const filled = body.redirect_uri === undefined && client.redirectUris.length === 1 ? { ...body, redirect_uri: client.redirectUris[0] } : body;
        answer = await codeGrant({ req, body: filled, client });
      } else {
        const spent = singleField(body, 'refresh_token', oauthWords);
        answer = await refreshGrant({ req, body, client });
        const previous = spent === undefined ? undefined : pairedAccess.get(spent);
        if (previous) grants.access.revoke(previous);
      }
    }
    res.set(NO_STORE).json(answer);
  };

  const routes = server.routes.map((route): RouteSpec => {
    if (route.method === 'post' && route.path === '/oauth/token') return { ...route, handle: token };
    if (route.method === 'get' && route.path === '/oauth/authorize') return { ...route, handle: withDefaults(accounts, route.handle) };
    return route;
  });
  return {
    routes,
    admin: server.admin,
    reset: () => {
      server!.reset();
      pairedAccess.clear();
    },
  };
}
