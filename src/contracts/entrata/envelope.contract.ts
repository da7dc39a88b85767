// The request and response envelope (provider-facts §4: requestId, error code 113, HTTP 200 for every answer; seeds/004 "Accessing Web
// Services": JSON or XML, the answer in the request's format; the README's error assumptions): auth types, refusals of a broken envelope.
import type { ContractCase } from '../types.js';
import { assumption, basicUser, bearer, company, doc, ENVELOPE_ERRORS, envelope, errorFailure, facts, firstFailure, post, raw, responseOf, SERVICES, successFailure, withToken } from './common.js';

const ERRORS = assumption(ENVELOPE_ERRORS);

/** getStatus in the sandbox's XML: `<request>` with the JSON keys as elements (README, Entrata assumptions). */
const XML_STATUS = `<?xml version="1.0" encoding="UTF-8"?>
<request>
  <auth><type>basic</type></auth>
  <requestId>15</requestId>
  <method><name>getStatus</name><version>r1</version><params></params></method>
</request>`;

export const envelopeCases: ContractCase[] = [
  {
    id: 'envelope.request-id',
    sentence: 'echoes a numeric requestId as a string in the response envelope',
    source: facts('the response envelope carries the requestId sent'),
    before: withToken,
    request: (ctx) => post(company(ctx), '/api/status', envelope('getStatus', {}, { type: 'oauth' }, 15), bearer(ctx)),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => firstFailure(successFailure(body), responseOf(body).requestId !== '15' && `requestId is ${JSON.stringify(responseOf(body).requestId)}, not "15"`) },
  },
  {
    id: 'envelope.basic-auth',
    sentence: "serves getStatus to a company user's HTTP Basic credentials with auth type basic",
    source: facts('the general API authenticates with the company user\'s username and password'),
    request: async (ctx) => post(company(ctx), '/api/status', envelope('getStatus', {}, { type: 'basic' }), await basicUser(ctx)),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => successFailure(body) },
  },
  {
    id: 'envelope.basic-wrong-password',
    sentence: 'refuses a wrong password with error 113 "Username and/or password is incorrect."',
    source: facts('error 113 "Username and/or password is incorrect."'),
    request: async (ctx) => post(company(ctx), '/api/status', envelope('getStatus', {}, { type: 'basic' }), { basic: [await ctx.token('username'), 'not-the-password'] }),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => errorFailure(body, 113, 'Username and/or password is incorrect.') },
  },
  {
    id: 'envelope.xml',
    sentence: 'answers a getStatus posted as application/xml in XML',
    source: doc(SERVICES),
    request: async (ctx) => raw(company(ctx), '/api/status', XML_STATUS, 'application/xml', await basicUser(ctx)),
    expect: {
      status: 200,
      headers: { 'content-type': /xml/ },
      check: (_body, res) => firstFailure(!res.text.includes('<response>') && 'the answer has no <response>', !res.text.includes('<status>Success</status>') && 'the answer has no <status>Success</status>'),
    },
  },
  {
    id: 'envelope.wrong-service',
    sentence: 'refuses a method posted to another web service\'s path with 404 naming what that service answers',
    source: ERRORS,
    before: withToken,
    request: (ctx) => post(company(ctx), '/api/status', envelope('getCustomers', { propertyId: 100001 }), bearer(ctx)),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => errorFailure(body, 404, 'Method getCustomers is not available on this web service, which answers getStatus.') },
  },
  {
    id: 'envelope.no-auth',
    sentence: 'refuses an envelope without auth with 400 "Request has no auth."',
    source: ERRORS,
    request: (ctx) => post(company(ctx), '/api/status', { requestId: 15, method: { name: 'getStatus', params: {} } }, 'none'),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => errorFailure(body, 400, 'Request has no auth.') },
  },
  {
    id: 'envelope.malformed-json',
    sentence: 'refuses a body that is not JSON with 400 "Request body is not valid JSON."',
    source: ERRORS,
    before: withToken,
    request: (ctx) => raw(company(ctx), '/api/status', '{"auth": {"type": "oauth"}, "method": ', 'application/json', bearer(ctx)),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => errorFailure(body, 400, 'Request body is not valid JSON.') },
  },
];
