import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';
import { QuotaWindows, type WindowRule } from './rate-limit.js';

const DAILY: WindowRule[] = [{ name: 'Day', limit: 5, windowSeconds: 86_400, mode: 'sliding' }];
const PER_SECOND: WindowRule[] = [{ name: 'Second', limit: 2, windowSeconds: 1, mode: 'fixed' }];

function frozenClock(at = '2030-01-01T00:00:00Z'): Clock {
  const clock = new Clock();
  clock.set(at);
  clock.freeze();
  return clock;
}

describe('QuotaWindows', () => {
  it('admits five hits in a sliding day and refuses the sixth', () => {
    const quotas = new QuotaWindows(frozenClock());
    const results = Array.from({ length: 6 }, () => quotas.take('client', DAILY));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results[4]!.verdicts[0]!.remaining).toBe(0);
    expect(results[5]!.retryAfterSeconds).toBe(86_400);
  });

  it('admits a hit again exactly when the oldest leaves the sliding window', () => {
    const clock = frozenClock();
    const quotas = new QuotaWindows(clock);
    quotas.take('client', DAILY);
    clock.advance(3600);
    for (let i = 0; i < 4; i += 1) quotas.take('client', DAILY);
    clock.advance(86_400 - 3600 - 1);
    expect(quotas.take('client', DAILY).allowed).toBe(false);
    clock.advance(1);
    expect(quotas.take('client', DAILY).allowed).toBe(true);
    expect(quotas.take('client', DAILY).allowed).toBe(false);
  });

  it('counts a refused hit nowhere', () => {
    const clock = frozenClock();
    const quotas = new QuotaWindows(clock);
    const rules: WindowRule[] = [...PER_SECOND, { name: 'Minute', limit: 10, windowSeconds: 60, mode: 'fixed' }];
    quotas.take('k', rules);
    quotas.take('k', rules);
    expect(quotas.take('k', rules).allowed).toBe(false);
    clock.advance(1);
    const next = quotas.take('k', rules);
    expect(next.allowed).toBe(true);
    expect(next.verdicts.find((v) => v.rule.name === 'Minute')!.remaining).toBe(7);
  });

  it('keeps keys apart and forgets everything on reset', () => {
    const quotas = new QuotaWindows(frozenClock());
    quotas.take('a', PER_SECOND);
    quotas.take('a', PER_SECOND);
    expect(quotas.take('b', PER_SECOND).allowed).toBe(true);
    expect(quotas.take('a', PER_SECOND).allowed).toBe(false);
    quotas.reset();
    expect(quotas.take('a', PER_SECOND).allowed).toBe(true);
  });
});
