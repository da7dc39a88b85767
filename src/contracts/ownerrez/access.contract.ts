// Who gets in (seeds/000 "Authentication"; provider-facts §1): personal access tokens over Basic only, at_ tokens as bearer tokens with a
// User-Agent naming the app, read-only apps limited to GET, two accounts an IP address in 24 hours, 300 requests in 5 minutes.
import type { ContractCase } from '../types.js';
import { API, APP, assumption, AUTHENTICATION, basicHeader, doc, ERROR_SHAPE, facts, personal, sandboxSeed, v2, withApp } from './common.js';

const LOOKUP = { origin: APP, method: 'GET', path: '/api/properties/lookup', headers: { 'Content-Type': 'application/json' } } as const;
const RATE_LIMITED = { code: 429, error: 'Rate limit exceeded.' };

export const accessCases: ContractCase[] = [
  {
    id: 'access.personal-token-basic',
    sentence: 'answers the lookup for the e-mail address and personal access token over Basic, as the curl -u example does',
    source: doc(AUTHENTICATION),
    request: async (ctx) => ({ ...LOOKUP, auth: await personal(ctx) }),
    expect: { status: 200, bodySchema: 'lookupProperties' },
  },
  {
    id: 'access.oauth-token-bearer',
    sentence: 'answers the lookup for an at_ token sent as "Authorization: bearer" with a User-Agent naming the app and its client id',
    source: doc(AUTHENTICATION),
    request: (ctx) => withApp(ctx, LOOKUP),
    expect: { status: 200, bodySchema: 'lookupProperties' },
  },
  {
    id: 'access.personal-token-wrong',
    sentence: 'refuses a wrong personal access token with 401 and a Basic challenge',
    source: assumption(`${ERROR_SHAPE}; the challenge is RFC 7617's`),
    request: async (ctx) => ({ ...LOOKUP, headers: { Authorization: basicHeader(await ctx.token('email'), 'pt_notthetoken') } }),
    expect: { status: 401, headers: { 'www-authenticate': /^Basic/ }, body: { code: 401, error: 'The email address or personal access token is not valid.' } },
  },
  {
    id: 'access.personal-token-as-bearer',
    sentence: 'refuses a personal access token sent as a bearer token: such tokens are for Basic and private use',
    source: doc(AUTHENTICATION),
    request: async (ctx) => ({ ...LOOKUP, auth: { bearer: await ctx.token('personalAccessToken') } }),
    expect: { status: 401 },
  },
  {
    id: 'access.oauth-token-over-basic',
    sentence: 'refuses an at_ token sent over Basic',
    source: doc(AUTHENTICATION),
    request: async (ctx) => ({ ...LOOKUP, auth: { basic: [await ctx.token('email'), await ctx.token('accessToken')] } }),
    expect: { status: 401 },
  },
  {
    id: 'access.user-agent-without-client-id',
    sentence: "refuses an at_ token whose User-Agent does not contain the app's client id",
    source: doc(AUTHENTICATION),
    request: (ctx) => withApp(ctx, v2('users/me'), 'pms-sandbox contract suite/1.0'),
    expect: { status: 400, check: (body) => (JSON.stringify(body).includes('client id') ? undefined : `the error does not say the client id is missing: ${JSON.stringify(body)}`) },
  },
  {
    id: 'access.no-credentials',
    sentence: 'refuses a v2 call without credentials with 401',
    source: assumption(ERROR_SHAPE),
    request: { ...v2('users/me'), auth: 'none' },
    expect: { status: 401, headers: { 'www-authenticate': /Basic/ }, bodySchema: 'getCurrentUser' },
  },
  {
    id: 'access.read-only-app-write',
    sentence: "refuses a write with a read-only app's token (GET requests only)",
    source: facts('app scope is "Full read & write" or "Read only (GET requests only)"'),
    requires: ['sandbox'],
    before: async (ctx) => {
      const app = (await sandboxSeed(ctx)).apps.find((a) => a.scope === 'read_only')!;
      ctx.state.remember('token', app.accessToken!);
      ctx.state.remember('clientId', app.clientId);
    },
    request: (ctx) => ({ origin: API, method: 'POST', path: '/v2/guests', json: { first_name: 'Ada', last_name: 'Lovelace' }, headers: { 'User-Agent': `Rate Insights/2.0 (${ctx.state.recall('clientId')})` }, auth: { bearer: ctx.state.recall('token') } }),
    expect: { status: 403, body: { code: 403, error: 'This app has read-only access to the account: only GET requests are allowed.' } },
  },
  {
    id: 'access.third-account-from-one-ip',
    sentence: 'refuses personal access tokens of a third user account from one IP address within 24 hours, with the rate-limit answer',
    source: doc(AUTHENTICATION),
    requires: ['sandbox'],
    before: async (ctx) => {
      const { users } = await sandboxSeed(ctx);
      for (const user of users.slice(0, 2)) {
        const res = await ctx.send({ ...LOOKUP, auth: { basic: [user.email, user.personalAccessToken] } });
        if (res.status !== 200) throw new Error(`before: ${user.email} answered ${res.status}`);
      }
      ctx.state.remember('email', users[2]!.email);
      ctx.state.remember('token', users[2]!.personalAccessToken);
    },
    request: (ctx) => ({ ...LOOKUP, auth: { basic: [ctx.state.recall('email'), ctx.state.recall('token')] } }),
    expect: { status: 429, headers: { 'retry-after': '86400' }, body: RATE_LIMITED },
  },
  {
    id: 'access.requests-per-ip',
    sentence: 'answers 429 {"code": 429, "error": "Rate limit exceeded."} past 300 requests in 5 minutes from one IP address',
    source: { page: 'https://www.ownerrez.com/support/articles/api-rate-limiting' },
    requires: ['sandbox'],
    before: async (ctx) => {
      const auth = await personal(ctx);
      for (let n = 0; n < 300; n += 1) await ctx.send({ ...LOOKUP, auth });
    },
    request: async (ctx) => ({ ...LOOKUP, auth: await personal(ctx) }),
    expect: { status: 429, headers: { 'retry-after': /^\d+$/ }, body: RATE_LIMITED },
  },
];
