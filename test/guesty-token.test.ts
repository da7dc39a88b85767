// Guesty's Open API token endpoint over HTTP (seeds/003 "Authentication"; errors per src/mocks/guesty/errors.ts): credentials in the body or Basic,
// a real OAuth client, the JWKS that verifies the token, and each refusal with its exact status and body.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { guestyCredentials, type GuestyClientCredentials } from './support/guesty.js';

const OPEN_API_AUTH_SERVER = 'aus1p8qrh53CcQTI95d7';
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

describe('the Guesty Open API token endpoint', () => {
  let sandbox: RunningSandbox;
  let creds: GuestyClientCredentials;
  let issuer: string;
  const tokenPath = '/open-api.guesty.com/oauth2/token';
  const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
  const postForm = (fields: Record<string, string>): request.Test => request(sandbox.url).post(tokenPath).type('form').send(form(fields));

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    creds = guestyCredentials(sandbox);
    issuer = `${sandbox.origins['https://login.guesty.com']}/oauth2/${OPEN_API_AUTH_SERVER}`;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  describe('grants', () => {
    it('issues a token for credentials in the form body, not to be cached', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret }).set('Accept', 'application/json');
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject(NO_STORE);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ token_type: 'Bearer', expires_in: 86_400, access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), scope: 'open-api' });
    });

    it('issues a token for credentials in HTTP Basic', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api' }).auth(creds.clientId, creds.clientSecret);
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject(NO_STORE);
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, scope: 'open-api' });
    });

    it('issues a token to openid-client, posting the secret or sending it as Basic', async () => {
      for (const auth of [client.ClientSecretPost(creds.clientSecret), client.ClientSecretBasic(creds.clientSecret)]) {
        const config = new client.Configuration({ issuer, token_endpoint: `${sandbox.origins['https://open-api.guesty.com']}/oauth2/token` }, creds.clientId, creds.clientSecret, auth);
        client.allowInsecureRequests(config);
        const tokens = await client.clientCredentialsGrant(config, { scope: 'open-api' });
        expect(tokens.token_type).toBe('bearer');
        // expires_in as sent; expiresIn() would count down on the wall clock.
        expect(tokens.expires_in).toBe(86_400);
        expect(tokens.scope).toBe('open-api');
        expect(tokens.access_token.split('.')).toHaveLength(3);
      }
    });

    it('signs a token that verifies against the JWKS the issuer publishes', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret });
      const jwks = createRemoteJWKSet(new URL(`${issuer}/v1/keys`));
      const { payload, protectedHeader } = await jwtVerify(res.body.access_token as string, jwks, {
        issuer,
        audience: 'https://open-api.guesty.com',
        algorithms: ['RS256'],
        currentDate: sandbox.clock.now(),
      });
      expect(protectedHeader).toEqual({ kid: expect.any(String), alg: 'RS256' });
      expect(payload).toMatchObject({ cid: creds.clientId, sub: creds.clientId, scp: ['open-api'], iat: sandbox.clock.nowSeconds(), exp: sandbox.clock.nowSeconds() + 86_400 });
    });

    it('publishes the signing key with its kid, for RS256 signatures', async () => {
      const res = await request(sandbox.url).get(`/login.guesty.com/oauth2/${OPEN_API_AUTH_SERVER}/v1/keys`);
      expect(res.status).toBe(200);
      expect(res.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' })]);
      expect(res.body.keys[0]).not.toHaveProperty('d');
    });
  });

  describe('refusals', () => {
    const invalidClient = (description: string): Record<string, string> => ({ error: 'invalid_client', error_description: description });

    it('refuses a wrong secret with 401 invalid_client', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: `${creds.clientSecret}x` });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(invalidClient('The client secret supplied for a confidential client is invalid.'));
      expect(res.headers).toMatchObject({ ...NO_STORE, 'www-authenticate': 'Basic realm="guesty"' });
    });

    it('refuses a wrong secret in Basic the same way', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api' }).auth(creds.clientId, 'not-the-secret');
      expect(res.status).toBe(401);
      expect(res.body).toEqual(invalidClient('The client secret supplied for a confidential client is invalid.'));
    });

    it('refuses an unknown client with 401 invalid_client', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api', client_id: '0oaUnknownClient00000', client_secret: creds.clientSecret });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(invalidClient("Invalid value for 'client_id' parameter."));
      expect(res.headers['www-authenticate']).toBe('Basic realm="guesty"');
    });

    it('refuses a request without client credentials with 401 invalid_client', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(invalidClient('Client authentication failed. Either the client or the client credentials are invalid.'));
    });

    it('refuses credentials sent both in Basic and in the body with 400 invalid_request', async () => {
      const res = await postForm({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret }).auth(creds.clientId, creds.clientSecret);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'invalid_request',
        error_description:
          'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.',
      });
      expect(res.headers).toMatchObject(NO_STORE);
    });

    it('refuses a request without grant_type with 400 invalid_request', async () => {
      const res = await postForm({ scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'invalid_request', error_description: "The 'grant_type' parameter is required." });
    });

    it('refuses another grant (authorization_code) with 400 unsupported_grant_type', async () => {
      const res = await postForm({ grant_type: 'authorization_code', code: 'abc', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].',
      });
    });

    it('refuses a request without scope with 400 invalid_scope', async () => {
      const res = await postForm({ grant_type: 'client_credentials', client_id: creds.clientId, client_secret: creds.clientSecret });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'invalid_scope', error_description: "The authorization server resource does not have any configured default scopes, 'scope' must be provided." });
    });

    it("refuses the Booking Engine's scope on the Open API with 400 invalid_scope", async () => {
      for (const scope of ['booking_engine:api', 'open-api booking_engine:api']) {
        const res = await postForm({ grant_type: 'client_credentials', scope, client_id: creds.clientId, client_secret: creds.clientSecret });
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' });
      }
    });

    it('refuses a JSON body with 400 invalid_request', async () => {
      const res = await request(sandbox.url)
        .post(tokenPath)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret }));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'invalid_request', error_description: 'The request must be sent as application/x-www-form-urlencoded.' });
      expect(res.headers).toMatchObject(NO_STORE);
    });

    it('refuses a parameter sent twice with 400 invalid_request', async () => {
      const res = await request(sandbox.url)
        .post(tokenPath)
        .type('form')
        .send(`grant_type=client_credentials&scope=open-api&scope=open-api&client_id=${encodeURIComponent(creds.clientId)}&client_secret=${encodeURIComponent(creds.clientSecret)}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'invalid_request', error_description: "The 'scope' parameter was supplied more than once." });
    });

    it('surfaces refusals to openid-client: a Basic challenge for a wrong secret, an OAuth error body for a wrong scope', async () => {
      const configFor = (secret: string): client.Configuration => {
        const config = new client.Configuration({ issuer, token_endpoint: `${sandbox.origins['https://open-api.guesty.com']}/oauth2/token` }, creds.clientId, secret);
        client.allowInsecureRequests(config);
        return config;
      };
      const challenge = await client.clientCredentialsGrant(configFor('wrong-secret'), { scope: 'open-api' }).catch((e: unknown) => e);
      expect(challenge).toBeInstanceOf(client.WWWAuthenticateChallengeError);
      const { status, cause, response } = challenge as client.WWWAuthenticateChallengeError;
      expect(status).toBe(401);
      expect(cause).toEqual([{ scheme: 'basic', parameters: { realm: 'guesty' } }]);
      expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'The client secret supplied for a confidential client is invalid.' });

      const scope = await client.clientCredentialsGrant(configFor(creds.clientSecret), { scope: 'booking_engine:api' }).catch((e: unknown) => e);
      expect(scope).toBeInstanceOf(client.ResponseBodyError);
      expect(scope).toMatchObject({ status: 400, error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' });
    });
  });
});
