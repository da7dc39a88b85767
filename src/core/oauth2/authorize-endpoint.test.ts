// Unit tests of the authorization endpoint's checks (RFC 6749 §4.1.2.1, RFC 7636 §4.3, RFC 9207) and of its answers from the headless consent queue.
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, exchange, HTML, ISSUER, queueConsent, redirected, redirectedFailure, tinyServer, type TinyServer } from '../../../test/support/oauth2-server.js';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('the authorization endpoint', () => {
  let tiny: TinyServer;
  beforeEach(() => {
    tiny = tinyServer();
  });
  const authorize = (params: Record<string, string | undefined> = {}) => request(tiny.app).get(authorizeUrl(params));

  /** A page failure: shown, never redirected. */
  const shown = (res: request.Response, kind: string): string => {
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toBe(HTML);
    expect(res.headers['x-failure']).toBe(kind);
    return res.text;
  };

  describe('shows as a page what it cannot send back', () => {
    it('an unknown or missing client', async () => {
      expect(shown(await authorize({ client_id: 'nobody' }), 'unknown_client')).toContain('<strong>unknown_client</strong>');
      shown(await authorize({ client_id: undefined }), 'unknown_client');
    });

    it('a redirect URI not registered for the client, or none', async () => {
      shown(await authorize({ redirect_uri: 'https://attacker.example/callback' }), 'unregistered_redirect_uri');
      shown(await authorize({ redirect_uri: 'https://other.example/callback' }), 'unregistered_redirect_uri');
      shown(await authorize({ redirect_uri: undefined }), 'unregistered_redirect_uri');
    });
  });

  describe('redirects with error, state and iss', () => {
    it('an unsupported response_type', async () => {
      const params = redirected(await authorize({ response_type: 'token' }));
      expect(params).toEqual({ error: 'unsupported_response_type', error_description: '{"kind":"unsupported_response_type"}', state: 'xyz', iss: ISSUER });
    });

    it('a repeated parameter', async () => {
      const res = await request(tiny.app).get(`${authorizeUrl()}&scope=write`);
      expect(redirected(res)).toMatchObject({ error: 'invalid_request', state: 'xyz', iss: ISSUER });
      expect(redirectedFailure(res)).toEqual({ kind: 'repeated', name: 'scope' });
    });

    it('a code_challenge_method other than S256, or a challenge without one', async () => {
      const plain = await authorize({ code_challenge: CHALLENGE, code_challenge_method: 'plain' });
      expect(redirected(plain)).toMatchObject({ error: 'invalid_request', state: 'xyz', iss: ISSUER });
      expect(redirectedFailure(plain)).toEqual({ kind: 'unsupported_challenge_method' });
      expect(redirectedFailure(await authorize({ code_challenge: CHALLENGE }))).toEqual({ kind: 'unsupported_challenge_method' });
    });

    it('a malformed code_challenge, or S256 without one', async () => {
      const short = await authorize({ code_challenge: 'too-short', code_challenge_method: 'S256' });
      expect(redirected(short)).toMatchObject({ error: 'invalid_request', state: 'xyz', iss: ISSUER });
      expect(redirectedFailure(short)).toEqual({ kind: 'invalid_challenge' });
      expect(redirectedFailure(await authorize({ code_challenge_method: 'S256' }))).toEqual({ kind: 'invalid_challenge' });
    });

    it("the provider's refusal of the scopes", async () => {
      const res = await authorize({ scope: 'read fly' });
      expect(redirected(res)).toMatchObject({ error: 'invalid_scope', state: 'xyz', iss: ISSUER });
      expect(redirectedFailure(res)).toEqual({ kind: 'invalid_scope', description: 'unknown scope fly' });
    });

    it('without state when the request sent none', async () => {
      expect(redirected(await authorize({ response_type: 'token', state: undefined }))).toEqual({ error: 'unsupported_response_type', error_description: '{"kind":"unsupported_response_type"}', iss: ISSUER });
    });
  });

  describe('with a decision queued over the admin API', () => {
    it('redirects an approval with a code, the scope, state and iss, and the code is exchanged', async () => {
      expect((await queueConsent(tiny, { clientId: 'app', user: 'ada', rooms: ['r2'], approve: true })).status).toBe(202);
      const res = await authorize({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
      expect(res.headers['cache-control']).toBe('no-store');
      const params = redirected(res);
      expect(params).toEqual({ code: expect.stringMatching(/^[0-9A-F]{64}$/), scope: 'read offline', state: 'xyz', iss: ISSUER });
      const tokens = await exchange(tiny, params.code!, { code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' });
      expect(tokens.status).toBe(200);
      expect(tiny.server.ledger.refresh.lookup(tokens.body.refresh_token)).toMatchObject({ state: 'active', record: { data: { grant: { userId: 'u-ada', rooms: ['r2'] } } } });
    });

    it('redirects a denial with error=access_denied, state and iss', async () => {
      await queueConsent(tiny, { clientId: 'app', user: 'ada', approve: false });
      expect(redirected(await authorize())).toEqual({ error: 'access_denied', error_description: 'The user denied the request.', state: 'xyz', iss: ISSUER });
    });

    it("shows a decision the provider refuses for this request as a page", async () => {
      await queueConsent(tiny, { clientId: 'app', user: 'ada', rooms: ['r3'], approve: true });
      expect(shown(await authorize(), 'queued_consent_mismatch')).toContain('Pick one of your rooms.');
    });

    it('uses each decision once, for its own client only', async () => {
      await queueConsent(tiny, { clientId: 'other', user: 'ada', rooms: ['r1'], approve: true });
      await queueConsent(tiny, { clientId: 'app', user: 'ada', rooms: ['r1'], approve: true });
      expect(redirected(await authorize()).code).toBeDefined();
      const again = await authorize();
      expect(again.status).toBe(200);
      expect(again.text).toContain('<h1>Sign in</h1>');
      expect(tiny.server.consent.pending()).toEqual([{ clientId: 'other', userId: 'u-ada', chosen: ['r1'], approve: true }]);
    });
  });
});
