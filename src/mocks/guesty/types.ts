// Guesty's domain types: the records of openapi/guesty.yaml (generated from it) and the accounts and clients the sandbox keeps.
import type { components } from '../../generated/guesty.js';

export type Listing = components['schemas']['Listing'];
export type Reservation = components['schemas']['Reservation'];
export type Guest = components['schemas']['Guest'];
export type CalendarDay = components['schemas']['CalendarDay'];

export type GuestyApiName = 'openApi' | 'bookingEngine';

export interface GuestyClient {
  api: GuestyApiName;
  clientId: string;
  clientSecret: string;
  accountId: string;
}

export interface GuestyAccount {
  accountId: string;
  name: string;
}

export interface GuestySeed {
  accounts: GuestyAccount[];
  clients: GuestyClient[];
  /** The generated account whose clients `GET /__sandbox/credentials` shows. */
  primary: { openApi: GuestyClient; bookingEngine: GuestyClient };
}
