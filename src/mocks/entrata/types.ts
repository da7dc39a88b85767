// Entrata's domain types: the records and results of openapi/entrata.yaml (generated from it), and the companies, users, apps and installs
// the sandbox keeps (fixtures/entrata/accounts.json).
import type { components } from '../../generated/entrata.js';

type Schemas = components['schemas'];
export type Property = Schemas['Property'];
export type Customer = Schemas['Customer'];
export type Lease = Schemas['Lease'];
export type StatusResult = Schemas['StatusResult'];
export type PropertiesResult = Schemas['PropertiesResult'];
export type CustomersResult = Schemas['CustomersResult'];
export type LeasesResult = Schemas['LeasesResult'];
export type AccessTokenResult = Schemas['AccessTokenResult'];
export type UserInfoResult = Schemas['UserInfoResult'];
export type GetPropertiesParams = Schemas['GetPropertiesParams'];
export type GetCustomersParams = Schemas['GetCustomersParams'];
export type UpdateCustomersParams = Schemas['UpdateCustomersParams'];
export type GetLeasesParams = Schemas['GetLeasesParams'];

/** A property of a management company as the seed names it; the API's `Property` record is made from it. */
export interface CompanyProperty {
  id: number;
  /** The street address. */
  address: string;
  name: string;
  lookupCode: string;
  city: string;
  state: string;
  postalCode: string;
}

/** A company user: signs in to Entrata (and to the general API with HTTP Basic), reaches some of the company's properties. */
export interface CompanyUser {
  id: number;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  propertyIds: number[];
}

/** A management company: its unique subdomain is where its web services are (`https://<subdomain>.entrata.com`). */
export interface ManagementCompany {
  subdomain: string;
  name: string;
  properties: CompanyProperty[];
  users: CompanyUser[];
}

/** An App Store app: its data scopes are the web-service methods it may call (seeds/004 "Accessing Web Services"). */
export interface EntrataApp {
  name: string;
  clientId: string;
  clientSecret: string;
  /** The default URL Entrata loads in the iframe, with `referrer` and `auth_code` appended. */
  appUrl: string;
  scopes: string[];
}

export interface AppInstall {
  clientId: string;
  subdomain: string;
}

export interface EntrataDirectory {
  companies: ManagementCompany[];
  apps: EntrataApp[];
  installs: AppInstall[];
}

/** What an access token stands for: one user of one company, through one app. */
export interface EntrataGrant {
  scopes: string[];
  clientId: string;
  subdomain: string;
  userId: number;
}
