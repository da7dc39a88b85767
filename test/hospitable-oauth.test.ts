// Hospitable's partner OAuth (provider-facts.md §2, "Auth"; seeds/002: "Integrating partners are expected to implement OAuth"): the code flow
// driven by openid-client with headless consent, provider-facts' own JSON exchange verbatim, 12-hour access and 90-day refresh tokens on the
// virtual clock, refresh rotating the pair, and scopes deciding what the token may do on the host's behalf.
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../src/core/dates.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { authBase, call, codeFlowTokens, hospitableCredentials, owner, queueConsent } from './support/hospitable.js';

const REDIRECT_URI = 'http://localhost:3000/callback';

describe('Hospitable partner OAuth', () => {
  let sandbox: RunningSandbox;
  let config: client.Configuration;

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    const { clientId, clientSecret } = hospitableCredentials(sandbox).oauthClient;
    const issuer = authBase(sandbox);
    // Hospitable publishes no discovery document: the two endpoints of provider-facts, configured by hand.
    config = new client.Configuration({ issuer, authorization_endpoint: `${issuer}/oauth/authorize`, token_endpoint: `${issuer}/oauth/token` }, clientId, clientSecret, client.ClientSecretPost(clientSecret));
    client.allowInsecureRequests(config);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.freeze();
  });
  afterEach(() => sandbox.clock.unfreeze());

  /** openid-client's authorization URL with PKCE, answered at once by the queued consent; the callback URL the sandbox redirects to. */
  const authorize = async (scope?: string): Promise<{ callback: URL; verifier: string; state: string }> => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT_URI, state, code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', ...(scope ? { scope } : {}) });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return { callback: new URL(res.headers.get('location')!), verifier, state };
  };

  const tokensFor = async (scope?: string): Promise<client.TokenEndpointResponse> => {
    await queueConsent(sandbox, { user: owner(sandbox).email, approve: true });
    const { callback, verifier, state } = await authorize(scope);
    return client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
  };

  it('runs the code flow with openid-client; the token reaches v2 on the host’s behalf', async () => {
    const tokens = await tokensFor();
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(43_200);
    expect(tokens.access_token).toMatch(/^eyJ0eXAi/);
    expect(tokens.refresh_token).toMatch(/^def50200[0-9a-f]+$/);
    const res = await call(sandbox, '/v2/user', { token: tokens.access_token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { email: string } }).data.email).toBe(owner(sandbox).email);
  });

  it('answers provider-facts’ JSON exchange verbatim, fields in the documented order', async () => {
    const answer = await codeFlowTokens(sandbox);
    expect(Object.keys(answer)).toEqual(['token_type', 'expires_in', 'access_token', 'refresh_token']);
    expect(answer).toMatchObject({ token_type: 'Bearer', expires_in: 43_200 });
    expect(answer.access_token.length).toBeGreaterThan(1000);
    expect(answer.refresh_token!.length).toBeGreaterThan(900);
  });

  it('redirects with access_denied when the user denies', async () => {
    await queueConsent(sandbox, { user: owner(sandbox).email, approve: false });
    const { callback } = await authorize();
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('refuses the access token from its 43200th second, and refreshes into a new pair that works', async () => {
    const tokens = await tokensFor();
    sandbox.clock.advance(43_199);
    expect((await call(sandbox, '/v2/user', { token: tokens.access_token })).status).toBe(200);
    sandbox.clock.advance(1);
    const expired = await call(sandbox, '/v2/user', { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ status_code: 401, reason_phrase: 'Unauthenticated.' });
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await call(sandbox, '/v2/user', { token: refreshed.access_token })).status).toBe(200);
  });

  it('rotates the pair: the spent refresh token and the access token it came with are refused', async () => {
    const tokens = await tokensFor();
    await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect((await call(sandbox, '/v2/user', { token: tokens.access_token })).status).toBe(401);
    const again = await fetch(`${authBase(sandbox)}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: config.clientMetadata().client_id, client_secret: hospitableCredentials(sandbox).oauthClient.clientSecret }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant', hint: 'Token has been revoked' });
  });

  it('refuses a refresh token after 90 days', async () => {
    const tokens = await tokensFor();
    sandbox.clock.advance(90 * 86_400);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a calendar change to a token without calendar:write, and allows it with the scope', async () => {
    const readOnly = await tokensFor('property:read calendar:read');
    const props = (await (await call(sandbox, '/v2/properties?per_page=100', { token: readOnly.access_token })).json()) as { data: Array<{ id: string; calendar_restricted: boolean }> };
    const open = props.data.find((p) => !p.calendar_restricted)!;
    const change = { dates: [{ date: addDays(isoDate(sandbox.clock.nowMs()), 300), available: false }] };
    const refused = await call(sandbox, `/v2/properties/${open.id}/calendar`, { token: readOnly.access_token, method: 'PUT', json: change });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ status_code: 403, reason_phrase: 'Invalid scope(s) provided.' });
    expect((await call(sandbox, `/v2/properties/${open.id}/calendar`, { token: readOnly.access_token })).status).toBe(200);
    const full = await tokensFor();
    expect((await call(sandbox, `/v2/properties/${open.id}/calendar`, { token: full.access_token, method: 'PUT', json: change })).status).toBe(202);
  });

  it('gives the read-only app its approved scopes by default: no calendar:write', async () => {
    const reader = hospitableCredentials(sandbox).oauthClients[1]!;
    const tokens = await codeFlowTokens(sandbox, { client: reader });
    const props = (await (await call(sandbox, '/v2/properties', { token: tokens.access_token })).json()) as { data: Array<{ id: string }> };
    const res = await call(sandbox, `/v2/properties/${props.data[0]!.id}/calendar`, { token: tokens.access_token, method: 'PUT', json: { dates: [{ date: '2031-01-01', available: true }] } });
    expect(res.status).toBe(403);
  });

  it('refuses an unknown scope on the redirect, and a wrong client secret with invalid_client', async () => {
    const { callback } = await authorize('property:read everything:write');
    expect(callback.searchParams.get('error')).toBe('invalid_scope');
    const res = await fetch(`${authBase(sandbox)}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: 'def50200abc', client_id: hospitableCredentials(sandbox).oauthClient.clientId, client_secret: 'nope' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client', error_description: 'Client authentication failed' });
  });

  it('refuses a second use of a code with league’s hint', async () => {
    await queueConsent(sandbox, { user: owner(sandbox).email, approve: true });
    const { callback, verifier, state } = await authorize();
    await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    await expect(client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state })).rejects.toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('authorization grant') });
  });
});
