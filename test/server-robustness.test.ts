// Bad input gets a clean 4xx in the provider's style and the sandbox keeps serving; its own bugs are 500 problem+json.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { providerError, type ErrorCatalogue } from '../src/core/errors.js';
import { createLogger } from '../src/core/log.js';
import type { ProviderDefinition } from '../src/core/provider.js';
import { createSandbox } from '../src/server.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { openApiBase, openApiToken } from './support/guesty.js';

describe('a provider origin under bad input', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let base: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ bodyLimit: '10kb' });
    token = await openApiToken(sandbox);
    base = openApiBase(sandbox);
  });
  afterAll(() => sandbox.close());

  async function listingsStillServe(): Promise<void> {
    sandbox.clock.advance(1);
    const res = await fetch(`${base}/v1/listings?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  }

  it('answers malformed JSON with a 400 in Guesty style, then keeps serving', async () => {
    const res = await fetch(`${base}/v1/reservations`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"listingId": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'VALIDATION_ERROR', message: 'Request body is not valid JSON' } });
    await listingsStillServe();
  });

  it('answers a body over the size limit with 413, then keeps serving', async () => {
    const res = await fetch(`${base}/v1/reservations`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ note: 'x'.repeat(20_000) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'Request size limit exceeded' });
    await listingsStillServe();
  });

  it('answers a form body on a JSON operation with 415', async () => {
    const res = await fetch(`${base}/v1/reservations`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'listingId=1' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await listingsStillServe();
  });

  it('answers an unknown route inside an origin in Kong style and names the nearest route', async () => {
    const res = await fetch(`${base}/v1/listngs`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'no Route matched with those values' });
    expect(res.headers.get('x-pms-sandbox-unmatched')).toBe('GET /v1/listngs');
    expect(res.headers.get('x-pms-sandbox-nearest-route')).toBe('GET /v1/listings');
    await listingsStillServe();
  });

  it('answers a path outside every origin with problem+json naming method, path and nearest route', async () => {
    const res = await fetch(`${sandbox.url}/open-api.guesty.co/v1/listings`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = (await res.json()) as { detail: string; status: number };
    expect(body.status).toBe(404);
    expect(body.detail).toContain('DELETE /open-api.guesty.co/v1/listings');
    expect(body.detail).toContain('/open-api.guesty.com/v1/listings');
    await listingsStillServe();
  });

  it('never answers with a stack trace', async () => {
    const res = await fetch(`${base}/v1/reservations`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '[[[' });
    expect(await res.text()).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('a bug of the sandbox itself', () => {
  const catalogue: ErrorCatalogue = {
    badRequest: (d) => providerError('bad_request', 400, { d }),
    invalidRequest: () => providerError('validation', 400, {}),
    unsupportedMediaType: () => providerError('unsupported_media_type', 415, {}),
    payloadTooLarge: () => providerError('payload_too_large', 413, {}),
    routeNotFound: () => providerError('route_not_found', 404, {}),
  };
  const faulty: ProviderDefinition = {
    id: 'faulty',
    create: () => ({
      id: 'faulty',
      title: 'Faulty',
      origins: [{ origin: 'https://api.faulty.test', routes: [{ method: 'get', path: '/boom', handle: () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } }, { method: 'get', path: '/ok', handle: (_req, res) => void res.json({ ok: true }) }] }],
      spec: undefined,
      errors: catalogue,
      credentials: () => ({}),
      admin: [],
      reset: () => undefined,
    }),
  };

  it('is logged loudly and answered as a 500 problem+json that blames the sandbox, and the next request succeeds', async () => {
    const lines: string[] = [];
    const logger = createLogger('warn', { write: (line: string) => void lines.push(line) });
    const { app } = createSandbox(loadConfig({ providers: [] }), { providers: [faulty], logger });
    const res = await request(app).get('/api.faulty.test/boom');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['x-pms-sandbox-error']).toBe('sandbox-bug');
    expect(res.body.title).toBe('Sandbox bug');
    expect(res.body.detail).toContain('fault of the sandbox');
    expect(JSON.stringify(res.body)).not.toContain('reading');
    expect(lines.some((l) => l.includes('sandbox bug') && l.includes('"level":50'))).toBe(true);
    expect((await request(app).get('/api.faulty.test/ok')).status).toBe(200);
  });
});
