// The admin API's fault routes under /__sandbox/faults: define, list and remove faults injected into provider requests, and how its document describes them.
import express, { type Router } from 'express';
import { SandboxProblem } from '../core/errors.js';
import { FAULT_METHODS, FaultDefinitionError, MAX_LATENCY_MS, type FaultSpec } from '../core/faults/fault-spec.js';
import type { Faults } from '../core/faults/faults.js';

const problem = { description: 'A problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

const definition = {
  type: 'object',
  additionalProperties: false,
  properties: {
    provider: { type: 'string', description: 'A provider id the sandbox serves (`guesty`).' },
    origin: { type: 'string', description: 'A real origin as the documents write it (`https://open-api.guesty.com`), or one company of a templated one (`https://sunrise.entrata.com`).' },
    method: { type: 'string', enum: [...FAULT_METHODS], description: 'Any case.' },
    path: { type: 'string', description: "An Express-style route pattern on the origin's path (`/v1/listings/:id`)." },
    client: { type: 'string', description: 'A credential the request carries: its bearer token, its Basic username, or its `client_id` query parameter.' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: "Answered with the provider's own error body for this status." },
    retryAfter: { type: 'integer', minimum: 0, maximum: 86_400, description: 'Seconds in Retry-After, for status 429 (default 1).' },
    latencyMs: { type: 'integer', minimum: 0, maximum: MAX_LATENCY_MS, description: 'Real milliseconds before the fault acts, or before the request goes on when it does nothing else.' },
    drop: { type: 'boolean', description: 'The connection is closed without an answer.' },
    times: { type: 'integer', minimum: 1, description: 'How many times it fires; until removed when not given.' },
    probability: { type: 'number', minimum: 0, maximum: 1, description: 'The chance that it fires on a matching request.' },
    seed: { type: 'integer', description: 'Seeds the draws of probability: the same seed, the same fire and skip sequence.' },
  },
};

const stored = { type: 'object', required: ['id', 'fired'], properties: { id: { type: 'string' }, ...definition.properties, fired: { type: 'integer', description: 'How often it has fired.' } } };

/** The fault routes as /__sandbox/openapi.json describes them. */
export const faultPaths: Record<string, Record<string, unknown>> = {
  '/__sandbox/faults': {
    post: {
      operationId: 'addFault',
      description: 'Injects a fault into the provider requests it matches (every field of its scope it gives): a status in the provider\'s own error style, latency, or a dropped connection. Faults are tried in the order added; the first that fires acts.',
      requestBody: { required: true, content: { 'application/json': { schema: definition } } },
      responses: { '201': { description: 'the fault as stored', content: { 'application/json': { schema: stored } } }, '400': problem },
    },
    get: {
      operationId: 'listFaults',
      responses: { '200': { description: 'every fault, in the order added, with how often it has fired', content: { 'application/json': { schema: { type: 'object', properties: { faults: { type: 'array', items: stored } } } } } } },
    },
    delete: { operationId: 'clearFaults', responses: { '204': { description: 'every fault removed' } } },
  },
  '/__sandbox/faults/{id}': {
    delete: {
      operationId: 'removeFault',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '204': { description: 'removed' }, '404': { ...problem, description: 'no such fault' } },
    },
  },
};

export function faultRouter(faults: Faults): Router {
  const router = express.Router();
  router.post('/faults', (req, res) => {
    let fault;
    try {
      fault = faults.add(req.body as FaultSpec);
    } catch (err) {
      if (err instanceof FaultDefinitionError) throw new SandboxProblem(400, 'Bad request', err.message);
      throw err;
    }
    res.status(201).json(fault);
  });
  router.get('/faults', (_req, res) => {
    res.json({ faults: faults.list() });
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  router.delete('/faults/:id', (req, res) => {
    const id = req.params.id!;
    if (!faults.remove(id)) throw new SandboxProblem(404, 'No such fault', `No fault ${id}; GET /__sandbox/faults lists them.`);
    res.status(204).end();
  });
  return router;
}
