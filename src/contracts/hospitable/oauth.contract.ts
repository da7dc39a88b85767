// auth.hospitable.com (provider-facts.md §2 "Auth": the JSON token request, 12-hour tokens, rotating refresh) and v1's client credentials
// (developer.hospitable.com, v1 "Authentication"; seeds/002: "Personal access tokens give you access to v2").
import { sandboxAdmin } from '../sandbox-admin.js';
import type { CaseContext, ContractCase } from '../types.js';
import { asObject, assumption, AUTH, errorBody, facts, firstFailure, V1, V1_PAGE, v2 } from './common.js';

const LEAGUE = assumption("auth.hospitable.com's errors are league/oauth2-server's (Laravel Passport): {error, error_description, hint?, message}");

/** Queues the seeded owner's consent and reads the code from the redirect of provider-facts' authorize URL (client_id, response_type, state). */
async function approvedCode(ctx: CaseContext): Promise<void> {
  const credentials = asObject(asObject(await sandboxAdmin(ctx, 'GET', '/credentials')).hospitable);
  const users = credentials.users as Array<{ email: string; role: string }>;
  const { clientId } = ctx.credentials('oauthClient');
  await sandboxAdmin(ctx, 'POST', '/hospitable/consent', { clientId, user: users.find((u) => u.role === 'owner')!.email, approve: true });
  const res = await ctx.send({ origin: AUTH, method: 'GET', path: '/oauth/authorize', query: { client_id: clientId, response_type: 'code', state: 'contract' } });
  const code = new URL(res.headers.get('location') ?? 'http://invalid/').searchParams.get('code');
  if (res.status !== 302 || !code) throw new Error(`before: authorize answered ${res.status}, not a redirect with a code`);
  ctx.state.remember('code', code);
}

const exchange = (ctx: CaseContext) => {
  const { clientId, clientSecret } = ctx.credentials('oauthClient');
  return { origin: AUTH, method: 'POST' as const, path: '/oauth/token', json: { client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', code: ctx.state.recall('code') } };
};

export const oauthCases: ContractCase[] = [
  {
    id: 'oauth.exchange',
    sentence: 'exchanges a code sent as JSON for a Bearer pair of 43200 seconds',
    source: facts('Token response: {"token_type":"Bearer","expires_in":43200,"access_token":"eyJ0eXA...","refresh_token":"def502005..."}'),
    requires: ['sandbox'],
    before: approvedCode,
    request: exchange,
    expect: {
      status: 200,
      bodySchema: 'createToken',
      check: (b) => {
        const t = asObject(b);
        return firstFailure(t.token_type !== 'Bearer' && 'token_type is not Bearer', t.expires_in !== 43200 && `expires_in is ${JSON.stringify(t.expires_in)}`, !String(t.access_token).startsWith('eyJ0eXA') && 'access_token is not eyJ0eXA…', !String(t.refresh_token).startsWith('def50200') && 'refresh_token is not def50200…');
      },
    },
  },
  {
    id: 'oauth.token-expired',
    sentence: 'refuses a partner’s access token 12 hours after it was issued',
    source: facts('Lifetimes: access token 12 h ... An expired token gets "401 Unauthenticated"'),
    requires: ['sandbox', 'clock'],
    before: async (ctx) => {
      await approvedCode(ctx);
      const res = await ctx.send(exchange(ctx));
      ctx.state.remember('access', String(asObject(res.body).access_token));
      await ctx.clock.freeze();
      await ctx.clock.advance(43_200);
    },
    request: (ctx) => v2('/v2/user', { auth: { bearer: ctx.state.recall('access') } }),
    expect: { status: 401, body: errorBody(401, 'Unauthenticated.') },
  },
  {
    id: 'oauth.wrong-secret',
    sentence: 'refuses a wrong client secret with invalid_client',
    source: LEAGUE,
    request: (ctx) => ({ origin: AUTH, method: 'POST', path: '/oauth/token', json: { client_id: ctx.credentials('oauthClient').clientId, client_secret: 'not-the-secret', grant_type: 'authorization_code', code: 'def50200' } }),
    expect: { status: 401, check: (b) => (asObject(b).error === 'invalid_client' ? undefined : `error is ${JSON.stringify(asObject(b).error)}`) },
  },
  {
    id: 'v1.properties',
    sentence: 'reaches v1’s properties with a client-credentials token',
    source: V1_PAGE,
    requires: ['fresh-token'],
    request: { origin: V1, method: 'GET', path: '/v1/properties', headers: { Accept: 'application/json' }, auth: { token: 'v1' } },
    expect: { status: 200, bodySchema: 'listV1Properties' },
  },
  {
    id: 'v1.personal-token-refused',
    sentence: 'refuses a personal access token on v1',
    source: doc2(),
    request: { origin: V1, method: 'GET', path: '/v1/properties', headers: { Accept: 'application/json' }, auth: { token: 'read' } },
    expect: { status: 401 },
  },
  {
    id: 'v1.token-refused-on-v2',
    sentence: 'refuses a v1 token on v2',
    source: doc2(),
    requires: ['fresh-token'],
    request: v2('/v2/properties', { auth: { token: 'v1' } }),
    expect: { status: 401 },
  },
];

function doc2() {
  return { document: 'seeds/002 Hospitable', section: 'Personal access tokens give you access to v2 of our Public API. To access v1 of our Public API, you can use Client ID and Client Secrets instead.' };
}
