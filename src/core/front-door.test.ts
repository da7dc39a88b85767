// Unit tests of the app's front door over real HTTP: a request it takes is set up as Express's router sets it up, what it hands on
// (an error, a fall-through) continues in Express's stack from where the door's layer stands, and everything else is Express's.
import express, { type Request } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { installFrontDoor } from './front-door.js';

/** An app whose door takes `/door/...`: answering, failing or falling through as the path says. Express's router logs what it runs. */
function appWithDoor() {
  const app = express();
  const seen: string[] = [];
  const started: string[] = [];
  const door = installFrontDoor(
    app,
    (req, res, onward) => {
      if (!req.url.startsWith('/door/')) return false;
      if (req.url === '/door/fails') onward(Object.assign(new Error('refused'), { status: 401 }));
      else if (req.url === '/door/falls') onward();
      else res.json({ by: 'door', baseUrl: req.baseUrl, originalUrl: req.originalUrl, hasNext: typeof req.next === 'function', get: req.get('x-test') ?? null, locals: typeof res.locals });
      return true;
    },
    (req: Request) => void started.push(req.url),
  );
  app.use(door.resumeOr((req, _res, next) => {
    seen.push(`inner ${req.url}`);
    next();
  }));
  app.use((req, res) => {
    seen.push(`after ${req.url}`);
    res.status(404).json({ by: 'express', path: req.path });
  });
  app.use(((err: { status?: number; message: string }, _req, res, _next) => void res.status(err.status ?? 500).json({ error: err.message })) as express.ErrorRequestHandler);
  return { app, seen, started };
}

describe('installFrontDoor', () => {
  it("answers what it takes with the request set up as Express's router would have it", async () => {
    const { app, seen, started } = appWithDoor();
    const res = await request(app).get('/door/here?x=1').set('X-Test', 'yes');
    expect(res.body).toEqual({ by: 'door', baseUrl: '', originalUrl: '/door/here?x=1', hasNext: true, get: 'yes', locals: 'object' });
    // Express's default, which this app keeps, as Express would send it.
    expect(res.headers['x-powered-by']).toBe('Express');
    expect(seen).toEqual([]);
    expect(started).toEqual(['/door/here?x=1']);
  });

  it("hands an error on to Express's error middleware, past the layer the door stands in for", async () => {
    const { app, seen } = appWithDoor();
    const res = await request(app).get('/door/fails');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'refused' });
    expect(seen).toEqual([]);
  });

  it('hands a fall-through on to the layer after its own', async () => {
    const { app, seen } = appWithDoor();
    const res = await request(app).get('/door/falls');
    expect(res.body).toEqual({ by: 'express', path: '/door/falls' });
    expect(seen).toEqual(['after /door/falls']);
  });

  it('leaves what it does not take to Express, the layer it stands in for included, and starts each request once', async () => {
    const { app, seen, started } = appWithDoor();
    const res = await request(app).post('/elsewhere');
    expect(res.body).toEqual({ by: 'express', path: '/elsewhere' });
    expect(seen).toEqual(['inner /elsewhere', 'after /elsewhere']);
    expect(started).toEqual(['/elsewhere']);
  });
});
