// Unit tests of the RPC route kind over real HTTP: dispatch on the name inside the body, params checked once, answers and refusals.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors, translateReadErrors, type ErrorCatalogue } from '../errors.js';
import { createLogger } from '../log.js';
import { bodyReader, DEFAULT_CODECS } from './codecs.js';
import { rpcHandlers } from './rpc-dispatch.js';
import { rpcMethod, valueAt, type RpcRoute } from './rpc-route.js';
import { xmlCodec } from './xml.js';

const base: ErrorCatalogue = {
  badRequest: (detail) => providerError('bad_request', 400, { bad: detail }),
  invalidRequest: (issues) => providerError('validation', 400, { invalid: issues.map((i) => `${i.name} ${i.message}`) }),
  unsupportedMediaType: (type) => providerError('unsupported_media_type', 415, { unsupported: type }),
  payloadTooLarge: () => providerError('payload_too_large', 413, {}),
  routeNotFound: () => providerError('route_not_found', 404, {}),
};

const route: RpcRoute = {
  kind: 'rpc',
  method: 'post',
  path: '/api/things',
  envelope: { name: ['method', 'name'], params: ['method', 'params'] },
  methods: {
    getThings: rpcMethod<{ ownerId: number; limit: number }>({
      params: { type: 'object', required: ['ownerId'], properties: { ownerId: { type: 'integer' }, limit: { type: 'integer', default: 2 } } },
      handle: ({ params }) => ({ owner: params.ownerId, things: Array.from({ length: params.limit }, (_, i) => `thing-${i}`) }),
    }),
    getStatus: rpcMethod({ handle: () => ({ status: 'up' }) }),
    failing: rpcMethod({ handle: () => { throw providerError('forbidden', 403, { forbidden: true }); } }),
  },
  answer: (result, call) => ({ response: { method: call.method, requestId: valueAt(call.body, ['requestId']), result } }),
};

function appWith(errors: ErrorCatalogue): express.Express {
  const app = express();
  const rpc = rpcHandlers(route, { codecs: DEFAULT_CODECS, errors });
  app.use(bodyReader(DEFAULT_CODECS, '10kb'));
  app.post(route.path, ...rpc.chain);
  app.use(translateReadErrors(errors, '10kb'), renderErrors(createLogger('silent')));
  return app;
}

const call = (name: unknown, params?: unknown) => ({ requestId: 15, method: { name, ...(params === undefined ? {} : { params }) } });

describe('an RPC route', () => {
  const app = appWith(base);

  it('answers the method the body names with its checked params, defaults filled in, inside the route envelope', async () => {
    const res = await request(app).post('/api/things').send(call('getThings', { ownerId: 7 }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ response: { method: 'getThings', requestId: 15, result: { owner: 7, things: ['thing-0', 'thing-1'] } } });
    expect((await request(app).post('/api/things').send(call('getStatus'))).body.response.result).toEqual({ status: 'up' });
  });

  it('refuses a method it does not serve, or none, in the catalogue words for a bad request by default', async () => {
    for (const name of ['getNothing', 'toString', '__proto__']) {
      const res = await request(app).post('/api/things').send(call(name));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ bad: `Unknown method ${name}; this service answers getThings, getStatus, failing` });
    }
    expect((await request(app).post('/api/things').send({ method: {} })).body).toEqual({ bad: 'The request names no method at method.name' });
    expect((await request(app).post('/api/things').send(call(5))).body).toEqual({ bad: 'The request names no method at method.name' });
  });

  it('refuses params that break the schema as an invalid request by default, naming them in the body', async () => {
    const res = await request(app).post('/api/things').send(call('getThings', { ownerId: 'seven', extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ invalid: ['/method/params/ownerId must be integer'] });
    expect((await request(app).post('/api/things').send(call('getThings'))).body).toEqual({ invalid: ['/method/params must be object'] });
  });

  it('refuses a body of a type the origin does not read, and lets a thrown provider error through', async () => {
    expect((await request(app).post('/api/things').type('text/plain').send('getThings')).body).toEqual({ unsupported: 'text/plain' });
    expect((await request(app).post('/api/things').send(call('failing'))).body).toEqual({ forbidden: true });
  });

  it('speaks through the catalogue where it names unknown methods and invalid params itself', async () => {
    const own = appWith({
      ...base,
      unknownMethod: (name, known) => providerError('bad_request', 400, { code: 400, method: name ?? null, known }),
      invalidParams: (method, issues) => providerError('validation', 400, { code: 301, method, fields: issues.map((i) => i.name) }),
    });
    expect((await request(own).post('/api/things').send(call('getNothing'))).body).toEqual({ code: 400, method: 'getNothing', known: ['getThings', 'getStatus', 'failing'] });
    expect((await request(own).post('/api/things').send(call('getThings', {}))).body).toEqual({ code: 301, method: 'getThings', fields: ['/method/params/ownerId'] });
  });

  it('compiles its schemas when prepared, so a broken one fails at warm-up rather than on a request', () => {
    expect(() => rpcMethod({ params: { type: 'whole-number' }, handle: () => null }).prepare()).toThrow();
    expect(() => rpcHandlers(route, { codecs: DEFAULT_CODECS, errors: base }).prepare()).not.toThrow();
  });

  it('types the params of a text-only format (XML) by their schema, read lazily, and takes an empty element as empty params', async () => {
    let read = 0;
    const typed: RpcRoute = {
      ...route,
      methods: {
        getThings: rpcMethod<{ ownerId: number; tags: string[] }>({
          params: () => {
            read += 1;
            return { type: 'object', required: ['ownerId'], properties: { ownerId: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' }, default: [] } } };
          },
          handle: ({ params }) => ({ owner: params.ownerId, tags: params.tags }),
        }),
        getStatus: rpcMethod({ params: { type: 'object' }, handle: () => ({ status: 'up' }) }),
      },
    };
    expect(read).toBe(0);
    const codecs = [...DEFAULT_CODECS, xmlCodec({ root: 'request' })];
    const app = express();
    const rpc = rpcHandlers(typed, { codecs, errors: base });
    app.use(bodyReader(codecs, '10kb'));
    app.post(typed.path, ...rpc.chain);
    app.use(translateReadErrors(base, '10kb'), renderErrors(createLogger('silent')));
    const xml = (body: string) => request(app).post('/api/things').type('application/xml').send(`<request><requestId>15</requestId><method>${body}</method></request>`);
    const res = await xml('<name>getThings</name><params><ownerId>7</ownerId><tags>a</tags></params>');
    expect(res.type).toBe('application/xml');
    expect(res.text).toContain('<owner>7</owner>');
    expect(res.text).toContain('<tags>a</tags>');
    expect((await xml('<name>getStatus</name><params/>')).text).toContain('<status>up</status>');
    // JSON keeps its own types: a string is not an integer there.
    expect((await request(app).post('/api/things').send(call('getThings', { ownerId: '7' }))).body).toEqual({ invalid: ['/method/params/ownerId must be integer'] });
    expect(read).toBe(2);
  });
});
