// Guesty's token endpoints on the core authorization server (seed document 003, "Authentication"): client credentials only, `scope` required,
// five tokens per client per 24 hours, RS256 JWT access tokens shaped like the document's sample; failures in Okta's words.
import type { Request } from 'express';
import { createAuthorizationServer, type AuthorizationServer } from '../../core/oauth2/authorization-server.js';
import type { OAuthWords } from '../../core/oauth2/failures.js';
import type { ProviderContext } from '../../core/provider.js';
import type { ScopedGrant } from '../../core/oauth2/grant-types.js';
import type { WindowRule } from '../../core/rate-limit.js';
import { randomToken } from '../../core/tokens/opaque.js';
import type { GuestyAccounts } from './accounts.js';
import { issuerUrl, TOKEN_LIFETIME_SECONDS, type GuestyApi } from './auth.js';
import type { GuestyClient } from './types.js';
import { guestyErrors, tokenErrors } from './errors.js';

/** "You can generate a maximum of five access tokens per 24 hours, per clientId." */
const TOKEN_QUOTA: readonly WindowRule[] = [{ name: 'Day', limit: 5, windowSeconds: 86_400, mode: 'sliding' }];

/** Okta's words; failures a client-credentials server never meets (codes, refresh tokens) fall back to the RFC's code and a plain description. */
export const tokenWords: OAuthWords = {
  token: (failure) => {
    switch (failure.kind) {
      case 'not_form':
        return tokenErrors.notForm();
      case 'repeated':
        return tokenErrors.repeated(failure.name);
      case 'missing':
        return failure.name === 'grant_type' ? tokenErrors.noGrant() : guestyErrors.oauth(400, 'invalid_request', `The '${failure.name}' parameter is required.`);
      case 'two_client_authentications':
        return tokenErrors.twoClientAuthentications();
      case 'no_client':
        return tokenErrors.noClient();
      case 'unknown_client':
        return tokenErrors.unknownClient();
      case 'wrong_secret':
        return tokenErrors.wrongSecret();
      case 'unsupported_grant':
        return tokenErrors.unsupportedGrant();
      case 'invalid_scope':
        return failure.reason === 'missing' ? tokenErrors.noScope() : tokenErrors.wrongScope();
      case 'invalid_grant':
        return guestyErrors.oauth(400, 'invalid_grant', 'The authorization grant is invalid.');
      case 'unsupported_token_type':
        return guestyErrors.oauth(400, 'unsupported_token_type', 'The token type is not supported.');
    }
  },
};

/** The token endpoint of one Guesty API (Open API or Booking Engine), each with its own clients, scope and audience. */
export function guestyTokenServer(api: GuestyApi, accounts: GuestyAccounts, ctx: ProviderContext, tokenOperationId?: string): AuthorizationServer<ScopedGrant, undefined> {
  const respond = async (req: Request, client: GuestyClient, requested: string[]): Promise<Record<string, unknown>> => {
    const scopes = [...new Set(requested)];
    const quota = ctx.quotas.take(`guesty-token:${api.name}:${client.clientId}`, TOKEN_QUOTA);
    if (!quota.allowed) throw guestyErrors.rateLimited(quota.retryAfterSeconds);
    const iat = ctx.clock.nowSeconds();
    const keys = await ctx.keys.ready();
    const accessToken = await keys.sign({
      ver: 1,
      jti: `AT.${randomToken(43)}`,
      iss: issuerUrl(ctx.sandboxUrl(req), api),
      aud: api.audience,
      iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      cid: client.clientId,
      scp: scopes,
      requester: 'EXTERNAL',
      accountId: client.accountId,
      sub: client.clientId,
      userRoles: [{ roleId: { permissions: ['admin'] } }],
      role: 'user',
      iam: 'v3',
      name: accounts.account(client.accountId)?.name ?? 'API client',
    });
    return { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken, scope: scopes.join(' ') };
  };
  return createAuthorizationServer<GuestyClient, ScopedGrant>({
    clock: ctx.clock,
    clients: (clientId) => accounts.client(api.name, clientId),
    words: tokenWords,
    tokenPath: '/oauth2/token',
    ...(tokenOperationId ? { tokenOperationId } : {}),
    clientCredentials: { scopesOf: () => [api.scope], scopeRequired: true, respond },
  });
}
