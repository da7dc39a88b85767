// Unit tests of the route table over real HTTP: matching as Express does, every method, templated mounts, the chain, errors and what it
// leaves to Express.
import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors } from './errors.js';
import { createLogger } from './log.js';
import { RouteTable } from './route-table.js';

type Routes = Array<[method: string, path: string, chain: RequestHandler[]]>;

/** An app with the table in front of a mounted Express router that answers what the table leaves, telling who answered. */
function appWith(routes: Routes, base = '/api.example.com'): express.Express {
  const app = express();
  const table = new RouteTable();
  app.use(table.middleware());
  const add = table.mount(base, { malformed: (detail) => providerError('bad_request', 400, { malformed: detail }), failed: (err, _req, _res, next) => next(err) });
  for (const [method, path, chain] of routes) add(method, path, chain);
  const router = express.Router({ mergeParams: true });
  router.post('/express-only', (_req, res) => void res.status(201).json({ by: 'express' }));
  router.use((req, _res, next) => next(providerError('route_not_found', 404, { unmatched: `${req.method} ${req.path}` })));
  app.use(base, router);
  app.use(renderErrors(createLogger('silent')));
  return app;
}

const echo: RequestHandler = (req, res) => void res.json({ by: 'table', method: req.method, path: req.path, baseUrl: req.baseUrl, params: req.params });

describe('RouteTable', () => {
  it('answers GET and HEAD of its routes, with the path below the mount and the decoded parameters', async () => {
    const app = appWith([['get', '/items/:id', [echo]]]);
    const res = await request(app).get('/api.example.com/items/a%20b?x=1');
    expect(res.body).toEqual({ by: 'table', method: 'GET', path: '/items/a%20b', baseUrl: '/api.example.com', params: { id: 'a b' } });
    expect((await request(app).head('/api.example.com/items/1')).status).toBe(200);
  });

  it('answers every method from its own routes, and leaves a method it has no route for to Express', async () => {
    const app = appWith([['get', '/items', [echo]], ['post', '/items', [echo]], ['put', '/items/:id', [echo]], ['delete', '/items/:id', [echo]]]);
    expect((await request(app).post('/api.example.com/items')).body).toMatchObject({ by: 'table', method: 'POST' });
    expect((await request(app).put('/api.example.com/items/7')).body).toMatchObject({ by: 'table', method: 'PUT', params: { id: '7' } });
    expect((await request(app).delete('/api.example.com/items/7')).body).toMatchObject({ by: 'table', method: 'DELETE' });
    expect((await request(app).patch('/api.example.com/items/7')).body).toEqual({ unmatched: 'PATCH /items/7' });
    expect((await request(app).post('/api.example.com/express-only')).body).toEqual({ by: 'express' });
  });

  it('matches as Express does: case-insensitive, a trailing slash allowed, `*name` for the rest of the path', async () => {
    const app = appWith([['get', '/items', [echo]], ['post', '/*rest', [echo]]]);
    expect((await request(app).get('/API.example.com/Items/')).body.by).toBe('table');
    expect((await request(app).post('/api.example.com/a/b%20c')).body).toMatchObject({ by: 'table', params: { rest: 'a/b c' } });
    expect((await request(app).get('/api.example.comx/items')).status).toBe(404);
  });

  it('serves a templated mount, its labels merged into the parameters', async () => {
    const app = appWith([['post', '/api/:service', [echo]]], '/:subdomain.entrata.com');
    const res = await request(app).post('/acme-homes.entrata.com/api/customers');
    expect(res.body).toEqual({ by: 'table', method: 'POST', path: '/api/customers', baseUrl: '/acme-homes.entrata.com', params: { subdomain: 'acme-homes', service: 'customers' } });
    expect((await request(app).post('/entrata.com/api/customers')).status).toBe(404);
  });

  it('runs the chain in order, and hands a thrown or rejected error to the error middleware with the whole path back', async () => {
    const seen: string[] = [];
    const guard: RequestHandler = (_req, _res, next) => {
      seen.push('guard');
      next();
    };
    const app = appWith([
      ['get', '/ok', [guard, echo]],
      ['get', '/thrown', [guard, () => { throw providerError('unauthorized', 401, { message: 'Unauthorized' }); }]],
      ['get', '/rejected', [async () => { throw providerError('forbidden', 403, { message: 'Forbidden' }); }]],
    ]);
    expect((await request(app).get('/api.example.com/ok')).body.by).toBe('table');
    expect(seen).toEqual(['guard']);
    expect((await request(app).get('/api.example.com/thrown')).status).toBe(401);
    expect((await request(app).get('/api.example.com/rejected')).body).toEqual({ message: 'Forbidden' });
  });

  it("hands every error a chain ends with to the mount's own translation first", async () => {
    const app = express();
    const table = new RouteTable();
    app.use(table.middleware());
    const add = table.mount('/api.example.com', { malformed: () => undefined, failed: (err, _req, _res, next) => next(providerError('bad_request', 400, { translated: String((err as Error).message) })) });
    add('post', '/items', [() => { throw new Error('unreadable'); }]);
    app.use(renderErrors(createLogger('silent')));
    const res = await request(app).post('/api.example.com/items');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ translated: 'unreadable' });
  });

  it("goes on to Express when a chain falls through, as Express's own router does", async () => {
    const app = appWith([['get', '/items', [(_req, _res, next) => next()]]]);
    const res = await request(app).get('/api.example.com/items');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ unmatched: 'GET /items' });
  });

  it("refuses a malformed percent-encoding in a parameter with the origin's own 400, not a crash", async () => {
    const res = await request(appWith([['put', '/items/:id', [echo]]])).put('/api.example.com/items/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ malformed: 'The path /api.example.com/items/%E0%A4%A has a malformed percent-encoding.' });
  });

  it('finds a fixed path by lookup yet keeps the first-registered route: a parameter route before it still wins', async () => {
    const fixed: RequestHandler = (_req, res) => void res.json({ by: 'fixed' });
    const app = appWith([['get', '/items/:id', [echo]], ['get', '/items/new', [fixed]], ['get', '/other', [fixed]]]);
    expect((await request(app).get('/api.example.com/items/new')).body).toMatchObject({ by: 'table', params: { id: 'new' } });
    expect((await request(app).get('/api.example.com/OTHER/')).body).toEqual({ by: 'fixed' });
    expect((await request(app).get('/api.example.com/other//')).status).toBe(404);
  });

  it('leaves a path with characters beyond ASCII to the patterns, which match it as Express does', () => {
    const table = new RouteTable();
    table.mount('/api.example.com', { malformed: () => undefined, failed: (err, _req, _res, next) => next(err) })('get', '/lookup', [echo]);
    const at = (path: string) => table.lookup({ method: 'GET', path } as express.Request);
    // U+212A KELVIN SIGN lower-cases to "k" but is no "k" to a case-insensitive RegExp: not the route (a path as a program may build it).
    expect(at('/api.example.com/loo\u212Aup')).toBeUndefined();
    expect(at('/api.example.com/LOOKUP')?.params).toEqual({});
  });
});
