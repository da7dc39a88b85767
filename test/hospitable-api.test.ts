// Hospitable's v2 API over HTTP (provider-facts.md §2, "Endpoints", "Envelope and pagination", "Calendar", "Errors"; seeds/002's Read and
// Write): properties paged to the last page, includes in both spellings, reservations' default two-week window, the calendar read with Read
// and changed with Write, the 422 of a calendar-restricted property, and reserved nights. Every answer is checked against the document.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../src/core/dates.js';
import { OpenApiDocument } from '../src/core/openapi.js';
import { specFile } from '../src/core/project-files.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { call, seededToken } from './support/hospitable.js';

const document = OpenApiDocument.load(specFile('hospitable'));

interface Property { id: string; calendar_restricted: boolean; listings?: Array<{ platform: string; platform_name: string | null }> }
interface Reservation { id: string; arrival_date: string; departure_date: string; nights: number; status: string; platform_id: string; guest?: unknown; financials?: unknown }
interface CalendarDay { date: string; status: { reason: string; available: boolean; source: string | null }; price: { amount: number; currency: string; formatted: string }; min_stay: number }
interface List<T> { data: T[]; links: { first: string; last: string; prev: string | null; next: string | null }; meta: { current_page: number; last_page: number; per_page: number; total: number; from: number | null; to: number | null } }

async function json<T>(res: Response, operationId: string): Promise<T> {
  const body = await res.json();
  expect(document.validateResponse(operationId, res.status, body)).toEqual([]);
  return body as T;
}

describe('Hospitable v2 API', () => {
  let sandbox: RunningSandbox;
  let read: string;
  let write: string;
  let properties: Property[];

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    read = seededToken(sandbox, 'read');
    write = seededToken(sandbox, 'read,write');
    properties = (await json<List<Property>>(await call(sandbox, '/v2/properties?per_page=100', { token: read }), 'listProperties')).data;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const open = (): Property => properties.find((p) => !p.calendar_restricted)!;

  it('pages properties ten at a time by default and follows next to the last page', async () => {
    const first = await json<List<Property>>(await call(sandbox, '/v2/properties', { token: read }), 'listProperties');
    expect(first.meta).toMatchObject({ current_page: 1, per_page: 10, from: 1, to: 10, total: properties.length });
    const seen = [...first.data];
    let page = first;
    while (page.links.next) {
      const res = await fetch(page.links.next, { headers: { Authorization: `Bearer ${read}` } });
      expect(res.headers.get('x-hospitable-trace')).toBeTruthy();
      page = await json<List<Property>>(res, 'listProperties');
      seen.push(...page.data);
    }
    expect(page.meta.current_page).toBe(page.meta.last_page);
    expect(page.links.next).toBeNull();
    expect(seen.map((p) => p.id)).toEqual(properties.map((p) => p.id));
  });

  it('keeps per_page in the links and refuses a page size over 100 with the documented 400', async () => {
    const page = await json<List<Property>>(await call(sandbox, '/v2/properties?per_page=5&page=2', { token: read }), 'listProperties');
    expect(page.links.next).toMatch(/per_page=5&page=3$/);
    expect(page.links.prev).toMatch(/per_page=5&page=1$/);
    const res = await call(sandbox, '/v2/properties?per_page=101', { token: read });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status_code: 400, reason_phrase: 'Invalid pagination parameter supplied.' });
  });

  it('embeds listings with include in both spellings, and refuses an unknown include', async () => {
    for (const query of ['include=listings', 'include[]=listings']) {
      const page = await json<List<Property>>(await call(sandbox, `/v2/properties?${query}`, { token: read }), 'listProperties');
      expect(page.data[0]!.listings!.length).toBeGreaterThan(0);
      expect(page.data[0]!.listings![0]!.platform_name).toEqual(expect.any(String));
    }
    const plain = await json<List<Property>>(await call(sandbox, '/v2/properties', { token: read }), 'listProperties');
    expect(plain.data[0]!.listings).toBeUndefined();
    const res = await call(sandbox, '/v2/properties?include=owners', { token: read });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason_phrase: string }).reason_phrase).toBe('Requested include(s) `owners` are not allowed. Allowed include(s) are `listings`.');
  });

  it('answers one property, and 404 for one of no account', async () => {
    const one = await json<{ data: Property }>(await call(sandbox, `/v2/properties/${open().id}`, { token: read }), 'getProperty');
    expect(one.data.id).toBe(open().id);
    const res = await call(sandbox, '/v2/properties/00000000-0000-4000-8000-000000000000', { token: read });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ status_code: 404, reason_phrase: 'Not Found' });
  });

  it('requires properties[] on the reservations list, in Laravel’s words', async () => {
    const res = await call(sandbox, '/v2/reservations', { token: read });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status_code: 400, reason_phrase: 'The properties field is required.', message: 'The properties field is required.' });
  });

  it('lists check-ins of the next two weeks by default, with data on a fresh sandbox', async () => {
    const query = properties.map((p) => `properties[]=${p.id}`).join('&');
    const page = await json<List<Reservation>>(await call(sandbox, `/v2/reservations?${query}&per_page=100`, { token: read }), 'listReservations');
    const today = isoDate(sandbox.clock.nowMs());
    expect(page.data.length).toBeGreaterThan(0);
    for (const r of page.data) {
      expect(r.arrival_date.slice(0, 10) >= today).toBe(true);
      expect(r.arrival_date.slice(0, 10) <= addDays(today, 14)).toBe(true);
    }
  });

  it('moves the default window with the clock: the same URL asked again after a week answers the new fortnight', async () => {
    const url = `/v2/reservations?${properties.map((p) => `properties[]=${p.id}`).join('&')}&include=guest&per_page=100`;
    const before = await json<List<Reservation>>(await call(sandbox, url, { token: read }), 'listReservations');
    expect((await json<List<Reservation>>(await call(sandbox, url, { token: read }), 'listReservations')).data).toEqual(before.data);
    const started = sandbox.clock.nowMs();
    sandbox.clock.advance(7 * 86_400);
    try {
      const today = isoDate(sandbox.clock.nowMs());
      const after = await json<List<Reservation>>(await call(sandbox, url, { token: read }), 'listReservations');
      expect(after.data.map((r) => r.id)).not.toEqual(before.data.map((r) => r.id));
      for (const r of after.data) expect(r.arrival_date.slice(0, 10) >= today && r.arrival_date.slice(0, 10) <= addDays(today, 14)).toBe(true);
    } finally {
      sandbox.clock.set(started);
    }
  });

  it('filters by check-out dates with date_query and embeds guest and financials in minor units', async () => {
    const from = addDays(isoDate(sandbox.clock.nowMs()), -30);
    const to = addDays(from, 20);
    const page = await json<List<Reservation>>(
      await call(sandbox, `/v2/reservations?properties[]=${open().id}&start_date=${from}&end_date=${to}&date_query=checkout&include=guest,financials`, { token: read }),
      'listReservations',
    );
    expect(page.data.length).toBeGreaterThan(0);
    for (const r of page.data) expect(r.departure_date.slice(0, 10) >= from && r.departure_date.slice(0, 10) <= to).toBe(true);
    expect(page.data[0]!.guest).toBeDefined();
    expect((page.data[0]!.financials as { host: { revenue: { amount: number } } }).host.revenue.amount).toEqual(expect.any(Number));
    const one = await json<{ data: Reservation }>(await call(sandbox, `/v2/reservations/${page.data[0]!.id}`, { token: read }), 'getReservation');
    expect(one.data.guest).toBeUndefined();
  });

  it('reads a calendar with Read, with a reservation’s nights RESERVED', async () => {
    const from = addDays(isoDate(sandbox.clock.nowMs()), -30);
    const page = await json<List<Reservation>>(await call(sandbox, `/v2/reservations?properties[]=${open().id}&start_date=${from}&per_page=100`, { token: read }), 'listReservations');
    const stay = page.data.find((r) => r.status === 'accepted')!;
    const arrival = stay.arrival_date.slice(0, 10);
    const calendar = await json<{ data: { days: CalendarDay[] } }>(
      await call(sandbox, `/v2/properties/${open().id}/calendar?start_date=${arrival}&end_date=${addDays(arrival, stay.nights)}`, { token: read }),
      'getPropertyCalendar',
    );
    const days = calendar.data.days;
    expect(days).toHaveLength(stay.nights + 1);
    for (const d of days.slice(0, stay.nights)) expect(d.status).toMatchObject({ reason: 'RESERVED', available: false });
    expect(days.some((d) => d.status.source === stay.platform_id)).toBe(true);
  });

  it('refuses a calendar change with a read-only token (403) and shows a write token’s change in the next read', async () => {
    const date = addDays(isoDate(sandbox.clock.nowMs()), 400);
    const change = { dates: [{ date, price: { amount: 15000 }, available: false, min_stay: 4 }] };
    const refused = await call(sandbox, `/v2/properties/${open().id}/calendar`, { token: read, method: 'PUT', json: change });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ status_code: 403, reason_phrase: 'This action is unauthorized.' });
    const accepted = await call(sandbox, `/v2/properties/${open().id}/calendar`, { token: write, method: 'PUT', json: change });
    expect(accepted.status).toBe(202);
    expect(await json(accepted, 'updatePropertyCalendar')).toEqual({ status: 'accepted' });
    const after = await json<{ data: { days: CalendarDay[] } }>(await call(sandbox, `/v2/properties/${open().id}/calendar?start_date=${date}&end_date=${date}`, { token: read }), 'getPropertyCalendar');
    expect(after.data.days[0]).toMatchObject({ date, min_stay: 4, status: { reason: 'BLOCKED', available: false }, price: { amount: 15000 } });
    expect(after.data.days[0]!.price.formatted).toMatch(/150\.00/);
    sandbox.reset();
    const reset = await json<{ data: { days: CalendarDay[] } }>(await call(sandbox, `/v2/properties/${open().id}/calendar?start_date=${date}&end_date=${date}`, { token: read }), 'getPropertyCalendar');
    expect(reset.data.days[0]!.status.reason).toBe('AVAILABLE');
  });

  it('answers a calendar-restricted property’s change with the spec’s 422 word for word', async () => {
    const restricted = properties.find((p) => p.calendar_restricted)!;
    const res = await call(sandbox, `/v2/properties/${restricted.id}/calendar`, { token: write, method: 'PUT', json: { dates: [{ date: '2030-01-01', available: true }] } });
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('{"status_code":"422","reason_phrase":"This property has a channel that is calendar restricted, and updates can not be made to the calendar"}');
  });

  it('refuses a calendar update without dates in Laravel’s words', async () => {
    const res = await call(sandbox, `/v2/properties/${open().id}/calendar`, { token: write, method: 'PUT', json: {} });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status_code: 400, reason_phrase: 'The dates field is required.', message: 'The dates field is required.' });
  });
});
