// v2's user and properties (provider-facts.md §2, "Endpoints", "Property fields"): `GET /user`, `GET /properties` (include=listings, page,
// per_page ≤ 100, default 10) and `GET /properties/{uuid}`, in the account the token acts for.
import type { RequestHandler } from 'express';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { HospitableAccounts } from './accounts.js';
import { API_ORIGIN, baseOf, callerOf, type HospitableCaller } from './auth.js';
import { includesOf, paginate, type IncludeQuery } from './envelope.js';
import { hospitableErrors } from './errors.js';
import type { HospitableUser, Listing, Property, StoredProperty, User } from './types.js';

export const PROPERTY_INCLUDES = ['listings'] as const;

/** provider-facts: `pat:read` gates `listings[].platform_name` and `platform_email`; PATs carry it, partners ask for it. */
export function presentListing(listing: Listing, caller: HospitableCaller): Listing {
  return caller.details.scopes.includes('pat:read') ? listing : { ...listing, platform_name: null, platform_email: null };
}

/** A property as the API shows it: listings only when included, the calendar's base prices never. */
export function presentProperty(property: StoredProperty, includes: ReadonlySet<string>, caller: HospitableCaller): Property {
  const { base: _base, listings, ...wire } = property;
  return includes.has('listings') ? { ...wire, listings: listings.map((l) => presentListing(l, caller)) } : wire;
}

export function presentUser(user: HospitableUser): User {
  return { id: user.id, email: user.email, name: user.name, business: user.business, company: user.company, vat: null, tax_id: null, street_line1: null, street_line2: null, postal_code: null, city: user.city, region: user.region, country: user.country };
}

/** The property of the caller's account named by the path, else 404. */
export function propertyOf(accounts: HospitableAccounts, caller: HospitableCaller, uuid: string): StoredProperty {
  const property = accounts.properties(caller.accountId!).get(uuid);
  if (!property) throw hospitableErrors.notFound();
  return property;
}

export function getUser(accounts: HospitableAccounts): RequestHandler {
  return (_req, res) => {
    const user = accounts.userById(callerOf(res).userId!);
    if (!user) throw hospitableErrors.unauthenticated('invalid_token');
    res.json({ data: presentUser(user) });
  };
}

export function listProperties(accounts: HospitableAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const caller = callerOf(res);
    const query = parsed<IncludeQuery & { page: number; per_page: number }>(res).query;
    const includes = includesOf(query, PROPERTY_INCLUDES);
    const rows = accounts.properties(caller.accountId!).list();
    res.json(paginate(req, `${baseOf(ctx, req, API_ORIGIN)}/v2/properties`, rows, query.page, query.per_page, (p) => presentProperty(p, includes, caller)));
  };
}

export function getProperty(accounts: HospitableAccounts): RequestHandler {
  return (req, res) => {
    const caller = callerOf(res);
    const includes = includesOf(parsed<IncludeQuery>(res).query, PROPERTY_INCLUDES);
    res.json({ data: presentProperty(propertyOf(accounts, caller, String(req.params.uuid)), includes, caller) });
  };
}
