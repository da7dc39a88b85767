// The App Store's sign-on at https://sync.entrata.com/api/oauth (seeds/004 "OAuth Single Sign-On"; provider-facts §4 for code 113; the
// README's lifetime and one-time-code assumptions): the launch code exchanged for a token, its refusals, and who launched the app.
import type { ContractCase } from '../types.js';
import { appCredentials, assumption, bearer, doc, ENVELOPE_ERRORS, envelope, errorFailure, exchange, facts, firstFailure, freshCode, launchCode, post, SSO, SYNC, subdomainOf, successFailure, tokenEnvelope, withToken, asObject } from './common.js';

/** A code in the shape the launch gives (28 base64 characters ending ==) that no launch gave. */
const UNISSUED_CODE = 'aKXbU6aPdDB6TlqLYygl5CWy4A==';

export const launchCases: ContractCase[] = [
  {
    id: 'launch.get-access-token',
    sentence: "exchanges a launch's auth_code with the document's getAccessToken envelope for a Bearer access token",
    source: doc(SSO),
    requires: ['fresh-token'],
    before: async (ctx) => ctx.state.remember('code', await freshCode(ctx)),
    request: async (ctx) => {
      const { clientId, clientSecret } = await appCredentials(ctx);
      return post(SYNC, '/api/oauth', tokenEnvelope(ctx.state.recall('code'), clientId, clientSecret), 'none');
    },
    expect: {
      status: 200,
      bodySchema: 'oauthService',
      check: (body) =>
        successFailure(body, (r) =>
          firstFailure(
            (typeof r.access_token !== 'string' || r.access_token === '') && 'result.access_token is not a text',
            r.token_type !== 'Bearer' && `result.token_type is ${JSON.stringify(r.token_type)}, not Bearer`,
            !(typeof r.expires_in === 'number' && r.expires_in > 0) && `result.expires_in is ${JSON.stringify(r.expires_in)}`,
          ),
        ),
    },
  },
  {
    id: 'launch.code-reused',
    sentence: 'refuses an auth_code a second time with 400 "Authorization code has already been used."',
    source: assumption('a launch code is single use (README, Entrata assumptions)'),
    requires: ['sandbox'],
    before: async (ctx) => {
      const app = await appCredentials(ctx);
      const code = await launchCode(ctx, app.clientId);
      await exchange(ctx, code, app);
      ctx.state.remember('code', code);
    },
    request: async (ctx) => {
      const { clientId, clientSecret } = await appCredentials(ctx);
      return post(SYNC, '/api/oauth', tokenEnvelope(ctx.state.recall('code'), clientId, clientSecret), 'none');
    },
    expect: { status: 200, bodySchema: 'oauthService', check: (body) => errorFailure(body, 400, 'Authorization code has already been used.') },
  },
  {
    id: 'launch.wrong-secret',
    sentence: "refuses getAccessToken with the app's client id and a wrong secret with error 113",
    source: facts('error code 113 for wrong credentials; the client-secret wording is the sandbox\'s'),
    request: async (ctx) => post(SYNC, '/api/oauth', tokenEnvelope(UNISSUED_CODE, await ctx.token('clientId'), 'not-the-secret'), 'none'),
    expect: { status: 200, bodySchema: 'oauthService', check: (body) => errorFailure(body, 113, 'Client id and/or client secret is incorrect.') },
  },
  {
    id: 'launch.user-info',
    sentence: "answers getUserInfo with the user, the management company's subdomain and the properties the user reaches",
    source: doc(SSO),
    before: withToken,
    request: (ctx) => post(SYNC, '/api/oauth', envelope('getUserInfo'), bearer(ctx)),
    expect: {
      status: 200,
      bodySchema: 'oauthService',
      check: (body, _res, ctx) =>
        successFailure(body, (r) => {
          const user = asObject(r.user);
          const properties = asObject(r.properties).property;
          return firstFailure(
            typeof user.id !== 'number' && `result.user.id is ${JSON.stringify(user.id)}, not a number`,
            typeof user.username !== 'string' && 'result.user.username is not a text',
            asObject(r.managementCompany).subdomain !== subdomainOf(ctx) && `result.managementCompany.subdomain is ${JSON.stringify(asObject(r.managementCompany).subdomain)}, not ${subdomainOf(ctx)}`,
            !(Array.isArray(properties) && properties.length > 0) && 'result.properties.property lists no property',
          );
        }),
    },
  },
  {
    id: 'launch.unknown-token',
    sentence: 'refuses getUserInfo with a token it never issued with 401 "Access token is invalid."',
    source: assumption(ENVELOPE_ERRORS),
    request: post(SYNC, '/api/oauth', envelope('getUserInfo'), { bearer: '0'.repeat(40) }),
    expect: { status: 200, bodySchema: 'oauthService', check: (body) => errorFailure(body, 401, 'Access token is invalid.') },
  },
];
