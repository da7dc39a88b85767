// POST /__sandbox/verify: the verdict on the clients in the journal, rule by rule (src/contracts/verify/), and its part of the admin document.
import type { RequestHandler } from 'express';
import { SandboxProblem } from '../core/errors.js';
import type { ProviderContext } from '../core/provider.js';
import { verifySandbox, VerifyInputError } from '../contracts/verify/engine.js';
import type { Sandbox } from '../server.js';

export function verifyRoute(sandbox: Sandbox, ctx: ProviderContext): RequestHandler {
  return async (req, res) => {
    try {
      res.json(await verifySandbox(sandbox, ctx.sandboxUrl(req), req.body));
    } catch (err) {
      if (err instanceof VerifyInputError) throw new SandboxProblem(400, 'Bad request', err.message);
      throw err;
    }
  };
}

const source = {
  oneOf: [
    { type: 'object', required: ['document', 'section'], properties: { document: { type: 'string' }, section: { type: 'string' } } },
    { type: 'object', required: ['page'], properties: { page: { type: 'string' }, retrieved: { type: 'string' } } },
    { type: 'object', required: ['assumption'], properties: { assumption: { type: 'string' } } },
  ],
};

const verdict = {
  type: 'object',
  required: ['id', 'provider', 'client', 'sentence', 'source', 'status', 'evidence'],
  properties: {
    id: { type: 'string', description: '`<provider>.<rule>`' },
    provider: { type: 'string' },
    client: { type: ['string', 'null'], description: "the credential's public identifier: a client id, a personal access token's owner e-mail, a manual token's tenant id; null when the provider has no client in the journal" },
    sentence: { type: 'string' },
    source: source,
    status: { enum: ['passed', 'failed', 'not_applicable'] },
    evidence: { type: 'array', items: { type: 'integer' }, description: 'journal entry ids that show the failure, or that the rule held on' },
    reason: { type: 'string', description: 'why it failed, naming entry ids' },
  },
};

/** The admin document with POST /__sandbox/verify added. */
export function withVerifyDoc(document: Record<string, unknown>): Record<string, unknown> {
  const problem = { description: 'A problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  const operation = {
    operationId: 'verify',
    description: "Judges each client in the journal (named by its credential) against its provider's rules. Read in process; the answer names journal entries by id and carries no secret.",
    requestBody: {
      required: false,
      content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { provider: { type: 'string' }, client: { type: 'string' }, since: { type: 'string', format: 'date-time' } } } } },
    },
    responses: {
      '200': { description: 'a verdict a rule and client', content: { 'application/json': { schema: { type: 'object', required: ['rules'], properties: { rules: { type: 'array', items: verdict } } } } } },
      '400': problem,
    },
  };
  return { ...document, paths: { ...(document.paths as Record<string, unknown>), '/__sandbox/verify': { post: operation } } };
}
