// The authorization server's own credentials: single-use authorization codes (RFC 6749 §4.1.2) and refresh tokens, rotated when the provider
// asks (RFC 6819 §5.2.2.3), on the virtual clock. A code presented twice, or a spent refresh token presented again, revokes what came of it.
import type { Clock } from '../clock.js';
import { hexHandle, OpaqueTokens } from '../tokens/opaque.js';

export interface CodeRecord<G> {
  grant: G;
  clientId: string;
  /** The redirect URI of the authorization request; none where the provider delivers the code itself (Entrata's app launch). */
  redirectUri: string | undefined;
  codeChallenge: string | undefined;
  nonce: string | undefined;
  /** Tokens issued from the code, revoked if the code is ever presented again. */
  issued: string[];
}

export interface RefreshRecord<G> {
  grant: G;
  clientId: string;
  nonce: string | undefined;
  /** The access and refresh tokens this one was rotated into, once spent. */
  rotatedInto?: string[];
}

export interface LedgerOptions {
  codeLifetimeSeconds: number;
  refreshLifetimeSeconds: number;
  /** The provider's access tokens live in its own store (they are checked by its API gate); revoking one goes through this. */
  revokeAccess: (token: string) => void;
  /** The format of codes and refresh tokens; IdentityServer's 32-byte upper-case hex by default. */
  handle?: () => string;
}

export class GrantLedger<G> {
  readonly codes: OpaqueTokens<CodeRecord<G>>;
  readonly refresh: OpaqueTokens<RefreshRecord<G>>;
  private readonly handle: () => string;

  constructor(clock: Clock, private readonly options: LedgerOptions) {
    this.codes = new OpaqueTokens(clock);
    this.refresh = new OpaqueTokens(clock);
    this.handle = options.handle ?? (() => hexHandle());
  }

  issueCode(code: Omit<CodeRecord<G>, 'issued'>): string {
    return this.codes.register(this.handle(), { ...code, issued: [] }, this.options.codeLifetimeSeconds);
  }

  issueRefreshToken(refresh: Omit<RefreshRecord<G>, 'rotatedInto'>): string {
    return this.refresh.register(this.handle(), refresh, this.options.refreshLifetimeSeconds);
  }

  /** Revokes access and refresh tokens alike (what a reused code gave), and what a refresh token among them was rotated into since. */
  revokeIssued(tokens: readonly string[]): void {
    for (const token of tokens) {
      this.options.revokeAccess(token);
      const refresh = this.refresh.lookup(token);
      if (refresh.state === 'unknown') continue;
      this.refresh.revoke(token);
      this.revokeRotatedFrom(refresh.record.data);
    }
  }

  /** A spent refresh token presented again: everything rotated from it, down the chain, is revoked. */
  revokeRotatedFrom(record: RefreshRecord<G>): void {
    const pending = [...(record.rotatedInto ?? [])];
    while (pending.length > 0) {
      const token = pending.pop()!;
      this.options.revokeAccess(token);
      const next = this.refresh.lookup(token);
      if (next.state === 'unknown') continue;
      this.refresh.revoke(token);
      pending.push(...(next.record.data.rotatedInto ?? []));
    }
  }

  reset(): void {
    this.codes.reset();
    this.refresh.reset();
  }
}
