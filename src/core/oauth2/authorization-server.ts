// One authorization server, configured per provider: its paths, clients, grant map, lifetimes, token formats (the provider's `respond`),
// pages and words. It assembles the token endpoint, and with a code flow the authorization endpoint, its pages, revocation and the
// headless consent queue's admin routes. A provider supplies its words and quirks, never its own copy of the flow.
import type { Request } from 'express';
import type { Clock } from '../clock.js';
import type { RouteSpec } from '../provider.js';
import { authorizeRoutes, type AuthorizeFlow } from './authorize-endpoint.js';
import type { ClientLookup, RegisteredClient } from './clients.js';
import { consentAdminRoutes, type ConsentAdminOptions } from './consent-admin.js';
import { ConsentQueue } from './consent.js';
import type { OAuthWords } from './failures.js';
import { authorizationCodeGrant, clientCredentialsGrant, refreshTokenGrant, type ClientCredentialsOptions, type ScopedGrant } from './grant-types.js';
import { GrantLedger, type LedgerOptions } from './ledger.js';
import type { PageBrand } from './pages.js';
import { revocationEndpoint } from './revocation.js';
import { tokenEndpoint, type GrantHandler } from './token-endpoint.js';

/** How a token response is made from a grant: the provider's token format and field order (opaque `at_…`, IdentityServer's, a JWT). */
export type Respond<C extends RegisteredClient, G> = (req: Request, client: C, grant: G, nonce: string | undefined) => Promise<Record<string, unknown>>;

export interface CodeFlowConfig<C extends RegisteredClient, G extends ScopedGrant, X> {
  /** Lifetimes and format of codes and refresh tokens, and how the provider's access tokens are revoked. */
  ledger: LedgerOptions;
  paths: { authorize: string; login: string; consent: string; revocation?: string };
  base: (req: Request) => string;
  issuer: (req: Request) => string;
  brand: PageBrand;
  flow: AuthorizeFlow<C, G, X>;
  /** Seconds. */
  interactionLifetime: number;
  /** Whether the token request may leave out the authorization request's redirect_uri (OwnerRez); by default RFC 6749 §4.1.3's "required". */
  tokenRedirectUri?: 'optional';
  /** Rotating refresh tokens (one-time use), when the provider issues refresh tokens at all. */
  refresh?: { rotate: boolean };
  respond: Respond<C, G>;
  /** Revocation of the provider's access tokens held by a client (RFC 7009). */
  revokeAccess?: (token: string, client: C) => void;
  admin: Pick<ConsentAdminOptions<C, X>, 'providerTitle' | 'findUser' | 'choice'>;
}

export interface AuthorizationServerConfig<C extends RegisteredClient, G extends ScopedGrant, X> {
  clock: Clock;
  clients: ClientLookup<C>;
  words: OAuthWords;
  tokenPath: string;
  /** The token operation's id in the provider's OpenAPI document. */
  tokenOperationId?: string;
  codeFlow?: CodeFlowConfig<C, G, X>;
  clientCredentials?: Omit<ClientCredentialsOptions<C>, 'words'>;
}

export interface AuthorizationServer<G, X> {
  /** The routes of the origin that serves it. */
  routes: RouteSpec[];
  /** RFC 8414 metadata of what this server does, for the provider's discovery document (which adds its own: JWKS, userinfo, scopes). */
  metadata(req: Request): Record<string, unknown>;
  /** Mounted under /__sandbox/<provider>. */
  admin: RouteSpec[];
  ledger: GrantLedger<G>;
  consent: ConsentQueue<X>;
  reset(): void;
}

export function createAuthorizationServer<C extends RegisteredClient, G extends ScopedGrant, X = undefined>(config: AuthorizationServerConfig<C, G, X>): AuthorizationServer<G, X> {
  const { clock, clients, words, codeFlow } = config;
  // Without a code flow nothing is kept: client-credentials tokens stand on their own.
  const ledger = new GrantLedger<G>(clock, codeFlow?.ledger ?? { codeLifetimeSeconds: 0, refreshLifetimeSeconds: 0, revokeAccess: () => undefined });
  const consent = new ConsentQueue<X>(clock, codeFlow?.interactionLifetime ?? 0);
  const grants: Record<string, GrantHandler<C>> = {};
  if (codeFlow) {
    grants.authorization_code = authorizationCodeGrant<C, G>({ ledger, words, respond: codeFlow.respond, ...(codeFlow.tokenRedirectUri ? { redirectUri: codeFlow.tokenRedirectUri } : {}) });
    if (codeFlow.refresh) grants.refresh_token = refreshTokenGrant<C, G>({ ledger, words, rotate: codeFlow.refresh.rotate, respond: codeFlow.respond });
  }
  if (config.clientCredentials) grants.client_credentials = clientCredentialsGrant<C>({ words, ...config.clientCredentials });

  const routes: RouteSpec[] = [];
  const admin: RouteSpec[] = [];
  if (codeFlow) {
    if (!words.redirect || !words.page) throw new TypeError('an authorization server with a code flow needs words for redirected and shown failures');
    routes.push(
      ...authorizeRoutes<C, G, X>({ paths: codeFlow.paths, base: codeFlow.base, issuer: codeFlow.issuer, words: { redirect: words.redirect, page: words.page }, brand: codeFlow.brand, flow: codeFlow.flow, ledger, consent }),
    );
    admin.push(...consentAdminRoutes<C, X>({ ...codeFlow.admin, clients, consent }));
  }
  routes.push({ method: 'post', path: config.tokenPath, ...(config.tokenOperationId ? { operationId: config.tokenOperationId } : {}), validate: false, handle: tokenEndpoint<C>({ clients, words, grants }) });
  if (codeFlow?.paths.revocation) {
    const revokeAccess = codeFlow.revokeAccess ?? (() => undefined);
    routes.push({ method: 'post', path: codeFlow.paths.revocation, operationId: 'revokeToken', validate: false, handle: revocationEndpoint<C, G>({ clients, words, ledger, revokeAccess }) });
  }
  const at = (req: Request, path: string): string => `${codeFlow ? codeFlow.base(req) : ''}${path}`;
  return {
    routes,
    metadata: (req) => ({
      ...(codeFlow ? { issuer: codeFlow.issuer(req), authorization_endpoint: at(req, codeFlow.paths.authorize) } : {}),
      token_endpoint: at(req, config.tokenPath),
      ...(codeFlow?.paths.revocation ? { revocation_endpoint: at(req, codeFlow.paths.revocation) } : {}),
      grant_types_supported: Object.keys(grants),
      ...(codeFlow ? { response_types_supported: ['code'], response_modes_supported: ['query'] } : {}),
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      ...(codeFlow ? { code_challenge_methods_supported: ['S256'], authorization_response_iss_parameter_supported: true } : {}),
    }),
    admin,
    ledger,
    consent,
    reset: () => {
      ledger.reset();
      consent.reset();
    },
  };
}
