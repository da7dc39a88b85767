import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';

describe('Clock', () => {
  it('starts at real time', () => {
    const clock = new Clock();
    expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(1000);
  });

  it('moves 24 hours ahead in one call', () => {
    const clock = new Clock();
    expect(clock.freeze('2030-01-01T00:00:00Z').frozen).toBe(true);
    clock.advance(86_400);
    expect(clock.now().toISOString()).toBe('2030-01-02T00:00:00.000Z');
  });

  it('stands still while frozen and runs on from there when unfrozen', () => {
    const clock = new Clock();
    clock.set('2030-01-01T00:00:00Z');
    clock.freeze();
    const first = clock.nowMs();
    expect(clock.nowMs()).toBe(first);
    clock.unfreeze();
    expect(clock.nowMs()).toBeGreaterThanOrEqual(first);
    expect(clock.nowSeconds()).toBe(Math.floor(Date.parse('2030-01-01T00:00:00Z') / 1000));
  });

  it('refuses a value that is not a date', () => {
    expect(() => new Clock().set('yesterday-ish')).toThrow(RangeError);
  });
});
