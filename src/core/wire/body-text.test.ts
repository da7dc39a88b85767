// Unit tests of the one-step text body reader: the limit as body-parser reads it, which requests it reads, and that it reads them as
// express.text does (same body, same failures), through a text codec and through the body reader alike.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { readFailureOf } from '../request-read.js';
import { limitBytes } from './body-text.js';
import { bodyReader, textCodec } from './codecs.js';
import { trailingCommaJsonCodec } from './lenient-json.js';

describe('limitBytes', () => {
  it('reads a limit as the bytes package does, and nothing it would read otherwise', () => {
    expect(limitBytes('1mb')).toBe(1_048_576);
    expect(limitBytes('10kb')).toBe(10_240);
    expect(limitBytes('1.5KB')).toBe(1536);
    expect(limitBytes('500')).toBe(500);
    expect(limitBytes('lots')).toBeUndefined();
  });
});

/** An app that answers what was read: the body as JSON, or the read failure's kind. */
function echo(reader: express.RequestHandler): express.Express {
  const app = express();
  app.post('/', reader, (req, res) => void res.json({ body: req.body ?? null, has: 'body' in req }));
  app.use(((err, req, res, _next) => void res.status(400).json({ failure: readFailureOf(err, req.get('content-type') ?? '', '')?.kind ?? 'other' })) as express.ErrorRequestHandler);
  return app;
}

const text = textCodec({ name: 'text', types: ['text/plain'], parse: (t) => ({ text: t }) });

describe.each([
  ['a text codec', echo(text.parser('1kb'))],
  ['the body reader', echo(bodyReader([trailingCommaJsonCodec, text], '1kb'))],
])('reading through %s', (_name, app) => {
  it('reads a plain UTF-8 body, a byte order mark dropped, as express.text does', async () => {
    const answer = await request(app).post('/').set('Content-Type', 'text/plain; charset=utf-8').send('\ufeffhé llo');
    expect(answer.body).toEqual({ body: { text: 'hé llo' }, has: true });
  });

  it('leaves a body of a type no codec reads unread, and an empty one empty', async () => {
    expect((await request(app).post('/').set('Content-Type', 'image/png').send('x')).body).toEqual({ body: null, has: true });
    expect((await request(app).post('/').set('Content-Type', 'text/plain').send('')).body).toEqual({ body: '', has: true });
  });

  it('refuses a body over the limit and one that does not parse, as before', async () => {
    expect((await request(app).post('/').set('Content-Type', 'text/plain').send('x'.repeat(2000))).body).toEqual({ failure: 'too-large' });
    const strict = echo(textCodec({ name: 'never', types: ['text/plain'], parse: () => { throw new SyntaxError('no'); } }).parser('1kb'));
    expect((await request(strict).post('/').set('Content-Type', 'text/plain').send('x')).body).toEqual({ failure: 'malformed-body' });
  });

  it('leaves other charsets and encodings to express.text, which reads them as before', async () => {
    const latin1 = await request(app).post('/').set('Content-Type', 'text/plain; charset=latin1').send(Buffer.from([0x68, 0xe9]));
    expect(latin1.body).toEqual({ body: { text: 'hé' }, has: true });
  });
});

describe('the body reader with a JSON text codec', () => {
  it('parses JSON read in one step, a trailing comma forgiven', async () => {
    const app = echo(bodyReader([trailingCommaJsonCodec, text], '1kb'));
    expect((await request(app).post('/').set('Content-Type', 'application/json').send('{"a": [1,],}')).body).toEqual({ body: { a: [1] }, has: true });
    expect((await request(app).post('/').set('Content-Type', 'application/json').send('{"a":')).body).toEqual({ failure: 'malformed-body' });
  });
});

describe('a body sent again', () => {
  it('is handed the value its text was parsed into last time, frozen; another text is parsed afresh, and a bad one still refused', async () => {
    const app = express();
    app.post('/', bodyReader([trailingCommaJsonCodec], '1kb'), (req, res) => void res.json({ body: req.body as unknown, frozen: Object.isFrozen(req.body) }));
    app.use(((err, req, res, _next) => void res.status(400).json({ failure: readFailureOf(err, req.get('content-type') ?? '', '')?.kind ?? 'other' })) as express.ErrorRequestHandler);
    const send = (text: string) => request(app).post('/').set('Content-Type', 'application/json').send(text);
    const text = '{"method": {"name": "getCustomers", "params": {"propertyId": 100001,}}}';
    expect((await send(text)).body).toEqual({ body: { method: { name: 'getCustomers', params: { propertyId: 100001 } } }, frozen: true });
    expect((await send(text)).body).toEqual({ body: { method: { name: 'getCustomers', params: { propertyId: 100001 } } }, frozen: true });
    expect((await send('{"method": {"name": "getLeases"}}')).body).toEqual({ body: { method: { name: 'getLeases' } }, frozen: true });
    expect((await send('{"method": ')).body).toEqual({ failure: 'malformed-body' });
    expect((await send(text)).body.body.method.params).toEqual({ propertyId: 100001 });
  });
});
