// rezStream's identity origin driven by a real OpenID Connect client (openid-client), following seeds/001 ("Authentication", "OAuth API
// Authorization and Token Generation") and the README's rezStream assumptions: discovery, the code flow with PKCE, tokens, refresh, userinfo.
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { ASPEN, cloud, identityBase, queueConsent, rezCredentials, type RezStreamCredentials, severalTenantsUser } from './support/rezstream.js';

/** Avery Morgan, who manages three businesses: her id is the OIDC subject (fixtures/rezstream/accounts.json). */
const AVERY_ID = '0e7d9c41-6a2b-4f85-b3c9-58d1e0a4f7b2';
const REDIRECT_URI = 'http://localhost:3000/callback';
/** IdentityServer's reference token handle: 32 random bytes as upper-case hex, nothing embedded. */
const REFERENCE_TOKEN = /^[0-9A-F]{64}$/;

type Auth = 'client_secret_basic' | 'client_secret_post';

interface Authorization {
  callback: URL;
  verifier: string;
  state: string;
  /** Sent only with openid, where it comes back in the ID token. */
  nonce: string | undefined;
}

describe('the rezStream identity origin with openid-client', () => {
  let sandbox: RunningSandbox;
  let creds: RezStreamCredentials;
  let issuer: string;

  const clientAuth = (auth: Auth): client.ClientAuth => (auth === 'client_secret_basic' ? client.ClientSecretBasic(creds.client.clientSecret) : client.ClientSecretPost(creds.client.clientSecret));
  const discover = (auth: Auth = 'client_secret_basic'): Promise<client.Configuration> =>
    client.discovery(new URL(issuer), creds.client.clientId, creds.client.clientSecret, clientAuth(auth), { execute: [client.allowInsecureRequests] });

  /** A configuration whose idea of "now" is `seconds` ahead of the wall clock, for after the virtual clock has moved. */
  const skewed = (config: client.Configuration, seconds: number): client.Configuration => {
    const moved = new client.Configuration(config.serverMetadata(), creds.client.clientId, { client_secret: creds.client.clientSecret, [client.clockSkew]: seconds }, clientAuth('client_secret_basic'));
    client.allowInsecureRequests(moved);
    return moved;
  };

  /** Queues Avery's approval, sends openid-client's authorization URL, and returns where rezStream redirected. */
  const authorize = async (config: client.Configuration, scope: string, tenants: string[] = [ASPEN]): Promise<Authorization> => {
    await queueConsent(sandbox, { user: severalTenantsUser(sandbox).username, tenants, approve: true });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = scope.split(' ').includes('openid') ? client.randomNonce() : undefined;
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope,
      state,
      ...(nonce ? { nonce } : {}),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return { callback: new URL(res.headers.get('location')!), verifier, state, nonce };
  };

  const exchange = (config: client.Configuration, a: Authorization) =>
    client.authorizationCodeGrant(config, a.callback, { pkceCodeVerifier: a.verifier, expectedState: a.state, ...(a.nonce ? { expectedNonce: a.nonce } : {}) });

  const signIn = async (config: client.Configuration, scope: string, tenants?: string[]) => exchange(config, await authorize(config, scope, tenants));

  const refusal = async (promise: Promise<unknown>): Promise<{ status: number; error: string; error_description: string | undefined }> => {
    const err = await promise.then(
      () => expect.fail('the request succeeded'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(client.ResponseBodyError);
    const { status, error, error_description } = err as client.ResponseBodyError;
    return { status, error, error_description };
  };

  const tokenDetails = (token: string) => cloud(sandbox, '/auth/tokendetails', { token });

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    creds = rezCredentials(sandbox);
    issuer = identityBase(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  describe('discovery', () => {
    it('points every endpoint of the metadata at the sandbox', async () => {
      const metadata = (await discover()).serverMetadata();
      expect(metadata.issuer).toBe(issuer);
      expect(metadata).toMatchObject({
        jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
        authorization_endpoint: `${issuer}/connect/authorize`,
        token_endpoint: `${issuer}/connect/token`,
        userinfo_endpoint: `${issuer}/connect/userinfo`,
        revocation_endpoint: `${issuer}/connect/revocation`,
      });
      const urls = Object.entries(metadata).filter(([name]) => name.endsWith('_endpoint') || name.endsWith('_uri'));
      expect(urls.length).toBeGreaterThanOrEqual(5);
      for (const [name, value] of urls) expect(value, name).toMatch(new RegExp(`^${issuer.replace(/[.]/g, '\\.')}/`));
    });

    it('announces the code flow, refresh, S256 only and both client secret methods', async () => {
      const metadata = (await discover()).serverMetadata();
      expect(metadata.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
      expect(metadata.response_types_supported).toEqual(['code']);
      expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
      expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
      expect(metadata.id_token_signing_alg_values_supported).toEqual(['RS256']);
      expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
      expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'offline_access', 'revenue_management', 'guest_communication']));
    });

    it('publishes the RS256 signing key without its private part', async () => {
      const res = await fetch(`${issuer}/.well-known/openid-configuration/jwks`);
      expect(res.status).toBe(200);
      const jwks = (await res.json()) as { keys: Array<Record<string, unknown>> };
      expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String), n: expect.any(String), e: 'AQAB' })]);
      expect(jwks.keys[0]).not.toHaveProperty('d');
    });
  });

  describe('the authorization code flow', () => {
    for (const auth of ['client_secret_basic', 'client_secret_post'] as const) {
      it(`issues tokens for a code with PKCE, the client authenticating with ${auth}`, async () => {
        const config = await discover(auth);
        const a = await authorize(config, 'openid profile reservations');
        expect(Object.fromEntries(a.callback.searchParams)).toEqual({ code: expect.stringMatching(REFERENCE_TOKEN), scope: 'openid profile reservations', state: a.state, iss: issuer });
        const tokens = await exchange(config, a);
        expect(tokens.access_token).toMatch(REFERENCE_TOKEN);
        expect(tokens.token_type).toBe('bearer');
        expect(tokens.expires_in).toBe(3600);
        expect(tokens.scope).toBe('openid profile reservations');
        expect(tokens).not.toHaveProperty('refresh_token');
        expect(tokens.claims()).toMatchObject({ iss: issuer, aud: creds.client.clientId, sub: AVERY_ID, nonce: a.nonce });

        const [sent] = sandbox.journal.query({ path: '/connect/token' });
        if (auth === 'client_secret_basic') {
          expect(sent!.requestHeaders.authorization).toBe('[REDACTED]');
          expect(sent!.requestBody).not.toHaveProperty('client_secret');
        } else {
          expect(sent!.requestHeaders).not.toHaveProperty('authorization');
          expect(sent!.requestBody).toMatchObject({ client_id: creds.client.clientId, client_secret: '[REDACTED]' });
        }
      });
    }

    it('signs an ID token that verifies against the published JWKS, its subject the user and the nonce echoed', async () => {
      const config = await discover();
      const a = await authorize(config, 'openid reservations');
      const tokens = await exchange(config, a);
      const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/openid-configuration/jwks`));
      const { payload, protectedHeader } = await jwtVerify(tokens.id_token!, jwks, { issuer, audience: creds.client.clientId, algorithms: ['RS256'], currentDate: sandbox.clock.now() });
      expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
      const now = sandbox.clock.nowSeconds();
      expect(payload).toMatchObject({ iss: issuer, aud: creds.client.clientId, sub: AVERY_ID, nonce: a.nonce, iat: now, exp: now + 300, auth_time: now, amr: ['pwd'] });
    });

    it('gives an opaque reference access token, not a JWT, that the Cloud API accepts for the chosen business', async () => {
      const tokens = await signIn(await discover(), 'openid reservations');
      expect(tokens.access_token).toMatch(REFERENCE_TOKEN);
      expect(() => decodeJwt(tokens.access_token)).toThrow();
      const res = await tokenDetails(tokens.access_token);
      expect(res.status).toBe(200);
      const details = (await res.json()) as Record<string, unknown>;
      expect(details).toMatchObject({ clientId: creds.client.clientId, scopes: ['openid', 'reservations'], multiTenant: false });
      expect(Date.parse(String(details.expiresAt))).toBe(sandbox.clock.nowMs() + 3_600_000);
      expect(details.tenants).toEqual([expect.objectContaining({ id: ASPEN, timeZone: 'America/Denver' })]);
    });

    it('gives a refresh token for offline_access, and none without it', async () => {
      const config = await discover();
      const offline = await signIn(config, 'openid offline_access reservations');
      expect(offline.refresh_token).toMatch(REFERENCE_TOKEN);
      expect(offline.scope).toBe('openid offline_access reservations');
      const online = await signIn(config, 'openid reservations');
      expect(online.refresh_token).toBeUndefined();
    });
  });

  describe('refresh and revocation', () => {
    it('refreshes an expired access token into a working one, with a new refresh token, and spends the old refresh token', async () => {
      const config = await discover();
      const first = await signIn(config, 'openid offline_access reservations');
      expect((await tokenDetails(first.access_token)).status).toBe(200);

      sandbox.clock.advance(3600);
      const expired = await tokenDetails(first.access_token);
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The access token expired."');

      // openid-client checks the new ID token against the wall clock, which stands an hour behind the sandbox's now.
      const later = skewed(config, 3600);
      const second = await client.refreshTokenGrant(later, first.refresh_token!);
      expect(second.access_token).toMatch(REFERENCE_TOKEN);
      expect(second.access_token).not.toBe(first.access_token);
      expect(second.refresh_token).toMatch(REFERENCE_TOKEN);
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect(second.expires_in).toBe(3600);
      expect(second.claims()).toMatchObject({ sub: AVERY_ID, aud: creds.client.clientId });
      const fresh = await tokenDetails(second.access_token);
      expect(fresh.status).toBe(200);
      const freshDetails = (await fresh.json()) as { expiresAt: string };
      expect(freshDetails).toMatchObject({ tenants: [expect.objectContaining({ id: ASPEN })] });
      expect(Date.parse(freshDetails.expiresAt)).toBe(sandbox.clock.nowMs() + 3_600_000);

      expect(await refusal(client.refreshTokenGrant(later, first.refresh_token!))).toEqual({ status: 400, error: 'invalid_grant', error_description: 'The refresh token has been used or revoked.' });
      // A spent refresh token presented again revokes what it was rotated into (RFC 6819 §5.2.2.3): the second pair too.
      expect(await refusal(client.refreshTokenGrant(later, second.refresh_token!))).toEqual({ status: 400, error: 'invalid_grant', error_description: 'The refresh token has been used or revoked.' });
      expect((await tokenDetails(second.access_token)).status).toBe(401);
    });

    it('refuses a refresh token once it is revoked', async () => {
      const config = await discover();
      const tokens = await signIn(config, 'openid offline_access reservations');
      await client.tokenRevocation(config, tokens.refresh_token!);
      expect(await refusal(client.refreshTokenGrant(config, tokens.refresh_token!))).toEqual({ status: 400, error: 'invalid_grant', error_description: 'The refresh token has been used or revoked.' });
    });

    it('refuses an access token at the Cloud API once it is revoked', async () => {
      const config = await discover();
      const tokens = await signIn(config, 'reservations');
      expect((await tokenDetails(tokens.access_token)).status).toBe(200);
      await client.tokenRevocation(config, tokens.access_token);
      const res = await tokenDetails(tokens.access_token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The access token has been revoked."');
    });
  });

  describe('userinfo', () => {
    it('returns the subject, with the name and email for the profile and email scopes', async () => {
      const config = await discover();
      const full = await signIn(config, 'openid profile email reservations');
      expect(await client.fetchUserInfo(config, full.access_token, AVERY_ID)).toEqual({
        sub: AVERY_ID,
        name: 'Avery Morgan',
        given_name: 'Avery',
        family_name: 'Morgan',
        preferred_username: 'avery.morgan@example.com',
        email: 'avery.morgan@example.com',
        email_verified: true,
      });
      const bare = await signIn(config, 'openid reservations');
      expect(await client.fetchUserInfo(config, bare.access_token, AVERY_ID)).toEqual({ sub: AVERY_ID });
    });
  });

  describe('sign-in only', () => {
    it('gives a JWT access token whose subject is the user, accepted by userinfo and refused by the Cloud API', async () => {
      const config = await discover();
      const tokens = await signIn(config, 'openid profile', []);
      expect(tokens.scope).toBe('openid profile');
      expect(tokens.access_token).not.toMatch(REFERENCE_TOKEN);
      const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/openid-configuration/jwks`));
      const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer, algorithms: ['RS256'], typ: 'at+jwt', currentDate: sandbox.clock.now() });
      expect(protectedHeader.typ).toBe('at+jwt');
      const now = sandbox.clock.nowSeconds();
      expect(payload).toMatchObject({ sub: AVERY_ID, client_id: creds.client.clientId, scope: ['openid', 'profile'], iat: now, exp: now + 3600 });
      expect(tokens.claims()?.sub).toBe(AVERY_ID);

      expect(await client.fetchUserInfo(config, tokens.access_token, AVERY_ID)).toEqual({
        sub: AVERY_ID,
        name: 'Avery Morgan',
        given_name: 'Avery',
        family_name: 'Morgan',
        preferred_username: 'avery.morgan@example.com',
      });

      const res = await tokenDetails(tokens.access_token);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    });
  });
});
