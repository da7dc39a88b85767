// The admin API's own OpenAPI document, served at /__sandbox/openapi.json; other tools are built on these shapes, so they are fixed.
import { faultPaths } from './faults.js';

const clockState = {
  type: 'object',
  required: ['now', 'frozen'],
  properties: { now: { type: 'string', format: 'date-time' }, frozen: { type: 'boolean' } },
};

const problem = { description: 'A problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

export interface ProviderAdminDoc {
  id: string;
  routes: ReadonlyArray<{ method: string; path: string; doc?: Record<string, unknown> }>;
}

/** Each provider's own admin routes, as it describes them, under /__sandbox/<id>. */
function providerPaths(providers: readonly ProviderAdminDoc[]): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { id, routes } of providers) {
    for (const route of routes) {
      const path = `/__sandbox/${id}${route.path.replace(/:(\w+)/g, '{$1}')}`;
      // Every `:name` of the Express path is a required path parameter of the operation.
      const parameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
      const operation = route.doc ?? { responses: { default: { description: 'see the README' } } };
      paths[path] = { ...paths[path], [route.method]: parameters.length > 0 ? { parameters, ...operation } : operation };
    }
  }
  return paths;
}

export function adminOpenApi(providers: readonly ProviderAdminDoc[]): Record<string, unknown> {
  const providerIds = providers.map((p) => p.id);
  return {
    openapi: '3.1.0',
    info: {
      title: 'pms-sandbox admin API',
      version: '1.0.0',
      description: 'Controls the sandbox: the origin map, seeded credentials, the virtual clock, state reset, the request journal and fault injection.',
    },
    paths: {
      '/__sandbox/health': { get: { operationId: 'health', responses: { '200': { description: 'The sandbox serves', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' }, providers: { type: 'array', items: { type: 'string' } }, now: { type: 'string', format: 'date-time' } } } } } } } } },
      '/__sandbox/origins': {
        get: {
          operationId: 'origins',
          description: 'Each real origin, exactly as the provider documents write it (templated subdomains as `{subdomain}`), mapped to its sandbox base URL with no trailing slash.',
          responses: { '200': { description: 'origin map', content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'string', format: 'uri' } }, example: { 'https://open-api.guesty.com': 'http://localhost:4010/open-api.guesty.com' } } } } },
        },
      },
      '/__sandbox/credentials': {
        get: {
          operationId: 'credentials',
          description: `Seeded credentials keyed by provider id (${providerIds.join(', ')}), named inside in each provider's own words.`,
          responses: { '200': { description: 'credentials', content: { 'application/json': { schema: { type: 'object' }, example: { guesty: { openApi: { clientId: '0oa…', clientSecret: '…' }, bookingEngine: { clientId: '0oa…', clientSecret: '…' } } } } } } },
        },
      },
      '/__sandbox/clock': {
        get: { operationId: 'getClock', responses: { '200': { description: 'the virtual now', content: { 'application/json': { schema: clockState } } } } },
        post: {
          operationId: 'moveClock',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { advanceSeconds: { type: 'number' }, set: { type: 'string', format: 'date-time' }, freeze: { type: 'boolean' } }, minProperties: 1 },
              },
            },
          },
          responses: { '200': { description: 'the virtual now after the change', content: { 'application/json': { schema: clockState } } }, '400': problem },
        },
      },
      '/__sandbox/reset': { post: { operationId: 'reset', description: 'Returns every provider to its seeded state, forgets issued tokens and quota counts, clears the journal and removes every fault. The clock is not moved.', responses: { '200': { description: 'reset', content: { 'application/json': { schema: { type: 'object', properties: { reset: { const: true }, now: { type: 'string' } } } } } } } } },
      '/__sandbox/journal': {
        get: {
          operationId: 'journal',
          parameters: ['provider', 'method', 'path', 'status', 'limit'].map((name) => ({ name, in: 'query', required: false, schema: { type: name === 'status' || name === 'limit' ? 'integer' : 'string' } })),
          responses: { '200': { description: 'recorded requests, oldest first, secrets redacted', content: { 'application/json': { schema: { type: 'object', properties: { entries: { type: 'array', items: { $ref: '#/components/schemas/JournalEntry' } }, size: { type: 'integer' } } } } } }, '400': problem },
        },
        delete: { operationId: 'clearJournal', responses: { '204': { description: 'cleared' } } },
      },
      ...faultPaths,
      ...providerPaths(providers),
    },
    components: {
      schemas: {
        Problem: { type: 'object', required: ['type', 'title', 'status'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } },
        JournalEntry: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            at: { type: 'string', format: 'date-time' },
            provider: { type: 'string' },
            method: { type: 'string' },
            url: { type: 'string' },
            requestHeaders: { type: 'object' },
            requestBody: {},
            status: { type: 'integer' },
            responseHeaders: { type: 'object' },
            responseBody: {},
            durationMs: { type: 'number' },
          },
        },
      },
    },
  };
}
