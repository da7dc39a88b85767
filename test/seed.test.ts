// Same seed, same data and ids; another seed, other data; writes after the same seed get the same ids.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createSandbox, type Sandbox } from '../src/server.js';

async function snapshot(seed: number): Promise<{ app: Sandbox['app']; creds: { clientId: string; clientSecret: string }; token: string }> {
  const sandbox = createSandbox(loadConfig({ seed }));
  const creds = (sandbox.credentials('http://sandbox.test').guesty as { openApi: { clientId: string; clientSecret: string } }).openApi;
  const res = await request(sandbox.app)
    .post('/open-api.guesty.com/oauth2/token')
    .type('form')
    .send({ grant_type: 'client_credentials', scope: 'open-api', client_id: creds.clientId, client_secret: creds.clientSecret });
  return { app: sandbox.app, creds, token: res.body.access_token as string };
}

async function everything(seed: number): Promise<{ creds: unknown; listings: unknown; reservations: unknown; guests: unknown; created: string }> {
  const { app, creds, token } = await snapshot(seed);
  const get = async (path: string): Promise<unknown> => (await request(app).get(`/open-api.guesty.com${path}`).set('Authorization', `Bearer ${token}`)).body;
  const listings = (await get('/v1/listings?limit=100')) as { results: Array<{ _id: string }> };
  const guests = await get('/v1/guests-crud?limit=100');
  const reservations = await get('/v1/reservations?limit=100');
  const created = await request(app)
    .post('/open-api.guesty.com/v1/guests-crud')
    .set('Authorization', `Bearer ${token}`)
    .send({ firstName: 'Ada', lastName: 'Lovelace' });
  return { creds, listings, reservations, guests, created: created.body._id as string };
}

describe('seeded data', () => {
  it('is the same, ids included, for the same seed', async () => {
    const [a, b] = [await everything(7), await everything(7)];
    expect(a).toEqual(b);
    expect((a.listings as { count: number }).count).toBe(30);
  });

  it('differs for another seed', async () => {
    const [a, b] = [await everything(7), await everything(8)];
    expect(a.creds).not.toEqual(b.creds);
    expect(a.listings).not.toEqual(b.listings);
  });
});
