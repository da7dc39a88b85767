// Guesty guests over HTTP: create, get, update, list with q. Follows provider-facts (Listings, Reservations) and the README's Guesty assumptions.
import { describe, expect, it } from 'vitest';
import { type Guest, type Page, guestyDataSuite } from './support/guesty-data.js';

const { call, get, validationError } = guestyDataSuite();

describe('guests', () => {
  it('creates, gets, updates and finds a guest with q', async () => {
    const created = await call<Guest>('POST', '/v1/guests-crud', { firstName: 'Katherine', lastName: 'Johnson', email: 'kj@example.com', phone: '+1 555 0100' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ firstName: 'Katherine', lastName: 'Johnson', fullName: 'Katherine Johnson', email: 'kj@example.com', emails: ['kj@example.com'], phone: '+1 555 0100' });
    const id = created.body._id;
    expect((await get<Guest>(`/v1/guests-crud/${id}`)).body).toEqual(created.body);

    const updated = await call<Guest>('PUT', `/v1/guests-crud/${id}`, { lastName: 'Goble', email: 'kgoble@example.com' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ _id: id, firstName: 'Katherine', lastName: 'Goble', fullName: 'Katherine Goble', email: 'kgoble@example.com', emails: ['kgoble@example.com', 'kj@example.com'] });
    expect((await get<Guest>(`/v1/guests-crud/${id}`)).body).toEqual(updated.body);

    const found = await get<Page<Guest>>('/v1/guests-crud?q=goble');
    expect(found.body.count).toBe(1);
    expect(found.body.results[0]).toEqual(updated.body);
    expect((await get<Page<Guest>>('/v1/guests-crud?q=kgoble%40example')).body.results.map((g) => g._id)).toEqual([id]);
    expect((await get<Page<Guest>>('/v1/guests-crud?q=Johnson')).body.results.map((g) => g._id)).not.toContain(id);
  });

  it('lists guests in pages, and refuses a guest without a name', async () => {
    const page = await get<Page<Guest>>('/v1/guests-crud?limit=3&fields=fullName');
    expect(page.body.results).toHaveLength(3);
    for (const g of page.body.results) expect(Object.keys(g).sort()).toEqual(['_id', 'fullName']);
    validationError(await call('POST', '/v1/guests-crud', { lastName: 'Nobody' }), 'firstName');
    validationError(await call('POST', '/v1/guests-crud', { firstName: 'A', lastName: 'B', email: 'not-an-email' }), 'email');
  });

  it('answers an unknown guest id with 404', async () => {
    const res = await get('/v1/guests-crud/0123456789abcdef01234567');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Guest with id 0123456789abcdef01234567 not found' } });
  });
});
