// OwnerRez's two credential kinds over real HTTP (seeds/000, "Authentication"; provider-facts §1): personal access tokens over Basic, made,
// listed and revoked as in Developer/API Settings; at_ tokens as bearer tokens with the User-Agent rule; neither accepted in the other's
// place; read-only apps limited to GET; and both reaching the same account's data, and only that account's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { appBase, awesomeApp, basic, EXAMPLE_ACCESS_TOKEN, ownerrezCredentials, readOnlyApp, requestFrom, v2, v2Base, WYLIE, WYLIE_TOKEN } from './support/ownerrez.js';

describe('OwnerRez credentials', () => {
  let sandbox: RunningSandbox;
  const lookup = (headers: Record<string, string>): Promise<Response> => fetch(`${appBase(sandbox)}/api/properties/lookup`, { headers });
  const me = (authorization: string, userAgent?: string): Promise<Response> =>
    fetch(new URL('users/me', v2Base(sandbox)), { headers: { Authorization: authorization, ...(userAgent ? { 'User-Agent': userAgent } : {}) } });

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  describe('personal access tokens', () => {
    const expectBasicRefusal = async (res: Response, error = 'The email address or personal access token is not valid.'): Promise<void> => {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="OwnerRez"');
      expect(await res.json()).toEqual({ code: 401, error });
    };

    it('authenticate over Basic with the e-mail address (any case) and the token', async () => {
      expect((await lookup({ Authorization: basic(WYLIE, WYLIE_TOKEN) })).status).toBe(200);
      expect((await lookup({ Authorization: basic('Wylie@Acme.com', WYLIE_TOKEN) })).status).toBe(200);
    });

    it('refuse a wrong pair, an unknown e-mail and another user\'s token with 401 and a Basic challenge', async () => {
      const rosa = ownerrezCredentials(sandbox).users[1]!;
      await expectBasicRefusal(await lookup({ Authorization: basic(WYLIE, 'pt_wrong') }));
      await expectBasicRefusal(await lookup({ Authorization: basic('nobody@acme.com', WYLIE_TOKEN) }));
      await expectBasicRefusal(await lookup({ Authorization: basic(WYLIE, rosa.personalAccessToken) }));
    });

    it('refuse a call without credentials with both challenges', async () => {
      const res = await lookup({});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="OwnerRez", Bearer realm="OwnerRez"');
    });

    it('are refused as bearer tokens: they are for HTTP Basic only', async () => {
      const res = await lookup({ Authorization: `Bearer ${WYLIE_TOKEN}` });
      await expectBasicRefusal(res, 'Personal access tokens (pt_...) use HTTP Basic authentication: your OwnerRez email address as the username and the token as the password. Apps use OAuth access tokens (at_...).');
    });

    it('are made over the admin API with a pt_ value shown once, listed without values, and refused at once when revoked', async () => {
      const made = await fetch(`${sandbox.url}/__sandbox/ownerrez/users/${WYLIE}/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'CI' }) });
      expect(made.status).toBe(201);
      const token = (await made.json()) as { id: number; name: string; token: string; createdUtc: string };
      expect(token).toEqual({ id: expect.any(Number), name: 'CI', token: expect.stringMatching(/^pt_[A-Za-z0-9]{32}$/), createdUtc: expect.any(String) });
      expect((await lookup({ Authorization: basic(WYLIE, token.token) })).status).toBe(200);

      const listed = (await (await fetch(`${sandbox.url}/__sandbox/ownerrez/users/${WYLIE}/tokens`)).json()) as { tokens: Array<Record<string, unknown>> };
      expect(listed.tokens.map((t) => t.name)).toEqual(['Owner scripts', 'CI']);
      expect(JSON.stringify(listed)).not.toContain('pt_');

      const revoked = await fetch(`${sandbox.url}/__sandbox/ownerrez/users/${WYLIE}/tokens/${token.id}`, { method: 'DELETE' });
      expect(revoked.status).toBe(204);
      await expectBasicRefusal(await lookup({ Authorization: basic(WYLIE, token.token) }));
      expect((await lookup({ Authorization: basic(WYLIE, WYLIE_TOKEN) })).status).toBe(200);
    });

    it('are refused for a user the sandbox does not know, with a problem', async () => {
      const res = await fetch(`${sandbox.url}/__sandbox/ownerrez/users/nobody@acme.com/tokens`, { method: 'POST' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  describe('OAuth access tokens', () => {
    it('take the bearer scheme in any case', async () => {
      for (const scheme of ['bearer', 'Bearer', 'BEARER']) expect((await me(`${scheme} ${EXAMPLE_ACCESS_TOKEN}`, 'My Awesome App/1.0 (c_51234234)')).status).toBe(200);
    });

    it('are refused over Basic', async () => {
      const res = await me(basic(WYLIE, EXAMPLE_ACCESS_TOKEN));
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe('OAuth access tokens (at_...) use bearer authentication: Authorization: bearer at_...');
    });

    it('need a User-Agent, and say so', async () => {
      // node:http sends no User-Agent of its own (fetch would send "node").
      const res = await requestFrom('127.0.0.1', new URL('users/me', v2Base(sandbox)).toString(), { headers: { Authorization: `bearer ${EXAMPLE_ACCESS_TOKEN}` } });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ code: 400, error: 'A User-Agent header is required with an OAuth access token. It must contain your app name and client id, for example: User-Agent: My App/1.0 (c_51234234).' });
    });

    it("need the app's own client id in the User-Agent", async () => {
      const without = await v2(sandbox, 'users/me', { token: EXAMPLE_ACCESS_TOKEN, userAgent: 'My Awesome App/1.0' });
      expect(without.status).toBe(400);
      expect(((await without.json()) as { error: string }).error).toContain("does not contain your app's client id c_51234234");
      const other = await v2(sandbox, 'users/me', { token: EXAMPLE_ACCESS_TOKEN, userAgent: `Rate Insights/2.0 (${readOnlyApp(sandbox).clientId})` });
      expect(other.status).toBe(403);
      expect(await other.json()).toEqual({ code: 403, error: `The User-Agent names client id ${readOnlyApp(sandbox).clientId}, but this access token was issued to client id c_51234234.` });
    });

    it('are refused with a bearer challenge when unknown', async () => {
      const res = await v2(sandbox, 'users/me', { token: 'at_nope' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer realm="OwnerRez", error="invalid_token"');
    });

    it("of a read-only app read, and are refused a write", async () => {
      const app = readOnlyApp(sandbox);
      const ua = `Rate Insights/2.0 (${app.clientId})`;
      expect((await v2(sandbox, 'properties', { token: app.accessToken!, userAgent: ua })).status).toBe(200);
      const write = await v2(sandbox, 'guests', { token: app.accessToken!, userAgent: ua, method: 'POST', body: { first_name: 'Ada', last_name: 'Lovelace' } });
      expect(write.status).toBe(403);
      expect(await write.json()).toEqual({ code: 403, error: 'This app has read-only access to the account: only GET requests are allowed.' });
    });
  });

  describe('accounts', () => {
    it('are the same for a personal access token and an OAuth token of one user', async () => {
      const byToken = (await (await me(basic(WYLIE, WYLIE_TOKEN))).json()) as { id: number; email_address: string };
      const byApp = (await (await me(`bearer ${EXAMPLE_ACCESS_TOKEN}`, awesomeApp(sandbox).name + '/1.0 (c_51234234)')).json()) as { id: number };
      expect(byToken).toEqual({ id: byApp.id, first_name: 'Wylie', last_name: 'Coyote', email_address: WYLIE });
    });

    it("keep each account's data to itself", async () => {
      const rosa = ownerrezCredentials(sandbox).users[1]!;
      const rosaProperties = (await (await fetch(new URL('properties', v2Base(sandbox)), { headers: { Authorization: basic(rosa.email, rosa.personalAccessToken) } })).json()) as { items: Array<{ id: number }> };
      const foreign = rosaProperties.items[0]!.id;
      const asWylie = await v2(sandbox, `properties/${foreign}`, { token: EXAMPLE_ACCESS_TOKEN });
      expect(asWylie.status).toBe(404);
      expect(await asWylie.json()).toEqual({ code: 404, error: `Property ${foreign} was not found.` });
    });
  });
});
