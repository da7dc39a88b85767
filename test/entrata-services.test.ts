// Entrata's company web services over real HTTP (seeds/004 "Accessing Web Services", provider-facts §4): both service paths, the app's data
// scopes, the company of the subdomain, the general API's Basic credentials, the write seen by the next read, and every answer checked
// against openapi/entrata.yaml.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenApiDocument } from '../src/core/openapi.js';
import { specFile } from '../src/core/project-files.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { accessToken, BLUEOAK, call, companyBase, entrataCredentials, HARBOR_VIEW, MAPLE_COURT, OAK_HOLLOW, PORTAL_LITE, rpc, RENT_INSIGHTS, SUNRISE, type RpcAnswer } from './support/entrata.js';

const document = OpenApiDocument.load(specFile('entrata'));

describe('Entrata web services', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const api = (path: string, subdomain = SUNRISE): string => `${companyBase(sandbox, subdomain)}${path}`;
  /** Every JSON answer fits the service's operation in the document. */
  const checked = (operationId: string, answer: RpcAnswer): RpcAnswer => {
    expect(document.validateResponse(operationId, answer.status, answer.body)).toEqual([]);
    return answer;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['entrata'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    sandbox.clock.freeze();
    token = await accessToken(sandbox);
  });

  it('answers getStatus in provider-facts\' words at /api/status and /api/v1/status alike, requestId echoed as a string', async () => {
    const expected = { response: { requestId: '15', code: 200, result: { status: 'Success', message: 'API service is available and running.' } } };
    expect(checked('statusService', await rpc(api('/api/status'), call('getStatus'), { token })).body).toEqual(expected);
    expect(checked('statusServiceV1', await rpc(api('/api/v1/status'), call('getStatus'), { token })).body).toEqual(expected);
  });

  it('answers getProperties with the properties the user reaches, as PhysicalProperty.Property, filtered by propertyIds', async () => {
    const all = checked('propertiesService', await rpc(api('/api/properties'), call('getProperties'), { token }));
    expect(all.body.response.result.PhysicalProperty.Property.map((p: { PropertyID: number }) => p.PropertyID)).toEqual([100001, 100002, 100003]);
    const one = checked('propertiesServiceV1', await rpc(api('/api/v1/properties'), call('getProperties', { propertyIds: `${HARBOR_VIEW}` }), { token }));
    expect(one.body.response.result.PhysicalProperty.Property).toEqual([expect.objectContaining({ PropertyID: HARBOR_VIEW, MarketingName: 'Harbor View Lofts' })]);
  });

  it('answers getLeases for a property, filtered by status type', async () => {
    const all = checked('leasesService', await rpc(api('/api/leases'), call('getLeases', { propertyId: MAPLE_COURT }), { token }));
    expect(all.body.response.result.Leases.Lease).toHaveLength(8);
    const current = checked('leasesService', await rpc(api('/api/leases'), call('getLeases', { propertyId: MAPLE_COURT, leaseStatusTypeIds: '4' }), { token }));
    const statuses = new Set(current.body.response.result.Leases.Lease.map((l: { LeaseStatusType: string }) => l.LeaseStatusType));
    expect([...statuses]).toEqual(['Current']);
  });

  it('shows a customer changed by updateCustomers in the next getCustomers', async () => {
    const before = (await rpc(api('/api/customers'), call('getCustomers', { propertyId: MAPLE_COURT }), { token })).body.response.result.Customers.Customer[0];
    const update = checked('customersService', await rpc(api('/api/customers'), call('updateCustomers', { propertyId: MAPLE_COURT, customerId: before.Id, email: 'new.address@residents.example' }), { token }));
    expect(update.body.response.result.Customers.Customer).toEqual([{ ...before, Email: 'new.address@residents.example' }]);
    const after = await rpc(api('/api/customers'), call('getCustomers', { propertyId: MAPLE_COURT, customerIds: String(before.Id) }), { token });
    expect(after.body.response.result.Customers.Customer).toEqual([{ ...before, Email: 'new.address@residents.example' }]);
    // The very body of the first read, sent again: its answer is made afresh from the changed customers.
    const again = await rpc(api('/api/customers'), call('getCustomers', { propertyId: MAPLE_COURT }), { token });
    expect(again.body.response.result.Customers.Customer[0]).toEqual({ ...before, Email: 'new.address@residents.example' });
    sandbox.reset();
    const reset = await rpc(api('/api/customers'), call('getCustomers', { propertyId: MAPLE_COURT, customerIds: String(before.Id) }), { token: await accessToken(sandbox) });
    expect(reset.body.response.result.Customers.Customer[0].Email).toBe(before.Email);
  });

  it('refuses a method outside the app\'s data scopes with 403 in the envelope', async () => {
    const lite = await accessToken(sandbox, PORTAL_LITE);
    const answer = checked('leasesService', await rpc(api('/api/leases'), call('getLeases', { propertyId: MAPLE_COURT }), { token: lite }));
    expect(answer.status).toBe(200);
    expect(answer.body.response).toEqual({ requestId: '15', error: { code: 403, message: "The app is not permitted to call getLeases: it is outside the app's data scopes." } });
    expect((await rpc(api('/api/customers'), call('updateCustomers', { propertyId: MAPLE_COURT, customerId: 3000001, email: 'x@y.example' }), { token: lite })).body.response.error?.code).toBe(403);
    expect((await rpc(api('/api/customers'), call('getCustomers', { propertyId: MAPLE_COURT }), { token: lite })).body.response.code).toBe(200);
  });

  it('refuses a token on another company\'s subdomain, and a property the user cannot reach', async () => {
    const answer = await rpc(api('/api/customers', BLUEOAK), call('getCustomers', { propertyId: OAK_HOLLOW }), { token });
    expect(answer.body.response.error).toEqual({ code: 403, message: 'The access token was not issued for blueoak.entrata.com.' });
    const asmith = await accessToken(sandbox, RENT_INSIGHTS, SUNRISE, 4102);
    expect((await rpc(api('/api/customers'), call('getCustomers', { propertyId: HARBOR_VIEW }), { token: asmith })).body.response.error).toEqual({ code: 403, message: `The user has no access to property ${HARBOR_VIEW}.` });
  });

  it('refuses a method posted to another service\'s path, and one no service answers', async () => {
    const wrongPath = checked('customersService', await rpc(api('/api/customers'), call('getLeases', { propertyId: MAPLE_COURT }), { token }));
    expect(wrongPath.body.response.error).toEqual({ code: 404, message: 'Method getLeases is not available on this web service, which answers getCustomers, updateCustomers.' });
    expect((await rpc(api('/api/status'), call('toString'), { token })).body.response.error?.code).toBe(404);
  });

  it('refuses an unknown token, an expired one, and none, each with 401 in the envelope', async () => {
    expect((await rpc(api('/api/status'), call('getStatus'), { token: '0'.repeat(40) })).body.response.error).toEqual({ code: 401, message: 'Access token is invalid.' });
    expect((await rpc(api('/api/status'), call('getStatus'))).body.response.error).toEqual({ code: 401, message: 'Access token is invalid.' });
    sandbox.clock.advance(3599);
    expect((await rpc(api('/api/status'), call('getStatus'), { token })).body.response.code).toBe(200);
    sandbox.clock.advance(1);
    expect((await rpc(api('/api/status'), call('getStatus'), { token })).body.response.error).toEqual({ code: 401, message: 'Access token has expired.' });
  });

  it('serves the general API\'s auth type basic with a company user\'s credentials, and refuses wrong ones with error 113', async () => {
    const user = entrataCredentials(sandbox).basic.find((b) => b.subdomain === SUNRISE)!;
    const basic = { auth: { type: 'basic' }, requestId: 15, method: { name: 'getStatus', version: 'r1', params: {} } };
    expect((await rpc(api('/api/v1/status'), basic, { basic: user })).body.response.result?.status).toBe('Success');
    const wrong = await rpc(api('/api/v1/status'), basic, { basic: { username: user.username, password: 'wrong' } });
    expect(wrong.body).toEqual({ response: { requestId: '15', error: { code: 113, message: 'Username and/or password is incorrect.' } } });
    // A user of one company is not a user of another.
    expect((await rpc(api('/api/v1/status', BLUEOAK), basic, { basic: user })).body.response.error?.code).toBe(113);
  });

  it('refuses a request without auth or method, with an unknown auth type, malformed JSON, invalid params and an unknown subdomain', async () => {
    const errorOf = async (envelope: object | string, path = '/api/customers', subdomain = SUNRISE) => (await rpc(api(path, subdomain), envelope as never, { token })).body.response.error;
    expect(await errorOf({ method: { name: 'getCustomers', params: { propertyId: MAPLE_COURT } } })).toEqual({ code: 400, message: 'Request has no auth.' });
    expect(await errorOf({ auth: { type: 'oauth' } })).toEqual({ code: 400, message: 'Request has no method.' });
    expect(await errorOf({ auth: { type: 'token' }, method: { name: 'getCustomers', params: {} } })).toEqual({ code: 400, message: 'Unsupported auth type token; use oauth or basic.' });
    expect(await errorOf('{"auth": {"type": "oauth"}, "method": ')).toEqual({ code: 400, message: 'Request body is not valid JSON.' });
    expect((await errorOf(call('getCustomers', { propertyId: 'maple' })))?.message).toMatch(/^Invalid params for getCustomers: /);
    expect(await errorOf(call('getStatus'), '/api/status', 'nosuchcompany')).toEqual({ code: 404, message: 'No management company uses the subdomain nosuchcompany.' });
  });

  it('lists the pattern https://*.entrata.com and every company, seeded or created, in the origin map', async () => {
    const origins = (await (await fetch(`${sandbox.url}/__sandbox/origins`)).json()) as Record<string, string>;
    expect(origins['https://*.entrata.com']).toBe(`${sandbox.url}/*.entrata.com`);
    expect(origins['https://sunrise.entrata.com']).toBe(`${sandbox.url}/sunrise.entrata.com`);
    expect(origins['https://blueoak.entrata.com']).toBe(`${sandbox.url}/blueoak.entrata.com`);
    expect(origins['https://sync.entrata.com']).toBe(`${sandbox.url}/sync.entrata.com`);
    const created = await fetch(`${sandbox.url}/__sandbox/entrata/companies`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Granite Peak Living', subdomain: 'granitepeak', properties: [{ name: 'Summit Flats' }], users: [{ username: 'kpatel' }] }) });
    expect(created.status).toBe(201);
    const after = (await (await fetch(`${sandbox.url}/__sandbox/origins`)).json()) as Record<string, string>;
    expect(after['https://granitepeak.entrata.com']).toBe(`${sandbox.url}/granitepeak.entrata.com`);
  });
});
