// Hospitable's domain types: the records of openapi/hospitable.yaml (generated from it) and what the sandbox keeps about accounts, people,
// personal access tokens, legacy v1 clients and partner OAuth clients (seeds/002, provider-facts.md §2).
import type { components } from '../../generated/hospitable.js';

type Schemas = components['schemas'];
export type Property = Schemas['Property'];
export type Listing = Schemas['Listing'];
export type Reservation = Schemas['Reservation'];
export type Guest = Schemas['Guest'];
export type Financials = Schemas['Financials'];
export type User = Schemas['User'];
export type CalendarDay = Schemas['CalendarDay'];
export type Calendar = Schemas['Calendar'];
export type CalendarUpdate = Schemas['CalendarUpdate'];
export type V1Property = Schemas['V1Property'];
export type TokenResponse = Schemas['TokenResponse'];
export type Links = Schemas['Links'];
export type Meta = Schemas['Meta'];
export type WireError = Schemas['Error'];

/** seeds/002: "Read" and "Write", the two permissions a personal access token (and a legacy v1 client) is made with. */
export type Permission = 'read' | 'write';
export const PERMISSIONS: readonly Permission[] = ['read', 'write'];

export type Role = 'owner' | 'secondary';

export interface HospitableUser {
  id: string;
  email: string;
  password: string;
  name: string;
  /** seeds/002: only the account owner creates access tokens. */
  role: Role;
  accountId: string;
  business: boolean;
  company: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
}

export interface HospitableAccount {
  id: string;
  name: string;
  currency: string;
}

/** A legacy v1 client: a client id and secret with Read and/or Write permissions, made by an account ("API keys (legacy)"). */
export interface V1Client {
  clientId: string;
  clientSecret: string;
  name: string;
  accountId: string;
  permissions: Permission[];
}

/** A vendor approved for the partner OAuth flow: its redirect URLs and the scopes it was approved for. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  scopes: string[];
}

/** A personal access token as "Add new" makes it: the value is shown once, then only its name and permissions. */
export interface PersonalAccessToken {
  id: string;
  name: string;
  permissions: Permission[];
  accountId: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  token: string;
}

/** What the seed fixes: accounts, people, clients and the seeded tokens (values made in the seed worker). */
export interface HospitableDirectory {
  accounts: HospitableAccount[];
  users: HospitableUser[];
  oauthClients: OAuthClient[];
  v1Clients: V1Client[];
  personalAccessTokens: PersonalAccessToken[];
}

/** The seeded data of one account: properties with their listings, reservations with their guests, and each property's base prices. */
export interface StoredProperty extends Property {
  listings: Listing[];
  /** Not on the wire: the nightly price (minor units) and minimum stay the calendar starts from. */
  base: { price: number; weekendPrice: number; minStay: number };
}

export interface StoredReservation extends Reservation {
  /** Not on the wire: the property it belongs to. */
  propertyId: string;
  guest: Guest;
  financials: Financials;
}

/** A day a calendar update changed: only what the update named. */
export interface CalendarOverride {
  price?: number;
  available?: boolean;
  min_stay?: number;
  closed_for_checkin?: boolean;
  closed_for_checkout?: boolean;
}
