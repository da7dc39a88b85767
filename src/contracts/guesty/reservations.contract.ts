// Open API reservations (provider-facts "Reservations": the list envelope and fields from tykeal/homeassistant-guesty): list, filter, read,
// create and update. Writes use an inquiry far in the future, which takes no nights from the calendar.
import type { CaseContext, ContractCase, RequestSpec } from '../types.js';
import { asObject, assumption, envelopeCase, expectApiError, isObject, NO_SUCH_ID, OPEN_API, openApiGet, rememberFirstId } from './common.js';

const FACTS = assumption('reservations as provider-facts "Reservations" gives them (tykeal/homeassistant-guesty): the list envelope, _id, listingId, status, dates');
const WRITES = assumption('POST and PUT /v1/reservations answer 200 with the whole reservation; the request fields are those published clients send');

const INQUIRY = {
  checkInDateLocalized: '2031-06-10',
  checkOutDateLocalized: '2031-06-13',
  status: 'inquiry',
  guest: { firstName: 'Contract', lastName: 'Suite', email: 'contract.suite@example.com' },
  guestsCount: 1,
  source: 'manual',
};

const write = (method: 'POST' | 'PUT', path: string, json: unknown): RequestSpec => ({ origin: OPEN_API, method, path, headers: { Accept: 'application/json' }, json, auth: { token: 'openApi' } });

/** Creates the inquiry on the account's first listing and remembers its id. */
async function createInquiry(ctx: CaseContext): Promise<void> {
  await rememberFirstId(ctx, '/v1/listings', 'listingId');
  const res = await ctx.send(write('POST', '/v1/reservations', { listingId: ctx.state.recall('listingId'), ...INQUIRY }));
  const id = asObject(res.body)._id;
  if (res.status !== 200 || typeof id !== 'string') throw new Error(`before: creating a reservation answered ${res.status}`);
  ctx.state.remember('reservationId', id);
  ctx.state.remember('confirmationCode', String(asObject(res.body).confirmationCode));
}

export const reservationCases: ContractCase[] = [
  envelopeCase('reservations', '/v1/reservations', 'listReservations', FACTS, 10),
  {
    id: 'reservations.filters',
    sentence: 'filters reservations with a filters JSON array',
    source: assumption('filters=[{"field","operator","value"}] as the OpenAPI document describes it; Guesty\'s filters syntax is not verified (provider-facts)'),
    request: openApiGet('/v1/reservations', { filters: JSON.stringify([{ field: 'status', operator: '$eq', value: 'confirmed' }]), limit: 100 }),
    expect: {
      status: 200,
      bodySchema: 'listReservations',
      check: (body) => {
        const wrong = ((asObject(body).results ?? []) as unknown[]).filter((r) => !isObject(r) || r.status !== 'confirmed');
        return wrong.length > 0 ? `${wrong.length} results are not confirmed` : undefined;
      },
    },
  },
  {
    id: 'reservations.by-id',
    sentence: 'returns one reservation by its id',
    source: FACTS,
    before: (ctx) => rememberFirstId(ctx, '/v1/reservations', 'reservationId'),
    request: (ctx) => openApiGet(`/v1/reservations/${ctx.state.recall('reservationId')}`),
    expect: { status: 200, bodySchema: 'getReservation', check: (body, _res, ctx) => (asObject(body)._id === ctx.state.recall('reservationId') ? undefined : `_id is ${JSON.stringify(asObject(body)._id)}`) },
  },
  {
    id: 'reservations.unknown-id',
    sentence: 'answers an unknown reservation id with 404 NOT_FOUND',
    source: assumption('API errors answer {"error": {"code", "message"}} (docs/decisions/0002)'),
    request: openApiGet(`/v1/reservations/${NO_SUCH_ID}`),
    expect: expectApiError(404, 'getReservation', 'NOT_FOUND'),
  },
  {
    id: 'reservations.create',
    sentence: 'creates a reservation on a listing for the dates and guest given',
    source: WRITES,
    requires: ['writes'],
    before: (ctx) => rememberFirstId(ctx, '/v1/listings', 'listingId'),
    request: (ctx) => write('POST', '/v1/reservations', { listingId: ctx.state.recall('listingId'), ...INQUIRY }),
    expect: {
      status: 200,
      bodySchema: 'createReservation',
      check: (body, _res, ctx) => {
        const r = asObject(body);
        if (r.listingId !== ctx.state.recall('listingId')) return `listingId is ${JSON.stringify(r.listingId)}`;
        if (r.checkInDateLocalized !== INQUIRY.checkInDateLocalized || r.checkOutDateLocalized !== INQUIRY.checkOutDateLocalized) return `dates are ${String(r.checkInDateLocalized)}..${String(r.checkOutDateLocalized)}`;
        if (r.status !== 'inquiry') return `status is ${JSON.stringify(r.status)}`;
        return r.nightsCount === 3 ? undefined : `nightsCount is ${JSON.stringify(r.nightsCount)}, not 3`;
      },
    },
  },
  {
    id: 'reservations.create-without-listing',
    sentence: 'refuses a reservation without listingId with a validation error',
    source: WRITES,
    requires: ['writes'],
    request: write('POST', '/v1/reservations', INQUIRY),
    expect: expectApiError(400, 'createReservation', 'VALIDATION_ERROR'),
  },
  {
    id: 'reservations.read-back',
    sentence: 'returns a reservation it created by its id',
    source: WRITES,
    requires: ['writes'],
    before: createInquiry,
    request: (ctx) => openApiGet(`/v1/reservations/${ctx.state.recall('reservationId')}`),
    expect: {
      status: 200,
      bodySchema: 'getReservation',
      check: (body, _res, ctx) => (asObject(body).confirmationCode === ctx.state.recall('confirmationCode') ? undefined : `confirmationCode is ${JSON.stringify(asObject(body).confirmationCode)}`),
    },
  },
  {
    id: 'reservations.update',
    sentence: "updates a reservation's note and guests count",
    source: WRITES,
    requires: ['writes'],
    before: createInquiry,
    request: (ctx) => write('PUT', `/v1/reservations/${ctx.state.recall('reservationId')}`, { note: 'Updated by the contract suite', guestsCount: 2 }),
    expect: {
      status: 200,
      bodySchema: 'updateReservation',
      check: (body) => {
        const r = asObject(body);
        return r.note === 'Updated by the contract suite' && r.guestsCount === 2 ? undefined : `note/guestsCount are ${JSON.stringify(r.note)}/${JSON.stringify(r.guestsCount)}`;
      },
    },
  },
];
