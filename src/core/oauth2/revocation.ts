// Token revocation (RFC 7009): the client revokes its own access or refresh token; an unknown token, or another client's, is answered 200 too.
import type { RequestHandler } from 'express';
import { authenticateClient, singleField, type ClientLookup, type Form, type RegisteredClient } from './clients.js';
import type { OAuthWords } from './failures.js';
import type { GrantLedger } from './ledger.js';

export interface RevocationOptions<C extends RegisteredClient, G> {
  clients: ClientLookup<C>;
  words: OAuthWords;
  ledger: GrantLedger<G>;
  /** Revokes an access token of the provider's store if `client` holds it. */
  revokeAccess: (token: string, client: C) => void;
}

export function revocationEndpoint<C extends RegisteredClient, G>({ clients, words, ledger, revokeAccess }: RevocationOptions<C, G>): RequestHandler {
  return (req, res) => {
    const client = authenticateClient(req, clients, words);
    const body = (req.body ?? {}) as Form;
    const token = singleField(body, 'token', words);
    if (!token) throw words.token({ kind: 'missing', name: 'token' });
    const hint = singleField(body, 'token_type_hint', words);
    if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token') throw words.token({ kind: 'unsupported_token_type', hint });
    revokeAccess(token, client);
    const refresh = ledger.refresh.lookup(token);
    if (refresh.state !== 'unknown' && refresh.record.data.clientId === client.clientId) ledger.refresh.revoke(token);
    res.status(200).end();
  };
}
