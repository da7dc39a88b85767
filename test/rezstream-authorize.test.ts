// rezStream's authorization and token endpoints over hand-written HTTP requests, following seeds/001 ("OAuth API Authorization and Token
// Generation") and the README's rezStream assumptions: what is shown, what is redirected, what the token endpoint refuses, the HTML pages.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { ASPEN, cloud, identityBase, KONA, OUTER_BANKS, queueConsent, rezCredentials, type RezStreamCredentials, severalTenantsUser } from './support/rezstream.js';

const REDIRECT_URI = 'http://localhost:3000/callback';
const OTHER_REDIRECT_URI = 'http://127.0.0.1:8080/callback';
const STATE = 'af0ifjsldkj';
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

interface Pkce {
  verifier: string;
  challenge: string;
}

const pkce = (): Pkce => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('the rezStream authorization and token endpoints', () => {
  let sandbox: RunningSandbox;
  let creds: RezStreamCredentials;
  let identity: string;
  let avery: RezStreamCredentials['users'][number];

  const authorizeQuery = (params: Record<string, string>): Record<string, string> => ({
    client_id: creds.client.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'reservations',
    state: STATE,
    ...params,
  });
  const authorize = (params: Record<string, string> = {}): Promise<Response> => fetch(`${identity}/connect/authorize?${new URLSearchParams(authorizeQuery(params))}`, { redirect: 'manual' });

  /** The parameters of a redirect to the registered redirect URI. */
  const redirected = (res: Response, to = REDIRECT_URI): Record<string, string> => {
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(to);
    return Object.fromEntries(location.searchParams);
  };

  const expectErrorPage = async (res: Response, error: string): Promise<string> => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<h1>Sorry, there was an error</h1>');
    expect(html).toContain(`<strong>${error}</strong>`);
    return html;
  };

  /** A code for Avery's approval (headless consent), with a PKCE challenge unless `challenge: false`. */
  const codeFor = async (options: { challenge?: boolean; scope?: string; clientId?: string; tenants?: string[] } = {}): Promise<{ code: string; verifier: string }> => {
    const { verifier, challenge } = pkce();
    await queueConsent(sandbox, { user: avery.username, tenants: options.tenants ?? [ASPEN], approve: true, ...(options.clientId ? { clientId: options.clientId } : {}) });
    const res = await authorize({
      scope: options.scope ?? 'reservations',
      ...(options.clientId ? { client_id: options.clientId } : {}),
      ...(options.challenge === false ? {} : { code_challenge: challenge, code_challenge_method: 'S256' }),
    });
    return { code: redirected(res).code!, verifier };
  };

  const postToken = (fields: Record<string, string>, options: { authorization?: string; contentType?: string; body?: string } = {}): Promise<Response> =>
    fetch(`${identity}/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded', Accept: 'application/json', ...(options.authorization ? { Authorization: options.authorization } : {}) },
      body: options.body ?? new URLSearchParams(fields).toString(),
    });

  /** The code exchange with the client's credentials in the body, as rezStream's Postman collection sends them. */
  const exchange = (code: string, fields: Record<string, string | undefined> = {}): Promise<Response> => {
    const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: creds.client.clientId, client_secret: creds.client.clientSecret };
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) delete form[name];
      else form[name] = value;
    }
    return postToken(form);
  };

  const expectOAuthError = async (res: Response, status: number, error: string, description: string): Promise<void> => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect({ 'cache-control': res.headers.get('cache-control'), pragma: res.headers.get('pragma') }).toEqual(NO_STORE);
    expect(await res.json()).toEqual({ error, error_description: description });
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    creds = rezCredentials(sandbox);
    identity = identityBase(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
    avery = severalTenantsUser(sandbox);
  });

  describe('what the authorization endpoint shows instead of redirecting', () => {
    it('shows a 400 error page for an unknown client_id, with no redirect', async () => {
      const html = await expectErrorPage(await authorize({ client_id: 'not-a-registered-client' }), 'unauthorized_client');
      expect(html).toContain('not-a-registered-client');
    });

    it('shows a 400 error page for a redirect_uri not registered, even one differing only by a trailing slash', async () => {
      for (const uri of ['http://localhost:3000/other', `${REDIRECT_URI}/`, 'http://evil.example/callback']) {
        const html = await expectErrorPage(await authorize({ redirect_uri: uri }), 'invalid_request');
        expect(html).toContain('Invalid redirect_uri');
      }
    });

    it('shows a 400 error page when the request has no redirect_uri', async () => {
      const { redirect_uri: _omitted, ...rest } = authorizeQuery({});
      await expectErrorPage(await fetch(`${identity}/connect/authorize?${new URLSearchParams(rest)}`, { redirect: 'manual' }), 'invalid_request');
    });
  });

  describe('what the authorization endpoint sends back to the client', () => {
    it('redirects response_type=token with unsupported_response_type and the state', async () => {
      expect(redirected(await authorize({ response_type: 'token' }))).toEqual({
        error: 'unsupported_response_type',
        error_description: 'Only the authorization code flow (response_type=code) is supported.',
        state: STATE,
        iss: identity,
      });
    });

    it('redirects an unknown scope with invalid_scope', async () => {
      expect(redirected(await authorize({ scope: 'reservations write_everything' }))).toEqual({ error: 'invalid_scope', error_description: 'Unknown scope: write_everything.', state: STATE, iss: identity });
    });

    it('redirects code_challenge_method=plain with invalid_request: only S256 is supported', async () => {
      const { verifier } = pkce();
      expect(redirected(await authorize({ code_challenge: verifier, code_challenge_method: 'plain' }))).toEqual({
        error: 'invalid_request',
        error_description: 'Transform algorithm not supported: use code_challenge_method=S256.',
        state: STATE,
        iss: identity,
      });
    });

    it('redirects a denied consent with access_denied and the state', async () => {
      await queueConsent(sandbox, { user: avery.username, tenants: [], approve: false });
      expect(redirected(await authorize())).toEqual({ error: 'access_denied', error_description: 'The user denied the request.', state: STATE, iss: identity });
    });

    it('redirects an approved consent with the code, the scope, the state and the issuer', async () => {
      await queueConsent(sandbox, { user: avery.username, tenants: [ASPEN], approve: true });
      const res = await authorize({ code_challenge: pkce().challenge, code_challenge_method: 'S256' });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(redirected(res)).toEqual({ code: expect.stringMatching(/^[0-9A-F]{64}$/), scope: 'reservations', state: STATE, iss: identity });
    });
  });

  describe('multiTenant', () => {
    it('answers a decision for two businesses when the request carries multiTenant=true', async () => {
      await queueConsent(sandbox, { user: avery.username, tenants: [ASPEN, OUTER_BANKS], approve: true });
      const { verifier, challenge } = pkce();
      const params = redirected(await authorize({ multiTenant: 'true', code_challenge: challenge, code_challenge_method: 'S256' }));
      const res = await exchange(params.code!, { code_verifier: verifier });
      expect(res.status).toBe(200);
      const { access_token } = (await res.json()) as { access_token: string };
      const details = await cloud(sandbox, '/auth/tokendetails', { token: access_token });
      expect(details.status).toBe(200);
      const body = (await details.json()) as { multiTenant: boolean; tenants: Array<{ id: string }> };
      expect(body.multiTenant).toBe(true);
      expect(body.tenants.map((t) => t.id)).toEqual([ASPEN, OUTER_BANKS]);
    });

    it('refuses a decision for two businesses with a 400 page when the request lacks multiTenant=true', async () => {
      await queueConsent(sandbox, { user: avery.username, tenants: [ASPEN, OUTER_BANKS], approve: true });
      const html = await expectErrorPage(await authorize(), 'invalid_request');
      expect(html).toContain('multiTenant=true');
    });
  });

  describe('the code at the token endpoint', () => {
    it('is single use: a second exchange is invalid_grant and revokes what the first one gave', async () => {
      const { code, verifier } = await codeFor({ scope: 'offline_access reservations' });
      const first = await exchange(code, { code_verifier: verifier });
      expect(first.status).toBe(200);
      const tokens = (await first.json()) as { access_token: string; refresh_token: string };
      expect((await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token })).status).toBe(200);

      await expectOAuthError(await exchange(code, { code_verifier: verifier }), 400, 'invalid_grant', 'The authorization code has already been used.');
      const after = await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token });
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The access token has been revoked."');
      await expectOAuthError(
        await postToken({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: creds.client.clientId, client_secret: creds.client.clientSecret }),
        400,
        'invalid_grant',
        'The refresh token has been used or revoked.',
      );
    });

    it('lives 300 seconds', async () => {
      const young = await codeFor();
      sandbox.clock.advance(299);
      expect((await exchange(young.code, { code_verifier: young.verifier })).status).toBe(200);
      const old = await codeFor();
      sandbox.clock.advance(301);
      await expectOAuthError(await exchange(old.code, { code_verifier: old.verifier }), 400, 'invalid_grant', 'The authorization code has expired.');
    });

    it('needs the redirect_uri of the authorization request', async () => {
      const other = await codeFor();
      await expectOAuthError(await exchange(other.code, { code_verifier: other.verifier, redirect_uri: OTHER_REDIRECT_URI }), 400, 'invalid_grant', 'The redirect_uri does not match the one of the authorization request.');
      const none = await codeFor();
      await expectOAuthError(await exchange(none.code, { code_verifier: none.verifier, redirect_uri: undefined }), 400, 'invalid_grant', 'The redirect_uri does not match the one of the authorization request.');
    });

    it('needs the code_verifier matching the challenge', async () => {
      const missing = await codeFor();
      await expectOAuthError(await exchange(missing.code), 400, 'invalid_grant', 'The code_verifier is missing: the authorization request sent a code_challenge.');
      const wrong = await codeFor();
      await expectOAuthError(await exchange(wrong.code, { code_verifier: pkce().verifier }), 400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
    });

    it('refuses a code_verifier for a code issued without a challenge', async () => {
      const { code, verifier } = await codeFor({ challenge: false });
      await expectOAuthError(await exchange(code, { code_verifier: verifier }), 400, 'invalid_grant', 'A code_verifier was sent, but the authorization request had no code_challenge.');
      const plain = await codeFor({ challenge: false });
      expect((await exchange(plain.code)).status).toBe(200);
    });

    it('cannot be redeemed by another client', async () => {
      const registered = await fetch(`${sandbox.url}/__sandbox/rezstream/clients`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Other integration', redirectUris: [REDIRECT_URI] }) });
      expect(registered.status).toBe(201);
      const other = (await registered.json()) as { clientId: string; clientSecret: string };
      const { code, verifier } = await codeFor();
      await expectOAuthError(
        await exchange(code, { code_verifier: verifier, client_id: other.clientId, client_secret: other.clientSecret }),
        400,
        'invalid_grant',
        'The authorization code was issued to another client.',
      );
      // The other client's own code works for it.
      const own = await codeFor({ clientId: other.clientId });
      expect((await exchange(own.code, { code_verifier: own.verifier, client_id: other.clientId, client_secret: other.clientSecret })).status).toBe(200);
    });
  });

  describe('client authentication and the request format', () => {
    it('refuses a wrong secret, in the body or in Basic, with 401 invalid_client and a challenge', async () => {
      for (const res of [
        await postToken({ grant_type: 'authorization_code', code: 'X', redirect_uri: REDIRECT_URI, client_id: creds.client.clientId, client_secret: 'not-the-secret' }),
        await postToken({ grant_type: 'authorization_code', code: 'X', redirect_uri: REDIRECT_URI }, { authorization: basic(creds.client.clientId, 'not-the-secret') }),
        await postToken({ grant_type: 'authorization_code', code: 'X', redirect_uri: REDIRECT_URI, client_id: 'not-a-registered-client', client_secret: creds.client.clientSecret }),
      ]) {
        expect(res.headers.get('www-authenticate')).toBe('Basic realm="account.rezstream.com"');
        await expectOAuthError(res, 401, 'invalid_client', 'Unknown client or invalid client secret.');
      }
    });

    it('refuses a request without client credentials with 401 invalid_client', async () => {
      const res = await postToken({ grant_type: 'authorization_code', code: 'X', redirect_uri: REDIRECT_URI });
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="account.rezstream.com"');
      await expectOAuthError(res, 401, 'invalid_client', 'No client credentials were sent.');
    });

    it('accepts the credentials in Basic', async () => {
      const { code, verifier } = await codeFor();
      const res = await postToken({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }, { authorization: basic(creds.client.clientId, creds.client.clientSecret) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ access_token: expect.stringMatching(/^[0-9A-F]{64}$/), expires_in: 3600, token_type: 'Bearer', scope: 'reservations' });
    });

    it('refuses credentials sent both in Basic and in the body with 400 invalid_request', async () => {
      const res = await postToken(
        { grant_type: 'authorization_code', code: 'X', redirect_uri: REDIRECT_URI, client_id: creds.client.clientId, client_secret: creds.client.clientSecret },
        { authorization: basic(creds.client.clientId, creds.client.clientSecret) },
      );
      await expectOAuthError(res, 400, 'invalid_request', 'Send the client credentials either in the Authorization header or in the body, not both.');
    });

    it('refuses a JSON body with 400 invalid_request: the form encoding is required', async () => {
      const { code, verifier } = await codeFor();
      const res = await postToken(
        {},
        { contentType: 'application/json', body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: creds.client.clientId, client_secret: creds.client.clientSecret }) },
      );
      await expectOAuthError(res, 400, 'invalid_request', 'The request must be sent as application/x-www-form-urlencoded.');
    });

    it('refuses a grant type other than authorization_code and refresh_token with unsupported_grant_type', async () => {
      for (const grantType of ['client_credentials', 'password', 'implicit']) {
        const res = await postToken({ grant_type: grantType, client_id: creds.client.clientId, client_secret: creds.client.clientSecret });
        await expectOAuthError(res, 400, 'unsupported_grant_type', `The grant type '${grantType}' is not supported; use authorization_code or refresh_token.`);
      }
    });
  });

  describe('the sign-in and consent pages', () => {
    const hiddenInteraction = (html: string): string => {
      const match = /<input type="hidden" name="interaction" value="([^"]+)">/.exec(html);
      expect(match).not.toBeNull();
      return match![1]!;
    };
    const postForm = (path: string, fields: Array<[string, string]>): Promise<Response> =>
      fetch(`${identity}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

    /** Runs the pages as a browser would: sign in, pick one business, approve. Returns the pages and the redirect's parameters. */
    const throughThePages = async (verifierChallenge: Pkce): Promise<{ html: { signIn: string; consent: string }; params: Record<string, string> }> => {
      const start = await authorize({ code_challenge: verifierChallenge.challenge, code_challenge_method: 'S256' });
      expect(start.status).toBe(200);
      expect(start.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const signIn = await start.text();
      const interaction = hiddenInteraction(signIn);
      const login = await postForm('/account/login', [
        ['interaction', interaction],
        ['username', avery.username],
        ['password', avery.password],
      ]);
      expect(login.status).toBe(200);
      const consent = await login.text();
      const decision = await postForm('/consent', [
        ['interaction', hiddenInteraction(consent)],
        ['tenants', OUTER_BANKS],
        ['decision', 'approve'],
      ]);
      return { html: { signIn, consent }, params: redirected(decision) };
    };

    it('signs in, lists the three businesses of the user, and redirects with a code for the one approved', async () => {
      const challenge = pkce();
      const { html, params } = await throughThePages(challenge);
      expect(html.signIn).toContain('<h1>Sign in</h1>');
      expect(html.signIn).toContain(`<form method="post" action="${identity}/account/login">`);
      expect(html.signIn).toContain('name="password"');
      expect(html.consent).toContain(`<form method="post" action="${identity}/consent">`);
      expect(html.consent).toContain('Signed in as <strong>Avery Morgan</strong>');
      for (const [id, name] of [
        [ASPEN, 'Aspen Ridge Lodging'],
        [OUTER_BANKS, 'Outer Banks Getaways'],
        [KONA, 'Kona Coast Villas'],
      ] as const) {
        expect(html.consent).toContain(`name="tenants" value="${id}"`);
        expect(html.consent).toContain(name);
      }
      expect(html.consent.match(/name="tenants"/g)).toHaveLength(3);
      expect(html.consent).not.toContain('Lakeside Cottages Cumbria');
      expect(html.consent).toContain('type="radio"');
      expect(params).toEqual({ code: expect.stringMatching(/^[0-9A-F]{64}$/), scope: 'reservations', state: STATE, iss: identity });

      const res = await exchange(params.code!, { code_verifier: challenge.verifier });
      expect(res.status).toBe(200);
      const { access_token } = (await res.json()) as { access_token: string };
      const details = await cloud(sandbox, '/auth/tokendetails', { token: access_token });
      expect(((await details.json()) as { tenants: Array<{ id: string }> }).tenants.map((t) => t.id)).toEqual([OUTER_BANKS]);
    });

    it('preselects the business named by tid, and offers checkboxes with multiTenant=true', async () => {
      const signInFor = async (params: Record<string, string>): Promise<string> => {
        const interaction = hiddenInteraction(await (await authorize(params)).text());
        return (await postForm('/account/login', [['interaction', interaction], ['username', avery.username], ['password', avery.password]])).text();
      };
      const preselected = await signInFor({ tid: KONA });
      expect(preselected).toMatch(new RegExp(`type="radio" id="tenant-\\d" name="tenants" value="${KONA}" checked`));
      expect(preselected.match(/ checked/g)).toHaveLength(1);
      const several = await signInFor({ multiTenant: 'true' });
      expect(several.match(/type="checkbox"/g)).toHaveLength(3);
      expect(several).not.toContain(' checked');
    });

    it('shows the sign-in page again for a wrong password', async () => {
      const start = await authorize();
      const interaction = hiddenInteraction(await start.text());
      const res = await postForm('/account/login', [
        ['interaction', interaction],
        ['username', avery.username],
        ['password', 'not-the-password'],
      ]);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('<h1>Sign in</h1>');
      expect(html).toContain('<p class="error" role="alert">Invalid username or password.</p>');
      expect(html).toContain(`value="${avery.username}"`);
      expect(html).not.toContain('not-the-password');
      expect(hiddenInteraction(html)).toBe(interaction);
    });

    it('keeps the password, the client secret, the code and the tokens out of the journal', async () => {
      const challenge = pkce();
      const { params } = await throughThePages(challenge);
      const exchanged = await postToken({
        grant_type: 'authorization_code',
        code: params.code!,
        redirect_uri: REDIRECT_URI,
        code_verifier: challenge.verifier,
        client_id: creds.client.clientId,
        client_secret: creds.client.clientSecret,
      });
      expect(exchanged.status).toBe(200);
      const tokens = (await exchanged.json()) as { access_token: string };
      await queueConsent(sandbox, { user: avery.username, tenants: [ASPEN], approve: true });
      const offline = redirected(await authorize({ scope: 'openid offline_access reservations' }));
      const second = await postToken({ grant_type: 'authorization_code', code: offline.code!, redirect_uri: REDIRECT_URI }, { authorization: basic(creds.client.clientId, creds.client.clientSecret) });
      const withRefresh = (await second.json()) as { access_token: string; refresh_token: string; id_token: string };
      const refreshed = (await (
        await postToken({ grant_type: 'refresh_token', refresh_token: withRefresh.refresh_token, client_id: creds.client.clientId, client_secret: creds.client.clientSecret })
      ).json()) as { access_token: string; refresh_token: string; id_token: string };
      expect((await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token })).status).toBe(200);
      await fetch(`${identity}/connect/userinfo`, { headers: { Authorization: `Bearer ${refreshed.access_token}` } });

      const journal = await (await fetch(`${sandbox.url}/__sandbox/journal`)).text();
      expect(journal).toContain('/connect/token');
      expect(journal).toContain('/account/login');
      const secrets = {
        password: avery.password,
        clientSecret: creds.client.clientSecret,
        pageCode: params.code!,
        headlessCode: offline.code!,
        verifier: challenge.verifier,
        accessToken: tokens.access_token,
        offlineAccessToken: withRefresh.access_token,
        refreshToken: withRefresh.refresh_token,
        idToken: withRefresh.id_token,
        refreshedAccessToken: refreshed.access_token,
        refreshedRefreshToken: refreshed.refresh_token,
        refreshedIdToken: refreshed.id_token,
      };
      const leaked = Object.entries(secrets)
        .filter(([, value]) => journal.includes(value) || journal.includes(encodeURIComponent(value)))
        .map(([name]) => name);
      expect(leaked).toEqual([]);
    });
  });
});
