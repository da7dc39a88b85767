// The admin API under /__sandbox/: origins, credentials, the clock, reset, the journal, faults, health, and each provider's own admin routes.
import express, { type Router } from 'express';
import { Clock, CLOCK_RANGE } from '../core/clock.js';
import { readProblem, SandboxProblem } from '../core/errors.js';
import { refuseDeepBodies } from '../core/request-read.js';
import type { ProviderContext } from '../core/provider.js';
import type { Sandbox } from '../server.js';
import { faultRouter } from './faults.js';
import { adminOpenApi } from './openapi.js';
import { verifyRoute, withVerifyDoc } from './verify.js';

function clockChange(body: unknown, clock: Clock): { advanceSeconds?: number; set?: string; freeze?: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SandboxProblem(400, 'Bad request', 'Send a JSON object: {"advanceSeconds": n}, {"set": "<ISO 8601>"} or {"freeze": true|false}.');
  const { advanceSeconds, set, freeze } = body as Record<string, unknown>;
  if (advanceSeconds === undefined && set === undefined && freeze === undefined) throw new SandboxProblem(400, 'Bad request', 'Name one of advanceSeconds, set or freeze.');
  if (advanceSeconds !== undefined && (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds))) throw new SandboxProblem(400, 'Bad request', 'advanceSeconds must be a number of seconds.');
  if (set !== undefined && (typeof set !== 'string' || Number.isNaN(Date.parse(set)))) throw new SandboxProblem(400, 'Bad request', 'set must be an ISO 8601 date-time.');
  if (freeze !== undefined && typeof freeze !== 'boolean') throw new SandboxProblem(400, 'Bad request', 'freeze must be true or false.');
  // Checked before anything moves, so a refused change leaves the clock as it was.
  const target = (set !== undefined ? Date.parse(set as string) : clock.nowMs()) + ((advanceSeconds as number | undefined) ?? 0) * 1000;
  if (!Clock.holds(target)) throw new SandboxProblem(400, 'Bad request', `The clock would leave its range, ${CLOCK_RANGE}.`);
  return { ...(advanceSeconds !== undefined ? { advanceSeconds } : {}), ...(set !== undefined ? { set } : {}), ...(freeze !== undefined ? { freeze } : {}) };
}

function optionalInt(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SandboxProblem(400, 'Bad request', `${name} must be a whole number.`);
  return n;
}

export function buildAdminRouter(sandbox: Sandbox, ctx: ProviderContext): Router {
  const router = express.Router();
  router.use(express.json({ limit: '100kb' }), refuseDeepBodies());
  const { clock, journal } = sandbox;

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', providers: sandbox.providers.map((p) => p.id), now: clock.now().toISOString() });
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(withVerifyDoc(adminOpenApi(sandbox.providers.map((p) => ({ id: p.id, routes: p.admin })))));
  });
  router.get('/origins', (req, res) => {
    res.json(sandbox.origins(ctx.sandboxUrl(req)));
  });
  router.get('/credentials', (req, res) => {
    res.json(sandbox.credentials(ctx.sandboxUrl(req)));
  });
  router.get('/clock', (_req, res) => {
    res.json(clock.state());
  });
  router.post('/clock', (req, res) => {
    const change = clockChange(req.body, clock);
    // Freezing first makes `{"freeze": true, "set": t}` stand exactly at t.
    if (change.freeze === true) clock.freeze();
    if (change.set !== undefined) clock.set(change.set);
    if (change.advanceSeconds !== undefined) clock.advance(change.advanceSeconds);
    if (change.freeze === false) clock.unfreeze();
    res.json(clock.state());
  });
  router.post('/reset', (_req, res) => {
    sandbox.reset();
    res.json({ reset: true, now: clock.now().toISOString() });
  });
  router.get('/journal', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const status = optionalInt(q.status, 'status');
    const limit = optionalInt(q.limit, 'limit');
    const entries = journal.query({
      ...(q.provider ? { provider: q.provider } : {}),
      ...(q.method ? { method: q.method } : {}),
      ...(q.path ? { path: q.path } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    res.json({ entries, size: journal.size });
  });
  router.delete('/journal', (_req, res) => {
    journal.clear();
    res.status(204).end();
  });
  router.post('/verify', verifyRoute(sandbox, ctx));
  router.use(faultRouter(sandbox.faults));

  for (const provider of sandbox.providers) {
    for (const route of provider.admin) router[route.method](`/${provider.id}${route.path}`, ...(route.guard ?? []), route.handle);
  }

  router.use((req, _res, next) => {
    next(new SandboxProblem(404, 'No such route', `The admin API has no route for ${req.method} /__sandbox${req.path}; GET /__sandbox/openapi.json describes it.`));
  });
  // An unreadable admin body or path (malformed JSON, a lying Content-Encoding, `%zz`) is the caller's mistake, not a sandbox bug.
  router.use(((err, req, _res, next) => next(readProblem(err, req) ?? err)) as express.ErrorRequestHandler);
  return router;
}
