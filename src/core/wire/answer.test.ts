// Unit tests of success answers: written straight to `end`, they carry exactly the status, headers and bytes `res.send` gave them.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer.js';
import { jsonCodec } from './codecs.js';
import { xmlCodec } from './xml.js';

const xml = xmlCodec({ root: 'request' }).answer!;

function app(write: (res: express.Response) => void, etag = false): express.Express {
  const a = express();
  a.set('etag', etag);
  a.all('/', (_req, res) => write(res));
  return a;
}

describe('writeAnswer', () => {
  it.each([
    ['JSON', jsonCodec.answer!],
    ['XML', xml],
  ])('writes a %s answer with the headers res.send writes', async (_name, format) => {
    const body = { response: { code: 200, result: { list: [1, 2], name: 'é' } } };
    const fast = await request(app((res) => writeAnswer(res, 200, body, format))).post('/');
    const sent = await request(app((res) => void res.status(200).type(format.type).send(format.write(body)))).post('/');
    expect(fast.status).toBe(sent.status);
    expect(fast.headers['content-type']).toBe(sent.headers['content-type']);
    expect(fast.headers['content-length']).toBe(sent.headers['content-length']);
    expect(fast.text).toBe(sent.text);
  });

  it('leaves to res.send what it does beyond two headers: a HEAD, an ETag, a Content-Type already set', async () => {
    const body = { ok: true };
    expect((await request(app((res) => writeAnswer(res, 200, body, jsonCodec.answer))).head('/')).text).toBeUndefined();
    expect((await request(app((res) => writeAnswer(res, 200, body, jsonCodec.answer), true)).get('/')).headers.etag).toBeDefined();
    const typed = await request(app((res) => writeAnswer(res.type('application/vnd.example+json'), 200, body, jsonCodec.answer))).get('/');
    expect(typed.headers['content-type']).toBe('application/vnd.example+json; charset=utf-8');
  });
});
