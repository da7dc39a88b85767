// The Cloud API's reservation endpoints (seeds/001, "The Data and Endpoints"): by stay dates in the tenant's local time, offset-paged; by update
// time with a forward-only cursor that survives concurrent updates; one reservation with its whole group. Pages are bare arrays, paging is in Link headers.
import type { RequestHandler, Response } from 'express';
import { arrayJson, rowJson, sendJsonText } from '../../core/json-text.js';
import { keysetPage, linkValue, offsetLinks, type PageLink } from '../../core/paging.js';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { RezStreamAccounts } from './accounts.js';
import { callerOf, cloudBase } from './auth.js';
import type { Reservation, ReservationSummary } from './types.js';
import { cloudErrors } from './errors.js';

const summaries = new WeakMap<Reservation, string>();

/** The list views carry the reservation and its unit assignments; members and invoices are for GET /reservations/{id}. */
function summaryJson(reservation: Reservation): string {
  let text = summaries.get(reservation);
  if (text === undefined) {
    const { tenantId: _t, primaryMemberId: _p, members: _m, invoices: _i, notes: _n, ...summary } = reservation;
    text = JSON.stringify(summary satisfies ReservationSummary);
    summaries.set(reservation, text);
  }
  return text;
}

function sendPage(res: Response, rows: readonly Reservation[], links: readonly PageLink[]): void {
  // One Link field a relation, as the document prints them.
  for (const link of links) res.append('Link', linkValue(link));
  sendJsonText(res, arrayJson(rows, 'reservation summary', summaryJson));
}

function tenantOf(res: Response): string {
  return callerOf(res).accountId!;
}

/** The local calendar date of a date-time written with the tenant's offset (`2023-03-10T16:00:00-07:00` → `2023-03-10`). */
const localDate = (dateTime: string): string => dateTime.slice(0, 10);

export function listReservationsByDate(accounts: RezStreamAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const { from, to, skip, limit } = parsed<{ from: string; to: string; skip: number; limit: number }>(res).query;
    if (to <= from) throw cloudErrors.validation({ to: ['The to date must be later than the from date.'] });
    // Stays overlapping [from, to), both local dates of the tenant: arrival before `to`, departure after `from`.
    const rows = accounts
      .reservations(tenantOf(res))
      .list()
      .filter((r) => localDate(r.arrival) < to && localDate(r.departure) > from)
      .sort((a, b) => (a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : a.id < b.id ? -1 : 1));
    const base = `${cloudBase(ctx, req)}/reservations/byDate`;
    const urlAt = (at: number): string => `${base}?${new URLSearchParams({ from, to, skip: String(at), limit: String(limit) })}`;
    sendPage(res, rows.slice(skip, skip + limit), offsetLinks(rows.length, skip, limit, urlAt));
  };
}

export function listReservationsUpdated(accounts: RezStreamAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const { from, afterAt, afterId, limit } = parsed<{ from: string; afterAt?: string; afterId?: string; limit: number }>(res).query;
    if ((afterAt === undefined) !== (afterId === undefined)) throw cloudErrors.validation({ [afterAt === undefined ? 'afterAt' : 'afterId']: ['afterAt and afterId are sent together, both from the next link.'] });
    const fromMs = Date.parse(from);
    const rows = accounts
      .reservations(tenantOf(res))
      .list()
      .filter((r) => Date.parse(r.updatedAt) >= fromMs);
    const after = afterAt !== undefined && afterId !== undefined ? { atMs: Date.parse(afterAt), id: afterId.toLowerCase() } : undefined;
    const page = keysetPage(rows, (r) => ({ atMs: Date.parse(r.updatedAt), id: r.id }), after, limit);
    const base = `${cloudBase(ctx, req)}/reservations/updated`;
    const links: PageLink[] = [];
    const last = page[page.length - 1];
    // A full page has a next link from its last row; a reservation updated meanwhile moves past every cursor, so it is met again, never skipped.
    if (last && page.length === limit) links.push({ rel: 'next', url: `${base}?${new URLSearchParams({ from, afterAt: last.updatedAt, afterId: last.id, limit: String(limit) })}` });
    links.push({ rel: 'first', url: `${base}?${new URLSearchParams({ from, limit: String(limit) })}` });
    sendPage(res, page, links);
  };
}

export function getReservation(accounts: RezStreamAccounts): RequestHandler {
  return (req, res) => {
    const id = String(req.params.id);
    const reservation = accounts.reservations(tenantOf(res)).get(id.toLowerCase());
    if (!reservation) throw cloudErrors.notFound('reservation', id);
    sendJsonText(res, rowJson(reservation));
  };
}
