// The v2 API's data (provider-facts §1): the user, properties and bookings in the list envelope, next_page_url relative to the v2 base,
// the bookings filter rule, ORB ids, guests, and webhook subscriptions for OAuth apps only.
import type { CaseContext, ContractCase } from '../types.js';
import { asObject, assumption, ERROR_SHAPE, facts, fetched, firstFailure, personal, v2, withApp } from './common.js';

const ENVELOPE = 'list envelope {count, items, limit, offset, next_page_url}; clients follow next_page_url, relative to the v2 base, until it is empty';

/** The first booking the app's token lists, remembered as `booking`. */
async function firstBooking(ctx: CaseContext): Promise<void> {
  const page = await fetched(ctx, await withApp(ctx, v2('bookings', { since_utc: '2000-01-01T00:00:00Z', limit: 1 })));
  const id = asObject((page.items as unknown[] | undefined)?.[0]).id;
  if (typeof id !== 'number') throw new Error('before: the account lists no booking');
  ctx.state.remember('booking', String(id));
}

const envelopeCheck = (body: unknown): string | undefined => {
  const b = asObject(body);
  return firstFailure(
    !Array.isArray(b.items) && 'items is not an array',
    typeof b.count !== 'number' && 'count is not a number',
    typeof b.next_page_url !== 'string' && b.next_page_url !== null && 'next_page_url is neither text nor null',
  );
};

export const dataCases: ContractCase[] = [
  {
    id: 'data.users-me',
    sentence: 'answers /v2/users/me for a personal access token, as the official Zapier app tests a connection',
    source: facts('auth check is GET /v2/users/me (orez-zapier authentication.js)'),
    request: async (ctx) => ({ ...v2('users/me'), auth: await personal(ctx) }),
    expect: { status: 200, bodySchema: 'getCurrentUser' },
  },
  {
    id: 'data.properties-envelope',
    sentence: 'lists properties in the envelope {count, items, limit, offset, next_page_url}',
    source: facts(ENVELOPE),
    request: (ctx) => withApp(ctx, v2('properties')),
    expect: { status: 200, bodySchema: 'listProperties', check: envelopeCheck },
  },
  {
    id: 'data.next-page-url',
    sentence: 'gives a next_page_url relative to the v2 base that answers the following page',
    source: facts(ENVELOPE),
    before: async (ctx) => {
      const page = await fetched(ctx, await withApp(ctx, v2('properties', { limit: 2 })));
      if (typeof page.next_page_url !== 'string' || page.next_page_url === '') throw new Error('before: the account has one page of properties');
      ctx.state.remember('next', page.next_page_url);
    },
    request: async (ctx) => {
      const next = new URL(ctx.state.recall('next'), 'https://api.ownerrez.com/v2/');
      return withApp(ctx, { ...v2(next.pathname.replace(/^\/v2\//, ''), Object.fromEntries(next.searchParams)) });
    },
    expect: { status: 200, bodySchema: 'listProperties', check: (body) => (asObject(body).offset === 2 ? undefined : `offset is ${JSON.stringify(asObject(body).offset)}, not 2`) },
  },
  {
    id: 'data.bookings-need-a-filter',
    sentence: 'refuses a bookings list with neither property_ids nor since_utc',
    source: facts('bookings "Requires property_ids OR since_utc" (glama.ai OwnerRez-MCP)'),
    request: (ctx) => withApp(ctx, v2('bookings')),
    expect: { status: 400, bodySchema: 'listBookings' },
  },
  {
    id: 'data.bookings-since',
    sentence: 'lists bookings changed since an instant, as the Zapier booking poll asks (include_tags, include_fields, since_utc)',
    source: facts('Zapier booking poll: v2/bookings?include_tags=true&include_fields=true&since_utc=<ISO>'),
    request: (ctx) => withApp(ctx, v2('bookings', { include_tags: true, include_fields: true, since_utc: '2000-01-01T00:00:00Z' })),
    expect: { status: 200, bodySchema: 'listBookings', check: envelopeCheck },
  },
  {
    id: 'data.booking-orb-id',
    sentence: 'finds a booking by its ORB form as by its number',
    source: facts('Booking ids accept an ORB1234 or 1234 form'),
    before: firstBooking,
    request: (ctx) => withApp(ctx, v2(`bookings/ORB${ctx.state.recall('booking')}`)),
    expect: { status: 200, bodySchema: 'getBooking', check: (body, _res, ctx) => (String(asObject(body).id) === ctx.state.recall('booking') ? undefined : 'another booking answered') },
  },
  {
    id: 'data.guest-create',
    sentence: 'creates a guest and answers it whole',
    source: facts('guests: GET/POST /guests; the official Guest sample'),
    requires: ['writes'],
    request: (ctx) => withApp(ctx, { ...v2('guests'), method: 'POST', json: { first_name: 'Contract', last_name: 'Suite', email_addresses: [{ address: 'contract-suite@example.com' }] } }),
    expect: { status: 201, bodySchema: 'createGuest' },
  },
  {
    id: 'data.webhook-categories',
    sentence: 'answers the webhook categories keyed Booking, Contact and Property',
    source: facts('GET /v2/webhooksubscriptions/categories returns an object keyed Booking, Contact, Property'),
    request: (ctx) => withApp(ctx, v2('webhooksubscriptions/categories')),
    expect: { status: 200, bodySchema: 'listWebhookCategories' },
  },
  {
    id: 'data.webhooks-need-oauth',
    sentence: 'refuses webhook subscriptions to a personal access token: webhooks are for OAuth apps',
    source: facts('webhooks are only for OAuth apps (api-webhooks)'),
    request: async (ctx) => ({ ...v2('webhooksubscriptions'), auth: await personal(ctx) }),
    expect: { status: 403, bodySchema: 'listWebhookSubscriptions' },
  },
  {
    id: 'data.unknown-booking',
    sentence: 'answers 404 for a booking the account does not have',
    source: assumption(ERROR_SHAPE),
    request: (ctx) => withApp(ctx, v2('bookings/999999999')),
    expect: { status: 404, body: { code: 404, error: 'Booking 999999999 was not found.' } },
  },
];
