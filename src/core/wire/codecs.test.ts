// Unit tests of body codecs: media types and the patterns they fit, which codec reads and which answers a request, and the body reader.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors, translateReadErrors, type ErrorCatalogue } from '../errors.js';
import { createLogger } from '../log.js';
import { answerFormat, bodyReader, codecReading, DEFAULT_CODECS, formCodec, jsonCodec, textCodec } from './codecs.js';
import { fits, mediaTypeOf } from './media-type.js';

/** A text format of `key: value` lines, answering as such; a line without a colon does not parse. */
const lines = textCodec({
  name: 'lines',
  types: ['text/x-lines'],
  parse: (text) =>
    Object.fromEntries(
      text.split('\n').map((line) => {
        const at = line.indexOf(':');
        if (at < 0) throw new SyntaxError(`no colon in ${line}`);
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
    ),
  answer: { type: 'text/x-lines', write: (body) => Object.entries(typeof body === 'object' && body !== null ? body : {}).map(([k, v]) => `${k}: ${String(v)}`).join('\n') },
});

describe('media types', () => {
  it('reads the media type of a Content-Type header, lower-cased and without parameters', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(';;;')).toBe('');
    expect(mediaTypeOf(undefined)).toBe('');
  });

  it('fits patterns as type-is reads them: whole-part wildcards and suffixes, in the pattern only', () => {
    expect(fits('application/json', 'application/json')).toBe(true);
    expect(fits('application/*+json', 'application/vnd.api+json')).toBe(true);
    expect(fits('application/*+json', 'application/json')).toBe(false);
    expect(fits('application/*', 'application/xml')).toBe(true);
    expect(fits('application/json', '*/*')).toBe(false);
    expect(fits('application/json', 'application/json-seq')).toBe(false);
    expect(fits('text/xml', 'text')).toBe(false);
  });
});

describe('codec choice', () => {
  const codecs = [jsonCodec, formCodec, lines];

  it('names the codec that reads a Content-Type, or none', () => {
    expect(codecReading(codecs, 'application/merge-patch+json')).toBe(jsonCodec);
    expect(codecReading(codecs, 'application/x-www-form-urlencoded; charset=utf-8')).toBe(formCodec);
    expect(codecReading(codecs, 'TEXT/X-LINES')).toBe(lines);
    expect(codecReading(codecs, 'text/plain')).toBeUndefined();
    expect(codecReading(codecs, undefined)).toBeUndefined();
  });

  it('answers in the format the request came in when its codec writes, else in the first that writes', () => {
    expect(answerFormat(codecs, 'text/x-lines')).toBe(lines.answer);
    expect(answerFormat(codecs, 'application/x-www-form-urlencoded')).toBe(jsonCodec.answer);
    expect(answerFormat(codecs, undefined)).toBe(jsonCodec.answer);
    expect(answerFormat([formCodec], 'application/x-www-form-urlencoded')).toBeUndefined();
  });

  it('reads JSON and form by default, as every origin did before it could say', () => {
    expect(DEFAULT_CODECS).toEqual([jsonCodec, formCodec]);
  });
});

describe('bodyReader', () => {
  const catalogue = {
    badRequest: (detail) => providerError('bad_request', 400, { detail }),
    payloadTooLarge: (limit) => providerError('payload_too_large', 413, { limit }),
    unsupportedMediaType: (type) => providerError('unsupported_media_type', 415, { type }),
  } as ErrorCatalogue;
  const app = express();
  app.use(bodyReader([jsonCodec, formCodec, lines], '1kb'));
  app.all('/echo', (req, res) => void res.json({ body: req.body ?? null }));
  app.use(translateReadErrors(catalogue, '1kb'), renderErrors(createLogger('silent')));

  it('parses each declared format into req.body', async () => {
    expect((await request(app).post('/echo').send({ a: 1 })).body).toEqual({ body: { a: 1 } });
    expect((await request(app).post('/echo').type('form').send('a=1')).body).toEqual({ body: { a: '1' } });
    expect((await request(app).post('/echo').type('text/x-lines').send('a: 1\nb: two')).body).toEqual({ body: { a: '1', b: 'two' } });
    expect((await request(app).post('/echo').type('text/plain').send('a: 1')).body).toEqual({ body: null });
  });

  it('refuses a body its codec cannot parse, too large, or nested too deep, as read failures of the origin', async () => {
    expect((await request(app).post('/echo').type('text/x-lines').send('no colon')).body).toEqual({ detail: 'Request body is not valid lines' });
    expect((await request(app).post('/echo').type('text/x-lines').send(`a: ${'x'.repeat(2000)}`)).status).toBe(413);
    const deep = `${'['.repeat(101)}${']'.repeat(101)}`;
    expect((await request(app).post('/echo').type('json').send(deep)).body).toEqual({ detail: 'Request body is nested more than 100 levels deep' });
  });

  it('leaves GET and HEAD bodies unread', async () => {
    expect((await request(app).get('/echo').type('json').send('{"a":1}')).body).toEqual({ body: null });
  });
});
