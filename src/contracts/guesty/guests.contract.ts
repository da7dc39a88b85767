// Open API guests (the guests-crud API, as the OpenAPI document describes it; field names from provider-facts): list, read, create, update.
import type { CaseContext, ContractCase, RequestSpec } from '../types.js';
import { asObject, assumption, envelopeCase, expectApiError, OPEN_API, openApiGet, rememberFirstId } from './common.js';

const GUESTS = assumption('guests at /v1/guests-crud with the list envelope and {_id, firstName, lastName, fullName, email, phone, hometown}, as the OpenAPI document gives them');
const NEW_GUEST = { firstName: 'Contract', lastName: 'Suite', email: 'contract.suite@example.com', phone: '+1 512 555 0123' };

const write = (method: 'POST' | 'PUT', path: string, json: unknown): RequestSpec => ({ origin: OPEN_API, method, path, headers: { Accept: 'application/json' }, json, auth: { token: 'openApi' } });

async function createGuest(ctx: CaseContext): Promise<void> {
  const res = await ctx.send(write('POST', '/v1/guests-crud', NEW_GUEST));
  const id = asObject(res.body)._id;
  if (res.status !== 200 || typeof id !== 'string') throw new Error(`before: creating a guest answered ${res.status}`);
  ctx.state.remember('guestId', id);
}

export const guestCases: ContractCase[] = [
  envelopeCase('guests', '/v1/guests-crud', 'listGuests', GUESTS, 5),
  {
    id: 'guests.by-id',
    sentence: 'returns one guest by its id',
    source: GUESTS,
    before: (ctx) => rememberFirstId(ctx, '/v1/guests-crud', 'guestId'),
    request: (ctx) => openApiGet(`/v1/guests-crud/${ctx.state.recall('guestId')}`),
    expect: { status: 200, bodySchema: 'getGuest', check: (body, _res, ctx) => (asObject(body)._id === ctx.state.recall('guestId') ? undefined : `_id is ${JSON.stringify(asObject(body)._id)}`) },
  },
  {
    id: 'guests.unknown-id',
    sentence: 'answers an unknown guest id with 404 NOT_FOUND',
    source: assumption('API errors answer {"error": {"code", "message"}} (docs/decisions/0002)'),
    request: openApiGet('/v1/guests-crud/000000000000000000000000'),
    expect: expectApiError(404, 'getGuest', 'NOT_FOUND'),
  },
  {
    id: 'guests.create',
    sentence: 'creates a guest with the names, email and phone given',
    source: GUESTS,
    requires: ['writes'],
    request: write('POST', '/v1/guests-crud', NEW_GUEST),
    expect: {
      status: 200,
      bodySchema: 'createGuest',
      check: (body) => {
        const g = asObject(body);
        const wrong = Object.entries(NEW_GUEST).filter(([k, v]) => g[k] !== v);
        return wrong.length > 0 ? `${wrong.map(([k]) => k).join(', ')} differ from what was sent` : g.fullName === 'Contract Suite' ? undefined : `fullName is ${JSON.stringify(g.fullName)}`;
      },
    },
  },
  {
    id: 'guests.update',
    sentence: "updates a guest's hometown",
    source: GUESTS,
    requires: ['writes'],
    before: createGuest,
    request: (ctx) => write('PUT', `/v1/guests-crud/${ctx.state.recall('guestId')}`, { hometown: 'Portland, United States' }),
    expect: { status: 200, bodySchema: 'updateGuest', check: (body) => (asObject(body).hometown === 'Portland, United States' ? undefined : `hometown is ${JSON.stringify(asObject(body).hometown)}`) },
  },
];
