// Unit tests of the authorization server's assembly: which routes and grants a configuration gives, the words a code flow needs, reset.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../clock.js';
import { createAuthorizationServer, type CodeFlowConfig } from './authorization-server.js';
import { authorizeUrl, BRAND, CLIENTS, FLOW, interactionOf, issueCode, postToken, queueConsent, REDIRECT_URI, tinyServer, WORDS, type TinyClient, type TinyGrant, type TinyParams } from '../../../test/support/oauth2-server.js';

const codeFlow = (): CodeFlowConfig<TinyClient, TinyGrant, TinyParams> => ({
  ledger: { codeLifetimeSeconds: 60, refreshLifetimeSeconds: 60, revokeAccess: () => undefined },
  paths: { authorize: '/authorize', login: '/login', consent: '/consent' },
  base: () => 'https://tiny.example',
  issuer: () => 'https://tiny.example',
  brand: BRAND,
  flow: FLOW,
  interactionLifetime: 60,
  respond: async () => ({ access_token: 'at' }),
  admin: { providerTitle: 'Tiny', findUser: () => undefined },
});

const clients = (id: string): TinyClient | undefined => CLIENTS[id];

describe('the authorization server', () => {
  it('serves the code flow, its pages, the token endpoint, revocation and the consent admin routes', () => {
    const { server } = tinyServer();
    expect(server.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['get /authorize', 'post /login', 'post /consent', 'post /token', 'post /revoke']);
    expect(server.routes.every((r) => r.validate === false)).toBe(true);
    expect(server.admin.map((r) => `${r.method} ${r.path}`)).toEqual(['post /consent', 'get /consent']);
  });

  it('serves only the token endpoint, with its operation id, for client credentials alone', () => {
    const server = createAuthorizationServer<TinyClient, TinyGrant>({
      clock: new Clock(),
      clients,
      words: { token: WORDS.token },
      tokenPath: '/oauth2/token',
      tokenOperationId: 'createToken',
      clientCredentials: { scopesOf: () => ['read'], scopeRequired: false, respond: async () => ({ access_token: 'at' }) },
    });
    expect(server.routes.map((r) => [r.method, r.path, r.operationId])).toEqual([['post', '/oauth2/token', 'createToken']]);
    expect(server.admin).toEqual([]);
  });

  it('offers no refresh_token grant and no revocation route unless configured', () => {
    const server = createAuthorizationServer<TinyClient, TinyGrant, TinyParams>({ clock: new Clock(), clients, words: WORDS, tokenPath: '/token', codeFlow: codeFlow() });
    expect(server.routes.map((r) => r.path)).toEqual(['/authorize', '/login', '/consent', '/token']);
  });

  it('refuses a code flow without words for redirected and shown failures', () => {
    const make = (words: Partial<typeof WORDS>) => () => createAuthorizationServer({ clock: new Clock(), clients, words: { token: WORDS.token, ...words }, tokenPath: '/token', codeFlow: codeFlow() });
    expect(make({ redirect: WORDS.redirect })).toThrow(TypeError);
    expect(make({ page: WORDS.page })).toThrow(TypeError);
    expect(make({ redirect: WORDS.redirect, page: WORDS.page })).not.toThrow();
  });

  it('forgets codes, refresh tokens, interactions and queued decisions on reset', async () => {
    const tiny = tinyServer();
    const code = issueCode(tiny);
    const interaction = interactionOf((await request(tiny.app).get(authorizeUrl())).text);
    await queueConsent(tiny, { clientId: 'app', user: 'ada', approve: false });
    tiny.server.reset();
    expect(tiny.server.consent.pending()).toEqual([]);
    const res = await postToken(tiny.app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(res.body.failure).toEqual({ kind: 'invalid_grant', reason: 'code_unknown' });
    const signIn = await request(tiny.app).post('/login').type('form').send({ interaction, username: 'ada', password: 'lovelace' });
    expect(signIn.headers['x-failure']).toBe('interaction_expired');
  });
});
