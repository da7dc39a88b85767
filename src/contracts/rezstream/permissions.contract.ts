// A token's permissions (seeds/001, "rezStream Cloud API": "Each access token has permissions associated with it", "all endpoints only
// support querying data", a read-only token "will fail with an HTTP 403 response when used to make modifications"; provider-facts §5).
import type { ContractCase, Expectation } from '../types.js';
import { cloud, doc, DOCUMENT_RESERVATION, facts, problemFailure } from './common.js';
import { tokenWithoutReservationScope } from './token-sources.js';

const READ_ONLY = doc('rezStream Cloud API');
const forbidden: Expectation = { status: 403, check: (_b, res) => problemFailure(res, 403) };

export const permissionCases: ContractCase[] = [
  {
    id: 'permissions.missing-scope',
    sentence: 'refuses a token without a scope that reads reservations with 403',
    source: facts('Status codes: insufficient scope or permission gives 403'),
    before: async (ctx) => void ctx.state.remember('token', await tokenWithoutReservationScope(ctx)),
    request: (ctx) => cloud('/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=20', { auth: { bearer: ctx.state.recall('token') } }),
    expect: { ...forbidden, bodySchema: 'listReservationsByDate' },
  },
  {
    id: 'permissions.post',
    sentence: 'refuses a POST of a reservation with 403: the Cloud API only answers queries',
    source: READ_ONLY,
    requires: ['writes'],
    request: cloud('/reservations', { method: 'POST', json: { arrival: '2027-01-10', departure: '2027-01-12' } }),
    expect: forbidden,
  },
  {
    id: 'permissions.put',
    sentence: "refuses a PUT of the document's example reservation with 403",
    source: READ_ONLY,
    requires: ['writes'],
    request: cloud(`/reservations/${DOCUMENT_RESERVATION}`, { method: 'PUT', json: { status: 'Cancelled' } }),
    expect: forbidden,
  },
  {
    id: 'permissions.delete',
    sentence: "refuses a DELETE of the document's example reservation with 403",
    source: READ_ONLY,
    requires: ['writes'],
    request: cloud(`/reservations/${DOCUMENT_RESERVATION}`, { method: 'DELETE' }),
    expect: forbidden,
  },
];
