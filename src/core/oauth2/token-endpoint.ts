// The token endpoint (RFC 6749 §3.2): the client authenticates once, then the grant type picks a handler from the provider's grant map, as
// navikt's mock-oauth2-server keeps one map of grants for every issuer. Every failure is thrown in the provider's words.
import type { Request, RequestHandler } from 'express';
import { authenticateClient, singleField, type ClientLookup, type Form, type RegisteredClient } from './clients.js';
import type { OAuthWords } from './failures.js';

export interface GrantRequest<C extends RegisteredClient> {
  req: Request;
  body: Form;
  client: C;
}

/** One grant type: answers the token response, fields in the provider's order. */
export type GrantHandler<C extends RegisteredClient> = (request: GrantRequest<C>) => Promise<Record<string, unknown>>;

export interface TokenEndpointOptions<C extends RegisteredClient> {
  clients: ClientLookup<C>;
  words: OAuthWords;
  grants: Readonly<Record<string, GrantHandler<C>>>;
}

/** RFC 6749 §5.1: a token response is never cached. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export function tokenEndpoint<C extends RegisteredClient>({ clients, words, grants }: TokenEndpointOptions<C>): RequestHandler {
  const supported = Object.keys(grants);
  return async (req, res) => {
    const client = authenticateClient(req, clients, words);
    const body = (req.body ?? {}) as Form;
    const grantType = singleField(body, 'grant_type', words);
    if (!grantType) throw words.token({ kind: 'missing', name: 'grant_type' });
    const handler = Object.hasOwn(grants, grantType) ? grants[grantType] : undefined;
    if (!handler) throw words.token({ kind: 'unsupported_grant', grantType, supported });
    const answer = await handler({ req, body, client });
    res.set(NO_STORE).json(answer);
  };
}
