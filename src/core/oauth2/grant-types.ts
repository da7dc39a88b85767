// The grant handlers every authorization server here shares: authorization_code with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.6), refresh_token
// with rotation (§6, RFC 6819 §5.2.2.3) and client_credentials (§4.4). A provider gives how a token response is made, and its words.
import type { Request } from 'express';
import { singleField, type RegisteredClient } from './clients.js';
import type { OAuthWords } from './failures.js';
import type { CodeRecord, GrantLedger, RefreshRecord } from './ledger.js';
import { verifierMatches } from './pkce.js';
import type { GrantHandler } from './token-endpoint.js';

/** What every grant carries: the scopes it was given. */
export interface ScopedGrant {
  scopes: string[];
}

/** The access and refresh token of an answer: what a reused code or a replayed refresh token revokes. */
function tokensOf(answer: Record<string, unknown>): string[] {
  return [answer.access_token, answer.refresh_token].filter((t): t is string => typeof t === 'string');
}

export interface AuthorizationCodeOptions<C extends RegisteredClient, G> {
  ledger: GrantLedger<G>;
  words: OAuthWords;
  /** `optional`: a token request may leave out the authorization request's redirect_uri (OwnerRez's); when sent it must still match. */
  redirectUri?: 'optional';
  respond: (req: Request, client: C, grant: G, nonce: string | undefined) => Promise<Record<string, unknown>>;
}

export function authorizationCodeGrant<C extends RegisteredClient, G>({ ledger, words, respond, redirectUri }: AuthorizationCodeOptions<C, G>): GrantHandler<C> {
  const invalid = (reason: Parameters<OAuthWords['token']>[0] & { kind: 'invalid_grant' }): never => {
    throw words.token(reason);
  };
  return async ({ req, body, client }) => {
    const code = singleField(body, 'code', words);
    if (!code) throw words.token({ kind: 'missing', name: 'code' });
    const found = ledger.codes.consume(code);
    if (found.state === 'unknown') return invalid({ kind: 'invalid_grant', reason: 'code_unknown' });
    const issued: CodeRecord<G> = found.record.data;
    if (found.state === 'revoked') {
      ledger.revokeIssued(issued.issued);
      return invalid({ kind: 'invalid_grant', reason: 'code_reused' });
    }
    if (found.state === 'expired') return invalid({ kind: 'invalid_grant', reason: 'code_expired' });
    if (issued.clientId !== client.clientId) return invalid({ kind: 'invalid_grant', reason: 'code_other_client' });
    // RFC 6749 §4.1.3: redirect_uri is required, and must match, only when the authorization request included one.
    if (issued.redirectUri !== undefined) {
      const sent = singleField(body, 'redirect_uri', words);
      if (!(sent === undefined && redirectUri === 'optional') && sent !== issued.redirectUri) return invalid({ kind: 'invalid_grant', reason: 'redirect_uri_mismatch' });
    }
    const verifier = singleField(body, 'code_verifier', words);
    if (issued.codeChallenge !== undefined) {
      if (!verifier) return invalid({ kind: 'invalid_grant', reason: 'verifier_missing' });
      if (!verifierMatches(verifier, issued.codeChallenge)) return invalid({ kind: 'invalid_grant', reason: 'verifier_mismatch' });
    } else if (verifier !== undefined) {
      return invalid({ kind: 'invalid_grant', reason: 'verifier_unexpected' });
    }
    const answer = await respond(req, client, issued.grant, issued.nonce);
    issued.issued.push(...tokensOf(answer));
    return answer;
  };
}

export interface RefreshTokenOptions<C extends RegisteredClient, G extends ScopedGrant> {
  ledger: GrantLedger<G>;
  words: OAuthWords;
  /** One-time use: each refresh answers with a new refresh token and spends the old one. */
  rotate: boolean;
  respond: (req: Request, client: C, grant: G, nonce: string | undefined) => Promise<Record<string, unknown>>;
}

export function refreshTokenGrant<C extends RegisteredClient, G extends ScopedGrant>({ ledger, words, rotate, respond }: RefreshTokenOptions<C, G>): GrantHandler<C> {
  return async ({ req, body, client }) => {
    const token = singleField(body, 'refresh_token', words);
    if (!token) throw words.token({ kind: 'missing', name: 'refresh_token' });
    // Looked up, not spent, until the request is found good: another client presenting it, or a scope beyond the grant, leaves it usable.
    const found = ledger.refresh.lookup(token);
    const ours = found.state !== 'unknown' && found.record.data.clientId === client.clientId;
    if (ours && found.state === 'revoked') ledger.revokeRotatedFrom(found.record.data);
    if (!ours || found.state !== 'active') {
      const reason = found.state === 'expired' ? 'refresh_expired' : found.state === 'revoked' ? 'refresh_revoked' : 'refresh_unknown';
      throw words.token({ kind: 'invalid_grant', reason });
    }
    const record: RefreshRecord<G> = found.record.data;
    const requested = singleField(body, 'scope', words)?.split(' ').filter(Boolean);
    if (requested && requested.some((s) => !record.grant.scopes.includes(s))) throw words.token({ kind: 'invalid_scope', reason: 'exceeds_grant' });
    if (rotate) ledger.refresh.consume(token);
    const answer = await respond(req, client, requested ? { ...record.grant, scopes: requested } : record.grant, record.nonce);
    if (rotate) record.rotatedInto = tokensOf(answer);
    return answer;
  };
}

export interface ClientCredentialsOptions<C extends RegisteredClient> {
  words: OAuthWords;
  /** The scopes this client may ask for. */
  scopesOf: (client: C) => readonly string[];
  /** Whether a request without `scope` is refused (Okta's authorization servers have no default scope). */
  scopeRequired: boolean;
  respond: (req: Request, client: C, scopes: string[]) => Promise<Record<string, unknown>>;
}

export function clientCredentialsGrant<C extends RegisteredClient>({ words, scopesOf, scopeRequired, respond }: ClientCredentialsOptions<C>): GrantHandler<C> {
  return async ({ req, body, client }) => {
    const scope = singleField(body, 'scope', words);
    if (!scope && scopeRequired) throw words.token({ kind: 'invalid_scope', reason: 'missing' });
    const allowed = scopesOf(client);
    // Split on single spaces: a doubled space names an empty scope, which no server grants.
    const scopes = scope ? scope.split(' ') : [...allowed];
    if (scopes.some((s) => !allowed.includes(s))) throw words.token({ kind: 'invalid_scope', reason: 'unknown' });
    return respond(req, client, scopes);
  };
}
