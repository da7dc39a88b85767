// OwnerRez's admin routes under /__sandbox/ownerrez: the headless consent queue for CI, OAuth apps as the OAuth App Guide creates them
// (client secret shown once), user accounts, and Developer/API Settings' personal access tokens (value shown once, listed without it, revocable).
import { SandboxProblem } from '../../core/errors.js';
import type { RouteSpec } from '../../core/provider.js';
import type { OwnerRezAccounts } from './accounts.js';
import type { OwnerRezCredentials } from './credentials.js';
import type { AccountUser, AppScope, TokenExpiration } from './types.js';

const PROBLEM = { description: 'a problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const SCOPES: readonly AppScope[] = ['full', 'read_only'];
const EXPIRATIONS: readonly TokenExpiration[] = ['standard', 'none'];

function object(body: unknown, shape: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SandboxProblem(400, 'Bad request', `Send a JSON object ${shape}.`);
  return body as Record<string, unknown>;
}

function text(value: unknown, name: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') throw new SandboxProblem(400, 'Bad request', `${name} must be a non-empty string.`);
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new SandboxProblem(400, 'Bad request', `${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

export function ownerrezAdmin(accounts: OwnerRezAccounts, credentials: OwnerRezCredentials, consentRoutes: readonly RouteSpec[]): RouteSpec[] {
  const user = (email: string): AccountUser => {
    const found = accounts.userByEmail(email);
    if (!found) throw new SandboxProblem(404, 'Not found', `No OwnerRez user ${email}; GET /__sandbox/credentials lists them.`);
    return found;
  };
  return [
    ...consentRoutes,
    {
      method: 'post',
      path: '/apps',
      doc: {
        operationId: 'registerOwnerRezApp',
        description: 'Creates an OAuth app as the OAuth App Guide does: a c_ client id and an s_ client secret (shown in this response only), its redirect URLs, its scope ("full" or "read_only": GET requests only) and token expiration ("standard": 30 days with refresh tokens, or "none").',
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name', 'redirectUris'], properties: { name: { type: 'string' }, redirectUris: { type: 'array', items: { type: 'string', format: 'uri' } }, scope: { enum: SCOPES }, expiration: { enum: EXPIRATIONS } } },
            },
          },
        },
        responses: { '201': { description: '{name, clientId, clientSecret, redirectUris, scope, expiration}' }, '400': PROBLEM },
      },
      handle: (req, res) => {
        const body = object(req.body, '{"name", "redirectUris": [...], "scope"?, "expiration"?}');
        const name = text(body.name, 'name');
        const redirectUris = body.redirectUris;
        if (!Array.isArray(redirectUris) || redirectUris.length === 0 || redirectUris.some((u) => typeof u !== 'string' || !URL.canParse(u) || u.includes('#'))) {
          throw new SandboxProblem(400, 'Bad request', 'redirectUris must be one or more absolute URLs without a fragment.');
        }
        const scope = oneOf(body.scope, 'scope', SCOPES, 'full');
        const expiration = oneOf(body.expiration, 'expiration', EXPIRATIONS, 'standard');
        res.status(201).json(accounts.registerApp({ name, redirectUris: redirectUris as string[], scope, expiration }));
      },
    },
    {
      method: 'get',
      path: '/apps',
      doc: { operationId: 'listOwnerRezApps', description: 'Registered OAuth apps, secrets never shown.', responses: { '200': { description: '{"apps": [...]}' } } },
      handle: (_req, res) => void res.json({ apps: accounts.apps.map(({ name, clientId, redirectUris, scope, expiration }) => ({ name, clientId, redirectUris, scope, expiration })) }),
    },
    {
      method: 'post',
      path: '/users',
      doc: {
        operationId: 'createOwnerRezUser',
        description: 'Creates an OwnerRez user account, empty of properties and bookings; its password signs in on the authorize page.',
        requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' }, firstName: { type: 'string' }, lastName: { type: 'string' } } } } } },
        responses: { '201': { description: '{id, email, firstName, lastName}' }, '400': PROBLEM, '409': PROBLEM },
      },
      handle: (req, res) => {
        const body = object(req.body, '{"email", "password", "firstName"?, "lastName"?}');
        const email = text(body.email, 'email');
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new SandboxProblem(400, 'Bad request', 'email must be an e-mail address.');
        if (accounts.userByEmail(email)) throw new SandboxProblem(409, 'Conflict', `There is already an OwnerRez user ${email}.`);
        const created = accounts.createUser({ email, password: text(body.password, 'password'), firstName: text(body.firstName, 'firstName', 'New'), lastName: text(body.lastName, 'lastName', 'User') });
        res.status(201).json({ id: created.id, email: created.email, firstName: created.firstName, lastName: created.lastName });
      },
    },
    {
      method: 'post',
      path: '/users/:email/tokens',
      doc: {
        operationId: 'createOwnerRezPersonalAccessToken',
        description: 'A personal access token as Developer/API Settings makes one: its value starts pt_ and is shown in this response only.',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
        responses: { '201': { description: '{id, name, createdUtc, token}' }, '400': PROBLEM, '404': PROBLEM },
      },
      handle: (req, res) => {
        const owner = user(String(req.params.email));
        const body = req.body === undefined ? {} : object(req.body, '{"name"?}');
        const { id, name, createdUtc, token } = credentials.createPersonalAccessToken(owner.id, text(body.name, 'name', 'API token'));
        res.status(201).json({ id, name, createdUtc, token });
      },
    },
    {
      method: 'get',
      path: '/users/:email/tokens',
      doc: { operationId: 'listOwnerRezPersonalAccessTokens', description: "A user's personal access tokens, without their values.", responses: { '200': { description: '{"tokens": [...]}' }, '404': PROBLEM } },
      handle: (req, res) => void res.json({ tokens: credentials.listPersonalAccessTokens(user(String(req.params.email)).id) }),
    },
    {
      method: 'delete',
      path: '/users/:email/tokens/:id',
      doc: { operationId: 'revokeOwnerRezPersonalAccessToken', description: 'Revokes a personal access token; the API refuses it at once.', responses: { '204': { description: 'revoked' }, '404': PROBLEM } },
      handle: (req, res) => {
        const owner = user(String(req.params.email));
        if (!credentials.revokePersonalAccessToken(owner.id, Number(req.params.id))) throw new SandboxProblem(404, 'Not found', `No personal access token ${String(req.params.id)} of ${owner.email}.`);
        res.status(204).end();
      },
    },
  ];
}
