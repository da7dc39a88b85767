// Unit tests of the body-type check of request validation: a body is accepted in the types an operation declares that the origin's codecs read.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors, type ErrorCatalogue } from './errors.js';
import { createLogger } from './log.js';
import { OpenApiDocument } from './openapi.js';
import { validateRequest } from './validate.js';
import { bodyReader, DEFAULT_CODECS, jsonCodec, textCodec, type BodyCodec } from './wire/codecs.js';

const body = (...types: string[]) => ({ required: true, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'object' } }])) });
const doc = new OpenApiDocument({
  openapi: '3.1.0',
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/json': { post: { operationId: 'postJson', requestBody: body('application/json'), responses: { '200': { description: 'ok' } } } },
    '/xml': { post: { operationId: 'postXml', requestBody: body('application/xml', 'application/json'), responses: { '200': { description: 'ok' } } } },
    '/none': { post: { operationId: 'postNothing', responses: { '200': { description: 'ok' } } } },
  },
});

const catalogue = {
  unsupportedMediaType: (type) => providerError('unsupported_media_type', 415, { unsupported: type }),
  invalidRequest: (issues) => providerError('validation', 400, { issues: issues.map((i) => `${i.name} ${i.message}`) }),
} as ErrorCatalogue;

/** Reads `<a/>` as `{a: ''}`: enough of a format to tell it was parsed. */
const xml = textCodec({ name: 'XML', types: ['application/xml'], parse: (text) => ({ [/^<(\w+)/.exec(text)?.[1] ?? 'none']: '' }) });

function app(codecs: readonly BodyCodec[] | undefined): express.Express {
  const a = express();
  a.use(bodyReader(codecs ?? DEFAULT_CODECS, '10kb'));
  for (const [path, operationId] of [['/json', 'postJson'], ['/xml', 'postXml'], ['/none', 'postNothing']] as const) {
    a.post(path, validateRequest(() => doc, operationId, catalogue, createLogger('silent'), false, codecs), (req, res) => void res.json({ got: req.body ?? null }));
  }
  a.use(renderErrors(createLogger('silent')));
  return a;
}

describe('the body-type check', () => {
  it('refuses a form body on a JSON operation and accepts any JSON type, as before codecs were declared', async () => {
    const a = app(undefined);
    expect((await request(a).post('/json').type('form').send('a=1')).body).toEqual({ unsupported: 'application/x-www-form-urlencoded' });
    expect((await request(a).post('/json').type('application/merge-patch+json').send('{"a":1}')).body).toEqual({ got: { a: 1 } });
    expect((await request(a).post('/json').set('Content-Type', '').send('{"a":1}')).status).toBe(415);
  });

  it('accepts a declared type once the origin has a codec for it, and refuses it while it has none', async () => {
    expect((await request(app([jsonCodec, xml])).post('/xml').type('application/xml').send('<a/>')).body).toEqual({ got: { a: '' } });
    expect((await request(app(undefined)).post('/xml').type('application/xml').send('<a/>')).body).toEqual({ unsupported: 'application/xml' });
    expect((await request(app([jsonCodec, xml])).post('/json').type('application/xml').send('<a/>')).body).toEqual({ unsupported: 'application/xml' });
  });

  it('lets any body through to an operation that declares none', async () => {
    expect((await request(app(undefined)).post('/none').type('text/plain').send('hello')).status).toBe(200);
  });
});
