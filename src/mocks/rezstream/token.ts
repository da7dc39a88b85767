// The token and revocation endpoints of https://account.rezstream.com (seeds/001: authorization-code flow, refresh tokens with offline_access;
// RFC 6749 §4.1.3 and §6, RFC 7636 §4.6, RFC 7009, OpenID Connect Core §3.1.3). Grants are a map of handlers; the client authenticates
// with HTTP Basic or, as rezStream's Postman collection does, in the body.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { clientAuthentication, formField } from '../../core/oauth2/client-auth.js';
import { verifierMatches } from '../../core/oauth2/pkce.js';
import type { ProviderContext } from '../../core/provider.js';
import { hexHandle } from '../../core/tokens/opaque.js';
import type { RezStreamAccounts } from './accounts.js';
import { issuerOf } from './auth.js';
import type { RezStreamClient } from './data.js';
import { oauthErrors } from './errors.js';
import { ACCESS_TOKEN_LIFETIME, ID_TOKEN_LIFETIME, isApiScope, type Grant, type RezStreamGrants } from './grants.js';

type Form = Record<string, unknown>;

function field(body: Form, name: string): string | undefined {
  const value = formField(body, name);
  if (Array.isArray(value)) throw oauthErrors.invalidRequest(`The '${name}' parameter was sent more than once.`);
  return value;
}

/** The registered client the request authenticates as, or `invalid_client`. */
export function authenticateClient(req: Request, accounts: RezStreamAccounts): RezStreamClient {
  if (!req.is('application/x-www-form-urlencoded')) throw oauthErrors.invalidRequest('The request must be sent as application/x-www-form-urlencoded.');
  const body = (req.body ?? {}) as Form;
  field(body, 'client_id');
  field(body, 'client_secret');
  const auth = clientAuthentication(req.get('authorization'), body);
  if (auth.method === 'both') throw oauthErrors.invalidRequest('Send the client credentials either in the Authorization header or in the body, not both.');
  if (auth.method === 'none' || auth.method === 'malformed') throw oauthErrors.invalidClient('No client credentials were sent.');
  const client = accounts.client(auth.clientId);
  if (!client || auth.clientSecret !== client.clientSecret) throw oauthErrors.invalidClient('Unknown client or invalid client secret.');
  return client;
}

/** OpenID Connect Core §3.1.3.6: the left half of the access token's SHA-256, base64url. */
function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

interface GrantContext {
  req: Request;
  body: Form;
  client: RezStreamClient;
}

type GrantHandler = (g: GrantContext) => Promise<Record<string, unknown>>;

export function tokenEndpoint(accounts: RezStreamAccounts, grants: RezStreamGrants, ctx: ProviderContext): RequestHandler {
  /** The answer IdentityServer gives, fields in its order: id_token, access_token, expires_in, token_type, refresh_token, scope. */
  const respond = async (req: Request, grant: Grant, nonce: string | undefined): Promise<Record<string, unknown>> => {
    const now = ctx.clock.nowSeconds();
    const issuer = issuerOf(ctx, req);
    const keys = await ctx.keys.ready();
    // seeds/001: API tokens are reference tokens with the tenant(s) as subject; a sign-in-only token is a JWT whose subject is the user.
    const accessToken = grant.scopes.some(isApiScope)
      ? grants.issueAccessToken(grant)
      : await keys.sign({ iss: issuer, nbf: now, iat: now, exp: now + ACCESS_TOKEN_LIFETIME, aud: `${issuer}/resources`, scope: grant.scopes, amr: ['pwd'], client_id: grant.clientId ?? undefined, sub: grant.userId ?? undefined, auth_time: grant.authTime, idp: 'local', jti: hexHandle(16) }, 'at+jwt');
    const idToken =
      grant.scopes.includes('openid') && grant.userId
        ? await keys.sign(
            { iss: issuer, nbf: now, iat: now, exp: now + ID_TOKEN_LIFETIME, aud: grant.clientId ?? undefined, amr: ['pwd'], at_hash: atHash(accessToken), sub: grant.userId, auth_time: grant.authTime, idp: 'local', ...(nonce ? { nonce } : {}) },
            'JWT',
          )
        : undefined;
    const refreshToken = grant.scopes.includes('offline_access') ? grants.issueRefreshToken({ grant, nonce }) : undefined;
    return {
      ...(idToken ? { id_token: idToken } : {}),
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_LIFETIME,
      token_type: 'Bearer',
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      scope: grant.scopes.join(' '),
    };
  };

  const handlers: Record<string, GrantHandler> = {
    authorization_code: async ({ req, body, client }) => {
      const code = field(body, 'code');
      if (!code) throw oauthErrors.invalidRequest("The 'code' parameter is required.");
      const found = grants.codes.consume(code);
      if (found.state === 'unknown') throw oauthErrors.invalidGrant('Invalid authorization code.');
      const issued = found.record.data;
      if (found.state === 'revoked') {
        // RFC 6749 §4.1.2: a code presented twice revokes what it was exchanged for.
        for (const token of issued.issued) {
          grants.access.revoke(token);
          grants.refresh.revoke(token);
        }
        throw oauthErrors.invalidGrant('The authorization code has already been used.');
      }
      if (found.state === 'expired') throw oauthErrors.invalidGrant('The authorization code has expired.');
      if (issued.grant.clientId !== client.clientId) throw oauthErrors.invalidGrant('The authorization code was issued to another client.');
      if (field(body, 'redirect_uri') !== issued.redirectUri) throw oauthErrors.invalidGrant('The redirect_uri does not match the one of the authorization request.');
      const verifier = field(body, 'code_verifier');
      if (issued.codeChallenge !== undefined) {
        if (!verifier) throw oauthErrors.invalidGrant('The code_verifier is missing: the authorization request sent a code_challenge.');
        if (!verifierMatches(verifier, issued.codeChallenge)) throw oauthErrors.invalidGrant('The code_verifier does not match the code_challenge.');
      } else if (verifier !== undefined) {
        throw oauthErrors.invalidGrant('A code_verifier was sent, but the authorization request had no code_challenge.');
      }
      const answer = await respond(req, issued.grant, issued.nonce);
      issued.issued.push(String(answer.access_token), ...(answer.refresh_token ? [String(answer.refresh_token)] : []));
      return answer;
    },
    refresh_token: async ({ req, body, client }) => {
      const token = field(body, 'refresh_token');
      if (!token) throw oauthErrors.invalidRequest("The 'refresh_token' parameter is required.");
      // One-time use: each refresh answers with a new refresh token, and the old one is spent.
      const found = grants.refresh.consume(token);
      if (found.state === 'revoked' && found.record.data.grant.clientId === client.clientId) grants.revokeRotatedFrom(found.record.data);
      if (found.state !== 'active' || found.record.data.grant.clientId !== client.clientId) throw oauthErrors.invalidGrant(found.state === 'expired' ? 'The refresh token has expired.' : found.state === 'revoked' ? 'The refresh token has been used or revoked.' : 'Invalid refresh token.');
      const { grant, nonce } = found.record.data;
      const requested = field(body, 'scope')?.split(' ').filter(Boolean);
      if (requested && requested.some((s) => !grant.scopes.includes(s))) throw oauthErrors.invalidScope('The requested scope exceeds the scope granted by the resource owner.');
      const answer = await respond(req, requested ? { ...grant, scopes: requested } : grant, nonce);
      found.record.data.rotatedInto = [String(answer.access_token), ...(answer.refresh_token ? [String(answer.refresh_token)] : [])];
      return answer;
    },
  };

  return async (req, res) => {
    const client = authenticateClient(req, accounts);
    const body = (req.body ?? {}) as Form;
    const grantType = field(body, 'grant_type');
    if (!grantType) throw oauthErrors.invalidRequest("The 'grant_type' parameter is required.");
    const handler = Object.hasOwn(handlers, grantType) ? handlers[grantType] : undefined;
    if (!handler) throw oauthErrors.unsupportedGrant(grantType);
    const answer = await handler({ req, body, client });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(answer);
  };
}

/** RFC 7009: the client revokes its own access or refresh token; unknown tokens are answered 200 too. */
export function revocationEndpoint(accounts: RezStreamAccounts, grants: RezStreamGrants): RequestHandler {
  return (req, res) => {
    const client = authenticateClient(req, accounts);
    const body = (req.body ?? {}) as Form;
    const token = field(body, 'token');
    if (!token) throw oauthErrors.invalidRequest("The 'token' parameter is required.");
    const hint = field(body, 'token_type_hint');
    if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token') throw oauthErrors.error(400, 'unsupported_token_type', `Token type hint '${hint}' is not supported.`);
    const access = grants.access.lookup(token);
    if (access.state !== 'unknown' && access.record.data.clientId === client.clientId) grants.access.revoke(token);
    const refresh = grants.refresh.lookup(token);
    if (refresh.state !== 'unknown' && refresh.record.data.grant.clientId === client.clientId) grants.refresh.revoke(token);
    res.status(200).end();
  };
}
