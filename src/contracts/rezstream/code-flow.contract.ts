// The authorization code flow and what comes after it (seeds/001, "OAuth API Authorization and Token Generation"; the README's lifetime
// assumption, IdentityServer's defaults). Consent is given over the sandbox's headless queue, and expiry reads its virtual clock, so every
// case here is sandbox-only: against a live target a person has to sign in and approve at the consent page.
import type { CaseContext, ContractCase } from '../types.js';
import { asObject, assumption, cloud, doc, firstFailure } from './common.js';
import { approvedCode, codeExchange, DOCUMENT_SCOPES, granted, refreshRequest } from './token-sources.js';

const LIFETIME = 3600;
const LIFETIMES = assumption("lifetimes are IdentityServer's defaults: access tokens 3600 s; refresh tokens 30 days and one-time use");
/** IdentityServer's reference token handle: nothing embedded (seeds/001: "contain no information embedded within them"). */
const REFERENCE = /^[0-9A-F]{64}$/;

/** A code-flow access token (and refresh token) issued on a stopped clock, which then moves on by `seconds`. */
const tokensAged = (seconds: number) => async (ctx: CaseContext): Promise<void> => {
  await ctx.clock.freeze();
  const tokens = await granted(ctx, codeExchange(ctx, await approvedCode(ctx, { scope: DOCUMENT_SCOPES })));
  ctx.state.remember('access', tokens.access_token);
  if (tokens.refresh_token) ctx.state.remember('refresh', tokens.refresh_token);
  await ctx.clock.advance(seconds);
};

const details = (ctx: CaseContext) => cloud('/auth/tokendetails', { auth: { bearer: ctx.state.recall('access') } });

export const codeFlowCases: ContractCase[] = [
  {
    id: 'code-flow.exchange',
    sentence: 'exchanges an approved authorization code for a reference access token and, with offline_access, a refresh token',
    source: doc('OAuth API Authorization and Token Generation'),
    requires: ['sandbox'],
    before: async (ctx) => void ctx.state.remember('code', JSON.stringify(await approvedCode(ctx, { scope: DOCUMENT_SCOPES }))),
    request: (ctx) => codeExchange(ctx, JSON.parse(ctx.state.recall('code'))),
    expect: {
      status: 200,
      headers: { 'cache-control': /no-store/ },
      bodySchema: 'createToken',
      check: (body) => {
        const b = asObject(body);
        return firstFailure(
          !REFERENCE.test(String(b.access_token)) && 'access_token is not a reference token (64 upper-case hex characters)',
          typeof b.refresh_token !== 'string' && 'no refresh_token, though offline_access was asked for',
          b.token_type !== 'Bearer' && `token_type is ${JSON.stringify(b.token_type)}`,
          b.expires_in !== LIFETIME && `expires_in is ${JSON.stringify(b.expires_in)}, not ${LIFETIME}`,
          b.scope !== DOCUMENT_SCOPES && `scope is ${JSON.stringify(b.scope)}, not ${DOCUMENT_SCOPES}`,
        );
      },
    },
  },
  {
    id: 'code-flow.token-last-second',
    sentence: 'still accepts a code-flow access token 3599 seconds after it was issued',
    source: LIFETIMES,
    requires: ['sandbox', 'clock'],
    before: tokensAged(LIFETIME - 1),
    request: details,
    expect: { status: 200, bodySchema: 'getTokenDetails' },
  },
  {
    id: 'code-flow.token-expired',
    sentence: 'answers a code-flow access token 3600 seconds after it was issued with 401 invalid_token',
    source: LIFETIMES,
    requires: ['sandbox', 'clock'],
    before: tokensAged(LIFETIME),
    request: details,
    expect: { status: 401, headers: { 'www-authenticate': /^Bearer error="invalid_token"/ }, bodySchema: 'getTokenDetails' },
  },
  {
    id: 'code-flow.refresh-after-expiry',
    sentence: 'serves again with the access token a refresh gives once the first has expired',
    source: doc('OAuth API Authorization and Token Generation'),
    requires: ['sandbox', 'clock'],
    before: async (ctx) => {
      await tokensAged(LIFETIME)(ctx);
      const expired = await ctx.send(details(ctx));
      if (expired.status !== 401) throw new Error(`before: the first access token still answers ${expired.status} after ${LIFETIME} s`);
      ctx.state.remember('access', (await granted(ctx, refreshRequest(ctx, ctx.state.recall('refresh')))).access_token);
    },
    request: details,
    expect: { status: 200, bodySchema: 'getTokenDetails' },
  },
];
