// Guesty's listing calendar (availability-pricing API): days derived from the listing's base price, reservations and per-day overrides.
import type { RequestHandler } from 'express';
import { addDays, daysBetween, eachDate, isValidDate } from '../../core/dates.js';
import { parsed } from '../../core/validate.js';
import type { GuestyAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import type { CalendarDay, Listing, Reservation } from './types.js';
import { guestyErrors } from './errors.js';

/** Statuses whose nights are taken: the rest (inquiry, canceled, declined) leave the calendar open. */
export const BLOCKING_STATUSES: ReadonlySet<string> = new Set(['confirmed', 'reserved', 'checked_in', 'checked_out']);

const MAX_RANGE_DAYS = 366;

export interface CalendarOverride {
  _id: string;
  listingId: string;
  date: string;
  price?: number;
  status?: 'available' | 'unavailable';
  minNights?: number;
  note?: string;
}

export function findListing(accounts: GuestyAccounts, accountId: string, id: string): Listing {
  return accounts.find<Listing>(accountId, 'listings', 'Listing', id);
}

/** The days from `from` to `to` (both included); `ignoreReservation` leaves one reservation's own nights open, for moving it. */
export function calendarDays(accounts: GuestyAccounts, accountId: string, listing: Listing, from: string, to: string, ignoreReservation?: string): CalendarDay[] {
  const overrides = accounts.store.collection<CalendarOverride>(accountId, 'calendar');
  const taken = new Map<string, Reservation>();
  for (const r of accounts.store.collection<Reservation>(accountId, 'reservations').list()) {
    if (r.listingId !== listing._id || r._id === ignoreReservation || !BLOCKING_STATUSES.has(r.status ?? '')) continue;
    if (r.checkOutDateLocalized! <= from || r.checkInDateLocalized! > to) continue;
    for (let d = r.checkInDateLocalized!; d < r.checkOutDateLocalized!; d = addDays(d, 1)) taken.set(d, r);
  }
  return eachDate(from, to).map((date) => {
    const override = overrides.get(`${listing._id}:${date}`);
    const reservation = taken.get(date);
    const status: CalendarDay['status'] = reservation ? (reservation.status === 'reserved' ? 'reserved' : 'booked') : (override?.status ?? 'available');
    return {
      date,
      listingId: listing._id,
      currency: listing.prices?.currency ?? 'USD',
      price: override?.price ?? listing.prices?.basePrice ?? 0,
      isBasePrice: override?.price === undefined,
      minNights: override?.minNights ?? listing.terms?.minNights ?? 1,
      status,
      ...(reservation ? { reservationId: reservation._id } : {}),
      ...(override?.note ? { note: override.note } : {}),
    };
  });
}

function range(startDate: string, endDate: string): void {
  if (!isValidDate(startDate) || !isValidDate(endDate)) throw guestyErrors.validation('startDate and endDate must be dates (YYYY-MM-DD)');
  if (endDate < startDate) throw guestyErrors.validation('endDate must not be before startDate');
  if (daysBetween(startDate, endDate) >= MAX_RANGE_DAYS) throw guestyErrors.validation(`The range may span at most ${MAX_RANGE_DAYS} days`);
}

export function getCalendar(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<{ startDate: string; endDate: string }>(res);
    range(query.startDate, query.endDate);
    const accountId = accountOf(res);
    const listing = findListing(accounts, accountId, String(req.params.listingId));
    res.json({ status: 200, data: { days: calendarDays(accounts, accountId, listing, query.startDate, query.endDate) } });
  };
}

interface CalendarUpdate {
  startDate: string;
  endDate: string;
  price?: number;
  status?: 'available' | 'unavailable';
  minNights?: number;
  note?: string;
}

export function updateCalendar(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    const { body } = parsed<unknown, CalendarUpdate>(res);
    range(body.startDate, body.endDate);
    const accountId = accountOf(res);
    const listing = findListing(accounts, accountId, String(req.params.listingId));
    const overrides = accounts.store.collection<CalendarOverride>(accountId, 'calendar');
    for (const date of eachDate(body.startDate, body.endDate)) {
      const _id = `${listing._id}:${date}`;
      const previous = overrides.get(_id) ?? { _id, listingId: listing._id, date };
      overrides.insert(_id, {
        ...previous,
        ...(body.price !== undefined ? { price: body.price } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.minNights !== undefined ? { minNights: body.minNights } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      });
    }
    res.json({ status: 200, data: { days: calendarDays(accounts, accountId, listing, body.startDate, body.endDate) } });
  };
}
