// https://account.rezstream.com's discovery (seeds/001: "a well-known configuration endpoint which facilitates endpoint and public key discovery";
// OpenID Connect Discovery 1.0, RFC 8414), its JWKS at IdentityServer's path, and userinfo (OpenID Connect Core §5.3).
import type { Request, RequestHandler } from 'express';
import { bearerToken } from '../../core/http-auth.js';
import type { ProviderContext, RouteSpec } from '../../core/provider.js';
import type { RezStreamAccounts } from './accounts.js';
import { issuerOf } from './auth.js';
import { oauthErrors } from './errors.js';
import { API_SCOPES, IDENTITY_SCOPES, type RezStreamGrants } from './grants.js';

function discovery(issuer: string): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    authorization_endpoint: `${issuer}/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    revocation_endpoint: `${issuer}/connect/revocation`,
    scopes_supported: [...Object.keys(IDENTITY_SCOPES), ...Object.keys(API_SCOPES)],
    claims_supported: ['sub', 'name', 'given_name', 'family_name', 'preferred_username', 'email', 'email_verified'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    code_challenge_methods_supported: ['S256'],
    request_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
  };
}

function userinfo(accounts: RezStreamAccounts, grants: RezStreamGrants, ctx: ProviderContext): RequestHandler {
  const claimsOf = async (req: Request, token: string): Promise<{ userId: string; scopes: string[] } | undefined> => {
    const reference = grants.access.lookup(token);
    if (reference.state === 'active') return reference.record.data.userId ? { userId: reference.record.data.userId, scopes: reference.record.data.scopes } : undefined;
    if (reference.state !== 'unknown') return undefined;
    // A sign-in-only access token is a JWT: checked against the keys, the issuer and the virtual clock.
    const claims = await (await ctx.keys.ready()).verifySignature(token);
    if (!claims || claims.iss !== issuerOf(ctx, req) || typeof claims.exp !== 'number' || ctx.clock.nowSeconds() >= claims.exp || typeof claims.sub !== 'string') return undefined;
    return { userId: claims.sub, scopes: Array.isArray(claims.scope) ? claims.scope.map(String) : [] };
  };
  return async (req, res) => {
    const token = bearerToken(req.get('authorization'));
    if (token === undefined) throw oauthErrors.userinfo(401, 'invalid_request', 'A bearer access token is required.');
    const found = await claimsOf(req, token);
    const user = found ? accounts.userById(found.userId) : undefined;
    if (!found || !user) throw oauthErrors.userinfo(401, 'invalid_token', 'The access token is invalid, expired or revoked.');
    if (!found.scopes.includes('openid')) throw oauthErrors.userinfo(403, 'insufficient_scope', 'The access token was not issued with the openid scope.');
    res.set('Cache-Control', 'no-store').json({
      sub: user.id,
      ...(found.scopes.includes('profile') ? { name: `${user.givenName} ${user.familyName}`, given_name: user.givenName, family_name: user.familyName, preferred_username: user.username } : {}),
      ...(found.scopes.includes('email') ? { email: user.username, email_verified: true } : {}),
    });
  };
}

/** Discovery, the JWKS and userinfo, around the routes of the authorization server (authorize, sign-in, consent, token, revocation). */
export function identityRoutes(accounts: RezStreamAccounts, grants: RezStreamGrants, authorizationServer: readonly RouteSpec[], ctx: ProviderContext): RouteSpec[] {
  const info = userinfo(accounts, grants, ctx);
  return [
    {
      method: 'get',
      path: '/.well-known/openid-configuration',
      operationId: 'getOpenIdConfiguration',
      validate: false,
      handle: (req, res) => void res.json(discovery(issuerOf(ctx, req))),
    },
    {
      method: 'get',
      path: '/.well-known/openid-configuration/jwks',
      operationId: 'getJwks',
      validate: false,
      handle: async (_req, res) => void res.json((await ctx.keys.ready()).jwks()),
    },
    ...authorizationServer,
    { method: 'get', path: '/connect/userinfo', operationId: 'getUserInfo', validate: false, handle: info },
    { method: 'post', path: '/connect/userinfo', validate: false, handle: info },
  ];
}
