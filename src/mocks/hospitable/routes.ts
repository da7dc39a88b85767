// Hospitable's route table (provider-facts.md §2; seeds/002): the authorization server (https://auth.hospitable.com), the v2 API
// (https://public.api.hospitable.com/v2) with each operation's permission and scopes, and the legacy v1 API (https://api.hospitable.com).
import type { OriginMount, ProviderContext } from '../../core/provider.js';
import type { HospitableAccounts } from './accounts.js';
import { API_ORIGIN, AUTH_ORIGIN, v1Gate, v2Gate, V1_ORIGIN, type Need } from './auth.js';
import { getCalendar, updateCalendar } from './calendar.js';
import { authCatalogue } from './errors.js';
import type { HospitableGrants } from './grants.js';
import type { HospitableOAuth } from './oauth.js';
import { getProperty, getUser, listProperties } from './properties.js';
import { getReservation, listReservations } from './reservations.js';
import { listV1Properties } from './v1.js';

/** seeds/002: Read views properties, reservations and calendar; Write modifies the calendar. provider-facts names each endpoint's scopes. */
const NEEDS = {
  user: { permission: 'read', scopes: [] },
  properties: { permission: 'read', scopes: ['property:read'] },
  // provider-facts names no reservation scope; property:read is the sandbox's reading.
  reservations: { permission: 'read', scopes: ['property:read'] },
  readCalendar: { permission: 'read', scopes: ['property:read', 'calendar:read'] },
  writeCalendar: { permission: 'write', scopes: ['property:read', 'calendar:write'] },
} as const satisfies Record<string, Need>;

export function hospitableOrigins(accounts: HospitableAccounts, grants: HospitableGrants, oauth: HospitableOAuth, ctx: ProviderContext): OriginMount[] {
  const v2 = (need: Need) => [v2Gate(grants, need)];
  const calendar = '/v2/properties/:uuid/calendar';
  return [
    { origin: AUTH_ORIGIN, errors: authCatalogue, routes: oauth.routes },
    {
      origin: API_ORIGIN,
      routes: [
        { method: 'get', path: '/v2/user', operationId: 'getUser', guard: v2(NEEDS.user), handle: getUser(accounts) },
        { method: 'get', path: '/v2/properties', operationId: 'listProperties', guard: v2(NEEDS.properties), handle: listProperties(accounts, ctx) },
        { method: 'get', path: '/v2/properties/:uuid', operationId: 'getProperty', guard: v2(NEEDS.properties), handle: getProperty(accounts) },
        { method: 'get', path: calendar, operationId: 'getPropertyCalendar', guard: v2(NEEDS.readCalendar), handle: getCalendar(accounts, ctx) },
        { method: 'put', path: calendar, operationId: 'updatePropertyCalendar', guard: v2(NEEDS.writeCalendar), handle: updateCalendar(accounts) },
        { method: 'get', path: '/v2/reservations', operationId: 'listReservations', guard: v2(NEEDS.reservations), handle: listReservations(accounts, ctx) },
        { method: 'get', path: '/v2/reservations/:uuid', operationId: 'getReservation', guard: v2(NEEDS.reservations), handle: getReservation(accounts) },
      ],
    },
    {
      origin: V1_ORIGIN,
      routes: [{ method: 'get', path: '/v1/properties', operationId: 'listV1Properties', guard: [v1Gate(grants, 'read')], handle: listV1Properties(accounts, ctx) }],
    },
  ];
}
