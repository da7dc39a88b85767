// With response validation on, a stateful answer that drifts from the provider's document is a loud sandbox bug, whether sent as a value or as cached JSON text.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { renderErrors, providerError, type ErrorCatalogue } from '../src/core/errors.js';
import { sendJsonText } from '../src/core/json-text.js';
import { createLogger } from '../src/core/log.js';
import { OpenApiDocument } from '../src/core/openapi.js';
import { specFile } from '../src/core/project-files.js';
import { validateRequest } from '../src/core/validate.js';

const doc = OpenApiDocument.load(specFile('guesty'));
const errors: ErrorCatalogue = {
  badRequest: (d) => providerError('bad_request', 400, { d }),
  invalidRequest: () => providerError('validation', 400, {}),
  unsupportedMediaType: () => providerError('unsupported_media_type', 415, {}),
  payloadTooLarge: () => providerError('payload_too_large', 413, {}),
  routeNotFound: () => providerError('route_not_found', 404, {}),
};

function app(send: (res: express.Response) => void): express.Express {
  const logger = createLogger('silent');
  const a = express();
  a.get('/v1/listings/:id', validateRequest(() => doc, 'getListing', errors, logger, true), (_req, res) => send(res));
  a.use(renderErrors(logger));
  return a;
}

describe('response validation', () => {
  it('passes an answer that matches the document', async () => {
    const res = await request(app((r) => sendJsonText(r, JSON.stringify({ _id: '62a06d2f22513000359ee893', bedrooms: 2 })))).get('/v1/listings/1');
    expect(res.status).toBe(200);
  });

  it('turns drifting cached JSON text into a 500 sandbox bug', async () => {
    const res = await request(app((r) => sendJsonText(r, JSON.stringify({ _id: '62a06d2f22513000359ee893', bedrooms: 'two' })))).get('/v1/listings/1');
    expect(res.status).toBe(500);
    expect(res.headers['x-pms-sandbox-error']).toBe('sandbox-bug');
  });

  it('turns a drifting value sent with res.json into a 500 sandbox bug', async () => {
    const res = await request(app((r) => void r.json({ _id: 7 }))).get('/v1/listings/1');
    expect(res.status).toBe(500);
  });
});
