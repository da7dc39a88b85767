// The v2 API's gate, envelope and reads (provider-facts.md §2 "Auth", "Envelope and pagination", "Errors", "Endpoints"; seeds/002's Read).
import type { ContractCase } from '../types.js';
import { asObject, assumption, errorBody, facts, firstFailure, pageFailure, rememberProperty, traced, v2 } from './common.js';

const UNAUTHENTICATED = assumption('the 401 body is {"status_code":401,"reason_phrase":"Unauthenticated."} (Laravel\'s message; provider-facts: "401 Unauthenticated", body not published)');

export const apiCases: ContractCase[] = [
  {
    id: 'gate.no-token',
    sentence: 'answers a request without a token with 401 in Hospitable’s error shape',
    source: UNAUTHENTICATED,
    request: v2('/v2/properties', { auth: 'none' }),
    expect: { status: 401, body: errorBody(401, 'Unauthenticated.'), check: (_b, res) => traced(res) },
  },
  {
    id: 'gate.unknown-token',
    sentence: 'answers an unknown bearer token with the same 401',
    source: UNAUTHENTICATED,
    request: v2('/v2/user', { auth: { bearer: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwIn0.c2lnbmF0dXJl' } }),
    expect: { status: 401, body: errorBody(401, 'Unauthenticated.') },
  },
  {
    id: 'user.me',
    sentence: 'answers GET /user with the token’s user under data',
    source: facts('GET /user: data{id,email,name,business,company,vat,tax_id,...}'),
    request: v2('/v2/user'),
    expect: { status: 200, bodySchema: 'getUser', check: (b, res) => firstFailure(typeof asObject(asObject(b).data).email !== 'string' && 'data.email is not a string', traced(res)) },
  },
  {
    id: 'properties.default-page',
    sentence: 'pages properties ten at a time by default in Laravel’s envelope',
    source: facts('GET /properties (page default 1; per_page default 10, max 100); envelope data, links, meta'),
    request: v2('/v2/properties'),
    expect: { status: 200, bodySchema: 'listProperties', check: (b) => pageFailure(b, 10) },
  },
  {
    id: 'properties.page-size-limit',
    sentence: 'refuses per_page above 100 with the spec’s pagination 400',
    source: facts('{"status_code":400,"reason_phrase":"Invalid pagination parameter supplied."}'),
    request: v2('/v2/properties', { query: { per_page: 101 } }),
    expect: { status: 400, body: errorBody(400, 'Invalid pagination parameter supplied.') },
  },
  {
    id: 'properties.include-array',
    sentence: 'embeds listings when asked with include[]=listings',
    source: facts('Includes may be passed as ?include=a,b or ?include[]=a&include[]=b'),
    request: v2('/v2/properties', { query: { 'include[]': 'listings' } }),
    expect: { status: 200, bodySchema: 'listProperties', check: (b) => (((asObject(b).data as Array<{ listings?: unknown }>) ?? [])[0]?.listings === undefined ? 'the first property has no listings' : undefined) },
  },
  {
    id: 'reservations.properties-required',
    sentence: 'requires properties[] on the reservations list',
    source: facts('GET /reservations. Required properties[]'),
    request: v2('/v2/reservations'),
    expect: { status: 400, check: (b) => (asObject(b).status_code === 400 ? undefined : `status_code is ${JSON.stringify(asObject(b).status_code)}`) },
  },
  {
    id: 'reservations.default-window',
    sentence: 'lists only check-ins of the next two weeks when no date is given',
    source: facts('With no start_date, end_date or date_query, it defaults to check-ins in the next 2 weeks'),
    before: (ctx) => rememberProperty(ctx),
    request: (ctx) => v2('/v2/reservations', { query: { 'properties[]': ctx.state.recall('property'), per_page: 100 } }),
    expect: {
      status: 200,
      bodySchema: 'listReservations',
      check: (b, res) => {
        const today = new Date(res.headers.get('date') ?? Date.UTC(1970, 0)).toISOString().slice(0, 10);
        const last = new Date(Date.parse(`${today}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10);
        const outside = ((asObject(b).data as Array<{ arrival_date: string }>) ?? []).find((r) => r.arrival_date.slice(0, 10) < today || r.arrival_date.slice(0, 10) > last);
        return outside ? `a check-in on ${outside.arrival_date} lies outside the two weeks from ${today}` : undefined;
      },
    },
  },
  {
    id: 'calendar.read',
    sentence: 'reads a property’s calendar with a read-only token, prices in minor units',
    source: facts('Calendar: GET returns data{listing_id,provider,start_date,end_date,days[...]}; amount is in minor units'),
    before: (ctx) => rememberProperty(ctx),
    request: (ctx) => v2(`/v2/properties/${ctx.state.recall('property')}/calendar`),
    expect: { status: 200, bodySchema: 'getPropertyCalendar' },
  },
];
