// The OwnerRez OAuth app flow driven by a real OAuth client library (oauth4webapi), and what the token endpoint answers around it
// (provider-facts §1): the code exchanged with the app's Basic credentials on either host, at_ tokens whose scope is the app's, 30-day
// "Standard" expiry with rotating refresh tokens on the virtual clock, "None" without either, and revocation by DELETE.
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { API_ORIGIN, APP_ORIGIN, appBase, awesomeApp, basic, codeFlowTokens, ownerrezCredentials, queueConsent, registerApp, v2, WYLIE } from './support/ownerrez.js';

const REDIRECT_URI = 'http://localhost:3000/callback';
const THIRTY_DAYS = 30 * 24 * 3600;
const INSECURE = { [oauth.allowInsecureRequests]: true };

describe('the OwnerRez OAuth app flow', () => {
  let sandbox: RunningSandbox;
  const tokenAt = (host: string, body: Record<string, string>, authorization?: string): Promise<Response> =>
    fetch(`${sandbox.origins[host]}/oauth/access_token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(authorization ? { Authorization: authorization } : {}) }, body: new URLSearchParams(body) });

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  it('runs authorize, the code exchange, an API call and a refresh with oauth4webapi', async () => {
    const app = await registerApp(sandbox, { name: 'Channel Sync', redirectUris: [REDIRECT_URI], scope: 'full', expiration: 'standard' });
    const as: oauth.AuthorizationServer = { issuer: appBase(sandbox), authorization_endpoint: `${appBase(sandbox)}/oauth/authorize`, token_endpoint: `${sandbox.origins[API_ORIGIN]}/oauth/access_token` };
    const client: oauth.Client = { client_id: app.clientId };
    const auth = oauth.ClientSecretBasic(app.clientSecret);
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT_URI, state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }).toString();

    await queueConsent(sandbox, { clientId: app.clientId, user: WYLIE, approve: true });
    const redirect = await fetch(url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const callback = new URL(redirect.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.has('scope')).toBe(false);
    const params = oauth.validateAuthResponse(as, client, callback, state);

    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT_URI, verifier, INSECURE));
    expect(tokens).toMatchObject({ access_token: expect.stringMatching(/^at_/), token_type: 'bearer', expires_in: THIRTY_DAYS, refresh_token: expect.any(String), scope: 'full', user_id: 10001, user_display_name: 'Wylie Coyote' });

    const userAgent = `Channel Sync/3.1 (${app.clientId})`;
    const me = await oauth.protectedResourceRequest(tokens.access_token, 'GET', new URL(`${sandbox.origins[API_ORIGIN]}/v2/users/me`), new Headers({ 'User-Agent': userAgent }), null, INSECURE);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email_address: string }).email_address).toBe(WYLIE);

    sandbox.clock.advance(THIRTY_DAYS);
    const expired = await v2(sandbox, 'users/me', { token: tokens.access_token, userAgent });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ code: 401, error: 'The access token has expired.' });

    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE));
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await v2(sandbox, 'users/me', { token: refreshed.access_token, userAgent })).status).toBe(200);
    // One-time refresh tokens: the spent one is refused.
    const replay = await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE);
    await expect(oauth.processRefreshTokenResponse(as, client, replay)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('exchanges a code at the app host too, without redirect_uri, for a token that does not expire ("None")', async () => {
    const app = awesomeApp(sandbox);
    const tokens = await codeFlowTokens(sandbox, app, WYLIE, APP_ORIGIN);
    expect(tokens).toEqual({ access_token: expect.stringMatching(/^at_[A-Za-z0-9]{32}$/), token_type: 'bearer', scope: 'full', user_id: 10001, user_display_name: 'Wylie Coyote' });
    sandbox.clock.advance(10 * 365 * 24 * 3600);
    expect((await v2(sandbox, 'users/me', { token: tokens.access_token })).status).toBe(200);
  });

  it("gives a read-only app's token the read_only scope", async () => {
    const creds = ownerrezCredentials(sandbox);
    const readOnly = creds.apps.find((a) => a.scope === 'read_only')!;
    const tokens = await codeFlowTokens(sandbox, readOnly, creds.users[2]!.email);
    expect(tokens.scope).toBe('read_only');
  });

  it('sends access_denied when the user declines', async () => {
    const app = awesomeApp(sandbox);
    await queueConsent(sandbox, { clientId: app.clientId, user: WYLIE, approve: false });
    const res = await fetch(`${appBase(sandbox)}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT_URI, state: 'xyz' })}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: 'access_denied', state: 'xyz' });
  });

  it('refuses a wrong client secret, a reused code and a redirect_uri that differs, in RFC 6749 words', async () => {
    const app = awesomeApp(sandbox);
    const wrong = await tokenAt(API_ORIGIN, { grant_type: 'authorization_code', code: 'x' }, basic(app.clientId, 's_wrong'));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client', error_description: 'The client id or client secret is not valid.' });

    await queueConsent(sandbox, { clientId: app.clientId, user: WYLIE, approve: true });
    const redirect = await fetch(`${appBase(sandbox)}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT_URI })}`, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
    const elsewhere = await tokenAt(API_ORIGIN, { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:3000/other' }, basic(app.clientId, app.clientSecret));
    expect(await elsewhere.json()).toEqual({ error: 'invalid_grant', error_description: 'The redirect_uri does not match the one of the authorization request.' });
    expect((await tokenAt(API_ORIGIN, { grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret))).status).toBe(400);
  });

  it("revokes an app's token with DELETE /oauth/access_token/{token} and the app's Basic credentials", async () => {
    const app = awesomeApp(sandbox);
    const { access_token: token } = await codeFlowTokens(sandbox, app, WYLIE);
    const unauthenticated = await fetch(`${sandbox.origins[API_ORIGIN]}/oauth/access_token/${token}`, { method: 'DELETE' });
    expect(unauthenticated.status).toBe(401);
    expect((await v2(sandbox, 'users/me', { token })).status).toBe(200);
    const revoked = await fetch(`${sandbox.origins[API_ORIGIN]}/oauth/access_token/${token}`, { method: 'DELETE', headers: { Authorization: basic(app.clientId, app.clientSecret) } });
    expect(revoked.status).toBe(204);
    const after = await v2(sandbox, 'users/me', { token });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ code: 401, error: 'The access token has been revoked.' });
  });
});
