// Bookings of the v2 API (provider-facts §1): GET /bookings (needs property_ids or since_utc; from, to, status and the include_* flags),
// GET /bookings/{id} (the id or its ORB form), POST /bookings on free nights, which it then holds, and PATCH /bookings/{id}.
import type { RequestHandler } from 'express';
import { isoInstant } from '../../core/dates.js';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { OwnerRezAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { ownerrezErrors } from './errors.js';
import { sendList } from './lists.js';
import { changedBooking, newBooking } from './records.js';
import type { Booking, BookingCreate, BookingUpdate, GetBookingQuery, ListBookingsQuery, PageQuery } from './types.js';

/** The active booking holding any night from `arrival` to the night before `departure`; a departure day is free for the next arrival. */
export function nightsHolder(accounts: OwnerRezAccounts, userId: number, propertyId: number, arrival: string, departure: string, except?: number): Booking | undefined {
  return accounts
    .bookings(userId)
    .list()
    .find((b) => b.property_id === propertyId && b.id !== except && b.status !== 'canceled' && b.arrival < departure && b.departure > arrival);
}

/** provider-facts §1: the official client strips everything but digits (`ORB273491` is 273491). */
export function bookingIdOf(raw: string): string {
  return String(Number(raw.replace(/^orb/i, '')));
}

/** A booking's `updated_utc` in ms, parsed once a row: rows are frozen and replaced on write, so the parse never goes stale. */
const updated = new WeakMap<Booking, number>();
function updatedMs(booking: Booking): number {
  let ms = updated.get(booking);
  if (ms === undefined) {
    ms = Date.parse(booking.updated_utc ?? '');
    updated.set(booking, ms);
  }
  return ms;
}

type Includes = Pick<ListBookingsQuery, 'include_guest' | 'include_tags' | 'include_fields' | 'include_door_codes'>;

const STORED = { text: rowJson, view: '' } as const;

/** A booking as the include_* flags ask: the cached row when none does. */
function viewOf(accounts: OwnerRezAccounts, userId: number, include: Includes): { text: (b: Booking) => string; view: string } {
  if (!include.include_guest && !include.include_tags && !include.include_fields && !include.include_door_codes) return STORED;
  const view = ['guest', 'tags', 'fields', 'door_codes'].filter((part) => include[`include_${part}` as keyof Includes]).join(',');
  return {
    view,
    text: (b) => {
      const guest = include.include_guest && b.guest_id !== null && b.guest_id !== undefined ? accounts.guests(userId).get(String(b.guest_id)) : undefined;
      return JSON.stringify({
        ...b,
        ...(guest ? { guest } : {}),
        ...(include.include_tags ? { tags: [] } : {}),
        ...(include.include_fields ? { fields: [] } : {}),
        // A door code as a lock would give one: four digits of the booking's id.
        ...(include.include_door_codes ? { door_codes: b.is_block ? [] : [{ code: String(b.id % 10_000).padStart(4, '0'), lock_names: 'Front door' }] } : {}),
      });
    },
  };
}

type BookingFilter = Pick<ListBookingsQuery, 'property_ids' | 'since_utc' | 'from' | 'to' | 'status'>;

function matching(rows: readonly Booking[], query: BookingFilter): Booking[] {
  const properties = query.property_ids?.split(',').map(Number);
  const since = query.since_utc === undefined ? undefined : Date.parse(query.since_utc);
  return rows.filter(
    (b) =>
      (!properties || properties.includes(b.property_id)) &&
      (since === undefined || updatedMs(b) >= since) &&
      (query.from === undefined || b.departure > query.from) &&
      (query.to === undefined || b.arrival <= query.to) &&
      (query.status === undefined || b.status === query.status),
  );
}

/** Filtered lists kept while their collection is unwritten (its stamp), as a client polling the same query asks again and again. */
const KEPT_FILTERS = 256;

export function listBookings(accounts: OwnerRezAccounts): RequestHandler {
  const kept = new Map<string, { stamp: object; rows: Booking[] }>();
  // The bytes a query (the validated object every request with its URL shares) was last answered with, for the account and the bookings'
  // stamp they were made under: a client polling one list is answered with them while neither changes. Rows as stored only.
  const answered = new WeakMap<object, { userId: number; stamp: object; body: Buffer }>();
  return (req, res) => {
    const { query } = parsed<ListBookingsQuery & PageQuery>(res);
    // One MCP server's note, and the official client never asks without one of them (provider-facts §1).
    if (query.property_ids === undefined && query.since_utc === undefined) throw ownerrezErrors.validation('Either property_ids or since_utc is required.');
    const userId = accountOf(res);
    const bookings = accounts.bookings(userId);
    const last = answered.get(query);
    if (last && last.userId === userId && last.stamp === bookings.stamp) return sendJsonText(res, last.body);
    const key = `${userId}\u0000${query.property_ids}\u0000${query.since_utc}\u0000${query.from}\u0000${query.to}\u0000${query.status}`;
    let found = kept.get(key);
    if (found?.stamp !== bookings.stamp) {
      if (kept.size >= KEPT_FILTERS) kept.clear();
      found = { stamp: bookings.stamp, rows: matching(bookings.list(), query) };
      kept.set(key, found);
    }
    const { text, view } = viewOf(accounts, userId, query);
    const body = sendList(req, res, 'bookings', found.rows, query, text, view);
    if (body !== undefined) answered.set(query, { userId, stamp: bookings.stamp, body });
  };
}

function findBooking(accounts: OwnerRezAccounts, userId: number, raw: string): Booking {
  const booking = accounts.bookings(userId).get(bookingIdOf(raw));
  if (!booking) throw ownerrezErrors.notFound('Booking', raw);
  return booking;
}

export function getBooking(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<GetBookingQuery>(res);
    const userId = accountOf(res);
    const booking = findBooking(accounts, userId, String(req.params.id));
    sendJsonText(res, viewOf(accounts, userId, query).text(booking));
  };
}

function checkDates(arrival: string, departure: string): void {
  if (departure <= arrival) throw ownerrezErrors.validation('departure must be after arrival.');
}

function refuseTaken(holder: Booking | undefined, arrival: string, departure: string): void {
  if (holder) throw ownerrezErrors.conflict(`The property is not available from ${arrival} to ${departure}: booking ${holder.id} holds those nights.`);
}

export function createBooking(accounts: OwnerRezAccounts, ctx: ProviderContext): RequestHandler {
  return (_req, res) => {
    const { body } = parsed<unknown, BookingCreate>(res);
    const userId = accountOf(res);
    const property = accounts.properties(userId).get(String(body.property_id));
    if (!property) throw ownerrezErrors.notFound('Property', String(body.property_id));
    checkDates(body.arrival, body.departure);
    const guest = body.guest_id === undefined ? undefined : accounts.guests(userId).get(String(body.guest_id));
    if (body.guest_id !== undefined && !guest) throw ownerrezErrors.notFound('Guest', String(body.guest_id));
    if (!body.is_block && !guest) throw ownerrezErrors.validation('guest_id is required for a booking (is_block false).');
    refuseTaken(nightsHolder(accounts, userId, property.id, body.arrival, body.departure), body.arrival, body.departure);
    const booking = newBooking(accounts, userId, property, body, guest, isoInstant(ctx.clock.nowMs()));
    res.status(201).json(accounts.bookings(userId).insert(String(booking.id), booking));
  };
}

export function updateBooking(accounts: OwnerRezAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const { body } = parsed<unknown, BookingUpdate>(res);
    const userId = accountOf(res);
    const booking = findBooking(accounts, userId, String(req.params.id));
    const next = changedBooking(booking, body, isoInstant(ctx.clock.nowMs()));
    checkDates(next.arrival, next.departure);
    if (next.status !== 'canceled') refuseTaken(nightsHolder(accounts, userId, next.property_id, next.arrival, next.departure, booking.id), next.arrival, next.departure);
    res.json(accounts.bookings(userId).update(String(booking.id), () => next));
  };
}
