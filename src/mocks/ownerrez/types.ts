// OwnerRez's domain types: the records of openapi/ownerrez.yaml (generated from it), and the user accounts, personal access tokens and
// OAuth apps the sandbox keeps (fixtures/ownerrez/accounts.json).
import type { components, operations } from '../../generated/ownerrez.js';

type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Property = Schemas['Property'];
export type PropertyLookup = Schemas['PropertyLookup'];
export type Booking = Schemas['Booking'];
export type BookingCreate = Schemas['BookingCreate'];
export type BookingUpdate = Schemas['BookingUpdate'];
export type Charge = Schemas['Charge'];
export type Guest = Schemas['Guest'];
export type GuestInput = Schemas['GuestInput'];
export type WebhookSubscription = Schemas['WebhookSubscription'];
export type WebhookSubscriptionCreate = Schemas['WebhookSubscriptionCreate'];
export type WebhookCategories = Schemas['WebhookCategories'];
export type TokenResponse = Schemas['TokenResponse'];

type QueryOf<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>;
export type ListPropertiesQuery = QueryOf<'listProperties'>;
export type ListBookingsQuery = QueryOf<'listBookings'>;
export type GetBookingQuery = QueryOf<'getBooking'>;
export type ListGuestsQuery = QueryOf<'listGuests'>;
export type LookupQuery = QueryOf<'lookupProperties'>;
export type PageQuery = { limit: number; offset: number };

/** An OwnerRez user account; the account's data belongs to it (OwnerRez accounts are per user). */
export interface AccountUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  /** What the user signs in with on the OAuth authorize page. */
  password: string;
}

/** "Full read & write" or "Read only (GET requests only)", as an app is registered (provider-facts §1). */
export type AppScope = 'full' | 'read_only';
/** "Standard" (30 days) or "None". */
export type TokenExpiration = 'standard' | 'none';

export interface OAuthApp {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scope: AppScope;
  expiration: TokenExpiration;
}

/** The fixture: users with a seeded personal access token each, apps with seeded access tokens. */
export interface OwnerRezDirectory {
  users: Array<AccountUser & { personalAccessToken: string; tokenName: string; properties: number }>;
  apps: Array<OAuthApp & { accessTokens: Array<{ token: string; user: string }> }>;
}
