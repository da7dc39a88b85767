import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, eachDate, isValidDate, zonedToUtc } from './dates.js';

describe('dates', () => {
  it('counts days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(eachDate('2026-01-30', '2026-02-01')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01']);
  });

  it('refuses impossible dates', () => {
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-2-3')).toBe(false);
  });

  it('converts a local check-in time to UTC in and out of daylight saving time', () => {
    expect(zonedToUtc('2026-07-01', '15:00', 'America/Chicago').toISOString()).toBe('2026-07-01T20:00:00.000Z');
    expect(zonedToUtc('2026-12-01', '15:00', 'America/Chicago').toISOString()).toBe('2026-12-01T21:00:00.000Z');
    expect(zonedToUtc('2026-12-01', '11:00', 'Asia/Jerusalem').toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });
});
