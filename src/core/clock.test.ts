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

  it('refuses to stand outside years 1970 to 9999, and stays where it was', () => {
    const clock = new Clock();
    clock.freeze('2030-01-01T00:00:00Z');
    expect(() => clock.set('+275760-09-13T00:00:00.000Z')).toThrow(RangeError);
    expect(() => clock.set('1969-12-31T23:59:59Z')).toThrow(RangeError);
    expect(() => clock.advance(1e300)).toThrow(RangeError);
    expect(() => clock.advance(-8.7e12)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(clock.set('9999-12-31T23:59:59.999Z').now).toBe('9999-12-31T23:59:59.999Z');
  });
});
