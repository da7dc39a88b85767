// The reservation endpoints with the manual token, on any tenant (seeds/001, "The Data and Endpoints" and the paging of "rezStream Cloud API"):
// bare arrays paged by RFC 8288 Link headers, the update feed in ascending update order, and 404 for an id the tenant does not hold.
import type { ContractCase } from '../types.js';
import { asObject, assumption, bareArrayFailure, cloud, doc, firstFailure, linkFormatFailure, NO_SUCH_ID, PROBLEM_DETAILS, problemFailure } from './common.js';

const DATA = doc('The Data and Endpoints');

/** Out of order pairs of a page, by `updatedAt`. */
function unordered(body: unknown): string | undefined {
  const times = (Array.isArray(body) ? body : []).map((r) => Date.parse(String(asObject(r).updatedAt)));
  const at = times.findIndex((t, i) => i > 0 && !(t >= times[i - 1]!));
  return at < 0 ? undefined : `row ${at} was updated before row ${at - 1}: the page is not in ascending update order`;
}

export const reservationCases: ContractCase[] = [
  {
    id: 'reservations.by-date-simplest',
    sentence: "answers the document's simplest stay-window query with a bare array of at most 20 reservations and Links in its format",
    source: DATA,
    request: cloud('/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=20'),
    expect: {
      status: 200,
      headers: { 'content-type': /^application\/json/ },
      bodySchema: 'listReservationsByDate',
      check: (body, res, ctx) => firstFailure(bareArrayFailure(body, 20, ctx.target.kind === 'sandbox'), linkFormatFailure(res, '/reservations/byDate', 20)),
    },
  },
  {
    id: 'reservations.updated-simplest',
    sentence: "answers the document's simplest update query with a bare array in ascending update order and Links in its format",
    source: DATA,
    request: cloud('/reservations/updated?from=2023-01-01T00:00:00Z&limit=20'),
    expect: {
      status: 200,
      headers: { 'content-type': /^application\/json/ },
      bodySchema: 'listReservationsUpdated',
      check: (body, res, ctx) => {
        const early = (Array.isArray(body) ? body : []).find((r) => Date.parse(String(asObject(r).updatedAt)) < Date.parse('2023-01-01T00:00:00Z'));
        return firstFailure(
          bareArrayFailure(body, 20, ctx.target.kind === 'sandbox'),
          unordered(body),
          early !== undefined && `reservation ${String(asObject(early).id)} was updated before from=2023-01-01T00:00:00Z`,
          linkFormatFailure(res, '/reservations/updated', 20),
        );
      },
    },
  },
  {
    id: 'reservations.updated-next-page',
    sentence: 'continues the update feed from its next link after the last reservation of the first page',
    source: DATA,
    before: async (ctx) => {
      const first = await ctx.send(cloud('/reservations/updated?from=2023-01-01T00:00:00Z&limit=2'));
      const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get('link')?.split(/,\s*(?=<)/).find((v) => v.endsWith('rel="next"')) ?? '')?.[1];
      const rows = Array.isArray(first.body) ? first.body : [];
      if (first.status !== 200 || !next || rows.length !== 2) throw new Error(`before: the first page answered ${first.status} with ${rows.length} rows and ${next ? 'a' : 'no'} next link`);
      const base = first.url.slice(0, first.url.indexOf('/reservations/updated'));
      if (!next.startsWith(base)) throw new Error(`the next link ${next} is not on ${base}`);
      ctx.state.remember('next', next.slice(base.length));
      ctx.state.remember('last', JSON.stringify(asObject(rows[1])));
    },
    request: (ctx) => cloud(ctx.state.recall('next')),
    expect: {
      status: 200,
      bodySchema: 'listReservationsUpdated',
      check: (body, _res, ctx) => {
        const last = JSON.parse(ctx.state.recall('last')) as { id: string; updatedAt: string };
        const rows = (Array.isArray(body) ? body : []).map(asObject);
        const first = rows[0];
        if (!first) return ctx.target.kind === 'sandbox' ? 'the next page is empty, though the seeded tenant has more' : undefined;
        const after = Date.parse(String(first.updatedAt)) > Date.parse(last.updatedAt) || (first.updatedAt === last.updatedAt && String(first.id) > last.id);
        return firstFailure(rows.some((r) => r.id === last.id) && `the next page repeats ${last.id}`, !after && `the next page starts at ${String(first.id)}, not after ${last.id}`);
      },
    },
  },
  {
    id: 'reservations.unknown-id',
    sentence: 'answers a reservation id the tenant does not hold with 404',
    source: assumption(`${PROBLEM_DETAILS}: 404 for an unknown reservation`),
    request: cloud(`/reservations/${NO_SUCH_ID}`),
    expect: { status: 404, bodySchema: 'getReservation', check: (_b, res) => problemFailure(res, 404) },
  },
];
