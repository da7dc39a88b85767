// Quota windows on the virtual clock: fixed windows (per second/minute/hour API limits) and sliding ones (N tokens in any 24 hours).
import type { Clock } from './clock.js';

export interface WindowRule {
  /** Names the window in headers, e.g. `Second`, `Minute`, `Hour`. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** `fixed`: counts reset on window boundaries; `sliding`: a hit counts for exactly `windowSeconds` after it. */
  mode: 'fixed' | 'sliding';
}

export interface WindowVerdict {
  rule: WindowRule;
  /** Hits left in this window after this one. */
  remaining: number;
  /** Seconds until this window admits another hit (0 when it already does). */
  retryAfterSeconds: number;
}

export interface QuotaDecision {
  allowed: boolean;
  verdicts: WindowVerdict[];
  retryAfterSeconds: number;
}

interface FixedCount {
  windowStart: number;
  count: number;
}

export class QuotaWindows {
  private fixed = new Map<string, FixedCount>();
  private sliding = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Counts one hit for `key` against every rule, unless one of them is exhausted: a refused hit counts nowhere. */
  take(key: string, rules: readonly WindowRule[]): QuotaDecision {
    const now = this.clock.nowMs();
    const before = rules.map((rule) => this.used(key, rule, now));
    const refused = before.filter((b) => b.used >= b.rule.limit);
    if (refused.length > 0) {
      const verdicts = before.map((b) => ({ rule: b.rule, remaining: Math.max(0, b.rule.limit - b.used), retryAfterSeconds: b.used >= b.rule.limit ? b.retryAfterSeconds : 0 }));
      return { allowed: false, verdicts, retryAfterSeconds: Math.max(...refused.map((b) => b.retryAfterSeconds)) };
    }
    for (const b of before) this.count(key, b.rule, now);
    return { allowed: true, verdicts: before.map((b) => ({ rule: b.rule, remaining: b.rule.limit - b.used - 1, retryAfterSeconds: 0 })), retryAfterSeconds: 0 };
  }

  private used(key: string, rule: WindowRule, now: number): { rule: WindowRule; used: number; retryAfterSeconds: number } {
    const windowMs = rule.windowSeconds * 1000;
    const id = `${key}\u0000${rule.name}`;
    if (rule.mode === 'fixed') {
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const entry = this.fixed.get(id);
      const used = entry && entry.windowStart === windowStart ? entry.count : 0;
      return { rule, used, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
    }
    const hits = (this.sliding.get(id) ?? []).filter((t) => t > now - windowMs);
    this.sliding.set(id, hits);
    const oldest = hits[0];
    return { rule, used: hits.length, retryAfterSeconds: oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
  }

  private count(key: string, rule: WindowRule, now: number): void {
    const id = `${key}\u0000${rule.name}`;
    if (rule.mode === 'fixed') {
      const windowMs = rule.windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const entry = this.fixed.get(id);
      if (entry && entry.windowStart === windowStart) entry.count += 1;
      else this.fixed.set(id, { windowStart, count: 1 });
    } else {
      this.sliding.get(id)!.push(now);
    }
  }

  reset(): void {
    this.fixed.clear();
    this.sliding.clear();
  }
}
