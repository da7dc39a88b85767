// Opaque (reference) tokens: a prefix and random characters, looked up in memory, expiring on the virtual clock, revocable.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';

export interface OpaqueTokenRecord<T> {
  data: T;
  issuedAt: number;
  expiresAt: number | undefined;
  revoked: boolean;
}

export type OpaqueLookup<T> =
  | { state: 'active'; record: OpaqueTokenRecord<T> }
  | { state: 'expired' | 'revoked'; record: OpaqueTokenRecord<T> }
  | { state: 'unknown' };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters from [A-Za-z0-9]; unbiased by rejecting bytes past the last whole multiple. */
export function randomToken(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

/** IdentityServer's handle format for reference tokens, refresh tokens and codes: 32 random bytes as upper-case hex. */
export function hexHandle(bytes = 32): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

export class OpaqueTokens<T> {
  private records = new Map<string, OpaqueTokenRecord<T>>();
  /** Bumped whenever a token comes to stand for another record (registered, or all forgotten); revocation is the record's own flag. */
  private changes = 0;

  constructor(private readonly clock: Clock) {}

  issue(prefix: string, data: T, lifetimeSeconds?: number, length = 40): string {
    return this.register(`${prefix}${randomToken(length)}`, data, lifetimeSeconds);
  }

  /** Records a token made elsewhere (a seeded one, or one of another format). */
  register(token: string, data: T, lifetimeSeconds?: number): string {
    const issuedAt = this.clock.nowMs();
    this.changes += 1;
    this.records.set(token, { data, issuedAt, expiresAt: lifetimeSeconds === undefined ? undefined : issuedAt + lifetimeSeconds * 1000, revoked: false });
    return token;
  }

  lookup(token: string): OpaqueLookup<T> {
    const record = this.records.get(token);
    if (!record) return { state: 'unknown' };
    if (record.revoked) return { state: 'revoked', record };
    if (record.expiresAt !== undefined && this.clock.nowMs() >= record.expiresAt) return { state: 'expired', record };
    return { state: 'active', record };
  }

  /** What `holds` can be told so that, while no token has been registered or forgotten since, it need not look the token up again. */
  get version(): number {
    return this.changes;
  }

  /**
   * Whether `record` is still what `token` stands for, unrevoked and unexpired: a lookup a gate can repeat without allocating, and without
   * hashing the token (a long JWT) when nothing was registered or forgotten since `seen` (a `version` read when the record was found).
   */
  holds(token: string, record: OpaqueTokenRecord<T>, seen?: number): boolean {
    return (seen === this.changes || this.records.get(token) === record) && !record.revoked && (record.expiresAt === undefined || this.clock.nowMs() < record.expiresAt);
  }

  /** Single use (authorization codes, rotated refresh tokens): the lookup, after which the token counts as revoked. */
  consume(token: string): OpaqueLookup<T> {
    const found = this.lookup(token);
    if (found.state !== 'unknown') found.record.revoked = true;
    return found;
  }

  revoke(token: string): boolean {
    const record = this.records.get(token);
    if (!record) return false;
    record.revoked = true;
    return true;
  }

  entries(): Array<[string, OpaqueTokenRecord<T>]> {
    return [...this.records.entries()];
  }

  reset(): void {
    this.changes += 1;
    this.records.clear();
  }
}
