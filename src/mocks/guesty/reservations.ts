// Guesty reservations: list (filters, sort, fields, limit, skip), get, create and update, checked against the listing's calendar.
import type { RequestHandler } from 'express';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { parsed } from '../../core/validate.js';
import type { GuestyAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { BLOCKING_STATUSES, calendarDays, findListing } from './calendar.js';
import type { Listing, Reservation } from './types.js';
import { money, newConfirmationCode, newObjectId, stayTimes } from './records.js';
import { guestyErrors } from './errors.js';
import { createGuestRecord, findGuest } from './guests.js';
import { applyFilters, listEnvelope, parseFilters, shape, sortRows } from './query.js';

interface ReservationInput {
  listingId?: string;
  checkInDateLocalized?: string;
  checkOutDateLocalized?: string;
  status?: Reservation['status'];
  guestId?: string;
  guest?: { firstName: string; lastName: string; email?: string; phone?: string };
  guestsCount?: number;
  source?: string;
  note?: string;
  plannedArrival?: string;
  plannedDeparture?: string;
}

function findReservation(accounts: GuestyAccounts, accountId: string, id: string): Reservation {
  return accounts.find<Reservation>(accountId, 'reservations', 'Reservation', id);
}

/** Prices the stay night by night from the calendar, and refuses it when a night is taken (unless the status takes no nights). */
function priceStay(accounts: GuestyAccounts, accountId: string, listing: Listing, checkIn: string, checkOut: string, status: string, ignore?: string): number[] {
  if (checkOut <= checkIn) throw guestyErrors.validation('checkOutDateLocalized must be after checkInDateLocalized');
  const days = calendarDays(accounts, accountId, listing, checkIn, addDays(checkOut, -1), ignore);
  if (BLOCKING_STATUSES.has(status) && days.some((d) => d.status !== 'available')) throw guestyErrors.unavailable(listing._id, checkIn, checkOut);
  return days.map((d) => d.price ?? 0);
}

export function listReservations(accounts: GuestyAccounts): RequestHandler {
  return (_req, res) => {
    const { query } = parsed<{ limit: number; skip: number; fields?: string; sort?: string; filters?: string }>(res);
    const rows = applyFilters(accounts.store.collection<Reservation>(accountOf(res), 'reservations').list(), parseFilters(query.filters));
    sendJsonText(res, listEnvelope(sortRows(rows, query.sort), query));
  };
}

export function getReservation(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<{ fields?: string }>(res);
    sendJsonText(res, rowJson(shape(findReservation(accounts, accountOf(res), String(req.params.id)), query.fields)));
  };
}

export function createReservation(accounts: GuestyAccounts, now: () => string): RequestHandler {
  return (_req, res) => {
    const { body } = parsed<unknown, Required<Pick<ReservationInput, 'listingId' | 'checkInDateLocalized' | 'checkOutDateLocalized'>> & ReservationInput>(res);
    const accountId = accountOf(res);
    const listing = findListing(accounts, accountId, body.listingId);
    const status = body.status ?? 'reserved';
    const nights = priceStay(accounts, accountId, listing, body.checkInDateLocalized, body.checkOutDateLocalized, status);
    if (!body.guestId && !body.guest) throw guestyErrors.validation('guestId or guest is required');
    const at = now();
    const g = body.guestId ? findGuest(accounts, accountId, body.guestId) : createGuestRecord(accounts, accountId, body.guest!, at);
    const reservation: Reservation = {
      _id: newObjectId(accounts.writes),
      accountId,
      listingId: listing._id,
      guestId: g._id,
      status,
      confirmationCode: newConfirmationCode(accounts.writes),
      ...stayTimes(listing, body.checkInDateLocalized, body.checkOutDateLocalized),
      checkInDateLocalized: body.checkInDateLocalized,
      checkOutDateLocalized: body.checkOutDateLocalized,
      plannedArrival: body.plannedArrival ?? listing.defaultCheckInTime ?? '15:00',
      plannedDeparture: body.plannedDeparture ?? listing.defaultCheckOutTime ?? '11:00',
      nightsCount: nights.length,
      guestsCount: body.guestsCount ?? 1,
      source: body.source ?? 'manual',
      note: body.note ?? '',
      guest: { _id: g._id, fullName: g.fullName, firstName: g.firstName, lastName: g.lastName, email: g.email, phone: g.phone },
      money: money(nights, listing, 0),
      customFields: [],
      createdAt: at,
      lastUpdatedAt: at,
    };
    res.json(accounts.store.collection<Reservation>(accountId, 'reservations').insert(reservation._id, reservation));
  };
}

export function updateReservation(accounts: GuestyAccounts, now: () => string): RequestHandler {
  return (req, res) => {
    const { body } = parsed<unknown, ReservationInput>(res);
    const accountId = accountOf(res);
    const current = findReservation(accounts, accountId, String(req.params.id));
    const listing = findListing(accounts, accountId, current.listingId!);
    const checkIn = body.checkInDateLocalized ?? current.checkInDateLocalized!;
    const checkOut = body.checkOutDateLocalized ?? current.checkOutDateLocalized!;
    const status = body.status ?? current.status!;
    const datesChanged = checkIn !== current.checkInDateLocalized || checkOut !== current.checkOutDateLocalized;
    const nights = datesChanged || status !== current.status ? priceStay(accounts, accountId, listing, checkIn, checkOut, status, current._id) : undefined;
    const updated = accounts.store.collection<Reservation>(accountId, 'reservations').update(current._id, (r) => ({
      ...r,
      status,
      ...(body.guestsCount !== undefined ? { guestsCount: body.guestsCount } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      ...(body.plannedArrival !== undefined ? { plannedArrival: body.plannedArrival } : {}),
      ...(body.plannedDeparture !== undefined ? { plannedDeparture: body.plannedDeparture } : {}),
      ...(datesChanged && nights
        ? { ...stayTimes(listing, checkIn, checkOut), checkInDateLocalized: checkIn, checkOutDateLocalized: checkOut, nightsCount: daysBetween(checkIn, checkOut), money: money(nights, listing, r.money?.totalPaid ?? 0) }
        : {}),
      lastUpdatedAt: now(),
    }));
    res.json(updated);
  };
}
