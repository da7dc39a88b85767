// The Booking Engine API (https://booking-api-docs.guesty.com/docs/authentication-1, via provider-facts; seeds/003 "Proper Authentication"):
// its own token endpoint and scope, its listings, and tokens that do not cross between it and the Open API.
import type { ContractCase, RequestSpec } from '../types.js';
import { asObject, assumption, BOOKING_AUTH_PAGE, BOOKING_ENGINE, doc, oauthErrorFailure, openApiGet, tokenAnswerFailure, tokenRequest, UNAUTHORIZED } from './common.js';

const SEPARATE_KEYS = doc('1. Creating Authorization Keys (Proper Authentication)');

const beListings = (auth: RequestSpec['auth']): RequestSpec => ({ origin: BOOKING_ENGINE, method: 'GET', path: '/api/listings', headers: { Accept: 'application/json' }, auth });

export const bookingEngineCases: ContractCase[] = [
  {
    id: 'booking-engine.token',
    sentence: 'issues a Booking Engine token for scope booking_engine:api with the Booking Engine credentials',
    source: BOOKING_AUTH_PAGE,
    requires: ['fresh-token'],
    request: (ctx) => tokenRequest(BOOKING_ENGINE, 'booking_engine:api', ctx.credentials('bookingEngine')),
    expect: { status: 200, check: (body, _res, ctx) => tokenAnswerFailure(body, { clientId: ctx.credentials('bookingEngine').clientId, scope: 'booking_engine:api' }) },
  },
  {
    id: 'booking-engine.open-api-scope',
    sentence: "refuses the Open API's scope at the Booking Engine's token endpoint with invalid_scope",
    source: assumption("RFC 6749 §5.2 invalid_scope, as Okta answers a scope its authorization server does not have"),
    request: (ctx) => tokenRequest(BOOKING_ENGINE, 'open-api', ctx.credentials('bookingEngine')),
    expect: { status: 400, check: (body) => oauthErrorFailure(body, 'invalid_scope') },
  },
  {
    id: 'booking-engine.listings',
    sentence: 'lists the Booking Engine listings as results with a pagination total',
    source: assumption('GET https://booking.guesty.com/api/listings answers {results, pagination: {total}} (provider-facts "Booking Engine API", third-party docs)'),
    request: beListings({ token: 'bookingEngine' }),
    expect: {
      status: 200,
      bodySchema: 'listBookingEngineListings',
      check: (body) => {
        const b = asObject(body);
        return Array.isArray(b.results) && typeof asObject(b.pagination).total === 'number' ? undefined : 'not {results: [...], pagination: {total: n}}';
      },
    },
  },
  {
    id: 'booking-engine.no-token',
    sentence: 'refuses the Booking Engine listings without a token with 401',
    source: assumption('the Booking Engine gateway answers like the Open API\'s: 401 {"message":"Unauthorized"}'),
    request: beListings('none'),
    expect: { status: 401, body: UNAUTHORIZED },
  },
  {
    id: 'booking-engine.open-api-token-refused',
    sentence: 'refuses an Open API token at the Booking Engine API with 401',
    source: SEPARATE_KEYS,
    request: beListings({ token: 'openApi' }),
    expect: { status: 401, body: UNAUTHORIZED, bodySchema: 'listBookingEngineListings' },
  },
  {
    id: 'booking-engine.token-refused-by-open-api',
    sentence: 'refuses a Booking Engine token at the Open API with 401',
    source: SEPARATE_KEYS,
    request: openApiGet('/v1/listings', {}, { token: 'bookingEngine' }),
    expect: { status: 401, body: UNAUTHORIZED, bodySchema: 'listListings' },
  },
];
