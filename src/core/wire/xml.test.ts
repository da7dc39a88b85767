// Unit tests of the XML codec: a document's root content as text, the answer written with repeated elements and escaped text, and the
// bodies it refuses before any entity is expanded (DOCTYPE, entity declarations, broken XML, another root).
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { providerError, renderErrors, translateReadErrors, type ErrorCatalogue } from '../errors.js';
import { createLogger } from '../log.js';
import { bodyReader } from './codecs.js';
import { parseXmlDocument, writeXmlDocument, xmlCodec } from './xml.js';

const errors: ErrorCatalogue = {
  badRequest: (detail) => providerError('bad_request', 400, { bad: detail }),
  invalidRequest: () => providerError('validation', 400, {}),
  unsupportedMediaType: () => providerError('unsupported_media_type', 415, {}),
  payloadTooLarge: () => providerError('payload_too_large', 413, { tooLarge: true }),
  routeNotFound: () => providerError('route_not_found', 404, {}),
};

function app(): express.Express {
  const server = express();
  server.use(bodyReader([xmlCodec({ root: 'request' })], '10kb'));
  server.post('/echo', (req, res) => void res.json({ body: req.body as unknown }));
  server.use(translateReadErrors(errors, '10kb'), renderErrors(createLogger('silent')));
  return server;
}

describe('the XML codec', () => {
  it('reads the root element\'s content as text, repeated elements as an array and an empty element as an empty string', () => {
    const parsed = parseXmlDocument('<?xml version="1.0"?><request><auth><type>oauth</type></auth><id>007</id><n>1</n><n>2</n><params/><t>a &amp; b</t></request>', 'request');
    expect(parsed).toEqual({ auth: { type: 'oauth' }, id: '007', n: ['1', '2'], params: '', t: 'a & b' });
  });

  it('decodes character references and the five predefined entities once, and refuses any other entity', () => {
    expect(parseXmlDocument('<request><n>Zo&#235; &#x41; &amp;#65; &lt;&gt;&quot;&apos;</n></request>', 'request')).toEqual({ n: 'Zoë A &#65; <>"\'' });
    expect(() => parseXmlDocument('<request><n>&nbsp;</n></request>', 'request')).toThrow(SyntaxError);
    expect(() => parseXmlDocument('<request><n>&#0;</n></request>', 'request')).toThrow(SyntaxError);
  });

  it('writes an answer with its one key as the root, arrays as repeated elements, text escaped, null empty and undefined left out', () => {
    expect(writeXmlDocument({ response: { requestId: '15', list: { item: [{ id: 1 }, { id: 2 }] }, text: 'a < b & "c"', none: null, gone: undefined, yes: true } })).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<response>
  <requestId>15</requestId>
  <list>
    <item>
      <id>1</id>
    </item>
    <item>
      <id>2</id>
    </item>
  </list>
  <text>a &lt; b &amp; &quot;c&quot;</text>
  <none/>
  <yes>true</yes>
</response>
`);
    expect(parseXmlDocument(writeXmlDocument({ request: { text: 'a < b & "c"' } }), 'request')).toEqual({ text: 'a < b & "c"' });
  });

  it('refuses a DOCTYPE, an entity declaration, broken XML, another root and two roots', () => {
    for (const text of [
      '<!DOCTYPE request [<!ENTITY x SYSTEM "file:///etc/passwd">]><request>&x;</request>',
      '<!doctype request><request/>',
      '<request><a></request>',
      '<other/>',
      '<request/><request/>',
    ]) expect(() => parseXmlDocument(text, 'request'), text).toThrow(SyntaxError);
  });

  it('answers the origin\'s 400 for a refused body over HTTP, reads text/xml with its charset, and keeps the body limit', async () => {
    const server = app();
    const laughs = `<?xml version="1.0"?><!DOCTYPE request [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]><request>&bbbbbbbbb;</request>`;
    const refused = await request(server).post('/echo').type('application/xml').send(laughs);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ bad: 'Request body is not valid XML' });
    const read = await request(server).post('/echo').set('Content-Type', 'text/xml; charset=utf-8').send('<request><name>Zoë</name></request>');
    expect(read.body).toEqual({ body: { name: 'Zoë' } });
    const large = await request(server).post('/echo').type('application/xml').send(`<request>${'x'.repeat(11 * 1024)}</request>`);
    expect(large.status).toBe(413);
  });
});
