// An origin owns its wire format: a provider declaring an XML codec and an RPC service is answered, and refused, in each request's own format.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { providerError, type ErrorCatalogue, type ProviderError } from '../src/core/errors.js';
import { createLogger } from '../src/core/log.js';
import { once } from '../src/core/once.js';
import { OpenApiDocument } from '../src/core/openapi.js';
import type { ProviderDefinition } from '../src/core/provider.js';
import { inRequestFormat } from '../src/core/wire/answer.js';
import { jsonCodec, textCodec } from '../src/core/wire/codecs.js';
import { rpcMethod, valueAt } from '../src/core/wire/rpc-route.js';
import { createSandbox } from '../src/server.js';

const parser = new XMLParser();
const builder = new XMLBuilder({});
/** XML in and out: the root element (`<request>`) is the body, an answer's single top-level key its root. */
const xml = textCodec({
  name: 'XML',
  types: ['application/xml', 'text/xml'],
  parse: (text) => Object.values(parser.parse(text, true) as Record<string, unknown>)[0],
  answer: { type: 'application/xml', write: (body) => `<?xml version="1.0" encoding="UTF-8"?>${String(builder.build(body))}` },
});

/** Errors in the service's own envelope: `{"response": {"error": {"code", "message"}}}`, the code inside as well as on the status. */
const fail = (status: number, code: ProviderError['code'], message: string): ProviderError => providerError(code, status, { response: { error: { code: status, message } } });
const catalogue: ErrorCatalogue = {
  badRequest: (detail) => fail(400, 'bad_request', detail),
  invalidRequest: (issues) => fail(400, 'validation', issues.map((i) => `${i.name} ${i.message}`).join('; ')),
  unsupportedMediaType: (type) => fail(415, 'unsupported_media_type', `Content-Type ${type || '(none)'} is not accepted; post JSON or XML.`),
  payloadTooLarge: () => fail(413, 'payload_too_large', 'Request too large.'),
  routeNotFound: (method, path) => fail(404, 'route_not_found', `No service at ${method} ${path}.`),
  unknownMethod: (name) => fail(400, 'bad_request', name === undefined ? 'Method name is required.' : `Method ${name} is not supported by this service.`),
  invalidParams: (method, issues) => fail(400, 'validation', `${method}: ${issues.map((i) => `${i.name.replace('/method/params/', '')} ${i.message}`).join('; ')}`),
};

/** A document for a second origin, whose one operation no handler answers: Prism answers it from the example. */
const specFile = join(mkdtempSync(join(tmpdir(), 'rpc-test-')), 'rpc-test-static.yaml');
writeFileSync(
  specFile,
  JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'RPC test static', version: '1' },
    servers: [{ url: 'https://static-rpc.test' }],
    paths: { '/status': { get: { operationId: 'getStatus', responses: { '200': { description: 'up', content: { 'application/json': { example: { status: { state: 'up' } } } } } } } } },
  }),
);

const customers = [{ id: 1, propertyId: 100, name: 'Ada' }, { id: 2, propertyId: 200, name: 'Grace' }];

const rpcTest: ProviderDefinition = {
  id: 'rpc-test',
  create: () => ({
    id: 'rpc-test',
    title: 'RPC test',
    origins: [
      {
        origin: 'https://{subdomain}.rpc.test',
        codecs: [jsonCodec, xml],
        renderError: inRequestFormat,
        routes: [
          {
            kind: 'rpc',
            method: 'post',
            path: '/api/v1/customers',
            guard: [(req, _res, next) => next(req.get('authorization') ? undefined : fail(401, 'unauthorized', 'Username and/or password is incorrect.'))],
            envelope: { name: ['method', 'name'], params: ['method', 'params'] },
            methods: {
              getCustomers: rpcMethod<{ propertyId: number }>({
                params: { type: 'object', required: ['propertyId'], properties: { propertyId: { type: 'integer' } } },
                handle: ({ params }) => ({ customers: { customer: customers.filter((c) => c.propertyId === params.propertyId) } }),
              }),
            },
            answer: (result, call) => ({ response: { requestId: String(valueAt(call.body, ['requestId']) ?? ''), code: 200, result } }),
          },
        ],
      },
      // XML first: a request that says nothing of its format is answered in XML.
      { origin: 'https://static-rpc.test', codecs: [xml, jsonCodec], renderError: inRequestFormat, routes: [] },
    ],
    spec: { file: specFile, document: once(() => OpenApiDocument.load(specFile)) },
    errors: catalogue,
    credentials: () => ({}),
    admin: [],
    reset: () => undefined,
  }),
};

const { app } = createSandbox(loadConfig({ providers: [] }), { providers: [rpcTest], logger: createLogger('silent') });
const path = '/acme.rpc.test/api/v1/customers';
const json = (body: object) => request(app).post(path).set('Authorization', 'Basic dXNlcjpwYXNz').send(body);
const xmlPost = (text: string, authorized = true) => {
  const req = request(app).post(path).type('application/xml');
  return (authorized ? req.set('Authorization', 'Basic dXNlcjpwYXNz') : req).send(text);
};
const xmlCall = (name: string, params: string) => `<request><requestId>15</requestId><method><name>${name}</name><params>${params}</params></method></request>`;
const xmlOf = (text: string): unknown => parser.parse(text, true);

describe('an origin with its own wire format', () => {
  it('answers a JSON request in JSON', async () => {
    const res = await json({ auth: { type: 'basic' }, requestId: 15, method: { name: 'getCustomers', params: { propertyId: 100 } } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ response: { requestId: '15', code: 200, result: { customers: { customer: [{ id: 1, propertyId: 100, name: 'Ada' }] } } } });
  });

  it('answers an XML request in XML', async () => {
    const res = await xmlPost(xmlCall('getCustomers', '<propertyId>200</propertyId>'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><response>/);
    expect(xmlOf(res.text)).toEqual({ '?xml': '', response: { requestId: 15, code: 200, result: { customers: { customer: { id: 2, propertyId: 200, name: 'Grace' } } } } });
  });

  it('renders an error of an XML request as XML, with its status', async () => {
    const res = await xmlPost(xmlCall('getCustomers', '<propertyId>200</propertyId>'), false);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(xmlOf(res.text)).toEqual({ '?xml': '', response: { error: { code: 401, message: 'Username and/or password is incorrect.' } } });
    const broken = await xmlPost('<request><method></request>');
    expect(broken.status).toBe(400);
    expect(xmlOf(broken.text)).toEqual({ '?xml': '', response: { error: { code: 400, message: 'Request body is not valid XML' } } });
  });

  it('refuses an unknown method and invalid params in the origin’s own words, in the request’s format', async () => {
    const unknown = await xmlPost(xmlCall('getLeases', '<propertyId>100</propertyId>'));
    expect(unknown.status).toBe(400);
    expect(xmlOf(unknown.text)).toEqual({ '?xml': '', response: { error: { code: 400, message: 'Method getLeases is not supported by this service.' } } });
    const invalid = await json({ requestId: 16, method: { name: 'getCustomers', params: { propertyId: 'one hundred' } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({ response: { error: { code: 400, message: 'getCustomers: propertyId must be integer' } } });
    expect((await json({ requestId: 17, method: { params: {} } })).body).toEqual({ response: { error: { code: 400, message: 'Method name is required.' } } });
  });

  it('refuses a content type it has no codec for through its catalogue, answering in its first format', async () => {
    const res = await request(app).post(path).set('Authorization', 'Basic dXNlcjpwYXNz').type('text/plain').send('getCustomers');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ response: { error: { code: 415, message: 'Content-Type text/plain is not accepted; post JSON or XML.' } } });
  });

  it('answers a path no service serves with its own not-found, and leaves paths outside it to the sandbox', async () => {
    const res = await request(app).post('/acme.rpc.test/api/v1/leases').type('application/xml').send(xmlCall('getLeases', ''));
    expect(res.status).toBe(404);
    expect(xmlOf(res.text)).toEqual({ '?xml': '', response: { error: { code: 404, message: 'No service at POST /api/v1/leases.' } } });
    const outside = await request(app).post('/acme.rpc.tes/api/v1/customers').type('application/xml').send(xmlCall('getCustomers', ''));
    expect(outside.status).toBe(404);
    expect(outside.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers an operation Prism serves in the origin’s first format, and in JSON to a request that says JSON', async () => {
    const res = await request(app).get('/static-rpc.test/status');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(xmlOf(res.text)).toEqual({ '?xml': '', status: { state: 'up' } });
    const json = await request(app).get('/static-rpc.test/status').set('Content-Type', 'application/json');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual({ status: { state: 'up' } });
  });
});
