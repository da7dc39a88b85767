// OwnerRez's v2 data over real HTTP (provider-facts §1): the list envelope followed by next_page_url to the end, the bookings filter rule,
// ORB ids, a booking taking its nights, writes visible in the next read and gone on reset, guests, and webhook subscriptions for OAuth apps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { appBase, basic, EXAMPLE_ACCESS_TOKEN, ownerrezCredentials, v2, v2Base, WYLIE, WYLIE_TOKEN } from './support/ownerrez.js';

interface Envelope<T> {
  count: number;
  items: T[];
  limit: number;
  offset: number;
  next_page_url: string | null;
}
interface Booking {
  id: number;
  property_id: number;
  guest_id: number | null;
  arrival: string;
  departure: string;
  status: string;
  guest?: { id: number };
  door_codes?: unknown[];
}

describe('the OwnerRez v2 data', () => {
  let sandbox: RunningSandbox;
  const get = async <T>(pathAndQuery: string): Promise<T> => {
    const res = await v2(sandbox, pathAndQuery, { token: EXAMPLE_ACCESS_TOKEN });
    if (res.status !== 200) throw new Error(`${pathAndQuery} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  /** Every page of a list, following next_page_url (relative to the v2 base URL) until it is empty. */
  const everyPage = async <T>(first: string): Promise<{ pages: Array<Envelope<T>>; items: T[] }> => {
    const pages: Array<Envelope<T>> = [];
    let next: string | null = first;
    while (next) {
      const page: Envelope<T> = await get<Envelope<T>>(next);
      pages.push(page);
      next = page.next_page_url;
    }
    return { pages, items: pages.flatMap((p) => p.items) };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('pages properties and bookings by following next_page_url to the end, 20 a page by default', async () => {
    const properties = await everyPage<{ id: number }>('properties');
    expect(properties.pages.length).toBeGreaterThanOrEqual(3);
    expect(properties.pages[0]).toMatchObject({ limit: 20, offset: 0, next_page_url: 'properties?limit=20&offset=20' });
    expect(properties.pages.at(-1)!.next_page_url).toBe('');
    expect(new Set(properties.items.map((p) => p.id)).size).toBe(properties.pages[0]!.count);

    const ids = properties.items.slice(0, 3).map((p) => p.id).join(',');
    const bookings = await everyPage<Booking>(`bookings?property_ids=${ids}&limit=7`);
    expect(bookings.pages.length).toBeGreaterThan(1);
    expect(bookings.pages[1]!.offset).toBe(7);
    expect(bookings.items.length).toBe(bookings.pages[0]!.count);
    expect(new Set(bookings.items.map((b) => b.property_id))).toEqual(new Set(properties.items.slice(0, 3).map((p) => p.id)));
  });

  it("answers the same bookings URL with each account's own bookings, asked in turn", async () => {
    const url = 'bookings?since_utc=2020-01-01T00:00:00Z&limit=5';
    const other = ownerrezCredentials(sandbox).users[1]!;
    const asOther = async (): Promise<Envelope<Booking>> => (await (await v2(sandbox, url, { authorization: basic(other.email, other.personalAccessToken) })).json()) as Envelope<Booking>;
    const mine = await get<Envelope<Booking>>(url);
    const theirs = await asOther();
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.map((b) => b.id)).not.toEqual(mine.items.map((b) => b.id));
    expect((await get<Envelope<Booking>>(url)).items).toEqual(mine.items);
    expect((await asOther()).items).toEqual(theirs.items);
  });

  it('refuses a bookings list without property_ids or since_utc', async () => {
    const res = await v2(sandbox, 'bookings', { token: EXAMPLE_ACCESS_TOKEN });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 400, error: 'Either property_ids or since_utc is required.' });
  });

  it('filters bookings by since_utc, dates and status, and includes the guest and door codes when asked', async () => {
    const all = await everyPage<Booking & { updated_utc: string }>('bookings?since_utc=2000-01-01T00:00:00Z&limit=100');
    const latest = all.items.map((b) => b.updated_utc).sort().at(-1)!;
    expect((await get<Envelope<Booking>>(`bookings?since_utc=${latest}`)).items.every((b) => (b as Booking & { updated_utc: string }).updated_utc >= latest)).toBe(true);
    const window = await get<Envelope<Booking>>('bookings?since_utc=2000-01-01T00:00:00Z&from=2026-11-01&to=2026-11-30&status=active&include_guest=true&include_door_codes=true&limit=100');
    expect(window.items.length).toBeGreaterThan(0);
    for (const b of window.items) {
      expect(b.departure > '2026-11-01' && b.arrival <= '2026-11-30' && b.status === 'active').toBe(true);
      if (b.guest_id !== null) expect(b.guest?.id).toBe(b.guest_id);
      expect(Array.isArray(b.door_codes)).toBe(true);
    }
  });

  it('finds a booking by its id or its ORB form', async () => {
    const first = (await get<Envelope<Booking>>('bookings?since_utc=2000-01-01T00:00:00Z&limit=1')).items[0]!;
    expect((await get<Booking>(`bookings/${first.id}`)).id).toBe(first.id);
    expect((await get<Booking>(`bookings/ORB${first.id}`)).id).toBe(first.id);
    const missing = await v2(sandbox, 'bookings/999999999', { token: EXAMPLE_ACCESS_TOKEN });
    expect(missing.status).toBe(404);
  });

  it('creates a booking on free nights, which then holds them, visible in the next read and gone on reset', async () => {
    const property = (await get<Envelope<{ id: number }>>('properties?limit=1')).items[0]!;
    const guest = (await get<Envelope<{ id: number }>>('guests?limit=1')).items[0]!;
    const stay = { property_id: property.id, guest_id: guest.id, arrival: '2027-09-10', departure: '2027-09-14', adults: 2 };
    const listed = `bookings?property_ids=${property.id}&limit=100`;
    const before = (await get<Envelope<Booking>>(listed)).count;
    const created = await v2(sandbox, 'bookings', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: stay });
    expect(created.status).toBe(201);
    const booking = (await created.json()) as Booking & { total_amount: number; charges: unknown[] };
    expect(booking).toMatchObject({ ...stay, status: 'active', type: 'booking', is_block: false });
    expect(booking.charges.length).toBe(3);
    expect((await get<Booking>(`bookings/${booking.id}`)).arrival).toBe('2027-09-10');
    const after = await get<Envelope<Booking>>(listed);
    expect(after.count).toBe(before + 1);
    expect(after.items.at(-1)!.id).toBe(booking.id);

    const overlapping = await v2(sandbox, 'bookings', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { ...stay, arrival: '2027-09-13', departure: '2027-09-16' } });
    expect(overlapping.status).toBe(409);
    expect(await overlapping.json()).toEqual({ code: 409, error: `The property is not available from 2027-09-13 to 2027-09-16: booking ${booking.id} holds those nights.` });
    // The departure day is the next arrival's.
    expect((await v2(sandbox, 'bookings', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { ...stay, arrival: '2027-09-14', departure: '2027-09-15' } })).status).toBe(201);

    const lookup = await fetch(`${appBase(sandbox)}/api/properties/lookup?arrival=2027-09-11&departure=2027-09-12`, { headers: { Authorization: basic(WYLIE, WYLIE_TOKEN) } });
    const available = ((await lookup.json()) as Array<{ id: number; available: boolean }>).find((p) => p.id === property.id)!;
    expect(available.available).toBe(false);

    // Canceling frees the nights.
    const canceled = await v2(sandbox, `bookings/${booking.id}`, { token: EXAMPLE_ACCESS_TOKEN, method: 'PATCH', body: { status: 'canceled' } });
    expect(((await canceled.json()) as { status: string; canceled_utc: string }).status).toBe('canceled');
    expect((await v2(sandbox, 'bookings', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { ...stay, arrival: '2027-09-12', departure: '2027-09-14' } })).status).toBe(201);

    sandbox.reset();
    expect((await v2(sandbox, `bookings/${booking.id}`, { token: EXAMPLE_ACCESS_TOKEN })).status).toBe(404);
  });

  it('refuses a booking body the document does not allow, in OwnerRez words', async () => {
    const res = await v2(sandbox, 'bookings', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { property_id: 'one', arrival: 'soon' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; error: string };
    expect(body.code).toBe(400);
    expect(body.error).toContain('departure');
  });

  it('creates, changes, finds and deletes a guest; a guest with bookings stays', async () => {
    const created = await v2(sandbox, 'guests', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { first_name: 'Ada', last_name: 'Lovelace', email_addresses: [{ address: 'ada@example.com' }] } });
    expect(created.status).toBe(201);
    const guest = (await created.json()) as { id: number; email_addresses: Array<{ address: string; is_default: boolean }> };
    expect(guest.email_addresses).toEqual([{ id: expect.any(Number), address: 'ada@example.com', is_default: true }]);
    const changed = await v2(sandbox, `guests/${guest.id}`, { token: EXAMPLE_ACCESS_TOKEN, method: 'PATCH', body: { last_name: 'King' } });
    expect((await get<Envelope<{ last_name: string }>>('guests?q=ada')).items.map((g) => g.last_name)).toContain('King');
    expect(((await changed.json()) as { last_name: string; first_name: string })).toMatchObject({ first_name: 'Ada', last_name: 'King' });
    expect((await get<Envelope<{ id: number }>>('guests?q=ada@example')).items.map((g) => g.id)).toEqual([guest.id]);
    expect((await v2(sandbox, `guests/${guest.id}`, { token: EXAMPLE_ACCESS_TOKEN, method: 'DELETE' })).status).toBe(204);
    expect((await v2(sandbox, `guests/${guest.id}`, { token: EXAMPLE_ACCESS_TOKEN })).status).toBe(404);

    const booked = (await get<Envelope<Booking>>('bookings?since_utc=2000-01-01T00:00:00Z&status=active&limit=5')).items.find((b) => b.guest_id !== null)!;
    // A booking's included guest is the guest as it is now, even where the same page was read before.
    await get('bookings?since_utc=2000-01-01T00:00:00Z&status=active&limit=5&include_guest=true');
    await v2(sandbox, `guests/${booked.guest_id}`, { token: EXAMPLE_ACCESS_TOKEN, method: 'PATCH', body: { first_name: 'Renamed' } });
    const withGuest = await get<Envelope<Booking & { guest: { first_name: string } }>>('bookings?since_utc=2000-01-01T00:00:00Z&status=active&limit=5&include_guest=true');
    expect(withGuest.items.find((b) => b.id === booked.id)!.guest.first_name).toBe('Renamed');
    expect((await v2(sandbox, `guests/${booked.guest_id}`, { token: EXAMPLE_ACCESS_TOKEN, method: 'DELETE' })).status).toBe(409);
  });

  it('keeps webhook subscriptions for OAuth apps, and refuses them to personal access tokens', async () => {
    const categories = await get<Record<string, string[]>>('webhooksubscriptions/categories');
    expect(Object.keys(categories)).toEqual(['Booking', 'Contact', 'Property']);
    const made = await v2(sandbox, 'webhooksubscriptions', { token: EXAMPLE_ACCESS_TOKEN, method: 'POST', body: { type: 'Booking', action: 'EntityCreate', webhook_url: 'https://hooks.example/ownerrez' } });
    expect(made.status).toBe(201);
    const subscription = (await made.json()) as { id: number };
    expect((await get<Envelope<{ id: number }>>('webhooksubscriptions')).items.map((s) => s.id)).toEqual([subscription.id]);
    const pat = await fetch(new URL('webhooksubscriptions', v2Base(sandbox)), { headers: { Authorization: basic(WYLIE, WYLIE_TOKEN) } });
    expect(pat.status).toBe(403);
    expect(await pat.json()).toEqual({ code: 403, error: 'Webhook subscriptions are only available to OAuth apps.' });
    expect((await v2(sandbox, `webhooksubscriptions/${subscription.id}`, { token: EXAMPLE_ACCESS_TOKEN, method: 'DELETE' })).status).toBe(204);
    expect((await get<Envelope<unknown>>('webhooksubscriptions')).count).toBe(0);
  });

  it('answers an unknown path in ASP.NET Web API words, naming the nearest route', async () => {
    const res = await v2(sandbox, 'booking', { token: EXAMPLE_ACCESS_TOKEN });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/^No HTTP resource was found that matches the request URI/);
  });
});
