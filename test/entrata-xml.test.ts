// Entrata's XML over real HTTP (seeds/004: "They will accept post data as JSON or XML ... The response will match the request format"): the
// sandbox's element names, errors in XML, and bodies a hostile client sends (external entities, nested entity expansion, broken XML).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenApiDocument } from '../src/core/openapi.js';
import { specFile } from '../src/core/project-files.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { accessToken, call, companyBase, MAPLE_COURT, rpc, SUNRISE, type RpcAnswer } from './support/entrata.js';

const document = OpenApiDocument.load(specFile('entrata'));

/** An XML answer's root content fits the operation's `application/xml` schema (of `<response>`), its text typed by that schema. */
function checked(operationId: string, answer: RpcAnswer): RpcAnswer {
  expect(answer.contentType).toMatch(/^application\/xml/);
  expect(document.validateResponse(operationId, answer.status, structuredClone(answer.body.response), 'application/xml')).toEqual([]);
  return answer;
}

describe('Entrata in XML', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const customers = (): string => `${companyBase(sandbox, SUNRISE)}/api/customers`;

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['entrata'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    token = await accessToken(sandbox);
  });

  it('reads the README\'s XML request and answers in XML, its numbers typed by the params schema', async () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<request>
  <auth><type>oauth</type></auth>
  <requestId>15</requestId>
  <method>
    <name>getCustomers</name>
    <version>r1</version>
    <params><propertyId>${MAPLE_COURT}</propertyId></params>
  </method>
</request>`;
    const answer = checked('customersService', await rpc(customers(), body, { token, xml: true }));
    expect(answer.status).toBe(200);
    expect(document.validateResponse('customersService', 200, { code: 'two hundred' }, 'application/xml')).not.toEqual([]);
    expect(answer.text).toContain('<Customers>\n      <Customer>\n        <Id>3000001</Id>');
    expect(answer.body.response.result.Customers.Customer).toHaveLength(8);
  });

  it('answers text/xml requests in XML too, and a JSON request in JSON', async () => {
    const xml = await rpc(customers(), call('getCustomers', { propertyId: MAPLE_COURT }), { token, xml: true, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
    expect(xml.contentType).toMatch(/^application\/xml/);
    const json = await rpc(customers(), call('getCustomers', { propertyId: MAPLE_COURT }), { token });
    expect(json.contentType).toMatch(/^application\/json/);
  });

  it('answers an error of an XML request in XML, requestId first', async () => {
    const answer = checked('customersService', await rpc(customers(), call('getLeases', { propertyId: MAPLE_COURT }, 'abc-1'), { token, xml: true }));
    expect(answer.text).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<response>
  <requestId>abc-1</requestId>
  <error>
    <code>404</code>
    <message>Method getLeases is not available on this web service, which answers getCustomers, updateCustomers.</message>
  </error>
</response>
`);
  });

  it('refuses broken XML with an envelope error in XML', async () => {
    const answer = checked('customersService', await rpc(customers(), '<request><auth><type>oauth</type></request>', { token, xml: true }));
    expect(answer.body.response.error).toEqual({ code: '400', message: 'Request body is not valid XML.' });
  });

  it('refuses a body with an external entity without reading the file it names, and keeps serving', async () => {
    const body = `<?xml version="1.0"?>
<!DOCTYPE request [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<request><auth><type>oauth</type></auth><method><name>getCustomers</name><params><propertyId>&secret;</propertyId></params></method></request>`;
    const answer = await rpc(customers(), body, { token, xml: true });
    expect(answer.body.response.error).toEqual({ code: '400', message: 'Request body is not valid XML.' });
    expect(answer.text).not.toContain('root:');
    expect((await rpc(customers(), call('getCustomers', { propertyId: MAPLE_COURT }), { token, xml: true })).body.response.code).toBe('200');
  });

  it('refuses nested entity expansion (a billion laughs) at once, and keeps serving', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const body = `<?xml version="1.0"?>\n<!DOCTYPE request [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<request><auth><type>&lol9;</type></auth></request>`;
    const heapBefore = process.memoryUsage().heapUsed;
    const answer = await rpc(customers(), body, { token, xml: true });
    expect(answer.body.response.error?.message).toBe('Request body is not valid XML.');
    // Expanded, the body would be 10^9 characters; refused, it leaves no trace worth the name.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect((await rpc(`${companyBase(sandbox, SUNRISE)}/api/status`, call('getStatus'), { token })).body.response.result?.status).toBe('Success');
  });

  it('refuses a body of a type it does not read in JSON, naming the two it does', async () => {
    const res = await fetch(customers(), { method: 'POST', headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` }, body: 'getCustomers' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response: { error: { code: 415, message: 'Content-Type text/plain is not supported; send application/json or application/xml.' } } });
  });
});
