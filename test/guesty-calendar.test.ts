// A Guesty listing's calendar over HTTP: reads, price and availability updates, reservations shown as booked. Follows provider-facts (Listings, Reservations) and the README's Guesty assumptions.
import { describe, expect, it } from 'vitest';
import { type Reservation, type CalendarDay, type Page, FREE_FROM, FREE_TO, guestyDataSuite } from './support/guesty-data.js';

const { call, get, q, someListing, createReservation, calendar, validationError } = guestyDataSuite();

describe("a listing's calendar", () => {
  it('reads one day for each date of the range, at the base price', async () => {
    const listing = await someListing();
    const days = await calendar(listing._id, FREE_FROM, FREE_TO);
    expect(days.map((d) => d.date)).toEqual(['2028-03-10', '2028-03-11', '2028-03-12', '2028-03-13', '2028-03-14']);
    for (const d of days) expect(d).toMatchObject({ price: listing.prices?.basePrice, isBasePrice: true, status: 'available' });
  });

  it('shows an updated price and availability in the next read', async () => {
    const listing = await someListing();
    const put = await call<{ data: { days: CalendarDay[] } }>('PUT', `/v1/availability-pricing/api/calendar/listings/${listing._id}`, { startDate: '2028-03-11', endDate: '2028-03-12', price: 999, status: 'unavailable' });
    expect(put.status).toBe(200);
    const days = await calendar(listing._id, FREE_FROM, '2028-03-13');
    expect(days.map((d) => [d.date, d.price, d.isBasePrice, d.status])).toEqual([
      ['2028-03-10', listing.prices?.basePrice, true, 'available'],
      ['2028-03-11', 999, false, 'unavailable'],
      ['2028-03-12', 999, false, 'unavailable'],
      ['2028-03-13', listing.prices?.basePrice, true, 'available'],
    ]);
    // The blocked nights cannot be booked; reopened, they can, at the new price.
    const stay = { listingId: listing._id, checkInDateLocalized: '2028-03-11', checkOutDateLocalized: '2028-03-13', status: 'confirmed', guest: { firstName: 'A', lastName: 'B' } };
    expect((await createReservation(stay)).body).toMatchObject({ error: { code: 'LISTING_IS_NOT_AVAILABLE' } });
    await call('PUT', `/v1/availability-pricing/api/calendar/listings/${listing._id}`, { startDate: '2028-03-11', endDate: '2028-03-12', status: 'available' });
    const booked = await createReservation(stay);
    expect(booked.status).toBe(200);
    expect(booked.body.money.fareAccommodation).toBe(2 * 999);
  });

  it('shows a created reservation as booked on its nights, not on its check-out day', async () => {
    const listing = await someListing();
    const r = (await createReservation({ listingId: listing._id, checkInDateLocalized: '2028-03-11', checkOutDateLocalized: '2028-03-13', status: 'confirmed', guest: { firstName: 'A', lastName: 'B' } })).body;
    const days = await calendar(listing._id, FREE_FROM, '2028-03-13');
    expect(days.map((d) => [d.date, d.status, d.reservationId])).toEqual([
      ['2028-03-10', 'available', undefined],
      ['2028-03-11', 'booked', r._id],
      ['2028-03-12', 'booked', r._id],
      ['2028-03-13', 'available', undefined],
    ]);
  });

  it('shows a seeded upcoming stay as booked, a reserved one as reserved, and leaves an inquiry open', async () => {
    const filters = JSON.stringify([{ field: 'status', operator: '$eq', value: 'confirmed' }]);
    const seeded = (await get<Page<Reservation>>(`/v1/reservations?${q({ filters, limit: 1, sort: 'checkInDateLocalized' })}`)).body.results[0]!;
    const nights = await calendar(seeded.listingId, seeded.checkInDateLocalized, seeded.checkOutDateLocalized);
    expect(nights.slice(0, -1).every((d) => d.status === 'booked' && d.reservationId === seeded._id)).toBe(true);
    expect(nights).toHaveLength(seeded.nightsCount + 1);

    const listing = await someListing();
    const guest = { firstName: 'A', lastName: 'B' };
    await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: '2028-03-11', status: 'reserved', guest });
    await createReservation({ listingId: listing._id, checkInDateLocalized: '2028-03-12', checkOutDateLocalized: '2028-03-13', status: 'inquiry', guest });
    expect((await calendar(listing._id, FREE_FROM, '2028-03-12')).map((d) => d.status)).toEqual(['reserved', 'available', 'available']);
  });

  it('refuses a range that ends before it starts, and dates that are not dates, with 400', async () => {
    const listing = await someListing();
    validationError(await get(`/v1/availability-pricing/api/calendar/listings/${listing._id}?${q({ startDate: FREE_TO, endDate: FREE_FROM })}`), 'endDate');
    validationError(await get(`/v1/availability-pricing/api/calendar/listings/${listing._id}?${q({ startDate: 'soon', endDate: FREE_FROM })}`), 'startDate');
  });
});
