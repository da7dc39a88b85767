// Open API listings (provider-facts "Listings"; https://open-api-docs.guesty.com/docs/searching-for-available-listings-and-all-listings):
// the {results, count, limit, skip} envelope, limit 1..100, skip, fields, active/listed/ids filters, one listing by id, and unknown paths.
import type { ContractCase } from '../types.js';
import { asObject, assumption, envelopeCase, envelopeFailure, expectApiError, expectEnvelope, isObject, listed, LISTINGS_PAGE, NO_SUCH_ID, openApiGet, rememberFirstId } from './common.js';

const ENVELOPE = assumption('lists answer {results, count, limit, skip}, as tykeal/homeassistant-guesty reads them (provider-facts "Listings")');
const API_ERRORS = assumption('API errors answer {"error": {"code", "message"}} (docs/decisions/0002); the code names the kind of error');
const LIMITS = assumption('limit runs from 1 to 100, the page size published clients use (provider-facts "Listings"); outside it, a VALIDATION_ERROR');

const ids = (body: unknown): unknown[] => (Array.isArray(asObject(body).results) ? (asObject(body).results as unknown[]).map((r) => asObject(r)._id) : []);

export const listingCases: ContractCase[] = [
  envelopeCase('listings', '/v1/listings', 'listListings', ENVELOPE),
  {
    id: 'listings.limit-skip',
    sentence: 'pages listings with limit and skip',
    source: LISTINGS_PAGE,
    before: async (ctx) => ctx.state.remember('firstThree', JSON.stringify((await listed(ctx, '/v1/listings', { limit: 3, skip: 0 })).map((l) => l._id))),
    request: openApiGet('/v1/listings', { limit: 2, skip: 1 }),
    expect: {
      status: 200,
      bodySchema: 'listListings',
      check: (body, _res, ctx) => {
        const want = (JSON.parse(ctx.state.recall('firstThree')) as unknown[]).slice(1, 3);
        return envelopeFailure(body, 2, 1) ?? (JSON.stringify(ids(body)) === JSON.stringify(want) ? undefined : `ids ${JSON.stringify(ids(body))} are not the 2nd and 3rd of the first page ${JSON.stringify(want)}`);
      },
    },
  },
  {
    id: 'listings.limit-zero',
    sentence: 'refuses limit=0 with a validation error',
    source: LIMITS,
    request: openApiGet('/v1/listings', { limit: 0 }),
    expect: expectApiError(400, 'listListings', 'VALIDATION_ERROR'),
  },
  {
    id: 'listings.limit-over-100',
    sentence: 'refuses limit=101 with a validation error',
    source: LIMITS,
    request: openApiGet('/v1/listings', { limit: 101 }),
    expect: expectApiError(400, 'listListings', 'VALIDATION_ERROR'),
  },
  {
    id: 'listings.limit-100',
    sentence: 'accepts limit=100',
    source: LIMITS,
    request: openApiGet('/v1/listings', { limit: 100 }),
    expect: expectEnvelope('listListings', 100),
  },
  {
    id: 'listings.fields',
    sentence: 'returns only _id and the fields named in fields=_id title',
    source: LISTINGS_PAGE,
    request: openApiGet('/v1/listings', { fields: '_id title', limit: 5 }),
    expect: {
      status: 200,
      bodySchema: 'listListings',
      check: (body) => {
        const results = (asObject(body).results ?? []) as unknown[];
        if (results.length === 0) return 'no listings to look at';
        const extra = results.flatMap((r) => Object.keys(asObject(r)).filter((k) => k !== '_id' && k !== 'title'));
        const noId = results.filter((r) => typeof asObject(r)._id !== 'string').length;
        return extra.length > 0 ? `fields other than _id and title came back: ${[...new Set(extra)].join(', ')}` : noId > 0 ? `${noId} results without _id` : undefined;
      },
    },
  },
  {
    id: 'listings.active-listed',
    sentence: 'filters listings with active=true and listed=true',
    source: LISTINGS_PAGE,
    request: openApiGet('/v1/listings', { active: true, listed: true, limit: 100 }),
    expect: {
      status: 200,
      bodySchema: 'listListings',
      check: (body) => {
        const wrong = ((asObject(body).results ?? []) as unknown[]).filter((r) => !isObject(r) || r.active !== true || r.listed !== true);
        return wrong.length > 0 ? `${wrong.length} results are not both active and listed` : undefined;
      },
    },
  },
  {
    id: 'listings.ids',
    sentence: 'returns exactly the listings named in ids',
    source: LISTINGS_PAGE,
    before: async (ctx) => ctx.state.remember('ids', (await listed(ctx, '/v1/listings', { limit: 2 })).map((l) => l._id).join(',')),
    request: (ctx) => openApiGet('/v1/listings', { ids: ctx.state.recall('ids') }),
    expect: {
      status: 200,
      bodySchema: 'listListings',
      check: (body, _res, ctx) => {
        const want = ctx.state.recall('ids').split(',').sort();
        const got = ids(body).map(String).sort();
        return JSON.stringify(got) === JSON.stringify(want) ? undefined : `ids ${got.join(',')} are not ${want.join(',')}`;
      },
    },
  },
  {
    id: 'listings.by-id',
    sentence: 'returns one listing by its id',
    source: LISTINGS_PAGE,
    before: (ctx) => rememberFirstId(ctx, '/v1/listings', 'listingId'),
    request: (ctx) => openApiGet(`/v1/listings/${ctx.state.recall('listingId')}`),
    expect: { status: 200, bodySchema: 'getListing', check: (body, _res, ctx) => (asObject(body)._id === ctx.state.recall('listingId') ? undefined : `_id is ${JSON.stringify(asObject(body)._id)}`) },
  },
  {
    id: 'listings.unknown-id',
    sentence: 'answers an unknown listing id with 404 NOT_FOUND',
    source: API_ERRORS,
    request: openApiGet(`/v1/listings/${NO_SUCH_ID}`),
    expect: expectApiError(404, 'getListing', 'NOT_FOUND'),
  },
  {
    id: 'listings.unknown-path',
    sentence: "answers a path no route serves with the gateway's 404",
    source: assumption('Kong answers an unmatched path with 404 {"message":"no Route matched with those values"} (docs/decisions/0002)'),
    request: openApiGet('/v1/no-such-resource'),
    expect: { status: 404, body: { message: 'no Route matched with those values' } },
  },
];
