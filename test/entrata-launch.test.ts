// Entrata's App Store single sign-on over real HTTP, following seeds/004 ("OAuth Single Sign-On"): the launch URL, the one-time auth_code on
// the virtual clock, getAccessToken and getUserInfo in the response envelope, and the whole journey to getCustomers in JSON and in XML.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { accessToken, appOf, call, companyBase, JDOE, launch, MAPLE_COURT, PORTAL_LITE, rpc, RENT_INSIGHTS, SUNRISE, syncBase, tokenEnvelope } from './support/entrata.js';

describe('the Entrata App Store launch and token exchange', () => {
  let sandbox: RunningSandbox;
  const oauth = (): string => `${syncBase(sandbox)}/api/oauth`;

  beforeAll(async () => {
    sandbox = await startSandbox({ providers: ['entrata'], logLevel: 'silent' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });

  it('answers the app URL with referrer=propertysolutions and an auth_code in the document\'s format, exactly as Entrata appends them', async () => {
    const url = await launch(sandbox);
    expect(`${url.origin}${url.pathname}`).toBe(appOf(sandbox, RENT_INSIGHTS).appUrl);
    expect(url.search).toMatch(/^\?referrer=propertysolutions&auth_code=[A-Za-z0-9]{26}==$/);
    expect(url.searchParams.get('auth_code')).toHaveLength('aKXbU6aPdDB6TlqLYygl5CWy4A=='.length);
  });

  it('refuses to launch an app the company has not installed, with a 409 that says how to install it', async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/entrata/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ clientId: PORTAL_LITE, subdomain: 'blueoak' }) });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/has not installed the app: POST \/__sandbox\/entrata\/installs/);
  });

  it('exchanges the code with the document\'s getAccessToken request, verbatim but for the placeholders, for a token in the response envelope', async () => {
    const code = (await launch(sandbox)).searchParams.get('auth_code')!;
    const app = appOf(sandbox, RENT_INSIGHTS);
    // seeds/004's example as printed, its [auth_code], [client_id] and [client_secret] filled in.
    const body = `{
  "auth": {
    "type": "oauth",
    "code": "${code}",
    "grant_type": "authorization_code",
    "client_id": "${app.clientId}",
    "client_secret": "${app.clientSecret}"
  },
  "method": {
    "name": "getAccessToken",
    "params": {
    }
  }
}`;
    const answer = await rpc(oauth(), body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ response: { code: 200, result: { access_token: expect.stringMatching(/^[0-9a-f]{40}$/), token_type: 'Bearer', expires_in: 3600 } } });
  });

  it('answers a different access token every time one is requested for the same user', async () => {
    const tokens = new Set([await accessToken(sandbox), await accessToken(sandbox), await accessToken(sandbox)]);
    expect(tokens.size).toBe(3);
  });

  it('refuses a code from its 30th second on, and takes it at second 29', async () => {
    const app = appOf(sandbox, RENT_INSIGHTS);
    const early = (await launch(sandbox)).searchParams.get('auth_code')!;
    const late = (await launch(sandbox)).searchParams.get('auth_code')!;
    sandbox.clock.advance(29);
    expect((await rpc(oauth(), tokenEnvelope(early, app))).body.response.result?.token_type).toBe('Bearer');
    sandbox.clock.advance(1);
    expect((await rpc(oauth(), tokenEnvelope(late, app))).body).toEqual({ response: { error: { code: 400, message: 'Authorization code has expired.' } } });
  });

  it('takes a code once: a second exchange is refused and revokes the token the first one gave', async () => {
    const app = appOf(sandbox, RENT_INSIGHTS);
    const code = (await launch(sandbox)).searchParams.get('auth_code')!;
    const token = (await rpc(oauth(), tokenEnvelope(code, app))).body.response.result.access_token as string;
    expect((await rpc(oauth(), tokenEnvelope(code, app))).body.response.error).toEqual({ code: 400, message: 'Authorization code has already been used.' });
    expect((await rpc(oauth(), call('getUserInfo'), { token })).body.response.error).toEqual({ code: 401, message: 'Access token is invalid.' });
  });

  it('refuses a wrong client secret with error 113, an unknown code, another app\'s code, and a missing field, each in the envelope with HTTP 200', async () => {
    const app = appOf(sandbox, RENT_INSIGHTS);
    const code = (await launch(sandbox)).searchParams.get('auth_code')!;
    const wrongSecret = await rpc(oauth(), { ...tokenEnvelope(code, { ...app, clientSecret: 'not-the-secret' }), requestId: 7 });
    expect(wrongSecret.status).toBe(200);
    expect(wrongSecret.body).toEqual({ response: { requestId: '7', error: { code: 113, message: 'Client id and/or client secret is incorrect.' } } });
    expect((await rpc(oauth(), tokenEnvelope('aKXbU6aPdDB6TlqLYygl5CWy4A==', app))).body.response.error).toEqual({ code: 400, message: 'Authorization code is invalid.' });
    const portalCode = (await launch(sandbox, PORTAL_LITE)).searchParams.get('auth_code')!;
    expect((await rpc(oauth(), tokenEnvelope(portalCode, app))).body.response.error?.message).toBe('Authorization code is invalid.');
    const { client_secret: _secret, ...noSecret } = tokenEnvelope(code, app).auth!;
    expect((await rpc(oauth(), { ...tokenEnvelope(code, app), auth: noSecret })).body.response.error).toEqual({ code: 400, message: 'client_secret is required.' });
    const wrongGrant = { ...tokenEnvelope(code, app).auth, grant_type: 'client_credentials' };
    expect((await rpc(oauth(), { ...tokenEnvelope(code, app), auth: wrongGrant })).body.response.error?.message).toBe('grant_type must be authorization_code.');
  });

  it('answers getUserInfo with the user\'s id, the management company and its subdomain, and the properties the user can reach', async () => {
    const token = await accessToken(sandbox, RENT_INSIGHTS, SUNRISE, 4102);
    const answer = await rpc(oauth(), call('getUserInfo'), { token });
    expect(answer.body.response).toEqual({
      requestId: '15',
      code: 200,
      result: {
        user: { id: 4102, username: 'asmith', firstName: 'Alex', lastName: 'Smith', email: 'asmith@sunrise-pm.example' },
        managementCompany: { name: 'Sunrise Property Management', subdomain: 'sunrise' },
        properties: { property: [{ id: MAPLE_COURT, name: 'Maple Court Apartments' }] },
      },
    });
  });

  for (const format of ['JSON', 'XML'] as const) {
    it(`completes the journey launch → code → token → getUserInfo → getCustomers in ${format}`, async () => {
      const xml = format === 'XML';
      const code = (await launch(sandbox, RENT_INSIGHTS, SUNRISE, JDOE)).searchParams.get('auth_code')!;
      const exchanged = await rpc(oauth(), tokenEnvelope(code, appOf(sandbox, RENT_INSIGHTS)), { xml });
      expect(exchanged.contentType).toMatch(xml ? /^application\/xml/ : /^application\/json/);
      const token = exchanged.body.response.result.access_token as string;
      const info = await rpc(oauth(), call('getUserInfo'), { token, xml });
      expect(info.body.response.result.managementCompany.subdomain).toBe(SUNRISE);
      const subdomain = info.body.response.result.managementCompany.subdomain as string;
      const customers = await rpc(`${companyBase(sandbox, subdomain)}/api/customers`, call('getCustomers', { propertyId: MAPLE_COURT }), { token, xml });
      expect(customers.status).toBe(200);
      expect(customers.contentType).toMatch(xml ? /^application\/xml/ : /^application\/json/);
      expect(String(customers.body.response.requestId)).toBe('15');
      const list = customers.body.response.result.Customers.Customer as Array<{ PropertyID: unknown; FirstName: string }>;
      expect(list).toHaveLength(8);
      for (const customer of list) expect(String(customer.PropertyID)).toBe(String(MAPLE_COURT));
      if (xml) expect(customers.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<response>\n {2}<requestId>15<\/requestId>\n {2}<code>200<\/code>/);
    });
  }

  it('runs the document\'s getCustomers example verbatim, trailing comma and property_id included, with the token in the header', async () => {
    const token = await accessToken(sandbox);
    const body = `{
  "auth": {
    "type": "oauth"
  },
  "method": {
    "name": "getCustomers",
    "params": {
      "property_id": ${MAPLE_COURT},
    }
  }
}`;
    const answer = await rpc(`${companyBase(sandbox, SUNRISE)}/api/customers`, body, { token });
    expect(answer.body.response.code).toBe(200);
    expect(answer.body.response.result.Customers.Customer).toHaveLength(8);
  });
});
