// Open API rate limits (https://open-api-docs.guesty.com/docs/rate-limits, via provider-facts): 15 a second, 120 a minute, 5,000 an hour,
// X-RateLimit-* on every answer, 429 with Retry-After beyond; the 429 body is Kong's (an assumption).
import type { CaseContext, ContractCase } from '../types.js';
import { assumption, openApiGet, RATE_LIMITED, RATE_LIMITS_PAGE } from './common.js';

const LISTINGS = openApiGet('/v1/listings', { limit: 1 });

/** Stops the clock at the start of a minute (so the next second is in the same minute and hour) and spends that second's fifteen requests. */
async function spendOneSecond(ctx: CaseContext): Promise<void> {
  await ctx.token('openApi');
  const now = await ctx.clock.freeze();
  await ctx.clock.advance((60_000 - (now % 60_000)) / 1000);
  for (let i = 0; i < 15; i += 1) {
    const res = await ctx.send(LISTINGS);
    if (res.status !== 200) throw new Error(`before: request ${i + 1} of 15 answered ${res.status}`);
  }
}

const remainingAre = (second: number, minute: number, hour: number) => (_body: unknown, res: { headers: Headers }) => {
  const got = ['Second', 'Minute', 'Hour'].map((w) => res.headers.get(`X-RateLimit-Remaining-${w}`));
  const want = [second, minute, hour].map(String);
  return got.every((v, i) => v === want[i]) ? undefined : `X-RateLimit-Remaining-Second/Minute/Hour are ${got.join('/')}, not ${want.join('/')}`;
};

export const rateLimitCases: ContractCase[] = [
  {
    id: 'rate-limits.headers',
    sentence: 'states the limits and what remains of each on an authenticated answer',
    source: RATE_LIMITS_PAGE,
    request: LISTINGS,
    expect: {
      status: 200,
      headers: {
        'X-RateLimit-Limit-Second': '15',
        'X-RateLimit-Limit-Minute': '120',
        'X-RateLimit-Limit-Hour': '5000',
        'X-RateLimit-Remaining-Second': /^\d+$/,
        'X-RateLimit-Remaining-Minute': /^\d+$/,
        'X-RateLimit-Remaining-Hour': /^\d+$/,
      },
    },
  },
  {
    id: 'rate-limits.first-request-counts',
    sentence: 'counts the first request of a fresh window in every remaining count',
    source: RATE_LIMITS_PAGE,
    requires: ['sandbox'],
    request: LISTINGS,
    expect: { status: 200, check: remainingAre(14, 119, 4999) },
  },
  {
    id: 'rate-limits.sixteenth-in-a-second',
    sentence: 'refuses the sixteenth request within one second with 429 and Retry-After',
    source: RATE_LIMITS_PAGE,
    requires: ['clock'],
    before: spendOneSecond,
    request: LISTINGS,
    expect: { status: 429, headers: { 'Retry-After': /^\d+$/, 'X-RateLimit-Limit-Second': '15', 'X-RateLimit-Remaining-Second': '0' }, body: RATE_LIMITED, bodySchema: 'listListings' },
  },
  {
    id: 'rate-limits.next-second',
    sentence: 'admits requests again in the next second',
    source: RATE_LIMITS_PAGE,
    requires: ['clock'],
    before: async (ctx) => {
      await spendOneSecond(ctx);
      await ctx.clock.advance(1);
    },
    request: LISTINGS,
    expect: { status: 200, check: remainingAre(14, 104, 4984) },
  },
  {
    id: 'rate-limits.body',
    sentence: 'words the 429 as the gateway does',
    source: assumption('Kong\'s rate-limiting plugin answers {"message":"API rate limit exceeded"}; Guesty sends its X-RateLimit-* headers'),
    requires: ['clock'],
    before: spendOneSecond,
    request: openApiGet('/v1/reservations', { limit: 1 }),
    expect: { status: 429, body: RATE_LIMITED },
  },
];
