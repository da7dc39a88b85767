// rezStream's route table: the identity origin (https://account.rezstream.com) and the Cloud API (https://cloudapi.rezstream.com), seeds/001.
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { isoInstant } from '../../core/dates.js';
import { once } from '../../core/once.js';
import type { OpenApiDocument } from '../../core/openapi.js';
import type { HttpMethod, OriginMount, ProviderContext, RouteSpec } from '../../core/provider.js';
import type { RezStreamAccounts } from './accounts.js';
import { callerOf, cloudGate, CLOUD_API_ORIGIN, IDENTITY_ORIGIN } from './auth.js';
import { cloudErrors, identityCatalogue } from './errors.js';
import type { RezStreamGrants } from './grants.js';
import { identityRoutes, type IdentityServer } from './identity.js';
import { getReservation, listReservationsByDate, listReservationsUpdated } from './reservations.js';

/** Any one of these reads reservations (seeds/001 names the integration scopes; `reservations` is the sandbox's own). */
export const RESERVATION_SCOPES = ['reservations', 'revenue_management', 'guest_communication'] as const;

export interface RezStreamRouteDeps {
  accounts: RezStreamAccounts;
  grants: RezStreamGrants;
  /** The core authorization server's routes on the identity origin. */
  authorizationServer: IdentityServer;
  ctx: ProviderContext;
  /** The versions the served document lists for X-RezStream-Api-Version. */
  versions: () => readonly string[];
  specFile: string;
  document: () => OpenApiDocument;
}

/**
 * GET /openapi: the document as JSON to a client that prefers `application/json` (ASP.NET services answer JSON), as its YAML otherwise.
 * The JSON is the document the provider loaded (compiled from the YAML at build time, core/spec-cache.ts), serialized once: no request parses YAML.
 */
function serveDocument(specFile: string, document: () => OpenApiDocument): RequestHandler {
  const yaml = once(() => readFileSync(specFile, 'utf8'));
  const json = once(() => JSON.stringify(document().document));
  return (req, res) => {
    res.vary('Accept');
    if (req.accepts(['application/yaml', 'application/json']) === 'application/json') res.type('application/json').send(json());
    else res.type('application/yaml').send(yaml());
  };
}

export function rezstreamOrigins({ accounts, grants, authorizationServer, ctx, versions, specFile, document }: RezStreamRouteDeps): OriginMount[] {
  const gate = (tenant: boolean, scopes?: readonly string[]) => [cloudGate(grants, ctx, versions, { tenant, ...(scopes ? { scopes } : {}) })];
  const reservations = gate(true, RESERVATION_SCOPES);
  // seeds/001: "all endpoints only support querying data". A write to any path the document serves (POST /rates/nightly of rezStream's
  // Postman collection included) is refused with 403 once the token is checked, as a permission the token lacks; other paths stay 404s.
  const [writeGate] = gate(true);
  const refuseWrite: RequestHandler = (req, res, next) => {
    // `/reservations` has no GET, but creating a reservation there is the write a client most plausibly tries.
    if (req.path !== '/reservations' && !document().match(CLOUD_API_ORIGIN, 'get', req.path)) return next();
    writeGate!(req, res, (err?: unknown) => next(err ?? cloudErrors.readOnly()));
  };
  const writes: RouteSpec[] = (['post', 'put', 'patch', 'delete'] as HttpMethod[]).map((method) => ({ method, path: '/*path', validate: false, handle: refuseWrite }));
  return [
    { origin: IDENTITY_ORIGIN, errors: identityCatalogue, routes: identityRoutes(accounts, grants, authorizationServer, ctx) },
    {
      origin: CLOUD_API_ORIGIN,
      prismGuard: gate(true),
      routes: [
        { method: 'get', path: '/openapi', operationId: 'getOpenApiDocument', validate: false, handle: serveDocument(specFile, document) },
        {
          method: 'get',
          path: '/auth/tokendetails',
          operationId: 'getTokenDetails',
          guard: gate(false),
          handle: (_req, res) => {
            const { details: grant, expiresAtMs } = callerOf(res);
            res.json({
              clientId: grant.clientId,
              scopes: grant.scopes,
              multiTenant: grant.tenantIds.length > 1,
              expiresAt: expiresAtMs === undefined ? null : isoInstant(expiresAtMs),
              tenants: grant.tenantIds.map((id) => {
                const business = accounts.business(id)!;
                return { id, name: business.name, timeZone: business.timeZone, currency: business.currency, country: business.country, propertyCount: accounts.inventory(id)?.properties.length ?? 0 };
              }),
            });
          },
        },
        { method: 'get', path: '/reservations/byDate', operationId: 'listReservationsByDate', guard: reservations, handle: listReservationsByDate(accounts, ctx) },
        { method: 'get', path: '/reservations/updated', operationId: 'listReservationsUpdated', guard: reservations, handle: listReservationsUpdated(accounts, ctx) },
        { method: 'get', path: '/reservations/:id', operationId: 'getReservation', guard: reservations, handle: getReservation(accounts) },
        ...writes,
      ],
    },
  ];
}
