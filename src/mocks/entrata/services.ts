// Entrata's web-service methods, one entry a method, grouped by the service path they are posted to: the company's services (getStatus,
// getProperties, getCustomers and its write, getLeases: provider-facts §4 and seeds/004) and sync.entrata.com's oauth service (getAccessToken,
// getUserInfo: seeds/004). Each method's params schema is the OpenAPI document's; results are shaped as its result schemas.
import type { Request, Response } from 'express';
import type { JsonSchema } from '../../core/json-schema.js';
import { deepFreeze } from '../../core/json-text.js';
import { rpcMethod, type RpcMethod } from '../../core/wire/rpc-route.js';
import type { EntrataAccounts } from './accounts.js';
import { authOf, bearerGrant, callerOf } from './auth.js';
import { entrataErrors } from './errors.js';
import type { EntrataOAuth } from './oauth.js';
import type {
  CompanyProperty,
  Customer,
  CustomersResult,
  GetCustomersParams,
  GetLeasesParams,
  GetPropertiesParams,
  LeasesResult,
  ManagementCompany,
  PropertiesResult,
  Property,
  StatusResult,
  UpdateCustomersParams,
  UserInfoResult,
} from './types.js';

/** provider-facts §4 (gmhleasr helper.R), verbatim. */
const STATUS: StatusResult = { status: 'Success', message: 'API service is available and running.' };

/** A params schema of openapi/entrata.yaml, read when the method is first prepared. */
export type ParamsSchema = (name: string) => () => JsonSchema;

/** `"100001,100002"` → `[100001, 100002]`; undefined when the filter is not sent. */
function idList(text: string | undefined): number[] | undefined {
  return text === undefined ? undefined : text.split(',').map((id) => Number(id.trim())).filter((id) => Number.isInteger(id));
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function propertyRecord(property: CompanyProperty): Property {
  const site = slug(property.name);
  return {
    PropertyID: property.id,
    MarketingName: property.name,
    Type: 'Apartment',
    webSite: `https://www.${site}.example`,
    Address: { Address: property.address, City: property.city, State: property.state, PostalCode: property.postalCode, Country: 'US', Email: `leasing@${site}.example` },
    IsDisabled: 0,
  };
}

/** The property the caller's user can reach, or the envelope error. */
function reachable(accounts: EntrataAccounts, res: Response, propertyId: number): CompanyProperty {
  const { company, user } = callerOf(res).details;
  const property = accounts.reachable(company, user).find((p) => p.id === propertyId);
  if (!property) throw entrataErrors.propertyUnreachable(propertyId);
  return property;
}

export function companyServices(accounts: EntrataAccounts, schema: ParamsSchema): Record<string, Record<string, RpcMethod>> {
  // getCustomers' results by property and filter, kept while that property's customers are unwritten (the collection's stamp): an app
  // polling the same call gets the same frozen value, whose text is made once (core/json-text.ts). Bounded whatever is asked.
  const keptCustomers = new Map<string, { stamp: object; result: CustomersResult }>();
  const customersOf = (res: Response, params: GetCustomersParams): CustomersResult => {
    // seeds/004 writes `property_id`; the general API's documentation (provider-facts) `propertyId`.
    // The schema asks for exactly one of the two.
    const property = reachable(accounts, res, params.propertyId ?? params.property_id ?? 0);
    const customers = accounts.customers(property.id);
    const key = `${property.id}\u0000${params.customerIds}`;
    let kept = keptCustomers.get(key);
    if (kept?.stamp !== customers.stamp) {
      const wanted = idList(params.customerIds);
      const rows: Customer[] = customers.list().filter((c) => !wanted || wanted.includes(c.Id));
      if (keptCustomers.size >= 256) keptCustomers.clear();
      kept = { stamp: customers.stamp, result: deepFreeze({ Customers: { Customer: rows } }) };
      keptCustomers.set(key, kept);
    }
    return kept.result;
  };
  return {
    status: { getStatus: rpcMethod({ params: schema('GetStatusParams'), handle: () => STATUS }) },
    properties: {
      getProperties: rpcMethod<GetPropertiesParams>({
        params: schema('GetPropertiesParams'),
        handle: ({ params }, _req, res) => {
          const { company, user } = callerOf(res).details;
          const wanted = idList(params.propertyIds);
          const code = params.propertyLookupCode?.toUpperCase();
          const properties = accounts.reachable(company, user).filter((p) => (!wanted || wanted.includes(p.id)) && (!code || p.lookupCode === code));
          const result: PropertiesResult = { PhysicalProperty: { Property: properties.map(propertyRecord) } };
          return result;
        },
      }),
    },
    customers: {
      getCustomers: rpcMethod<GetCustomersParams>({
        params: schema('GetCustomersParams'),
        handle: ({ params }, _req, res): CustomersResult => customersOf(res, params),
      }),
      updateCustomers: rpcMethod<UpdateCustomersParams>({
        params: schema('UpdateCustomersParams'),
        handle: ({ params }, _req, res): CustomersResult => {
          const property = reachable(accounts, res, params.propertyId);
          const changed = accounts.customers(property.id).update(String(params.customerId), (customer) => ({
            ...customer,
            ...(params.email === undefined ? {} : { Email: params.email }),
            ...(params.phoneNumber === undefined ? {} : { PhoneNumber: params.phoneNumber }),
            ...(params.firstName === undefined ? {} : { FirstName: params.firstName }),
            ...(params.lastName === undefined ? {} : { LastName: params.lastName }),
          }));
          if (!changed) throw entrataErrors.customerNotFound(params.customerId, params.propertyId);
          return { Customers: { Customer: [changed] } };
        },
      }),
    },
    leases: {
      getLeases: rpcMethod<GetLeasesParams>({
        params: schema('GetLeasesParams'),
        handle: ({ params }, _req, res): LeasesResult => {
          const property = reachable(accounts, res, params.propertyId);
          const ids = idList(params.leaseIds);
          const statuses = idList(params.leaseStatusTypeIds);
          const leases = accounts
            .leases(property.id)
            .list()
            .filter((l) => (params.customerId === undefined || l.CustomerID === params.customerId) && (!ids || ids.includes(l.Id)) && (!statuses || statuses.includes(l.LeaseStatusTypeID)));
          return { Leases: { Lease: leases } };
        },
      }),
    },
  };
}

function userInfo(company: ManagementCompany, accounts: EntrataAccounts, userId: number): UserInfoResult {
  const user = accounts.user(company, userId);
  if (!user) throw entrataErrors.tokenInvalid();
  return {
    user: { id: user.id, username: user.username, firstName: user.firstName, lastName: user.lastName, email: user.email },
    managementCompany: { name: company.name, subdomain: company.subdomain },
    properties: { property: accounts.reachable(company, user).map((p) => ({ id: p.id, name: p.name })) },
  };
}

/** sync.entrata.com's oauth service: both methods take `auth.type` oauth, never the general API's Basic credentials. */
export function oauthService(accounts: EntrataAccounts, oauth: EntrataOAuth, schema: ParamsSchema): Record<string, RpcMethod> {
  const oauthOnly = (body: unknown, method: string): Record<string, unknown> => {
    const auth = authOf(body);
    if (auth.type !== 'oauth') throw entrataErrors.oauthOnly(method);
    return auth.fields;
  };
  return {
    getAccessToken: rpcMethod({
      params: schema('GetAccessTokenParams'),
      handle: ({ body }, req: Request) => {
        return oauth.getAccessToken(req, oauthOnly(body, 'getAccessToken'));
      },
    }),
    getUserInfo: rpcMethod({
      params: schema('GetUserInfoParams'),
      handle: ({ body }, req: Request) => {
        oauthOnly(body, 'getUserInfo');
        const { grant } = bearerGrant(oauth, req.get('authorization'));
        const company = accounts.company(grant.subdomain);
        if (!company) throw entrataErrors.tokenInvalid();
        return userInfo(company, accounts, grant.userId);
      },
    }),
  };
}
