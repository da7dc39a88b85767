// The OAuth app token endpoint (provider-facts §1, "OAuth App Guide" and the official Zapier app): a code exchanged with the app's Basic
// credentials for an at_ token with the fields the published clients read, on either host; refusals in RFC 6749 §5.2 words.
import type { ContractCase, RequestSpec } from '../types.js';
import { API, APP, asObject, assumption, basicHeader, facts, firstFailure, sandboxCode } from './common.js';

const TOKEN_FIELDS = 'token request: form body, Basic client credentials, grant_type=authorization_code&code, optional redirect_uri; answer access_token, token_type, scope, user_id (user_display_name)';

const tokenRequest = (origin: string, form: Record<string, string>, authorization: string): RequestSpec => ({
  origin,
  method: 'POST',
  path: '/oauth/access_token',
  headers: { Authorization: authorization, Accept: 'application/json' },
  form,
});

const tokenCheck = (body: unknown): string | undefined => {
  const t = asObject(body);
  return firstFailure(
    !(typeof t.access_token === 'string' && t.access_token.startsWith('at_')) && `access_token ${JSON.stringify(t.access_token)} does not start at_`,
    typeof t.user_id !== 'number' && 'user_id is not a number',
    typeof t.scope !== 'string' && 'scope is not a text',
  );
};

export const oauthCases: ContractCase[] = [
  {
    id: 'oauth.code-exchange',
    sentence: 'exchanges a code at api.ownerrez.com for an at_ token with token_type, scope, user_id and user_display_name',
    source: facts(TOKEN_FIELDS),
    requires: ['sandbox', 'fresh-token'],
    before: async (ctx) => {
      const { code, clientId, clientSecret } = await sandboxCode(ctx);
      ctx.state.remember('code', code);
      ctx.state.remember('basic', basicHeader(clientId, clientSecret));
    },
    request: (ctx) => tokenRequest(API, { grant_type: 'authorization_code', code: ctx.state.recall('code') }, ctx.state.recall('basic')),
    expect: { status: 200, headers: { 'cache-control': 'no-store' }, bodySchema: 'createAccessToken', check: tokenCheck },
  },
  {
    id: 'oauth.code-exchange-app-host',
    sentence: 'exchanges a code at app.ownerrez.com/oauth/access_token too, as the official Zapier app calls it',
    source: facts('the official Zapier app posts to ${APP_ROOT}/oauth/access_token; a mock should accept both hosts'),
    requires: ['sandbox', 'fresh-token'],
    before: async (ctx) => {
      const { code, clientId, clientSecret } = await sandboxCode(ctx);
      ctx.state.remember('code', code);
      ctx.state.remember('basic', basicHeader(clientId, clientSecret));
    },
    request: (ctx) => tokenRequest(APP, { grant_type: 'authorization_code', code: ctx.state.recall('code') }, ctx.state.recall('basic')),
    expect: { status: 200, bodySchema: 'createAccessToken', check: tokenCheck },
  },
  {
    id: 'oauth.wrong-secret',
    sentence: "refuses the app's client id with a wrong secret with invalid_client",
    source: assumption('token endpoint errors are RFC 6749 §5.2 bodies (README, OwnerRez assumptions)'),
    request: async (ctx) => tokenRequest(API, { grant_type: 'authorization_code', code: 'not-a-code' }, basicHeader(await ctx.token('clientId'), 's_notthesecret')),
    expect: { status: 401, body: { error: 'invalid_client', error_description: 'The client id or client secret is not valid.' } },
  },
  {
    id: 'oauth.unknown-code',
    sentence: 'refuses a code it never issued with invalid_grant',
    source: assumption('token endpoint errors are RFC 6749 §5.2 bodies (README, OwnerRez assumptions)'),
    request: async (ctx) => tokenRequest(API, { grant_type: 'authorization_code', code: 'not-a-code' }, basicHeader(await ctx.token('clientId'), await ctx.token('clientSecret'))),
    expect: { status: 400, check: (body) => (asObject(body).error === 'invalid_grant' ? undefined : `error is ${JSON.stringify(asObject(body).error)}, not invalid_grant`) },
  },
];
