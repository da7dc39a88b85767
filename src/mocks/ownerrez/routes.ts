// OwnerRez's route table (seeds/000; provider-facts §1): the app host (the document's /api/properties/lookup, the OAuth authorize, sign-in
// and consent pages, the token endpoint as the official Zapier app calls it) and the API host (the token endpoint and the v2 API).
import type { RequestHandler } from 'express';
import type { OriginMount, ProviderContext, RouteSpec } from '../../core/provider.js';
import type { OwnerRezAccounts } from './accounts.js';
import { API_ORIGIN, APP_ORIGIN, oauthAppsOnly, type OwnerRezGate } from './auth.js';
import { createBooking, getBooking, listBookings, updateBooking } from './bookings.js';
import { createGuest, deleteGuest, getGuest, listGuests, updateGuest } from './guests.js';
import type { OwnerRezOAuth } from './oauth.js';
import { getProperty, listProperties, lookupProperties } from './properties.js';
import { getCurrentUser } from './users.js';
import { createWebhookSubscription, deleteWebhookSubscription, getWebhookSubscription, listWebhookCategories, listWebhookSubscriptions } from './webhooks.js';

export interface OwnerRezRouteDeps {
  accounts: OwnerRezAccounts;
  gate: OwnerRezGate;
  oauth: OwnerRezOAuth;
  ctx: ProviderContext;
}

export function ownerrezOrigins({ accounts, gate, oauth, ctx }: OwnerRezRouteDeps): OriginMount[] {
  const api = [gate.api];
  const webhooks: RequestHandler[] = [gate.api, oauthAppsOnly];
  const v2: RouteSpec[] = [
    { method: 'get', path: '/v2/users/me', operationId: 'getCurrentUser', guard: api, handle: getCurrentUser(accounts) },
    { method: 'get', path: '/v2/properties', operationId: 'listProperties', guard: api, handle: listProperties(accounts) },
    { method: 'get', path: '/v2/properties/:id', operationId: 'getProperty', guard: api, handle: getProperty(accounts) },
    { method: 'get', path: '/v2/bookings', operationId: 'listBookings', guard: api, handle: listBookings(accounts) },
    { method: 'post', path: '/v2/bookings', operationId: 'createBooking', guard: api, handle: createBooking(accounts, ctx) },
    { method: 'get', path: '/v2/bookings/:id', operationId: 'getBooking', guard: api, handle: getBooking(accounts) },
    { method: 'patch', path: '/v2/bookings/:id', operationId: 'updateBooking', guard: api, handle: updateBooking(accounts, ctx) },
    { method: 'get', path: '/v2/guests', operationId: 'listGuests', guard: api, handle: listGuests(accounts) },
    { method: 'post', path: '/v2/guests', operationId: 'createGuest', guard: api, handle: createGuest(accounts, ctx) },
    { method: 'get', path: '/v2/guests/:id', operationId: 'getGuest', guard: api, handle: getGuest(accounts) },
    { method: 'patch', path: '/v2/guests/:id', operationId: 'updateGuest', guard: api, handle: updateGuest(accounts, ctx) },
    { method: 'delete', path: '/v2/guests/:id', operationId: 'deleteGuest', guard: api, handle: deleteGuest(accounts) },
    { method: 'get', path: '/v2/webhooksubscriptions', operationId: 'listWebhookSubscriptions', guard: webhooks, handle: listWebhookSubscriptions(accounts) },
    { method: 'post', path: '/v2/webhooksubscriptions', operationId: 'createWebhookSubscription', guard: webhooks, handle: createWebhookSubscription(accounts, ctx) },
    { method: 'get', path: '/v2/webhooksubscriptions/categories', operationId: 'listWebhookCategories', guard: webhooks, handle: listWebhookCategories },
    { method: 'get', path: '/v2/webhooksubscriptions/:id', operationId: 'getWebhookSubscription', guard: webhooks, handle: getWebhookSubscription(accounts) },
    { method: 'delete', path: '/v2/webhooksubscriptions/:id', operationId: 'deleteWebhookSubscription', guard: webhooks, handle: deleteWebhookSubscription(accounts) },
  ];
  const authorizePages = oauth.server.routes.filter((r) => !oauth.tokenRoutes.some((t) => t.path === r.path));
  return [
    {
      origin: APP_ORIGIN,
      routes: [
        { method: 'get', path: '/api/properties/lookup', operationId: 'lookupProperties', guard: api, handle: lookupProperties(accounts) },
        ...authorizePages,
        // The token endpoint's operation is the API host's in the document; here it checks its own form, as there.
        ...oauth.tokenRoutes.map(({ operationId: _documented, ...route }) => route),
      ],
    },
    { origin: API_ORIGIN, prismGuard: api, routes: [...oauth.tokenRoutes, ...v2] },
  ];
}
