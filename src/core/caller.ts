// Who is calling, resolved once by a provider's gate into one typed value that handlers read through one typed accessor, never a cast.
import type { Response } from 'express';

/** How the caller proved who it is, in the providers' words. */
export type CredentialKind =
  /** A token from an OAuth flow (authorization code or client credentials). */
  | 'oauth_access_token'
  /** A long-lived token a person made in the provider's portal (rezStream's manual tenant tokens, OwnerRez's and Hospitable's personal access tokens). */
  | 'personal_access_token'
  | 'client_credentials'
  /** A user's own username and password over HTTP Basic (Entrata's general API). */
  | 'user_password';

export interface Caller<Details = undefined> {
  credential: CredentialKind;
  /** The account (Guesty, OwnerRez, Hospitable) or tenant (rezStream, Entrata's company) the request acts for, when one is known. */
  accountId: string | undefined;
  userId: string | undefined;
  clientId: string | undefined;
  /** The scopes or permissions the credential carries. */
  scopes: readonly string[];
  /** Undefined for credentials that live until revoked. */
  expiresAtMs: number | undefined;
  /** What else the provider's gate resolved (rezStream's whole grant). */
  details: Details;
}

/**
 * The one place a caller is kept for a request: a gate `set`s it, handlers `get` it. Keyed by the response object so it dies with the
 * request; typed by the slot, so nothing downstream casts.
 */
export class CallerSlot<C extends Caller<unknown>> {
  private readonly callers = new WeakMap<Response, C>();

  constructor(private readonly provider: string) {}

  set(res: Response, caller: C): void {
    this.callers.set(res, caller);
  }

  get(res: Response): C {
    const caller = this.callers.get(res);
    // A handler mounted without its gate is the sandbox's bug, not the client's.
    if (!caller) throw new Error(`no ${this.provider} caller for this request: the route has no gate`);
    return caller;
  }
}
