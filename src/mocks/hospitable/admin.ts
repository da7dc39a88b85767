// Hospitable's admin routes under /__sandbox/hospitable: accounts with their owner and secondary users, personal access tokens as Apps → API
// access → Access tokens → Add new makes them (owner only, seeds/002; the value shown once), listed without values and revocable, and the
// authorization server's headless consent queue.
import { SandboxProblem } from '../../core/errors.js';
import type { RouteSpec } from '../../core/provider.js';
import type { HospitableAccounts, NewUser } from './accounts.js';
import type { HospitableGrants } from './grants.js';
import { PERMISSIONS, type Permission } from './types.js';

const PROBLEM = { description: 'a problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const bad = (detail: string): SandboxProblem => new SandboxProblem(400, 'Bad request', detail);

function object(body: unknown, shape: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad(`Send a JSON object ${shape}.`);
  return body as Record<string, unknown>;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(`${name} must be a non-empty string.`);
  return value.trim();
}

/** seeds/002: "Choose the permissions": Read and/or Write. */
function permissions(value: unknown): Permission[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((p) => !PERMISSIONS.includes(p as Permission))) throw bad('permissions must be ["read"], ["write"] or ["read", "write"].');
  return PERMISSIONS.filter((p) => (value as unknown[]).includes(p));
}

export function hospitableAdmin(accounts: HospitableAccounts, grants: HospitableGrants, consentRoutes: readonly RouteSpec[]): RouteSpec[] {
  const newUser = (value: unknown, name: string): NewUser => {
    const fields = object(value, `for ${name}: {"email", "name", "password"?}`);
    const email = text(fields.email, `${name}.email`);
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw bad(`${name}.email is not an e-mail address.`);
    if (accounts.user(email)) throw new SandboxProblem(409, 'Conflict', `A Hospitable user ${email} exists already.`);
    return { email, name: text(fields.name, `${name}.name`), password: fields.password === undefined ? accounts.password() : text(fields.password, `${name}.password`) };
  };
  return [
    ...consentRoutes,
    {
      method: 'post',
      path: '/accounts',
      doc: {
        operationId: 'createHospitableAccount',
        description: 'An account as signing up makes it: its owner, and the secondary users the owner invited. Passwords not given are made and shown once.',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name', 'owner'],
                properties: {
                  name: { type: 'string' },
                  currency: { type: 'string' },
                  owner: { type: 'object', required: ['email', 'name'], properties: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } },
                  secondaryUsers: { type: 'array', items: { type: 'object', required: ['email', 'name'], properties: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } } },
                },
              },
            },
          },
        },
        responses: { '201': { description: '{"account": {id, name, currency}, "users": [{id, email, role, password, ...}]}' }, '400': PROBLEM, '409': PROBLEM },
      },
      handle: (req, res) => {
        const body = object(req.body, '{"name", "owner": {...}, "secondaryUsers"?: [...]}');
        const name = text(body.name, 'name');
        const currency = body.currency === undefined ? 'USD' : text(body.currency, 'currency').toUpperCase();
        if (!/^[A-Z]{3}$/.test(currency)) throw bad('currency must be an ISO 4217 code.');
        const owner = newUser(body.owner, 'owner');
        if (body.secondaryUsers !== undefined && !Array.isArray(body.secondaryUsers)) throw bad('secondaryUsers must be an array.');
        const secondary = ((body.secondaryUsers as unknown[] | undefined) ?? []).map((u, i) => newUser(u, `secondaryUsers[${i}]`));
        const emails = [owner, ...secondary].map((u) => u.email.toLowerCase());
        if (new Set(emails).size !== emails.length) throw bad('Each user needs an e-mail address of their own.');
        res.status(201).json(accounts.createAccount(name, currency, owner, secondary));
      },
    },
    {
      method: 'get',
      path: '/accounts',
      doc: { operationId: 'listHospitableAccounts', description: 'Every account and its users (passwords never shown).', responses: { '200': { description: '{"accounts": [{id, name, currency, users: [...]}]}' } } },
      handle: (_req, res) =>
        void res.json({
          accounts: accounts.accounts().map((a) => ({ ...a, users: accounts.users().filter((u) => u.accountId === a.id).map(({ password: _secret, ...u }) => u) })),
        }),
    },
    {
      method: 'post',
      path: '/tokens',
      doc: {
        operationId: 'createHospitablePersonalAccessToken',
        description: 'Apps → API access → Access tokens → Add new: a name and permissions; the value is shown in this response only. Only the account owner can create one.',
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['user', 'name', 'permissions'], properties: { user: { type: 'string', description: "the creator's e-mail" }, name: { type: 'string' }, permissions: { type: 'array', items: { enum: ['read', 'write'] } } } },
            },
          },
        },
        responses: { '201': { description: '{"name", "token", "permissions"}' }, '400': PROBLEM, '403': PROBLEM, '404': PROBLEM },
      },
      handle: (req, res) => {
        const body = object(req.body, '{"user": "<email>", "name", "permissions": ["read"] | ["read", "write"]}');
        const email = text(body.user, 'user');
        const user = accounts.user(email);
        if (!user) throw new SandboxProblem(404, 'Not found', `No Hospitable user ${email}; GET /__sandbox/credentials lists them.`);
        const name = text(body.name, 'name');
        const wanted = permissions(body.permissions);
        // seeds/002: "Access tokens can be generated by account owners. If you are a secondary user on a Hospitable account, please contact the account owner with your request."
        if (user.role !== 'owner') throw new SandboxProblem(403, 'Forbidden', `${user.email} is a secondary user: access tokens can be generated by account owners. Please contact the account owner with your request.`);
        const pat = grants.createPat(user, name, wanted);
        res.status(201).json({ id: pat.id, name: pat.name, token: pat.token, permissions: pat.permissions });
      },
    },
    {
      method: 'get',
      path: '/tokens',
      doc: {
        operationId: 'listHospitablePersonalAccessTokens',
        description: "Personal access tokens without their values; `accountId` for one account's.",
        parameters: [{ name: 'accountId', in: 'query', schema: { type: 'string' } }],
        responses: { '200': { description: '{"tokens": [{id, name, permissions, accountId, userId, createdAt, expiresAt}]}' } },
      },
      handle: (req, res) => {
        const only = typeof req.query.accountId === 'string' ? req.query.accountId : undefined;
        res.json({ tokens: accounts.accounts().filter((a) => only === undefined || a.id === only).flatMap((a) => grants.listPats(a.id)) });
      },
    },
    {
      method: 'delete',
      path: '/tokens/:id',
      doc: { operationId: 'revokeHospitablePersonalAccessToken', description: 'Revokes a personal access token; the API refuses it at once.', responses: { '204': { description: 'revoked' }, '404': PROBLEM } },
      handle: (req, res) => {
        if (!grants.revokePat(String(req.params.id))) throw new SandboxProblem(404, 'Not found', `No personal access token ${String(req.params.id)}.`);
        res.status(204).end();
      },
    },
  ];
}
