// rezStream's domain types: the records of openapi/rezstream.yaml (generated from it) and the businesses, users, clients and inventory the sandbox keeps.
import type { components } from '../../generated/rezstream.js';

export type Reservation = components['schemas']['Reservation'];
export type ReservationSummary = components['schemas']['ReservationSummary'];
export type UnitAssignment = components['schemas']['UnitAssignment'];
export type Member = components['schemas']['Member'];
export type Invoice = components['schemas']['Invoice'];
export type InvoiceLine = components['schemas']['InvoiceLine'];
export type TenantInfo = components['schemas']['TenantInfo'];

export interface Business {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  country: string;
  city: string;
}

export interface RezStreamUser {
  /** The OIDC subject. */
  id: string;
  username: string;
  password: string;
  givenName: string;
  familyName: string;
  /** The businesses this user has user-management access to. */
  tenants: string[];
}

export interface RezStreamClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Compared exactly, as IdentityServer does. */
  redirectUris: string[];
}

export interface ManualTokenSeed {
  tenantId: string;
  token: string;
  scopes: string[];
}

export interface DirectoryFixture {
  businesses: Business[];
  users: RezStreamUser[];
  clients: RezStreamClient[];
  manualTokenScopes: string[];
  documentReservations: {
    detailExample: { id: string; tenantId: string };
    cursorExample: { id: string; tenantId: string; updatedAt: string };
  };
}

export interface RezStreamDirectory extends DirectoryFixture {
  /** One long-lived manual token a business, as "Manage app authorizations" would generate it. */
  manualTokens: ManualTokenSeed[];
}

/** The same anchor as the other providers: "current" reservations sit around it whatever day the sandbox starts. */
export type Unit = Pick<UnitAssignment, 'unitId' | 'unitName' | 'unitTypeId' | 'propertyId' | 'rateId' | 'ratePlanId'>;

export interface Inventory {
  properties: Array<{ id: string; name: string }>;
  units: Unit[];
}
