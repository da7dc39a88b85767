// rezStream's admin routes under /__sandbox/rezstream: the headless consent queue for CI, integration registration (rezStream registers clients
// itself), the account portal's "Manage app authorizations" (manual tenant tokens), and changes to reservations as rezStream users would make them.
import { SandboxProblem } from '../../core/errors.js';
import type { RouteSpec } from '../../core/provider.js';
import type { RezStreamAccounts } from './accounts.js';
import { API_SCOPES, type RezStreamGrants } from './grants.js';

const PROBLEM = { description: 'a problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function object(body: unknown, shape: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SandboxProblem(400, 'Bad request', `Send a JSON object ${shape}.`);
  return body as Record<string, unknown>;
}

function strings(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new SandboxProblem(400, 'Bad request', `${name} must be an array of strings.`);
  return value as string[];
}

/** `consentRoutes`: the authorization server's headless consent queue, `POST|GET /consent`. */
export function rezstreamAdmin(accounts: RezStreamAccounts, grants: RezStreamGrants, consentRoutes: readonly RouteSpec[]): RouteSpec[] {
  const tenant = (id: string): string => {
    if (!accounts.business(id)) throw new SandboxProblem(404, 'Not found', `No rezStream business ${id}; known: ${accounts.directory.businesses.map((b) => b.id).join(', ')}.`);
    return id;
  };
  return [
    ...consentRoutes,
    {
      method: 'post',
      path: '/clients',
      doc: {
        operationId: 'registerRezStreamClient',
        description: 'Registers an integration as rezStream does: a client id and secret for an exact list of redirect URLs. The secret is shown in this response only.',
        requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['redirectUris'], properties: { name: { type: 'string' }, redirectUris: { type: 'array', items: { type: 'string', format: 'uri' } } } } } } },
        responses: { '201': { description: '{clientId, clientSecret, name, redirectUris}' }, '400': PROBLEM },
      },
      handle: (req, res) => {
        const body = object(req.body, '{"name"?, "redirectUris": [...]}');
        const redirectUris = strings(body.redirectUris, 'redirectUris');
        for (const uri of redirectUris) if (!URL.canParse(uri) || uri.includes('#')) throw new SandboxProblem(400, 'Bad request', `${uri} is not an absolute URL without a fragment.`);
        res.status(201).json(accounts.registerClient(typeof body.name === 'string' ? body.name : 'Integration', redirectUris));
      },
    },
    {
      method: 'get',
      path: '/clients',
      doc: { operationId: 'listRezStreamClients', description: 'Registered integrations, secrets never shown.', responses: { '200': { description: '{"clients": [...]}' } } },
      handle: (_req, res) => void res.json({ clients: accounts.listClients() }),
    },
    {
      method: 'post',
      path: '/tenants/:tenantId/tokens',
      doc: {
        operationId: 'createRezStreamManualToken',
        description: '"Generate Token" on a business\'s "Manage app authorizations" page: a long-lived reference token for that tenant with the chosen scopes, its value shown in this response only.',
        requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['scopes'], properties: { scopes: { type: 'array', items: { enum: Object.keys(API_SCOPES) } } } } } } },
        responses: { '201': { description: '{id, token, tenantId, scopes, createdAt}' }, '400': PROBLEM, '404': PROBLEM },
      },
      handle: (req, res) => {
        const tenantId = tenant(String(req.params.tenantId));
        const scopes = strings(object(req.body, '{"scopes": [...]}').scopes, 'scopes');
        const unknown = scopes.filter((s) => !Object.hasOwn(API_SCOPES, s));
        if (scopes.length === 0 || unknown.length > 0) throw new SandboxProblem(400, 'Bad request', `scopes must be one or more of ${Object.keys(API_SCOPES).join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`);
        res.status(201).json(grants.createManualToken(tenantId, scopes));
      },
    },
    {
      method: 'get',
      path: '/tenants/:tenantId/tokens',
      doc: { operationId: 'listRezStreamManualTokens', description: "A business's manual tokens, without their values.", responses: { '200': { description: '{"tokens": [...]}' }, '404': PROBLEM } },
      handle: (req, res) => void res.json({ tokens: grants.listManualTokens(tenant(String(req.params.tenantId))) }),
    },
    {
      method: 'delete',
      path: '/tenants/:tenantId/tokens/:tokenId',
      doc: { operationId: 'revokeRezStreamManualToken', description: 'Revokes a manual token; the Cloud API refuses it at once.', responses: { '204': { description: 'revoked' }, '404': PROBLEM } },
      handle: (req, res) => {
        if (!grants.revokeManualToken(tenant(String(req.params.tenantId)), String(req.params.tokenId))) throw new SandboxProblem(404, 'Not found', `No manual token ${String(req.params.tokenId)}.`);
        res.status(204).end();
      },
    },
    {
      method: 'patch',
      path: '/reservations/:id',
      doc: {
        operationId: 'updateRezStreamReservation',
        description: 'Changes a reservation as a rezStream user would: its version goes up and updatedAt moves past every other update, so /reservations/updated shows it again.',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { status: { enum: ['Reserved', 'CheckedIn', 'CheckedOut', 'Cancelled'] }, notes: { type: ['string', 'null'] } } } } } },
        responses: { '200': { description: 'the reservation after the change' }, '400': PROBLEM, '404': PROBLEM },
      },
      handle: (req, res) => {
        const body = object(req.body, '{"status"?, "notes"?}');
        const changes: { status?: 'Reserved' | 'CheckedIn' | 'CheckedOut' | 'Cancelled'; notes?: string | null } = {};
        if (body.status !== undefined) {
          if (body.status !== 'Reserved' && body.status !== 'CheckedIn' && body.status !== 'CheckedOut' && body.status !== 'Cancelled') throw new SandboxProblem(400, 'Bad request', 'status must be Reserved, CheckedIn, CheckedOut or Cancelled.');
          changes.status = body.status;
        }
        if (body.notes !== undefined) {
          if (body.notes !== null && typeof body.notes !== 'string') throw new SandboxProblem(400, 'Bad request', 'notes must be a string or null.');
          changes.notes = body.notes;
        }
        const id = String(req.params.id).toLowerCase();
        const found = accounts.findReservation(id);
        if (!found) throw new SandboxProblem(404, 'Not found', `No rezStream reservation ${id}.`);
        res.json(accounts.updateReservation(found.tenantId, id, changes));
      },
    },
  ];
}
