// The Open API token endpoint (seeds/003 Guesty Authentication): a token for the target's own client, and five tokens per client id per 24 hours.
import type { CaseContext, ContractCase } from '../types.js';
import { doc, DOCUMENT_CLIENT, grantedToken, OPEN_API, RATE_LIMITED, TOKEN_LIFETIME, tokenAnswerFailure, tokenRequest } from './common.js';

/** Spends the five tokens of the day for the target's Open API client, on a stopped clock. */
async function spendFiveTokens(ctx: CaseContext): Promise<void> {
  await ctx.clock.freeze();
  for (let i = 0; i < 5; i += 1) await grantedToken(ctx, ctx.credentials('openApi'));
}

const sixthToken = (ctx: CaseContext) => tokenRequest(OPEN_API, 'open-api', ctx.credentials('openApi'));

export const tokenCases: ContractCase[] = [
  {
    id: 'token.own-client',
    sentence: "issues the target's own client an RS256 JWT shaped like the sample token, valid 86400 seconds",
    source: doc('Sample Response'),
    requires: ['fresh-token'],
    request: (ctx) => tokenRequest(OPEN_API, 'open-api', ctx.credentials('openApi')),
    expect: {
      status: 200,
      headers: { 'Cache-Control': /no-store/ },
      bodySchema: 'createOpenApiToken',
      check: (body, _res, ctx) => tokenAnswerFailure(body, { clientId: ctx.credentials('openApi').clientId, scope: 'open-api', audience: OPEN_API }),
    },
  },
  {
    id: 'token.sixth-refused',
    sentence: 'refuses a sixth token within 24 hours with 429 and Retry-After',
    source: doc('Sample Response'),
    requires: ['fresh-token', 'clock'],
    before: spendFiveTokens,
    request: sixthToken,
    expect: { status: 429, headers: { 'Retry-After': /^\d+$/ }, body: RATE_LIMITED, bodySchema: 'createOpenApiToken' },
  },
  {
    id: 'token.sixth-refused-last-second',
    sentence: 'still refuses a sixth token one second before 24 hours have passed',
    source: doc('Sample Response'),
    requires: ['fresh-token', 'clock'],
    before: async (ctx) => {
      await spendFiveTokens(ctx);
      await ctx.clock.advance(TOKEN_LIFETIME - 1);
    },
    request: sixthToken,
    expect: { status: 429, headers: { 'Retry-After': '1' }, body: RATE_LIMITED },
  },
  {
    id: 'token.granted-after-24h',
    sentence: 'grants a token again once 24 hours have passed since the first five',
    source: doc('Sample Response'),
    requires: ['fresh-token', 'clock'],
    before: async (ctx) => {
      await spendFiveTokens(ctx);
      await ctx.clock.advance(TOKEN_LIFETIME);
    },
    request: sixthToken,
    expect: { status: 200, bodySchema: 'createOpenApiToken' },
  },
  {
    id: 'token.quota-per-client',
    sentence: "counts the five tokens per client id: another client's quota stays whole",
    source: doc('Sample Response'),
    requires: ['fresh-token', 'clock', 'sandbox'],
    before: spendFiveTokens,
    request: tokenRequest(OPEN_API, 'open-api', DOCUMENT_CLIENT),
    expect: { status: 200, bodySchema: 'createOpenApiToken' },
  },
];
