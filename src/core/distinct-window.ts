// A limit on how many different things one key may reach within a sliding window on the virtual clock: OwnerRez's "any given IP address
// may only access two different user accounts within 24 hours". A value counts from its last use, so the limit holds in every window.
import type { Clock } from './clock.js';

export type DistinctVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; reached: string[] };

export class DistinctWindow {
  /** key → value → when the key last reached it (ms). */
  private lastUse = new Map<string, Map<string, number>>();

  constructor(private readonly clock: Clock, private readonly limit: number, private readonly windowSeconds: number) {}

  /** Counts a use of `value` by `key`, unless it would be the limit's next different value; a refused use counts nowhere. */
  take(key: string, value: string): DistinctVerdict {
    const now = this.clock.nowMs();
    const windowMs = this.windowSeconds * 1000;
    const used = this.lastUse.get(key) ?? new Map<string, number>();
    for (const [v, at] of used) if (at <= now - windowMs) used.delete(v);
    if (!used.has(value) && used.size >= this.limit) {
      const oldest = Math.min(...used.values());
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)), reached: [...used.keys()] };
    }
    used.set(value, now);
    this.lastUse.set(key, used);
    return { allowed: true };
  }

  reset(): void {
    this.lastUse.clear();
  }
}
