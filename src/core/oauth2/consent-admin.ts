// The headless consent queue over the admin API, one shape for every provider: `POST /__sandbox/<provider>/consent` with
// `{"clientId", "user", "approve", ...the provider's own choice}` → 202, and `GET` lists the decisions not yet used.
import { SandboxProblem } from '../errors.js';
import type { RouteSpec } from '../provider.js';
import type { ClientLookup, RegisteredClient } from './clients.js';
import type { ConsentQueue } from './consent.js';

export interface ConsentAdminOptions<C extends RegisteredClient, X> {
  /** "rezStream": in the operation ids and messages. */
  providerTitle: string;
  clients: ClientLookup<C>;
  /** A user by username or id. */
  findUser: (nameOrId: string) => { id: string; name: string } | undefined;
  /** The provider's own choice in the body (rezStream's `tenants`): its JSON Schema property, and how it is read (throwing a SandboxProblem). */
  choice?: { field: string; schema: Record<string, unknown>; read: (value: unknown, user: { id: string; name: string }) => string[] };
  consent: ConsentQueue<X>;
}

const PROBLEM = { description: 'a problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

export function consentAdminRoutes<C extends RegisteredClient, X>({ providerTitle, clients, findUser, choice, consent }: ConsentAdminOptions<C, X>): RouteSpec[] {
  const bare = providerTitle.replace(/[^A-Za-z0-9]/g, '');
  const id = `${bare.charAt(0).toUpperCase()}${bare.slice(1)}`;
  const shape = `{"clientId", "user"${choice ? `, "${choice.field}": [...]` : ''}, "approve": true|false}`;
  return [
    {
      method: 'post',
      path: '/consent',
      doc: {
        operationId: `queue${id}Consent`,
        description: "Queues the decision a user makes on the consent page: the client's next authorize request redirects at once, with a code (approve) or error=access_denied.",
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['clientId', 'user', 'approve'],
                properties: { clientId: { type: 'string' }, user: { type: 'string', description: 'username or user id' }, ...(choice ? { [choice.field]: choice.schema } : {}), approve: { type: 'boolean' } },
              },
            },
          },
        },
        responses: { '202': { description: '{"queued": n}, decisions waiting for that client' }, '400': PROBLEM },
      },
      handle: (req, res) => {
        const body = req.body as unknown;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SandboxProblem(400, 'Bad request', `Send a JSON object ${shape}.`);
        const fields = body as Record<string, unknown>;
        const clientId = typeof fields.clientId === 'string' ? fields.clientId : '';
        if (!clients(clientId)) throw new SandboxProblem(400, 'Bad request', `No registered ${providerTitle} client "${clientId}".`);
        const name = typeof fields.user === 'string' ? fields.user : '';
        const user = findUser(name);
        if (!user) throw new SandboxProblem(400, 'Bad request', `No ${providerTitle} user "${name}"; GET /__sandbox/credentials lists them.`);
        if (typeof fields.approve !== 'boolean') throw new SandboxProblem(400, 'Bad request', 'approve must be true or false.');
        const chosen = choice && fields[choice.field] !== undefined ? choice.read(fields[choice.field], user) : [];
        res.status(202).json({ queued: consent.enqueue({ clientId, userId: user.id, chosen, approve: fields.approve }) });
      },
    },
    {
      method: 'get',
      path: '/consent',
      doc: { operationId: `list${id}Consent`, description: 'Queued consent decisions not yet used.', responses: { '200': { description: '{"pending": [...]}' } } },
      handle: (_req, res) => void res.json({ pending: consent.pending().map(({ chosen, ...d }) => ({ ...d, ...(choice ? { [choice.field]: chosen } : {}) })) }),
    },
  ];
}
