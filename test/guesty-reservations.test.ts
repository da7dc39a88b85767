// Guesty reservations over HTTP: create, read, update and reset, taken nights, filters and sort, body validation. Follows provider-facts (Listings, Reservations) and the README's Guesty assumptions.
import { describe, expect, it } from 'vitest';
import { type Reservation, type Guest, type Page, FREE_FROM, FREE_TO, guestyDataSuite } from './support/guesty-data.js';

const { call, get, q, someListing, createReservation, validationError, sandbox } = guestyDataSuite();

describe('reservations', () => {
  it('creates a reservation visible in the next list and get, updates it, and forgets it on reset', async () => {
    const listing = await someListing();
    const created = await createReservation({
      listingId: listing._id,
      checkInDateLocalized: FREE_FROM,
      checkOutDateLocalized: FREE_TO,
      status: 'confirmed',
      guest: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
      guestsCount: 2,
    });
    expect(created.status).toBe(200);
    const r = created.body;
    expect(r).toMatchObject({
      listingId: listing._id,
      status: 'confirmed',
      checkInDateLocalized: FREE_FROM,
      checkOutDateLocalized: FREE_TO,
      nightsCount: 4,
      guestsCount: 2,
      guest: { fullName: 'Grace Hopper' },
      money: { currency: listing.prices?.currency },
    });
    expect(r._id).toMatch(/^[0-9a-f]{24}$/);

    const filters = JSON.stringify([{ field: 'listingId', operator: '$eq', value: listing._id }]);
    const listed = await get<Page<Reservation>>(`/v1/reservations?${q({ filters, limit: 100 })}`);
    expect(listed.body.results.find((x) => x._id === r._id)).toEqual(r);
    expect((await get<Reservation>(`/v1/reservations/${r._id}`)).body).toEqual(r);
    expect((await get<Guest>(`/v1/guests-crud/${r.guestId}`)).body).toMatchObject({ fullName: 'Grace Hopper', email: 'grace@example.com' });

    const moved = await call<Reservation>('PUT', `/v1/reservations/${r._id}`, { checkInDateLocalized: '2028-03-11', checkOutDateLocalized: '2028-03-16', status: 'checked_in', note: 'moved' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ _id: r._id, checkInDateLocalized: '2028-03-11', checkOutDateLocalized: '2028-03-16', nightsCount: 5, status: 'checked_in', note: 'moved' });
    expect((await get<Reservation>(`/v1/reservations/${r._id}`)).body).toEqual(moved.body);

    // The token issued before the reset stays valid: a JWT lives until it expires.
    expect((await fetch(`${sandbox().url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    const gone = await get(`/v1/reservations/${r._id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: { code: 'NOT_FOUND', message: `Reservation with id ${r._id} not found` } });
  });

  it('stores the guest a reservation brings as given, inventing no name for it', async () => {
    const listing = await someListing();
    const created = await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, guest: { email: 'nameless@example.com' } });
    expect(created.status).toBe(200);
    const guest = (await get<Guest>(`/v1/guests-crud/${created.body.guestId}`)).body;
    expect(guest).toMatchObject({ _id: created.body.guestId, email: 'nameless@example.com', emails: ['nameless@example.com'], phones: [] });
    expect(guest).not.toHaveProperty('firstName');
    expect(guest).not.toHaveProperty('fullName');
  });

  it('refuses a reservation over taken nights with 400 LISTING_IS_NOT_AVAILABLE', async () => {
    const listing = await someListing();
    const stay = { listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, status: 'confirmed', guest: { firstName: 'Alan', lastName: 'Turing' } };
    expect((await createReservation(stay)).status).toBe(200);
    const overlapping = await createReservation({ ...stay, checkInDateLocalized: '2028-03-13', checkOutDateLocalized: '2028-03-15' });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body).toEqual({ error: { code: 'LISTING_IS_NOT_AVAILABLE', message: `Listing ${listing._id} is not available from 2028-03-13 to 2028-03-15` } });
    // Check-out day is free for the next guest's check-in.
    expect((await createReservation({ ...stay, checkInDateLocalized: FREE_TO, checkOutDateLocalized: '2028-03-16' })).status).toBe(200);
  });

  it('frees the nights of a canceled reservation', async () => {
    const listing = await someListing();
    const stay = { listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, status: 'confirmed', guest: { firstName: 'Alan', lastName: 'Turing' } };
    const first = await createReservation(stay);
    expect((await createReservation(stay)).status).toBe(400);
    expect((await call('PUT', `/v1/reservations/${first.body._id}`, { status: 'canceled' })).status).toBe(200);
    expect((await createReservation(stay)).status).toBe(200);
  });

  it('refuses to move a reservation onto taken nights', async () => {
    const listing = await someListing();
    const guest = { firstName: 'Alan', lastName: 'Turing' };
    await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, status: 'confirmed', guest });
    const later = await createReservation({ listingId: listing._id, checkInDateLocalized: '2028-03-20', checkOutDateLocalized: '2028-03-22', status: 'confirmed', guest });
    const moved = await call('PUT', `/v1/reservations/${later.body._id}`, { checkInDateLocalized: '2028-03-12' });
    expect(moved.status).toBe(400);
    expect((moved.body as { error: { code: string } }).error.code).toBe('LISTING_IS_NOT_AVAILABLE');
  });

  it('filters with a filters JSON array and sorts with sort', async () => {
    const all = await get<Page<Reservation>>('/v1/reservations?limit=100');
    const confirmed = await get<Page<Reservation>>(`/v1/reservations?${q({ limit: 100, filters: JSON.stringify([{ field: 'status', operator: '$in', value: ['confirmed', 'checked_in'] }]) })}`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.count).toBe(all.body.results.filter((r) => r.status === 'confirmed' || r.status === 'checked_in').length);
    expect(confirmed.body.count).toBeGreaterThan(0);
    expect(confirmed.body.count).toBeLessThan(all.body.count);
    expect(confirmed.body.results.every((r) => ['confirmed', 'checked_in'].includes(r.status))).toBe(true);

    const from = await get<Page<Reservation>>(`/v1/reservations?${q({ limit: 100, filters: JSON.stringify([{ field: 'checkInDateLocalized', operator: '$gte', value: '2026-11-01' }]) })}`);
    expect(from.body.results.every((r) => r.checkInDateLocalized >= '2026-11-01')).toBe(true);

    const ascending = (await get<Page<Reservation>>('/v1/reservations?limit=100&sort=checkInDateLocalized')).body.results.map((r) => r.checkInDateLocalized);
    expect(ascending).toEqual([...ascending].sort());
    const descending = (await get<Page<Reservation>>('/v1/reservations?limit=100&sort=-checkInDateLocalized')).body.results.map((r) => r.checkInDateLocalized);
    expect(descending).toEqual([...ascending].reverse());
  });

  it('refuses filters that are not a JSON array of conditions with 400', async () => {
    validationError(await get('/v1/reservations?filters=status'), 'filters');
    validationError(await get(`/v1/reservations?${q({ filters: JSON.stringify({ field: 'status' }) })}`), 'filters');
    validationError(await get(`/v1/reservations?${q({ filters: JSON.stringify([{ field: 'status', operator: '$like', value: 'x' }]) })}`), 'filters[0]');
  });

  it('refuses a body without listingId or with a wrong type with 400 naming the field', async () => {
    const listing = await someListing();
    validationError(await createReservation({ checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, guest: { firstName: 'A', lastName: 'B' } }), 'listingId');
    validationError(await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, guestsCount: 'two', guest: { firstName: 'A', lastName: 'B' } }), 'guestsCount');
    validationError(await createReservation({ listingId: listing._id, checkInDateLocalized: '10/03/2028', checkOutDateLocalized: FREE_TO, guest: { firstName: 'A', lastName: 'B' } }), 'checkInDateLocalized');
    validationError(await call('PUT', `/v1/reservations/${(await get<Page<Reservation>>('/v1/reservations?limit=1')).body.results[0]!._id}`, { status: 'lost' }), 'status');
  });

  it('refuses a stay that ends before it starts, and one without a guest, with 400', async () => {
    const listing = await someListing();
    validationError(await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_TO, checkOutDateLocalized: FREE_FROM, guest: { firstName: 'A', lastName: 'B' } }), 'checkOutDateLocalized');
    validationError(await createReservation({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO }), 'guest');
  });

  it('answers a reservation for an unknown listing with 404', async () => {
    const res = await createReservation({ listingId: '0123456789abcdef01234567', checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, guest: { firstName: 'A', lastName: 'B' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Listing with id 0123456789abcdef01234567 not found' } });
  });

  it('refuses a JSON operation sent as text/plain with 415, creating nothing', async () => {
    const listing = await someListing();
    const before = (await get<Page<Reservation>>('/v1/reservations?limit=1')).body.count;
    const body = JSON.stringify({ listingId: listing._id, checkInDateLocalized: FREE_FROM, checkOutDateLocalized: FREE_TO, guest: { firstName: 'A', lastName: 'B' } });
    const plain = await call('POST', '/v1/reservations', body, 'text/plain');
    expect(plain.status).toBe(415);
    expect(plain.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type text/plain is not supported; send application/json' } });
    expect((await get<Page<Reservation>>('/v1/reservations?limit=1')).body.count).toBe(before);
  });

  it('refuses a JSON operation sent as a form with 415, creating nothing', async () => {
    const form = await call('POST', '/v1/guests-crud', 'firstName=Form&lastName=Sent', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(form.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type application/x-www-form-urlencoded is not supported; send application/json' } });
    const guest = (await get<Page<Guest>>('/v1/guests-crud?limit=1')).body.results[0]!;
    expect((await call('PUT', `/v1/guests-crud/${guest._id}`, 'firstName=Form', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await get<Page<Guest>>('/v1/guests-crud?q=form')).body.count).toBe(0);
  });

  it('refuses a body that is not valid JSON with 400', async () => {
    validationError(await call('POST', '/v1/reservations', '{"listingId":'), 'JSON');
  });
});
