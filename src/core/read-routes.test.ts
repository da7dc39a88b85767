// Unit tests of the read route table over real HTTP: matching as Express does, the chain, errors and what it leaves to Express.
import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { renderErrors, providerError } from './errors.js';
import { createLogger } from './log.js';
import { ReadRoutes } from './read-routes.js';

/** An app with the table in front of a mounted Express router that would answer the same paths, telling who answered. */
function appWith(routes: Record<string, RequestHandler[]>): express.Express {
  const app = express();
  const reads = new ReadRoutes();
  app.use(reads.middleware());
  const add = reads.mount('/api.example.com', {
    unmatched: (req) => providerError('route_not_found', 404, { unmatched: `${req.method} ${req.path}` }),
    malformed: (detail) => providerError('bad_request', 400, { malformed: detail }),
  })!;
  const router = express.Router();
  for (const [path, chain] of Object.entries(routes)) {
    add(path, chain);
    router.get(path, (_req, res) => void res.json({ by: 'express' }));
  }
  router.post('/items', (_req, res) => void res.status(201).json({ by: 'express' }));
  app.use('/api.example.com', router);
  app.use(renderErrors(createLogger('silent')));
  return app;
}

const echo: RequestHandler = (req, res) => void res.json({ by: 'table', path: req.path, baseUrl: req.baseUrl, params: req.params });

describe('ReadRoutes', () => {
  it('answers GET and HEAD of its routes, with the path below the mount and the decoded parameters', async () => {
    const app = appWith({ '/items/:id': [echo] });
    const res = await request(app).get('/api.example.com/items/a%20b?x=1');
    expect(res.body).toEqual({ by: 'table', path: '/items/a%20b', baseUrl: '/api.example.com', params: { id: 'a b' } });
    expect((await request(app).head('/api.example.com/items/1')).status).toBe(200);
  });

  it('matches as Express does: case-insensitive, a trailing slash allowed', async () => {
    const app = appWith({ '/items': [echo] });
    expect((await request(app).get('/API.example.com/Items/')).body.by).toBe('table');
  });

  it('leaves other methods, other mounts and unknown paths to Express', async () => {
    const app = appWith({ '/items': [echo] });
    expect((await request(app).post('/api.example.com/items')).body).toEqual({ by: 'express' });
    expect((await request(app).get('/api.example.com/other')).status).toBe(404);
    expect((await request(app).get('/api.example.comx/items')).status).toBe(404);
  });

  it('leaves templated mounts to Express', () => {
    expect(new ReadRoutes().mount('/:subdomain.entrata.com', { unmatched: () => undefined, malformed: () => undefined })).toBeUndefined();
  });

  it('runs the chain in order, and hands a thrown or rejected error to the error middleware with the whole path back', async () => {
    const seen: string[] = [];
    const guard: RequestHandler = (_req, _res, next) => {
      seen.push('guard');
      next();
    };
    const app = appWith({
      '/ok': [guard, echo],
      '/thrown': [guard, () => { throw providerError('unauthorized', 401, { message: 'Unauthorized' }); }],
      '/rejected': [async () => { throw providerError('forbidden', 403, { message: 'Forbidden' }); }],
    });
    expect((await request(app).get('/api.example.com/ok')).body.by).toBe('table');
    expect(seen).toEqual(['guard']);
    expect((await request(app).get('/api.example.com/thrown')).status).toBe(401);
    expect((await request(app).get('/api.example.com/rejected')).body).toEqual({ message: 'Forbidden' });
  });

  it("answers a last handler that falls through with the mount's own not-found", async () => {
    const app = appWith({ '/items': [(_req, _res, next) => next()] });
    const res = await request(app).get('/api.example.com/items');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ unmatched: 'GET /items' });
  });

  it("refuses a malformed percent-encoding in a parameter with the origin's own 400, not a crash", async () => {
    const res = await request(appWith({ '/items/:id': [echo] })).get('/api.example.com/items/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ malformed: 'The path /api.example.com/items/%E0%A4%A has a malformed percent-encoding.' });
  });
});
