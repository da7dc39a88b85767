// Calendar-date arithmetic on plain `YYYY-MM-DD` strings, and local wall-clock times in a named time zone converted to UTC.

const DAY_MS = 86_400_000;

/** Dates written and read, by day number and by text: reads ask for today and the same few days on every request. Bounded. */
const MEMO_SIZE = 1024;
const texts = new Map<number, string>();
const days = new Map<string, number>();

export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = texts.get(day);
  if (text === undefined) {
    // Throws for an instant Date cannot hold (NaN among them), as before: nothing is kept for it.
    text = new Date(ms).toISOString().slice(0, 10);
    if (texts.size >= MEMO_SIZE) texts.clear();
    texts.set(day, text);
  }
  return text;
}

export function dateMs(date: string): number {
  let ms = days.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00Z`);
    if (days.size >= MEMO_SIZE) days.clear();
    days.set(date, ms);
  }
  return ms;
}

export function addDays(date: string, days: number): string {
  return isoDate(dateMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  // `2026-13-01` parses to NaN, which `isoDate` cannot print.
  const ms = dateMs(date);
  return !Number.isNaN(ms) && isoDate(ms) === date;
}

/** The UTC instant of a local date and time (`HH:mm`) in an IANA time zone. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // The zone's offset at that instant, read back through Intl; twice, so a DST boundary settles.
  let guess = naive;
  for (let i = 0; i < 2; i += 1) guess = naive - offsetMs(guess, timeZone);
  return new Date(guess);
}

// Building an Intl.DateTimeFormat costs about 0.1 ms; seeding converts hundreds of stays, so one is kept a zone.
const formats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** An instant as .NET writes a UTC DateTimeOffset: no fraction when whole, else trailing zeros trimmed (`2021-10-01T14:44:54.03Z`). */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z').replace(/T(\d\d:\d\d):Z$/, 'T$1:00Z');
}

/** A local date and time in a time zone, written with that zone's offset at the time (`2023-03-10T16:00:00-07:00`). */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const utc = zonedToUtc(date, time, timeZone).getTime();
  const offsetMinutes = Math.round((Date.parse(`${date}T${time}:00Z`) - utc) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
