// The clients an authorization server knows, as the provider registers them, and the request's client authenticated against them.
import type { Request } from 'express';
import { clientAuthentication, formField } from './client-auth.js';
import type { OAuthWords } from './failures.js';

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  /** Compared exactly (RFC 6749 §3.1.2.3, as IdentityServer and Okta do). None for clients without the code flow. */
  redirectUris?: readonly string[];
  /** Shown on the sign-in and consent pages. */
  name?: string;
}

/** The provider's client store: core only looks clients up. */
export type ClientLookup<C extends RegisteredClient> = (clientId: string) => C | undefined;

export type Form = Record<string, unknown>;

/** A form field sent at most once, else the provider's `repeated` error. */
export function singleField(body: Form, name: string, words: OAuthWords): string | undefined {
  const value = formField(body, name);
  if (Array.isArray(value)) throw words.token({ kind: 'repeated', name });
  return value;
}

/**
 * RFC 6749 §2.3.1 at a token or revocation endpoint: the form body, then exactly one way of sending the credentials, then the client and its
 * secret. Each failure is the provider's words.
 */
export function authenticateClient<C extends RegisteredClient>(req: Request, clients: ClientLookup<C>, words: OAuthWords): C {
  if (!req.is('application/x-www-form-urlencoded')) throw words.token({ kind: 'not_form' });
  const body = (req.body ?? {}) as Form;
  singleField(body, 'client_id', words);
  singleField(body, 'client_secret', words);
  const auth = clientAuthentication(req.get('authorization'), body);
  if (auth.method === 'both') throw words.token({ kind: 'two_client_authentications' });
  if (auth.method === 'none' || auth.method === 'malformed') throw words.token({ kind: 'no_client' });
  return clientNamed(auth.clientId, auth.clientSecret, clients, words);
}

/** The client an id and secret name, wherever the provider carries them (a form, Basic, Entrata's `auth` object); each failure in its words. */
export function clientNamed<C extends RegisteredClient>(clientId: string | undefined, clientSecret: string | undefined, clients: ClientLookup<C>, words: OAuthWords): C {
  if (clientId === undefined || clientId === '') throw words.token({ kind: 'no_client' });
  const client = clients(clientId);
  if (!client) throw words.token({ kind: 'unknown_client' });
  if (clientSecret !== client.clientSecret) throw words.token({ kind: 'wrong_secret' });
  return client;
}
