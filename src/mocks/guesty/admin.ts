// Guesty's admin routes under /__sandbox/guesty: create API clients (the secret shown once, as Guesty's portal does) and list them without secrets.
import type { RouteSpec } from '../../core/provider.js';
import { SandboxProblem } from '../../core/errors.js';
import type { GuestyAccounts } from './accounts.js';
import type { GuestyApiName } from './types.js';

function clientRequest(body: unknown, accounts: GuestyAccounts): { api: GuestyApiName; accountId: string } {
  const b = (body ?? {}) as { api?: unknown; accountId?: unknown };
  if (typeof b !== 'object' || Array.isArray(b)) throw new SandboxProblem(400, 'Bad request', 'Send a JSON object {"api": "openApi"|"bookingEngine", "accountId"?: string}.');
  const api = b.api ?? 'openApi';
  if (api !== 'openApi' && api !== 'bookingEngine') throw new SandboxProblem(400, 'Bad request', 'api must be "openApi" or "bookingEngine".');
  const accountId = b.accountId ?? accounts.seed.primary.openApi.accountId;
  if (typeof accountId !== 'string' || !accounts.account(accountId)) throw new SandboxProblem(400, 'Bad request', `No Guesty account ${String(accountId)}; known: ${accounts.seed.accounts.map((a) => a.accountId).join(', ')}.`);
  return { api, accountId };
}

export function guestyAdmin(accounts: GuestyAccounts): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/clients',
      doc: {
        operationId: 'createGuestyClient',
        description: "Creates a Guesty client id and secret, as Guesty's portal does; the secret is shown in this response only.",
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { api: { enum: ['openApi', 'bookingEngine'] }, accountId: { type: 'string' } } } } } },
        responses: {
          '201': { description: 'the new client with its secret', content: { 'application/json': { schema: { type: 'object', required: ['clientId', 'clientSecret', 'api', 'accountId'] } } } },
          '400': { description: 'a problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
      handle: (req, res) => {
        const { api, accountId } = clientRequest(req.body, accounts);
        res.status(201).json(accounts.createClient(api, accountId));
      },
    },
    {
      method: 'get',
      path: '/clients',
      doc: { operationId: 'listGuestyClients', description: 'Guesty API clients, secrets never shown.', responses: { '200': { description: '{"clients": [...]}' } } },
      handle: (_req, res) => {
        res.json({ clients: accounts.listClients() });
      },
    },
  ];
}
