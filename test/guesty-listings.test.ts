// Guesty listings over HTTP: paging, fields, filters, get by id, Guesty-style errors. Follows provider-facts (Listings, Reservations) and the README's Guesty assumptions.
import { describe, expect, it } from 'vitest';
import { type Listing, type Page, FREE_FROM, FREE_TO, guestyDataSuite } from './support/guesty-data.js';

const { get, listings, someListing, createReservation, validationError } = guestyDataSuite();

describe('listings', () => {
  it('pages with limit and skip: the count stays, the pages differ', async () => {
    const first = await listings({ limit: 5, skip: 0 });
    const second = await listings({ limit: 5, skip: 5 });
    expect(first).toMatchObject({ limit: 5, skip: 0 });
    expect(second).toMatchObject({ limit: 5, skip: 5, count: first.count });
    expect(first.count).toBeGreaterThan(10);
    expect(first.results).toHaveLength(5);
    expect(second.results).toHaveLength(5);
    const ids = new Set(first.results.map((l) => l._id));
    for (const l of second.results) expect(ids.has(l._id)).toBe(false);
    const all = await listings();
    expect(all.results.slice(5, 10).map((l) => l._id)).toEqual(second.results.map((l) => l._id));
  });

  it('pages 25 at a time by default and answers past the end with no results', async () => {
    const page = await get<Page<Listing>>('/v1/listings');
    expect(page.body).toMatchObject({ limit: 25, skip: 0 });
    expect(page.body.results).toHaveLength(Math.min(25, page.body.count));
    const past = await listings({ skip: 1000 });
    expect(past.results).toEqual([]);
    expect(past.count).toBe(page.body.count);
  });

  it("refuses a limit above 100, a limit that is not a number, and a negative skip with 400 in Guesty's style", async () => {
    validationError(await get('/v1/listings?limit=101'), 'limit');
    validationError(await get('/v1/listings?limit=abc'), 'limit');
    validationError(await get('/v1/listings?limit=0'), 'limit');
    validationError(await get('/v1/listings?skip=-1'), 'skip');
    expect((await get('/v1/listings?limit=100')).status).toBe(200);
  });

  it('projects fields=_id title to those two fields', async () => {
    const page = await get<Page<Listing>>('/v1/listings?fields=_id%20title&limit=10');
    expect(page.status).toBe(200);
    for (const l of page.body.results) expect(Object.keys(l).sort()).toEqual(['_id', 'title']);
    const nested = await listings({ fields: 'address.city', limit: 3 });
    for (const l of nested.results) expect(l).toEqual({ _id: expect.any(String), address: { city: expect.any(String) } });
  });

  it('filters on active and listed', async () => {
    const all = await listings();
    const active = await listings({ active: true });
    const inactive = await listings({ active: false });
    expect(active.count + inactive.count).toBe(all.count);
    expect(active.results.every((l) => l.active === true)).toBe(true);
    expect(inactive.results.every((l) => l.active === false)).toBe(true);
    expect(inactive.count).toBeGreaterThan(0);

    const listed = await listings({ listed: true });
    const unlisted = await listings({ listed: false });
    expect(listed.count + unlisted.count).toBe(all.count);
    expect(listed.results.every((l) => l.listed === true)).toBe(true);
    expect(unlisted.results.every((l) => l.listed === false)).toBe(true);

    const both = await listings({ active: true, listed: true });
    expect(both.count).toBe(all.results.filter((l) => l.active && l.listed).length);
  });

  it('filters on ids', async () => {
    const all = await listings();
    const wanted = [all.results[2]!._id, all.results[7]!._id];
    const some = await listings({ ids: wanted.join(',') });
    expect(some.results.map((l) => l._id).sort()).toEqual([...wanted].sort());
  });

  it('gets a listing by id, as the list shows it, and projects it with fields', async () => {
    const listing = await someListing();
    const one = await get<Listing>(`/v1/listings/${listing._id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(listing);
    const projected = await get<Listing>(`/v1/listings/${listing._id}?fields=title`);
    expect(projected.body).toEqual({ _id: listing._id, title: listing.title });
  });

  it('answers an unknown listing id with 404 NOT_FOUND', async () => {
    const res = await get('/v1/listings/0123456789abcdef01234567');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Listing with id 0123456789abcdef01234567 not found' } });
  });

  it('leaves out of an availability search a listing booked on those nights', async () => {
    const listing = await someListing();
    const available = JSON.stringify({ checkIn: FREE_FROM, checkOut: FREE_TO });
    expect((await listings({ available })).results.map((l) => l._id)).toContain(listing._id);
    expect((await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, status: 'confirmed', guest: { firstName: 'Ada', lastName: 'Lovelace' } })).status).toBe(200);
    expect((await listings({ available })).results.map((l) => l._id)).not.toContain(listing._id);
  });
});
