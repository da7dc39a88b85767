import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, eachDate, isoInstant, isValidDate, zonedIso, zonedToUtc } from './dates.js';

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

describe('isoInstant', () => {
  it('trims trailing zeros of the fraction as .NET does', () => {
    expect(isoInstant(Date.parse('2021-10-01T14:44:54.030Z'))).toBe('2021-10-01T14:44:54.03Z');
    expect(isoInstant(Date.parse('2021-10-01T14:44:54.000Z'))).toBe('2021-10-01T14:44:54Z');
    expect(isoInstant(Date.parse('2021-10-01T14:44:00.000Z'))).toBe('2021-10-01T14:44:00Z');
    expect(isoInstant(Date.parse('2021-10-01T14:44:54.123Z'))).toBe('2021-10-01T14:44:54.123Z');
  });
});

describe('zonedIso', () => {
  it('writes a local time with the zone offset of that date', () => {
    expect(zonedIso('2023-03-10', '16:00', 'America/Denver')).toBe('2023-03-10T16:00:00-07:00');
    expect(zonedIso('2023-07-10', '16:00', 'America/Denver')).toBe('2023-07-10T16:00:00-06:00');
    expect(zonedIso('2023-07-10', '10:00', 'Pacific/Honolulu')).toBe('2023-07-10T10:00:00-10:00');
    expect(zonedIso('2023-07-10', '10:00', 'Asia/Kolkata')).toBe('2023-07-10T10:00:00+05:30');
  });
});
