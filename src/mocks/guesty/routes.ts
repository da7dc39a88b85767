// Guesty's route table, one entry per documented operation, grouped by the origin that serves it.
import type { OriginMount, ProviderContext } from '../../core/provider.js';
import type { GuestyAccounts } from './accounts.js';
import { apiRateLimits, bearer, BOOKING_ENGINE, LOGIN_ORIGIN, OPEN_API } from './auth.js';
import { getBookingEngineListing, listBookingEngineListings } from './booking-engine.js';
import { getCalendar, updateCalendar } from './calendar.js';
import { createGuest, getGuest, listGuests, updateGuest } from './guests.js';
import { getListing, listListings } from './listings.js';
import { loginRoutes } from './login.js';
import { guestyTokenServer } from './oauth.js';
import { createReservation, getReservation, listReservations, updateReservation } from './reservations.js';

export function guestyOrigins(accounts: GuestyAccounts, ctx: ProviderContext): OriginMount[] {
  const now = (): string => ctx.clock.now().toISOString();
  const openApi = [bearer(OPEN_API, accounts, ctx), apiRateLimits(ctx)];
  const bookingEngine = [bearer(BOOKING_ENGINE, accounts, ctx)];
  const calendarPath = '/v1/availability-pricing/api/calendar/listings/:listingId';
  return [
    {
      origin: 'https://open-api.guesty.com',
      prismGuard: openApi,
      routes: [
        // The token endpoint checks its own form body: its errors are OAuth errors, not API validation errors.
        ...guestyTokenServer(OPEN_API, accounts, ctx, 'createOpenApiToken').routes,
        { method: 'get', path: '/v1/listings', operationId: 'listListings', guard: openApi, handle: listListings(accounts) },
        { method: 'get', path: '/v1/listings/:id', operationId: 'getListing', guard: openApi, handle: getListing(accounts) },
        { method: 'get', path: '/v1/reservations', operationId: 'listReservations', guard: openApi, handle: listReservations(accounts) },
        { method: 'post', path: '/v1/reservations', operationId: 'createReservation', guard: openApi, handle: createReservation(accounts, now) },
        { method: 'get', path: '/v1/reservations/:id', operationId: 'getReservation', guard: openApi, handle: getReservation(accounts) },
        { method: 'put', path: '/v1/reservations/:id', operationId: 'updateReservation', guard: openApi, handle: updateReservation(accounts, now) },
        { method: 'get', path: '/v1/guests-crud', operationId: 'listGuests', guard: openApi, handle: listGuests(accounts) },
        { method: 'post', path: '/v1/guests-crud', operationId: 'createGuest', guard: openApi, handle: createGuest(accounts, now) },
        { method: 'get', path: '/v1/guests-crud/:id', operationId: 'getGuest', guard: openApi, handle: getGuest(accounts) },
        { method: 'put', path: '/v1/guests-crud/:id', operationId: 'updateGuest', guard: openApi, handle: updateGuest(accounts) },
        { method: 'get', path: calendarPath, operationId: 'getListingCalendar', guard: openApi, handle: getCalendar(accounts) },
        { method: 'put', path: calendarPath, operationId: 'updateListingCalendar', guard: openApi, handle: updateCalendar(accounts) },
      ],
    },
    {
      origin: 'https://booking.guesty.com',
      prismGuard: bookingEngine,
      routes: [
        ...guestyTokenServer(BOOKING_ENGINE, accounts, ctx).routes,
        { method: 'get', path: '/api/listings', operationId: 'listBookingEngineListings', guard: bookingEngine, handle: listBookingEngineListings(accounts) },
        { method: 'get', path: '/api/listings/:id', operationId: 'getBookingEngineListing', guard: bookingEngine, handle: getBookingEngineListing(accounts) },
      ],
    },
    {
      // provider-facts: the Booking Engine docs' quick start names this base (`/v1`) where others use booking.guesty.com/api; both are served,
      // with the same token (from booking.guesty.com/oauth2/token) and the same listings.
      origin: 'https://booking-api.guesty.com',
      routes: [
        { method: 'get', path: '/v1/listings', operationId: 'listBookingEngineListings', guard: bookingEngine, handle: listBookingEngineListings(accounts) },
        { method: 'get', path: '/v1/listings/:id', operationId: 'getBookingEngineListing', guard: bookingEngine, handle: getBookingEngineListing(accounts) },
      ],
    },
    { origin: LOGIN_ORIGIN, routes: loginRoutes(ctx) },
  ];
}
