// Unit tests of the OpenAPI layer against openapi/guesty.yaml, and checks that the Guesty document itself is complete and self-consistent.
import { describe, expect, it } from 'vitest';
import { OpenApiDocument } from './openapi.js';
import { specFile } from './project-files.js';

const guesty = OpenApiDocument.load(specFile('guesty'));
const OPEN_API = 'https://open-api.guesty.com';
const BOOKING = 'https://booking.guesty.com';
const LISTING_ID = '64b7f1c2a9e4d3001f2b6a11';

const request = (input: Partial<Parameters<OpenApiDocument['validateRequest']>[1]> = {}) => ({ query: {}, params: {}, headers: {}, body: undefined, ...input });

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows `#/...` references in the document, as a reader of it would. */
function deref(value: unknown): Json {
  let current = value;
  while (isObject(current) && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, token) => (node as Json)[token.replace(/~1/g, '/').replace(/~0/g, '~')], guesty.document);
  }
  return current as Json;
}

function responsesOf(operationId: string): Array<[string, Json]> {
  const { path, method } = guesty.operation(operationId);
  const operation = ((guesty.document.paths as Json)[path] as Json)[method] as Json;
  return Object.entries(operation.responses as Json).map(([status, response]) => [status, deref(response)]);
}

describe('OpenApiDocument', () => {
  it('lists every operation with its method, path template and origin', () => {
    expect(guesty.operation('getListing')).toEqual({ operationId: 'getListing', method: 'get', path: '/v1/listings/{id}', origin: OPEN_API });
    expect(guesty.operation('getBookingEngineListing').origin).toBe(BOOKING);
    expect(guesty.operations.map((o) => o.operationId)).toContain('createOpenApiToken');
  });

  it('throws on an unknown operationId', () => {
    expect(() => guesty.operation('noSuchOperation')).toThrow(/noSuchOperation/);
  });

  it('matches a request to its operation and decodes path parameters', () => {
    expect(guesty.match(OPEN_API, 'GET', `/v1/listings/${LISTING_ID}`)).toEqual({ operation: guesty.operation('getListing'), params: { id: LISTING_ID } });
    expect(guesty.match(`${OPEN_API}/`, 'put', '/v1/availability-pricing/api/calendar/listings/a%20b')?.params).toEqual({ listingId: 'a b' });
    expect(guesty.match(OPEN_API, 'GET', '/v1/listings/')?.operation.operationId).toBe('listListings');
  });

  it('tells origins apart', () => {
    expect(guesty.match(BOOKING, 'GET', '/api/listings')?.operation.operationId).toBe('listBookingEngineListings');
    expect(guesty.match(OPEN_API, 'GET', '/api/listings')).toBeUndefined();
    expect(guesty.match(BOOKING, 'GET', '/v1/listings')).toBeUndefined();
    expect(guesty.match(OPEN_API, 'DELETE', '/v1/listings')).toBeUndefined();
  });

  it('prefers literal segments over templated ones', () => {
    const doc = new OpenApiDocument({
      openapi: '3.1.0',
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/items/{id}': { get: { operationId: 'getItem', responses: {} } },
        '/items/mine': { get: { operationId: 'myItems', responses: {} } },
        '/items/{id}.json': { get: { operationId: 'getItemJson', responses: {} } },
      },
    });
    expect(doc.match('https://api.example.com', 'get', '/items/mine')?.operation.operationId).toBe('myItems');
    expect(doc.match('https://api.example.com', 'get', '/items/7')).toEqual({ operation: doc.operation('getItem'), params: { id: '7' } });
    expect(doc.match('https://api.example.com', 'get', '/items/7.json')).toEqual({ operation: doc.operation('getItemJson'), params: { id: '7' } });
  });

  it('coerces query strings to their schema types and applies defaults, keeping unknown parameters', () => {
    const input = { limit: '50', active: 'false', 'pms.active': 'true', foo: 'bar' };
    const check = guesty.validateRequest('listListings', request({ query: input }));
    expect(check).toEqual({ ok: true, query: { limit: 50, skip: 0, active: false, 'pms.active': true, foo: 'bar' }, body: undefined });
    expect(input.limit).toBe('50');
  });

  it('names the parameter out of range', () => {
    const check = guesty.validateRequest('listListings', request({ query: { limit: '500', skip: '-1' } }));
    expect(check).toEqual({
      ok: false,
      issues: [
        { in: 'query', name: 'limit', message: 'must be <= 100' },
        { in: 'query', name: 'skip', message: 'must be >= 0' },
      ],
    });
  });

  it('refuses a value its type cannot take', () => {
    const check = guesty.validateRequest('listListings', request({ query: { limit: 'ten', listed: 'yes' } }));
    expect(check.ok ? [] : check.issues.map((i) => `${i.name} ${i.message}`)).toEqual(['limit must be integer', 'listed must be boolean']);
  });

  it('names a missing required query parameter and a badly formatted one', () => {
    const check = guesty.validateRequest('getListingCalendar', request({ params: { listingId: LISTING_ID }, query: { startDate: '2026-13-01' } }));
    expect(check.ok ? [] : check.issues).toEqual([
      { in: 'query', name: 'endDate', message: 'is required' },
      { in: 'query', name: 'startDate', message: 'must match format "date"' },
    ]);
  });

  it('names a missing required body field by its JSON pointer', () => {
    const check = guesty.validateRequest('createReservation', request({ body: { checkInDateLocalized: '2026-11-10', checkOutDateLocalized: '2026-11-14', guest: { email: 'nope' } }, contentType: 'application/json' }));
    expect(check.ok ? [] : check.issues).toEqual([
      { in: 'body', name: '/listingId', message: 'is required' },
      { in: 'body', name: '/guest/email', message: 'must match format "email"' },
    ]);
  });

  it('names an enum body field with its allowed values', () => {
    const check = guesty.validateRequest('updateReservation', request({ params: { id: 'x' }, body: { status: 'lost' } }));
    expect(check.ok ? [] : check.issues).toEqual([{ in: 'body', name: '/status', message: 'must be one of: inquiry, reserved, confirmed, canceled, declined, checked_in, checked_out' }]);
  });

  it('refuses a missing required body and passes a valid one through', () => {
    expect(guesty.validateRequest('createGuest', request())).toEqual({ ok: false, issues: [{ in: 'body', name: '', message: 'is required' }] });
    const body = { firstName: 'Jane', lastName: 'Smith', extra: 1 };
    expect(guesty.validateRequest('createGuest', request({ body, contentType: 'application/json; charset=utf-8' }))).toEqual({ ok: true, query: {}, body });
  });

  it('leaves form bodies to their handler', () => {
    const check = guesty.validateRequest('createOpenApiToken', request({ body: { grant_type: 'password' }, contentType: 'application/x-www-form-urlencoded' }));
    expect(check).toEqual({ ok: true, query: {}, body: { grant_type: 'password' } });
  });

  it('catches a response field of the wrong type', () => {
    expect(guesty.validateResponse('getListing', 200, { _id: LISTING_ID, accommodates: 'four' })).toEqual([{ in: 'response', name: '/accommodates', message: 'must be integer' }]);
    expect(guesty.validateResponse('listListings', 200, { results: [{ title: 'x' }], count: 1, limit: 25 })).toEqual([
      { in: 'response', name: '/skip', message: 'is required' },
      { in: 'response', name: '/results/0/_id', message: 'is required' },
    ]);
  });

  it('accepts a projected list and knows error bodies and statuses without a schema', () => {
    expect(guesty.validateResponse('listListings', 200, { results: [{ _id: LISTING_ID }], count: 30, limit: 1, skip: 0 })).toEqual([]);
    expect(guesty.validateResponse('getListing', 404, { error: { code: 'NOT_FOUND', message: 'gone' } })).toEqual([]);
    expect(guesty.validateResponse('getListing', 403, { error: 'x' })).toEqual([{ in: 'response', name: '/message', message: 'is required' }]);
    expect(guesty.validateResponse('getListing', 500, 'anything')).toEqual([]);
  });
});

describe('openapi/guesty.yaml', () => {
  it('gives every operation an operationId, and every response an example or a schema', () => {
    for (const [path, item] of Object.entries(guesty.document.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json).filter(([key]) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))) {
        expect(typeof (operation as Json).operationId, `${method} ${path}`).toBe('string');
      }
    }
    for (const { operationId } of guesty.operations) {
      for (const [status, response] of responsesOf(operationId)) {
        for (const [type, media] of Object.entries((response.content ?? {}) as Json)) {
          const m = media as Json;
          expect(m.example !== undefined || m.examples !== undefined || m.schema !== undefined, `${operationId} ${status} ${type}`).toBe(true);
        }
      }
    }
  });

  it('gives examples that match their own schemas', () => {
    for (const { operationId } of guesty.operations) {
      for (const [status, response] of responsesOf(operationId)) {
        const media = deref(((response.content ?? {}) as Json)['application/json'] ?? {});
        const examples = [media.example, ...Object.values((media.examples ?? {}) as Json).map((e) => deref(e).value)].filter((e) => e !== undefined);
        for (const example of examples) expect(guesty.validateResponse(operationId, Number(status), example), `${operationId} ${status}`).toEqual([]);
      }
    }
  });

  it('documents 401, 403 and 429 and the rate-limit headers on every data operation', () => {
    const dataOperations = guesty.operations.filter((o) => o.operationId !== 'createOpenApiToken');
    expect(dataOperations.length).toBeGreaterThan(10);
    for (const { operationId } of dataOperations) {
      const responses = Object.fromEntries(responsesOf(operationId));
      expect(Object.keys(responses), operationId).toEqual(expect.arrayContaining(['200', '401', '403', '429']));
      expect(Object.keys((responses['200']!.headers ?? {}) as Json), operationId).toContain('X-RateLimit-Remaining-Minute');
      expect(Object.keys((responses['429']!.headers ?? {}) as Json), operationId).toContain('Retry-After');
    }
    expect(responsesOf('getListing').find(([s]) => s === '403')?.[1]).toMatchObject({
      content: { 'application/json': { example: { message: "You don't have permission to access, please contact Guesty support." } } },
    });
  });
});
