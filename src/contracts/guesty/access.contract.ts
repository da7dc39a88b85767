// Bearer access to the Open API (seeds/003 Guesty Authentication, "3. Using the Access Token" and "Expired Token"): no token or a bad one is
// unauthorized (401, Kong's body, an assumption); a token is good for exactly 86400 s, then answered with the document's 403.
import type { CaseContext, ContractCase } from '../types.js';
import { assumption, doc, EXPIRED, grantedToken, openApiGet, SAMPLE_TOKEN, TOKEN_LIFETIME, UNAUTHORIZED } from './common.js';

const KONG_401 = assumption('a missing or unverifiable token gets 401 with the gateway\'s (Kong\'s) {"message":"Unauthorized"}; the docs say only "401 Unauthorized"');

/** The sample token with its payload moved to 2100 and its signature kept: a token nobody signed. */
function forgedToken(): string {
  const [header, payload, signature] = SAMPLE_TOKEN.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, exp: 4_102_444_800 })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

/** A fresh token on a stopped clock, then the clock moved on by `seconds`. */
const tokenAged = (seconds: number) => async (ctx: CaseContext): Promise<void> => {
  await ctx.clock.freeze();
  ctx.state.remember('token', await grantedToken(ctx, ctx.credentials('openApi')));
  await ctx.clock.advance(seconds);
};

export const accessCases: ContractCase[] = [
  {
    id: 'access.no-token',
    sentence: 'refuses a data call without a token with 401',
    source: KONG_401,
    request: openApiGet('/v1/listings', {}, 'none'),
    expect: { status: 401, body: UNAUTHORIZED, bodySchema: 'listListings' },
  },
  {
    id: 'access.garbage-token',
    sentence: 'refuses a bearer token that is not a JWT with 401',
    source: KONG_401,
    request: openApiGet('/v1/listings', {}, { bearer: 'not-a-token' }),
    expect: { status: 401, body: UNAUTHORIZED },
  },
  {
    id: 'access.forged-token',
    sentence: 'refuses a token whose signature does not verify with 401',
    source: KONG_401,
    request: openApiGet('/v1/listings', {}, { bearer: forgedToken() }),
    expect: { status: 401, body: UNAUTHORIZED },
  },
  {
    id: 'access.valid-token',
    sentence: 'serves a data call with a valid bearer token',
    source: doc('3. Using the Access Token'),
    request: openApiGet('/v1/listings'),
    expect: { status: 200, bodySchema: 'listListings' },
  },
  {
    id: 'access.token-last-second',
    sentence: 'still accepts a token 86399 seconds after it was issued',
    source: doc('Sample Response'),
    requires: ['fresh-token', 'clock'],
    before: tokenAged(TOKEN_LIFETIME - 1),
    request: (ctx) => openApiGet('/v1/listings', { limit: 1 }, { bearer: ctx.state.recall('token') }),
    expect: { status: 200, bodySchema: 'listListings' },
  },
  {
    id: 'access.token-expired',
    sentence: "answers a token 86400 seconds after it was issued with the document's exact 403",
    source: doc('Expired Token'),
    requires: ['fresh-token', 'clock'],
    before: tokenAged(TOKEN_LIFETIME),
    request: (ctx) => openApiGet('/v1/listings', { limit: 1 }, { bearer: ctx.state.recall('token') }),
    expect: { status: 403, body: EXPIRED, bodySchema: 'listListings' },
  },
  {
    id: 'access.renewed-after-expiry',
    sentence: 'serves again once an expired token is replaced by a new one',
    source: doc('3. Using the Access Token'),
    requires: ['fresh-token', 'clock'],
    before: async (ctx) => {
      await tokenAged(TOKEN_LIFETIME)(ctx);
      ctx.state.remember('token', await grantedToken(ctx, ctx.credentials('openApi')));
    },
    request: (ctx) => openApiGet('/v1/listings', { limit: 1 }, { bearer: ctx.state.recall('token') }),
    expect: { status: 200 },
  },
];
