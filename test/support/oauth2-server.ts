// A tiny provider on the core authorization server (src/core/oauth2), served by a small Express app for its unit tests: its own clients,
// users and rooms (the consent picker), words that echo each failure so a test asserts exactly which one was raised, and opaque tokens.
import express, { type Express } from 'express';
import request from 'supertest';
import { Clock } from '../../src/core/clock.js';
import { oauthErrorCode, providerError, renderErrors, SandboxProblem } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/log.js';
import { createAuthorizationServer, type AuthorizationServer } from '../../src/core/oauth2/authorization-server.js';
import type { AuthorizeFlow } from '../../src/core/oauth2/authorize-endpoint.js';
import type { RegisteredClient } from '../../src/core/oauth2/clients.js';
import { redirectErrorCode, tokenErrorCode, type OAuthWords } from '../../src/core/oauth2/failures.js';
import { errorPage, type PageBrand } from '../../src/core/oauth2/pages.js';
import type { RouteSpec } from '../../src/core/provider.js';

export interface TinyClient extends RegisteredClient {
  /** What client_credentials may ask for. */
  scopes?: readonly string[];
}

export interface TinyGrant {
  scopes: string[];
  userId: string | undefined;
  rooms: string[];
}

/** The tiny provider's own authorize parameter: a room to preselect. */
export interface TinyParams {
  room: string | undefined;
}

export const REDIRECT_URI = 'https://app.example/callback';
export const ISSUER = 'https://tiny.example';
export const EVIL_NAME = '<script>alert("x")</script>';
export const LIFETIMES = { code: 60, refresh: 3600, interaction: 600 } as const;
export const SCOPES = ['read', 'write', 'offline'] as const;

export const CLIENTS: Readonly<Record<string, TinyClient>> = {
  app: { clientId: 'app', clientSecret: 'app-secret', redirectUris: [REDIRECT_URI], name: 'Tiny App' },
  other: { clientId: 'other', clientSecret: 'other-secret', redirectUris: ['https://other.example/callback'], name: 'Other App' },
  machine: { clientId: 'machine', clientSecret: 'machine-secret', scopes: ['read', 'write'] },
  evil: { clientId: 'evil', clientSecret: 'evil-secret', redirectUris: ['https://evil.example/callback'], name: EVIL_NAME },
};

export const USERS = [
  { id: 'u-ada', username: 'ada', password: 'lovelace', displayName: 'Ada Lovelace', rooms: ['r1', 'r2'] },
  { id: 'u-alan', username: 'alan', password: 'turing', displayName: 'Alan Turing', rooms: ['r3'] },
] as const;

export const BRAND: PageBrand = { site: 'Tiny Account', signInLead: (name) => `${name} asks to see your rooms.`, usernameLabel: 'Username', errorHeading: 'Tiny error' };

export const HTML = 'text/html; charset=utf-8';

/** Every failure answered with its RFC 6749 code and the failure itself; page failures name their kind in `X-Failure`. */
export const WORDS: Required<OAuthWords> = {
  token: (failure) => {
    const error = tokenErrorCode(failure);
    return providerError(oauthErrorCode(error), error === 'invalid_client' ? 401 : 400, { error, failure });
  },
  redirect: (failure) => ({ error: redirectErrorCode(failure), description: JSON.stringify(failure) }),
  page: (failure) => providerError('bad_request', 400, errorPage(BRAND, failure.kind, JSON.stringify(failure)), { 'Content-Type': HTML, 'X-Failure': failure.kind }),
};

const userByName = (name: string) => USERS.find((u) => u.username === name || u.id === name);

export const FLOW: AuthorizeFlow<TinyClient, TinyGrant, TinyParams> = {
  clients: (id) => (Object.hasOwn(CLIENTS, id) ? CLIENTS[id] : undefined),
  checkScopes: (scopes) => {
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    return unknown.length > 0 ? { kind: 'invalid_scope', description: `unknown scope ${unknown.join(' ')}` } : undefined;
  },
  describeScope: (name) => `lets the app ${name}`,
  extra: (param) => ({ room: param('room') }),
  signIn: (username, password) => {
    const user = userByName(username);
    return user && user.username === username && password === user.password ? { id: user.id, displayName: user.displayName } : undefined;
  },
  user: (id) => {
    const user = userByName(id);
    return user ? { id: user.id, displayName: user.displayName } : undefined;
  },
  picker: (req, userId) => ({
    legend: 'Room to share',
    name: 'rooms',
    idPrefix: 'room',
    multiple: false,
    options: (userByName(userId)?.rooms ?? []).map((r) => ({ value: r, label: `Room ${r}` })),
    ...(req.extra.room ? { preselected: req.extra.room } : {}),
  }),
  decide: (req, userId, chosen) => {
    const rooms: readonly string[] = userByName(userId)?.rooms ?? [];
    if (chosen.length !== 1 || !rooms.includes(chosen[0]!)) return { problem: 'Pick one of your rooms.' };
    return { grant: { scopes: req.scopes, userId, rooms: chosen } };
  },
};

export interface TinyOptions {
  /** Rotating refresh tokens; true by default. */
  rotate?: boolean;
  /** client_credentials without `scope` refused; true by default. */
  scopeRequired?: boolean;
  /** A token request may leave out the redirect_uri (OwnerRez); required by default. */
  tokenRedirectUri?: 'optional';
}

export interface TinyServer {
  app: Express;
  server: AuthorizationServer<TinyGrant, TinyParams>;
  clock: Clock;
  /** The provider's access tokens, as its own store holds them. */
  access: Map<string, { clientId: string; revoked: boolean }>;
  /** Every token the ledger asked the provider to revoke, in order. */
  revokedAccess: string[];
}

function mount(router: express.Router, routes: readonly RouteSpec[]): void {
  for (const route of routes) router[route.method](route.path, ...(route.guard ?? []), route.handle);
}

export function tinyServer(options: TinyOptions = {}): TinyServer {
  const clock = new Clock();
  clock.freeze('2030-01-01T00:00:00Z');
  const access = new Map<string, { clientId: string; revoked: boolean }>();
  const revokedAccess: string[] = [];
  let issued = 0;
  let server: AuthorizationServer<TinyGrant, TinyParams> | undefined;
  const accessToken = (clientId: string): string => {
    const token = `at_${++issued}`;
    access.set(token, { clientId, revoked: false });
    return token;
  };
  server = createAuthorizationServer<TinyClient, TinyGrant, TinyParams>({
    clock,
    clients: FLOW.clients,
    words: WORDS,
    tokenPath: '/token',
    codeFlow: {
      ledger: {
        codeLifetimeSeconds: LIFETIMES.code,
        refreshLifetimeSeconds: LIFETIMES.refresh,
        revokeAccess: (token) => {
          revokedAccess.push(token);
          const held = access.get(token);
          if (held) held.revoked = true;
        },
      },
      paths: { authorize: '/authorize', login: '/login', consent: '/consent', revocation: '/revoke' },
      base: (req) => `${req.protocol}://${req.get('host')}`,
      issuer: () => ISSUER,
      brand: BRAND,
      flow: FLOW,
      interactionLifetime: LIFETIMES.interaction,
      refresh: { rotate: options.rotate ?? true },
      ...(options.tokenRedirectUri ? { tokenRedirectUri: options.tokenRedirectUri } : {}),
      respond: async (_req, client, grant, nonce) => {
        const refresh = grant.scopes.includes('offline') ? server!.ledger.issueRefreshToken({ grant, clientId: client.clientId, nonce }) : undefined;
        return { access_token: accessToken(client.clientId), token_type: 'Bearer', ...(refresh ? { refresh_token: refresh } : {}), scope: grant.scopes.join(' '), ...(nonce ? { nonce } : {}) };
      },
      revokeAccess: (token, client) => {
        const held = access.get(token);
        if (held && held.clientId === client.clientId) held.revoked = true;
      },
      admin: {
        providerTitle: 'Tiny',
        findUser: (name) => {
          const user = userByName(name);
          return user ? { id: user.id, name: user.username } : undefined;
        },
        choice: {
          field: 'rooms',
          schema: { type: 'array', items: { type: 'string' } },
          read: (value) => {
            if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new SandboxProblem(400, 'Bad request', 'rooms must be an array of strings.');
            return value as string[];
          },
        },
      },
    },
    clientCredentials: {
      scopesOf: (client) => client.scopes ?? [],
      scopeRequired: options.scopeRequired ?? true,
      respond: async (_req, client, scopes) => ({ access_token: accessToken(client.clientId), token_type: 'Bearer', scope: scopes.join(' ') }),
    },
  });
  const app = express();
  app.use(express.urlencoded({ extended: false }), express.json());
  const origin = express.Router();
  mount(origin, server.routes);
  const admin = express.Router();
  mount(admin, server.admin);
  app.use('/__sandbox/tiny', admin);
  app.use(origin);
  app.use(renderErrors(createLogger('silent')));
  return { app, server, clock, access, revokedAccess };
}

export const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** A POST to the token endpoint (or another form endpoint) with the app's form credentials unless the form names a client. */
export function postForm(app: Express, path: string, form: Record<string, string> | string, authorization?: string): request.Test {
  const body = typeof form === 'string' || authorization || 'client_id' in form ? form : { client_id: 'app', client_secret: 'app-secret', ...form };
  const test = request(app).post(path).type('form');
  return (authorization ? test.set('Authorization', authorization) : test).send(body);
}

export const postToken = (app: Express, form: Record<string, string> | string, authorization?: string): request.Test => postForm(app, '/token', form, authorization);

/** A code issued straight from the ledger, as the authorize endpoint issues it for the app. */
export function issueCode(tiny: TinyServer, code: { scopes?: string[]; clientId?: string; challenge?: string; nonce?: string; withoutRedirectUri?: true } = {}): string {
  return tiny.server.ledger.issueCode({
    grant: { scopes: code.scopes ?? ['read', 'offline'], userId: 'u-ada', rooms: ['r1'] },
    clientId: code.clientId ?? 'app',
    redirectUri: code.withoutRedirectUri ? undefined : code.clientId ? CLIENTS[code.clientId]!.redirectUris![0]! : REDIRECT_URI,
    codeChallenge: code.challenge,
    nonce: code.nonce,
  });
}

/** The authorization_code exchange of the app. */
export const exchange = (tiny: TinyServer, code: string, form: Record<string, string> = {}): request.Test =>
  postToken(tiny.app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, ...form });

export const authorizeUrl = (params: Record<string, string | undefined> = {}): string => {
  const query = { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT_URI, scope: 'read offline', state: 'xyz', ...params };
  const defined = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined);
  return `/authorize?${new URLSearchParams(defined)}`;
};

/** The query of a redirect to `to`, asserting it is one. */
export function redirected(res: request.Response, to = REDIRECT_URI): Record<string, string> {
  if (res.status !== 302) throw new Error(`expected a redirect, got ${res.status}: ${res.text}`);
  const location = new URL(res.headers.location!);
  if (`${location.origin}${location.pathname}` !== to) throw new Error(`redirected to ${location.href}, not ${to}`);
  return Object.fromEntries(location.searchParams);
}

/** The echoed failure of a redirected error. */
export const redirectedFailure = (res: request.Response): unknown => JSON.parse(redirected(res).error_description!);

export const queueConsent = (tiny: TinyServer, body: unknown): request.Test => request(tiny.app).post('/__sandbox/tiny/consent').send(body as object);

/** The hidden interaction handle of a sign-in or consent page. */
export function interactionOf(html: string): string {
  const match = /name="interaction" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no interaction on the page');
  return match[1]!;
}
