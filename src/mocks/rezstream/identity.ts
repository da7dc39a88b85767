// https://account.rezstream.com's discovery (seeds/001: "a well-known configuration endpoint which facilitates endpoint and public key discovery";
// OpenID Connect Discovery 1.0, RFC 8414), its JWKS at IdentityServer's path, and userinfo (OpenID Connect Core §5.3).
import type { Request, RequestHandler } from 'express';
import { bearerToken } from '../../core/http-auth.js';
import type { AuthorizationServer } from '../../core/oauth2/authorization-server.js';
import type { ProviderContext, RouteSpec } from '../../core/provider.js';
import type { RezStreamAccounts } from './accounts.js';
import { issuerOf } from './auth.js';
import { oauthErrors } from './errors.js';
import { API_SCOPES, IDENTITY_SCOPES, type RezStreamGrants } from './grants.js';

/** The authorization server's own metadata (core), with what the identity site adds: JWKS, userinfo, scopes, claims, ID tokens. */
function discovery(server: IdentityServer, req: Request): Record<string, unknown> {
  const metadata = server.metadata(req);
  const issuer = String(metadata.issuer);
  return {
    ...metadata,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    scopes_supported: [...Object.keys(IDENTITY_SCOPES), ...Object.keys(API_SCOPES)],
    claims_supported: ['sub', 'name', 'given_name', 'family_name', 'preferred_username', 'email', 'email_verified'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    request_parameter_supported: false,
  };
}

/** What the identity routes take of the core authorization server. */
export type IdentityServer = Pick<AuthorizationServer<unknown, unknown>, 'routes' | 'metadata'>;

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
export function identityRoutes(accounts: RezStreamAccounts, grants: RezStreamGrants, authorizationServer: IdentityServer, ctx: ProviderContext): RouteSpec[] {
  const info = userinfo(accounts, grants, ctx);
  return [
    {
      method: 'get',
      path: '/.well-known/openid-configuration',
      operationId: 'getOpenIdConfiguration',
      validate: false,
      handle: (req, res) => void res.json(discovery(authorizationServer, req)),
    },
    {
      method: 'get',
      path: '/.well-known/openid-configuration/jwks',
      operationId: 'getJwks',
      validate: false,
      handle: async (_req, res) => void res.json((await ctx.keys.ready()).jwks()),
    },
    ...authorizationServer.routes,
    { method: 'get', path: '/connect/userinfo', operationId: 'getUserInfo', validate: false, handle: info },
    { method: 'post', path: '/connect/userinfo', validate: false, handle: info },
  ];
}
