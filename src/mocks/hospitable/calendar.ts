// A property's calendar (provider-facts.md §2, "Calendar"): `GET /properties/{uuid}/calendar?start_date&end_date` day by day (prices in
// minor units, a reservation's nights RESERVED), and `PUT` of prices and availability, 202 `{"status":"accepted"}` and seen by the next read;
// a calendar-restricted property answers the spec's 422 word for word. seeds/002: reading needs Read, changing needs Write.
import type { RequestHandler } from 'express';
import { addDays, eachDate, isoDate } from '../../core/dates.js';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { HospitableAccounts } from './accounts.js';
import { callerOf } from './auth.js';
import { hospitableErrors } from './errors.js';
import { propertyOf } from './properties.js';
import { formatMoney, weekday } from './records.js';
import type { CalendarDay, CalendarUpdate, StoredProperty, StoredReservation } from './types.js';

/** Not published: without dates, the calendar shows the 30 days from today; one read covers at most three years. */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 1096;

/** The reservation holding each night of the property, for reservations that hold their nights (accepted ones). */
function reservedNights(reservations: readonly StoredReservation[], propertyId: string): Map<string, StoredReservation> {
  const nights = new Map<string, StoredReservation>();
  for (const r of reservations) {
    if (r.propertyId !== propertyId || r.status !== 'accepted') continue;
    const arrival = r.arrival_date.slice(0, 10);
    for (let i = 0; i < r.nights; i += 1) nights.set(addDays(arrival, i), r);
  }
  return nights;
}

function day(accounts: HospitableAccounts, property: StoredProperty, date: string, reserved: StoredReservation | undefined): CalendarDay {
  const change = accounts.calendar(property.id).get(date) ?? {};
  const weekend = ['FRIDAY', 'SATURDAY'].includes(weekday(date));
  const amount = change.price ?? (weekend ? property.base.weekendPrice : property.base.price);
  const status: CalendarDay['status'] = reserved
    ? { reason: 'RESERVED', source_type: 'RESERVATION', source: reserved.platform_id, available: false }
    : change.available === false
      ? { reason: 'BLOCKED', source_type: 'USER', source: null, available: false }
      : { reason: 'AVAILABLE', source_type: null, source: null, available: true };
  return {
    date,
    day: weekday(date),
    min_stay: change.min_stay ?? property.base.minStay,
    status,
    price: { amount, currency: property.currency, formatted: formatMoney(amount, property.currency) },
    closed_for_checkin: change.closed_for_checkin ?? false,
    closed_for_checkout: change.closed_for_checkout ?? false,
  };
}

export function getCalendar(accounts: HospitableAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const caller = callerOf(res);
    const property = propertyOf(accounts, caller, String(req.params.uuid));
    const query = parsed<{ start_date?: string; end_date?: string }>(res).query;
    const start = query.start_date ?? isoDate(ctx.clock.nowMs());
    const end = query.end_date ?? addDays(start, DEFAULT_DAYS - 1);
    if (end < start) throw hospitableErrors.validation('The end date field must be a date after or equal to start date.');
    if (end > addDays(start, MAX_DAYS - 1)) throw hospitableErrors.validation(`The end date field must be a date before or equal to ${addDays(start, MAX_DAYS - 1)}.`);
    const nights = reservedNights(accounts.reservations(caller.accountId!).list(), property.id);
    const listing = property.listings[0]!;
    res.json({
      data: { listing_id: listing.platform_id, provider: listing.platform, start_date: start, end_date: end, days: eachDate(start, end).map((date) => day(accounts, property, date, nights.get(date))) },
    });
  };
}

export function updateCalendar(accounts: HospitableAccounts): RequestHandler {
  return (req, res) => {
    const caller = callerOf(res);
    const property = propertyOf(accounts, caller, String(req.params.uuid));
    if (property.calendar_restricted) throw hospitableErrors.calendarRestricted();
    const { dates } = parsed<unknown, CalendarUpdate>(res).body;
    const days = accounts.calendar(property.id);
    for (const change of dates) {
      const before = days.get(change.date) ?? {};
      days.set(change.date, {
        ...before,
        ...(change.price !== undefined ? { price: change.price.amount } : {}),
        ...(change.available !== undefined ? { available: change.available } : {}),
        ...(change.min_stay !== undefined ? { min_stay: change.min_stay } : {}),
        ...(change.closed_for_checkin !== undefined ? { closed_for_checkin: change.closed_for_checkin } : {}),
        ...(change.closed_for_checkout !== undefined ? { closed_for_checkout: change.closed_for_checkout } : {}),
      });
    }
    res.status(202).json({ status: 'accepted' });
  };
}
