// Unit tests of request checks over real HTTP: coercion and defaults, and remembered verdicts keyed by URL and declared headers.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors, type ErrorCatalogue } from './errors.js';
import { createLogger } from './log.js';
import { OpenApiDocument } from './openapi.js';
import { parsed, validateRequest } from './validate.js';

const doc = new OpenApiDocument({
  openapi: '3.1.0',
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10, default: 5 } },
          { name: 'X-Version', in: 'header', required: true, schema: { enum: ['1'] } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
});

const catalogue = {
  invalidRequest: (issues) => providerError('validation', 400, { issues: issues.map((i) => `${i.name} ${i.message}`) }),
} as ErrorCatalogue;

function app(): express.Express {
  const a = express();
  a.get('/items', validateRequest(() => doc, 'listItems', catalogue, createLogger('silent'), false), (_req, res) => {
    const { query } = parsed<{ limit: number }>(res);
    res.json({ limit: query.limit, frozen: Object.isFrozen(query) });
  });
  a.use(renderErrors(createLogger('silent')));
  return a;
}

describe('request checks', () => {
  it('coerces and defaults the query, and gives the same verdict to the same read every time', async () => {
    const a = app();
    for (let i = 0; i < 2; i += 1) {
      expect((await request(a).get('/items?limit=7').set('X-Version', '1')).body).toEqual({ limit: 7, frozen: true });
      expect((await request(a).get('/items').set('X-Version', '1')).body).toEqual({ limit: 5, frozen: true });
      expect((await request(a).get('/items?limit=70').set('X-Version', '1')).body).toEqual({ issues: ['limit must be <= 10'] });
    }
  });

  it('tells apart requests to the same URL that differ in a declared header', async () => {
    const a = app();
    expect((await request(a).get('/items?limit=3').set('X-Version', '1')).status).toBe(200);
    expect((await request(a).get('/items?limit=3').set('X-Version', '2')).status).toBe(400);
    expect((await request(a).get('/items?limit=3')).status).toBe(400);
    expect((await request(a).get('/items?limit=3').set('X-Version', '1')).status).toBe(200);
  });
});
