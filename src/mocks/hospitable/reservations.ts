// v2's reservations (provider-facts.md §2, "Endpoints", "Reservation fields"): `GET /reservations` with the required `properties[]`, dates,
// `date_query` (checkin by default) and includes, check-ins in the next two weeks when no date is given; `GET /reservations/{uuid}`.
import type { RequestHandler } from 'express';
import { addDays, isoDate } from '../../core/dates.js';
import type { ProviderContext } from '../../core/provider.js';
import { sendJsonText } from '../../core/json-text.js';
import { parsed } from '../../core/validate.js';
import type { HospitableAccounts } from './accounts.js';
import { API_ORIGIN, baseOf, callerOf, type HospitableCaller } from './auth.js';
import { includesOf, pageBytes, pageText, type IncludeQuery } from './envelope.js';
import { hospitableErrors } from './errors.js';
import { presentListing, presentProperty, presentUser } from './properties.js';
import type { Reservation, StoredReservation } from './types.js';

export const RESERVATION_INCLUDES = ['guest', 'user', 'financials', 'financialsV2', 'properties', 'listings', 'review'] as const;
/** provider-facts: "With no start_date, end_date or date_query, it defaults to check-ins in the next 2 weeks." */
export const DEFAULT_WINDOW_DAYS = 14;

interface ListQuery extends IncludeQuery {
  'properties[]': string[];
  page: number;
  per_page: number;
  start_date?: string;
  end_date?: string;
  date_query?: 'checkin' | 'checkout';
  platform_id?: string;
  conversation_id?: string;
}

/** The local calendar date of a date-time written with the property's offset. */
const localDate = (dateTime: string): string => dateTime.slice(0, 10);

function present(accounts: HospitableAccounts, caller: HospitableCaller, includes: ReadonlySet<string>, reservation: StoredReservation): Reservation {
  const { propertyId, guest, financials, ...wire } = reservation;
  const out: Reservation = { ...wire };
  if (includes.has('guest')) out.guest = guest;
  if (includes.has('financials') || includes.has('financialsV2')) out.financials = financials;
  const property = accounts.properties(caller.accountId!).get(propertyId);
  if (includes.has('properties') && property) out.properties = [presentProperty(property, new Set(), caller)];
  if (includes.has('listings') && property) out.listings = property.listings.filter((l) => l.platform === reservation.platform).map((l) => presentListing(l, caller));
  const owner = accounts.owner(caller.accountId!);
  if (includes.has('user') && owner) out.user = presentUser(owner);
  if (includes.has('review')) out.review = null;
  return out;
}

function includesFor(caller: HospitableCaller, query: IncludeQuery): ReadonlySet<string> {
  const includes = includesOf(query, RESERVATION_INCLUDES);
  // An OAuth token reads money only with financials:read (provider-facts names the scope).
  if (caller.credential === 'oauth_access_token' && (includes.has('financials') || includes.has('financialsV2')) && !caller.scopes.includes('financials:read')) throw hospitableErrors.missingScope();
  return includes;
}

/** The account's reservations a query selects, in its date order. */
function selected(rows: readonly StoredReservation[], query: ListQuery, from: string | undefined, to: string | undefined): StoredReservation[] {
  const wanted = query['properties[]'];
  const field = query.date_query === 'checkout' ? 'departure_date' : 'arrival_date';
  return rows
    .filter((r) => wanted.includes(r.propertyId))
    .filter((r) => (from === undefined || localDate(r[field]) >= from) && (to === undefined || localDate(r[field]) <= to))
    .filter((r) => (query.platform_id === undefined || r.platform_id === query.platform_id) && (query.conversation_id === undefined || r.conversation_id === query.conversation_id))
    .sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : 1));
}

/** Selections kept while the account's reservations are unwritten (the collection's stamp), as a client polling one query asks again and again. */
const KEPT_SELECTIONS = 256;
/** Includes made from the reservation alone: a reservation presented with only these is the same text as long as the row is the same. */
const OWN_INCLUDES: ReadonlySet<string> = new Set(['guest', 'financials', 'financialsV2', 'review']);

/**
 * The bytes a query was last answered with, and everything they were made from besides the query itself: the account, the dates (the
 * default window moves with the clock), both collections' stamps and the list's sandbox URL. Kept by the validated query object, which
 * validation shares between every request with the same URL.
 */
interface Answered {
  accountId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  reservations: object;
  properties: object;
  path: string;
  body: Buffer;
}

export function listReservations(accounts: HospitableAccounts, ctx: ProviderContext): RequestHandler {
  const kept = new Map<string, { stamp: object; rows: StoredReservation[] }>();
  const texts = new WeakMap<StoredReservation, Map<string, string>>();
  const answered = new WeakMap<ListQuery, Answered>();
  return (req, res) => {
    const caller = callerOf(res);
    const query = parsed<ListQuery>(res).query;
    const includes = includesFor(caller, query);
    const byDefault = query.start_date === undefined && query.end_date === undefined && query.date_query === undefined;
    const today = isoDate(ctx.clock.nowMs());
    const from = byDefault ? today : query.start_date;
    const to = byDefault ? addDays(today, DEFAULT_WINDOW_DAYS) : query.end_date;
    const properties = accounts.properties(caller.accountId!);
    const reservations = accounts.reservations(caller.accountId!);
    const path = `${baseOf(ctx, req, API_ORIGIN)}/v2/reservations`;
    const last = answered.get(query);
    if (last && last.accountId === caller.accountId && last.from === from && last.to === to && last.reservations === reservations.stamp && last.properties === properties.stamp && last.path === path) {
      return sendJsonText(res, last.body);
    }
    const wanted = query['properties[]'];
    const foreign = wanted.findIndex((id) => !properties.get(id));
    if (foreign >= 0) throw hospitableErrors.validation(`The selected properties.${foreign} is invalid.`);
    if (query.start_date && query.end_date && query.end_date < query.start_date) throw hospitableErrors.validation('The end date field must be a date after or equal to start date.');
    const key = `${caller.accountId}\u0000${wanted.join(',')}\u0000${from}\u0000${to}\u0000${query.date_query}\u0000${query.platform_id}\u0000${query.conversation_id}`;
    let found = kept.get(key);
    if (found?.stamp !== reservations.stamp) {
      if (kept.size >= KEPT_SELECTIONS) kept.clear();
      found = { stamp: reservations.stamp, rows: selected(reservations.list(), query, from, to) };
      kept.set(key, found);
    }
    // A reservation's text is kept for includes it answers by itself; others (its property, listings, the user) are read afresh.
    const own = [...includes].every((i) => OWN_INCLUDES.has(i));
    const includesKey = [...includes].sort().join(',');
    const text = (r: StoredReservation): string => {
      if (!own) return JSON.stringify(present(accounts, caller, includes, r));
      let byIncludes = texts.get(r);
      if (!byIncludes) texts.set(r, (byIncludes = new Map()));
      let json = byIncludes.get(includesKey);
      if (json === undefined) byIncludes.set(includesKey, (json = JSON.stringify(present(accounts, caller, includes, r))));
      return json;
    };
    if (!own) return sendJsonText(res, pageText(req, path, found.rows, query.page, query.per_page, text));
    const body = pageBytes(req, path, found.rows, query.page, query.per_page, includesKey, text);
    answered.set(query, { accountId: caller.accountId, from, to, reservations: reservations.stamp, properties: properties.stamp, path, body });
    sendJsonText(res, body);
  };
}

export function getReservation(accounts: HospitableAccounts): RequestHandler {
  return (req, res) => {
    const caller = callerOf(res);
    const includes = includesFor(caller, parsed<IncludeQuery>(res).query);
    const reservation = accounts.reservations(caller.accountId!).get(String(req.params.uuid));
    if (!reservation) throw hospitableErrors.notFound();
    res.json({ data: present(accounts, caller, includes, reservation) });
  };
}
