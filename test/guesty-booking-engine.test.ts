// Guesty's Booking Engine API (seeds/003's "Proper Authentication" callout; provider-facts "Booking Engine API"): its own credentials, token and
// listings, and neither API accepts the other's token or credentials.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { guestyCredentials, openApiBase, type GuestyClientCredentials } from './support/guesty.js';

const BOOKING_SCOPE = 'booking_engine:api';
const BOOKING_AUTH_SERVER = 'aus1bk9engn3CcQTI95d7';
const UNAUTHORIZED = { message: 'Unauthorized' };

interface BookingListing {
  _id: string;
  title?: string;
  [key: string]: unknown;
}

describe('the Guesty Booking Engine API', () => {
  let sandbox: RunningSandbox;
  let bookingBase: string;
  let openBase: string;
  let bookingCreds: GuestyClientCredentials;
  let openCreds: GuestyClientCredentials;

  const tokenRequest = (tokenBase: string, creds: GuestyClientCredentials, scope: string): Promise<Response> =>
    fetch(`${tokenBase}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope, client_secret: creds.clientSecret, client_id: creds.clientId }),
    });
  const accessToken = async (tokenBase: string, creds: GuestyClientCredentials, scope: string): Promise<string> => {
    const res = await tokenRequest(tokenBase, creds, scope);
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const bookingToken = (): Promise<string> => accessToken(bookingBase, bookingCreds, BOOKING_SCOPE);
  const openApiToken = (): Promise<string> => accessToken(openBase, openCreds, 'open-api');
  const get = (url: string, token: string): Promise<Response> => fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    bookingBase = sandbox.origins['https://booking.guesty.com']!;
    openBase = openApiBase(sandbox);
    bookingCreds = guestyCredentials(sandbox, 'bookingEngine');
    openCreds = guestyCredentials(sandbox, 'openApi');
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clock.reset();
    sandbox.clock.freeze();
  });

  it('has its own credentials, different from the Open API ones', () => {
    expect(bookingCreds.clientId).not.toBe(openCreds.clientId);
    expect(bookingCreds.clientSecret).not.toBe(openCreds.clientSecret);
  });

  it('issues its own token for scope=booking_engine:api, as the Booking Engine documents it', async () => {
    const res = await tokenRequest(bookingBase, bookingCreds, BOOKING_SCOPE);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ token_type: 'Bearer', expires_in: 86_400, access_token: expect.any(String), scope: BOOKING_SCOPE });
  });

  it('signs its token for the Booking Engine audience, verifiable against its own JWKS', async () => {
    const issuer = `${sandbox.origins['https://login.guesty.com']}/oauth2/${BOOKING_AUTH_SERVER}`;
    const { payload } = await jwtVerify(await bookingToken(), createRemoteJWKSet(new URL(`${issuer}/v1/keys`)), {
      issuer,
      audience: 'https://booking.guesty.com',
      algorithms: ['RS256'],
      currentDate: sandbox.clock.now(),
    });
    expect(payload).toMatchObject({ cid: bookingCreds.clientId, scp: [BOOKING_SCOPE], exp: sandbox.clock.nowSeconds() + 86_400 });
  });

  it('lists the active, listed listings of the account, and reads one by id', async () => {
    const token = await bookingToken();
    const res = await get(`${bookingBase}/api/listings?limit=100`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: BookingListing[]; pagination: { total: number } };

    const open = (await (await get(`${openBase}/v1/listings?active=true&listed=true&limit=100&fields=_id`, await openApiToken())).json()) as { results: Array<{ _id: string }>; count: number };
    expect(body.pagination.total).toBe(open.count);
    expect(body.results.map((l) => l._id).sort()).toEqual(open.results.map((l) => l._id).sort());
    // What a public booking site may show: no account or PMS internals.
    for (const listing of body.results) {
      expect(listing).not.toHaveProperty('accountId');
      expect(listing).not.toHaveProperty('pms');
    }

    const first = body.results[0]!;
    const one = await get(`${bookingBase}/api/listings/${first._id}`, token);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(first);
  });

  it('pages its listings with limit and skip', async () => {
    const token = await bookingToken();
    const page = async (skip: number): Promise<{ results: BookingListing[]; pagination: { total: number } }> =>
      (await (await get(`${bookingBase}/api/listings?limit=2&skip=${skip}`, token)).json()) as { results: BookingListing[]; pagination: { total: number } };
    const [a, b] = [await page(0), await page(2)];
    expect(a.results).toHaveLength(2);
    expect(b.pagination.total).toBe(a.pagination.total);
    expect(b.results.map((l) => l._id)).not.toEqual(a.results.map((l) => l._id));
  });

  it('serves the same listings at https://booking-api.guesty.com/v1, with the same token, and refuses an Open API token there', async () => {
    const token = await bookingToken();
    const apiBase = sandbox.origins['https://booking-api.guesty.com']!;
    const viaApi = await get(`${bookingBase}/api/listings?limit=5`, token);
    const viaV1 = await get(`${apiBase}/v1/listings?limit=5`, token);
    expect(viaV1.status).toBe(200);
    const listed = (await viaApi.json()) as { results: BookingListing[] };
    expect(await viaV1.json()).toEqual(listed);
    const one = listed.results[0]!;
    expect(await (await get(`${apiBase}/v1/listings/${one._id}`, token)).json()).toEqual(await (await get(`${bookingBase}/api/listings/${one._id}`, token)).json());
    expect((await get(`${apiBase}/v1/listings`, await openApiToken())).status).toBe(401);
  });

  it('answers an unknown listing id with 404', async () => {
    const res = await get(`${bookingBase}/api/listings/000000000000000000000000`, await bookingToken());
    expect(res.status).toBe(404);
  });

  it('refuses an Open API token with 401', async () => {
    const res = await get(`${bookingBase}/api/listings`, await openApiToken());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNAUTHORIZED);
  });

  it('has its token refused by the Open API with 401', async () => {
    const res = await get(`${openBase}/v1/listings`, await bookingToken());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNAUTHORIZED);
  });

  it('refuses a request without a token with 401', async () => {
    const res = await fetch(`${bookingBase}/api/listings`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNAUTHORIZED);
  });

  it('does not issue a Booking Engine token to Open API credentials', async () => {
    const res = await tokenRequest(bookingBase, openCreds, BOOKING_SCOPE);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_client', error_description: "Invalid value for 'client_id' parameter." });
  });

  it('does not issue an Open API token to Booking Engine credentials', async () => {
    const res = await tokenRequest(openBase, bookingCreds, 'open-api');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_client', error_description: "Invalid value for 'client_id' parameter." });
  });

  it('refuses the open-api scope at its token endpoint with 400 invalid_scope', async () => {
    const res = await tokenRequest(bookingBase, bookingCreds, 'open-api');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' });
  });

  it('keeps its five-a-day token quota apart from the Open API one', async () => {
    for (let i = 0; i < 5; i += 1) await openApiToken();
    expect((await tokenRequest(openBase, openCreds, 'open-api')).status).toBe(429);
    for (let i = 0; i < 5; i += 1) await bookingToken();
    const sixth = await tokenRequest(bookingBase, bookingCreds, BOOKING_SCOPE);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('86400');
  });

  it("issues a Booking Engine token to the document's placeholder credentials too", async () => {
    const token = await accessToken(bookingBase, { clientId: '<CLIENT_ID>', clientSecret: '<CLIENT_SECRET>' }, BOOKING_SCOPE);
    expect((await get(`${bookingBase}/api/listings`, token)).status).toBe(200);
  });
});
