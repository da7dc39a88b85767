// OwnerRez's OAuth apps on the core authorization server (provider-facts §1, "OAuth App Guide"): the authorize page on the app host with the
// core's sign-in and consent pages, `POST /oauth/access_token` on both hosts (form body, the app's client id and secret in Basic;
// authorization_code with an optional redirect_uri, and refresh_token), `at_` tokens whose scope is the app's, expiring after 30 days
// ("Standard") or never ("None"), and `DELETE /oauth/access_token/{token}`; words for every failure are RFC 6749's.
import type { Request, RequestHandler } from 'express';
import { clientAuthentication } from '../../core/oauth2/client-auth.js';
import { clientNamed } from '../../core/oauth2/clients.js';
import { createAuthorizationServer, type AuthorizationServer } from '../../core/oauth2/authorization-server.js';
import type { AuthorizeFlow } from '../../core/oauth2/authorize-endpoint.js';
import { PKCE_DESCRIPTIONS, redirectErrorCode, tokenErrorCode, type InvalidGrantReason, type OAuthWords } from '../../core/oauth2/failures.js';
import { errorPage, type PageBrand } from '../../core/oauth2/pages.js';
import { sandboxBaseUrl } from '../../core/origins.js';
import { providerError } from '../../core/errors.js';
import type { ProviderContext, RouteSpec } from '../../core/provider.js';
import { randomToken } from '../../core/tokens/opaque.js';
import type { OwnerRezAccounts } from './accounts.js';
import { APP_ORIGIN } from './auth.js';
import { STANDARD_TOKEN_LIFETIME, type AppGrant, type OwnerRezCredentials } from './credentials.js';
import { ownerrezErrors } from './errors.js';
import type { OAuthApp, TokenResponse } from './types.js';

/** None of these is published; the README lists them as assumptions. */
export const CODE_LIFETIME = 300;
export const REFRESH_TOKEN_LIFETIME = 365 * 24 * 3600;
const INTERACTION_LIFETIME = 900;

export const TOKEN_PATH = '/oauth/access_token';

const SITE: PageBrand = {
  site: 'OwnerRez',
  signInLead: (clientName) => `${clientName} would like to access your OwnerRez account.`,
  usernameLabel: 'Email',
  errorHeading: 'Something went wrong',
};

/** provider-facts §1: an app is "Full read & write" or "Read only (GET requests only)". */
const SCOPE_WORDS: Readonly<Record<string, string>> = {
  full: 'Full read & write access to your OwnerRez account',
  read_only: 'Read only access to your OwnerRez account (GET requests only)',
};

const INVALID_GRANT: Readonly<Record<InvalidGrantReason, string>> = {
  code_unknown: 'The authorization code is invalid.',
  code_reused: 'The authorization code has already been used.',
  code_expired: 'The authorization code has expired.',
  code_other_client: 'The authorization code was issued to another app.',
  redirect_uri_mismatch: 'The redirect_uri does not match the one of the authorization request.',
  verifier_missing: PKCE_DESCRIPTIONS.verifier_missing,
  verifier_mismatch: PKCE_DESCRIPTIONS.verifier_mismatch,
  verifier_unexpected: PKCE_DESCRIPTIONS.verifier_unexpected,
  refresh_unknown: 'The refresh token is invalid.',
  refresh_expired: 'The refresh token has expired.',
  refresh_revoked: 'The refresh token has been used or revoked.',
};

const HTML = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

export const ownerrezWords: Required<OAuthWords> = {
  token: (failure) => {
    const error = tokenErrorCode(failure);
    switch (failure.kind) {
      case 'not_form':
        return ownerrezErrors.oauth(400, error, 'The request must be sent as application/x-www-form-urlencoded.');
      case 'repeated':
        return ownerrezErrors.oauth(400, error, `The ${failure.name} parameter was sent more than once.`);
      case 'missing':
        return ownerrezErrors.oauth(400, error, `The ${failure.name} parameter is required.`);
      case 'two_client_authentications':
        return ownerrezErrors.oauth(400, error, 'Send the client id and secret in the Authorization header or in the body, not both.');
      case 'no_client':
        return ownerrezErrors.oauth(401, error, 'Client authentication is required: HTTP Basic with your client id and client secret.');
      case 'unknown_client':
      case 'wrong_secret':
        return ownerrezErrors.oauth(401, error, 'The client id or client secret is not valid.');
      case 'unsupported_grant':
        return ownerrezErrors.oauth(400, error, `The grant type ${failure.grantType} is not supported; use authorization_code or refresh_token.`);
      case 'invalid_grant':
        return ownerrezErrors.oauth(400, error, INVALID_GRANT[failure.reason]);
      case 'invalid_scope':
        return ownerrezErrors.oauth(400, error, "An app's scope is set when the app is registered, and a refresh cannot widen it.");
      case 'unsupported_token_type':
        return ownerrezErrors.oauth(400, error, `Token type hint ${failure.hint} is not supported.`);
    }
  },
  redirect: (failure) => {
    const error = redirectErrorCode(failure);
    switch (failure.kind) {
      case 'repeated':
        return { error, description: `The ${failure.name} parameter was sent more than once.` };
      case 'unsupported_response_type':
        return { error, description: 'Only response_type=code is supported.' };
      case 'unsupported_challenge_method':
        return { error, description: PKCE_DESCRIPTIONS.unsupported_challenge_method };
      case 'invalid_challenge':
        return { error, description: PKCE_DESCRIPTIONS.invalid_challenge };
      case 'invalid_scope':
        return { error, description: failure.description };
    }
  },
  page: (failure) => {
    const shown = (error: string, description: string) => providerError(error === 'unauthorized_client' ? 'unauthorized_client' : 'invalid_request', 400, errorPage(SITE, error, description), HTML);
    switch (failure.kind) {
      case 'unknown_client':
        return shown('unauthorized_client', `There is no OwnerRez app with client id ${failure.clientId ?? '(none)'}.`);
      case 'unregistered_redirect_uri':
        return shown('invalid_request', `The redirect_uri ${failure.redirectUri ?? '(none)'} is not one of the redirect URLs registered for ${failure.clientId}.`);
      case 'interaction_expired':
        return shown('invalid_request', 'This sign-in has expired or was already completed; start again from the app.');
      case 'not_signed_in':
        return shown('invalid_request', 'Sign in first.');
      case 'queued_consent_mismatch':
        return shown('invalid_request', `The queued consent cannot answer this request: ${failure.problem}`);
    }
  },
};

function flowOf(accounts: OwnerRezAccounts): AuthorizeFlow<OAuthApp, AppGrant, undefined> {
  const signedIn = (id: string) => {
    const user = accounts.user(Number(id));
    return user ? { id: String(user.id), displayName: `${user.firstName} ${user.lastName}` } : undefined;
  };
  return {
    clients: (id) => accounts.app(id),
    // The scope is the app's registration; a `scope` parameter, which OwnerRez does not document, asks for nothing more.
    checkScopes: () => undefined,
    describeScope: (name) => SCOPE_WORDS[name] ?? name,
    scopesOf: (request) => [accounts.app(request.clientId)?.scope ?? 'full'],
    extra: () => undefined,
    signIn: (email, password) => {
      const user = accounts.userByEmail(email);
      return user && password === user.password ? signedIn(String(user.id)) : undefined;
    },
    user: signedIn,
    decide: (request, userId) => {
      const app = accounts.app(request.clientId)!;
      return { grant: { clientId: app.clientId, userId: Number(userId), scopes: [app.scope] } };
    },
  };
}

export interface OwnerRezOAuth {
  server: AuthorizationServer<AppGrant, undefined>;
  /** The token endpoint and revocation, served on both hosts. */
  tokenRoutes: RouteSpec[];
}

export function ownerrezOAuth(accounts: OwnerRezAccounts, credentials: OwnerRezCredentials, ctx: ProviderContext, ipLimit: RequestHandler): OwnerRezOAuth {
  let server: AuthorizationServer<AppGrant, undefined> | undefined;
  /** Fields as provider-facts lists them: access_token, token_type, scope, user_id, user_display_name, and for expiring tokens the rest. */
  const respond = async (_req: Request, app: OAuthApp, grant: AppGrant): Promise<Record<string, unknown>> => {
    const user = accounts.user(grant.userId)!;
    const expiring = app.expiration === 'standard';
    const answer: TokenResponse = {
      access_token: credentials.issueAccessToken(grant, expiring ? STANDARD_TOKEN_LIFETIME : undefined),
      token_type: 'bearer',
      ...(expiring ? { expires_in: STANDARD_TOKEN_LIFETIME, refresh_token: server!.ledger.issueRefreshToken({ grant, clientId: app.clientId, nonce: undefined }) } : {}),
      scope: grant.scopes[0],
      user_id: user.id,
      user_display_name: `${user.firstName} ${user.lastName}`,
    };
    return { ...answer };
  };
  const appBase = (req: Request): string => sandboxBaseUrl(ctx.sandboxUrl(req), APP_ORIGIN);
  server = createAuthorizationServer<OAuthApp, AppGrant, undefined>({
    clock: ctx.clock,
    clients: (id) => accounts.app(id),
    words: ownerrezWords,
    tokenPath: TOKEN_PATH,
    tokenOperationId: 'createAccessToken',
    codeFlow: {
      ledger: { codeLifetimeSeconds: CODE_LIFETIME, refreshLifetimeSeconds: REFRESH_TOKEN_LIFETIME, revokeAccess: (token) => void credentials.access.revoke(token), handle: () => randomToken(40) },
      paths: { authorize: '/oauth/authorize', login: '/oauth/login', consent: '/oauth/consent' },
      base: appBase,
      issuer: appBase,
      brand: SITE,
      flow: flowOf(accounts),
      interactionLifetime: INTERACTION_LIFETIME,
      tokenRedirectUri: 'optional',
      refresh: { rotate: true },
      respond,
      admin: {
        providerTitle: 'OwnerRez',
        findUser: (name) => {
          const user = accounts.userByEmail(name) ?? accounts.user(Number(name));
          return user ? { id: String(user.id), name: user.email } : undefined;
        },
      },
    },
  });
  const revoke: RequestHandler = (req, res) => {
    const auth = clientAuthentication(req.get('authorization'), {});
    if (auth.method !== 'client_secret_basic') throw ownerrezWords.token({ kind: 'no_client' });
    const app = clientNamed(auth.clientId, auth.clientSecret, (id) => accounts.app(id), ownerrezWords);
    const token = String(req.params.token);
    const access = credentials.access.lookup(token);
    if (access.state !== 'unknown' && access.record.data.clientId === app.clientId) credentials.access.revoke(token);
    const refresh = server!.ledger.refresh.lookup(token);
    if (refresh.state !== 'unknown' && refresh.record.data.clientId === app.clientId) server!.ledger.refresh.revoke(token);
    res.status(204).end();
  };
  const token = server.routes.find((r) => r.path === TOKEN_PATH)!;
  const tokenRoutes: RouteSpec[] = [
    { ...token, guard: [ipLimit] },
    { method: 'delete', path: `${TOKEN_PATH}/:token`, operationId: 'revokeAccessToken', validate: false, guard: [ipLimit], handle: revoke },
  ];
  return { server, tokenRoutes };
}
