// Unit tests of the fault middleware over real HTTP: nothing defined lets every request through, a status answered in the origin's catalogue
// or generically, latency before the real answer, a drop, and requests outside every mount left alone.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors, type ErrorCatalogue } from '../errors.js';
import { createLogger } from '../log.js';
import { FaultStore } from './faults.js';
import { faultMiddleware, type FaultMount } from './middleware.js';

const bare: ErrorCatalogue = {
  badRequest: () => providerError('bad_request', 400, {}),
  invalidRequest: () => providerError('validation', 400, {}),
  unsupportedMediaType: () => providerError('unsupported_media_type', 415, {}),
  payloadTooLarge: () => providerError('payload_too_large', 413, {}),
  routeNotFound: () => providerError('route_not_found', 404, {}),
};
const own: ErrorCatalogue = { ...bare, status: (status, retryAfter) => providerError('unclassified', status, { own: status, retryAfter: retryAfter ?? null }) };

const mounts: FaultMount[] = [
  { prefix: /^\/api\.example\.com([/?]|$)/i, provider: 'acme', origin: 'https://api.example.com', errors: own },
  { prefix: /^\/new\.example\.com([/?]|$)/i, provider: 'newcomer', origin: 'https://new.example.com', errors: bare },
];

function appWith(store: FaultStore): express.Express {
  const app = express();
  app.use(faultMiddleware(store, mounts, (req, res) => void res.json({ real: req.path })));
  app.use(renderErrors(createLogger('silent')));
  return app;
}

describe('faultMiddleware', () => {
  it('lets every request through to the route table when no fault is defined', async () => {
    const res = await request(appWith(new FaultStore(mounts))).get('/api.example.com/v1/things');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ real: '/api.example.com/v1/things' });
  });

  it("answers a status fault with the origin's own catalogue", async () => {
    const store = new FaultStore(mounts);
    store.add({ provider: 'acme', status: 429 });
    const res = await request(appWith(store)).get('/api.example.com/v1/things');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ own: 429, retryAfter: 1 });
  });

  it('answers generically, {status, error}, for a provider whose catalogue has no status', async () => {
    const store = new FaultStore(mounts);
    store.add({ provider: 'newcomer', status: 429, retryAfter: 9 });
    store.add({ provider: 'newcomer', status: 503 });
    const app = appWith(store);
    const limited = await request(app).get('/new.example.com/v1/things');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('9');
    expect(limited.body).toEqual({ status: 429, error: 'Too Many Requests' });
    store.remove(store.list()[0]!.id);
    expect((await request(app).get('/new.example.com/v1/things')).body).toEqual({ status: 503, error: 'Service Unavailable' });
  });

  it('leaves requests outside every mount alone, the admin API among them', async () => {
    const store = new FaultStore(mounts);
    store.add({ status: 500 });
    expect((await request(appWith(store)).get('/__sandbox/health')).body).toEqual({ real: '/__sandbox/health' });
    expect((await request(appWith(store)).get('/api.example.com/')).status).toBe(500);
  });

  it('waits the latency, then lets the request through to its real answer', async () => {
    const store = new FaultStore(mounts);
    store.add({ latencyMs: 30 });
    const started = performance.now();
    const res = await request(appWith(store)).get('/api.example.com/v1/things');
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    expect(res.body).toEqual({ real: '/api.example.com/v1/things' });
  });

  it('closes the connection without an answer on drop', async () => {
    const store = new FaultStore(mounts);
    store.add({ drop: true });
    await expect(request(appWith(store)).get('/api.example.com/v1/things')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
