// A management company's web services at https://<subdomain>.entrata.com/api/<service> (seeds/004 "Accessing Web Services"; provider-facts §4
// for getStatus and the /api/v1 paths; the README's data-scope and subdomain assumptions): reads, the one write, and the app's limits.
import { randomBytes } from 'node:crypto';
import type { ContractCase } from '../types.js';
import { appToken, assumption, bearer, company, companyOrigin, doc, ENVELOPE_ERRORS, envelope, errorFailure, facts, firstFailure, listOf, OTHER_SUBDOMAIN, post, raw, responseOf, SERVICES, successFailure, withProperty, withToken, asObject } from './common.js';

const STATUS = { status: 'Success', message: 'API service is available and running.' };
const statusFailure = (body: unknown): string | undefined =>
  successFailure(body, (r) => (r.status === STATUS.status && r.message === STATUS.message ? undefined : `result is ${JSON.stringify(r)}, not ${JSON.stringify(STATUS)}`));

/** Every row of a result's list is at the property asked for, and there is one at least. */
const atProperty = (collection: string, item: string) => (body: unknown, _res: unknown, ctx: { state: { recall(n: string): string } }) =>
  successFailure(body, (r) => {
    const rows = listOf(r, collection, item);
    const property = ctx.state.recall('property');
    return firstFailure(rows.length === 0 && `result.${collection}.${item} lists nothing`, rows.find((row) => String(row.PropertyID) !== property) && `a row of result.${collection}.${item} is not at property ${property}`);
  });

export const serviceCases: ContractCase[] = [
  {
    id: 'services.status',
    sentence: 'answers getStatus at /api/status with "API service is available and running."',
    source: facts('getStatus: {"status": "Success", "message": "API service is available and running."}'),
    before: withToken,
    request: (ctx) => post(company(ctx), '/api/status', envelope('getStatus'), bearer(ctx)),
    expect: { status: 200, bodySchema: 'statusService', check: statusFailure },
  },
  {
    id: 'services.status-v1',
    sentence: 'answers getStatus at /api/v1/status as at /api/status',
    source: facts('the published clients post to /api/v1/<service>'),
    before: withToken,
    request: (ctx) => post(company(ctx), '/api/v1/status', envelope('getStatus'), bearer(ctx)),
    expect: { status: 200, bodySchema: 'statusServiceV1', check: statusFailure },
  },
  {
    id: 'services.properties',
    sentence: 'answers getProperties with the properties the user reaches as PhysicalProperty.Property',
    source: facts("getProperties' response schema (gmhleasr)"),
    before: withToken,
    request: (ctx) => post(company(ctx), '/api/properties', envelope('getProperties'), bearer(ctx)),
    expect: {
      status: 200,
      bodySchema: 'propertiesService',
      check: (body) =>
        successFailure(body, (r) => {
          const rows = listOf(r, 'PhysicalProperty', 'Property');
          return firstFailure(rows.length === 0 && 'no property listed', rows.find((p) => typeof p.PropertyID !== 'number') && 'a property has no numeric PropertyID');
        }),
    },
  },
  {
    id: 'services.customers',
    sentence: 'answers getCustomers for a propertyId with the customers of that property',
    source: doc(SERVICES),
    before: withProperty,
    request: (ctx) => post(company(ctx), '/api/customers', envelope('getCustomers', { propertyId: Number(ctx.state.recall('property')) }), bearer(ctx)),
    expect: { status: 200, bodySchema: 'customersService', check: atProperty('Customers', 'Customer') },
  },
  {
    id: 'services.customers-document-example',
    sentence: "runs the document's getCustomers example as printed, property_id and trailing comma included",
    source: doc(SERVICES),
    before: withProperty,
    request: (ctx) =>
      raw(company(ctx), '/api/customers', `{\n  "auth": {\n    "type": "oauth"\n  },\n  "method": {\n    "name": "getCustomers",\n    "params": {\n      "property_id": ${ctx.state.recall('property')},\n    }\n  }\n}`, 'application/json', bearer(ctx)),
    expect: { status: 200, bodySchema: 'customersService', check: atProperty('Customers', 'Customer') },
  },
  {
    id: 'services.leases',
    sentence: 'answers getLeases for a propertyId with the leases of that property',
    source: facts("getLeases' params and response (gmhleasr)"),
    before: withProperty,
    request: (ctx) => post(company(ctx), '/api/leases', envelope('getLeases', { propertyId: Number(ctx.state.recall('property')) }), bearer(ctx)),
    expect: { status: 200, bodySchema: 'leasesService', check: atProperty('Leases', 'Lease') },
  },
  {
    id: 'services.update-customers',
    sentence: 'shows the email updateCustomers gave a customer in the next getCustomers',
    source: assumption('updateCustomers takes propertyId, customerId and the fields to change, and answers the updated customer (README, Entrata assumptions)'),
    requires: ['writes'],
    before: async (ctx) => {
      await withProperty(ctx);
      const propertyId = Number(ctx.state.recall('property'));
      const listed = await ctx.send(post(company(ctx), '/api/customers', envelope('getCustomers', { propertyId }), bearer(ctx)));
      const customer = listOf(asObject(responseOf(listed.body).result), 'Customers', 'Customer')[0];
      if (!customer) throw new Error(`before: getCustomers listed no customer: ${listed.text.slice(0, 200)}`);
      const email = `contract-${randomBytes(4).toString('hex')}@residents.example`;
      const updated = await ctx.send(post(company(ctx), '/api/customers', envelope('updateCustomers', { propertyId, customerId: Number(customer.Id), email }), bearer(ctx)));
      const failure = successFailure(updated.body);
      if (failure) throw new Error(`before: updateCustomers failed: ${failure}`);
      ctx.state.remember('customer', String(customer.Id));
      ctx.state.remember('email', email);
    },
    request: (ctx) => post(company(ctx), '/api/customers', envelope('getCustomers', { propertyId: Number(ctx.state.recall('property')), customerIds: ctx.state.recall('customer') }), bearer(ctx)),
    expect: {
      status: 200,
      bodySchema: 'customersService',
      check: (body, _res, ctx) =>
        successFailure(body, (r) => {
          const row = listOf(r, 'Customers', 'Customer').find((c) => String(c.Id) === ctx.state.recall('customer'));
          return row?.Email === ctx.state.recall('email') ? undefined : `the customer's Email is ${JSON.stringify(row?.Email)}, not ${ctx.state.recall('email')}`;
        }),
    },
  },
  {
    id: 'services.outside-scopes',
    sentence: "refuses a method outside the app's data scopes with 403",
    source: assumption(`an app's token calls only the methods of its data scopes; ${ENVELOPE_ERRORS}`),
    requires: ['sandbox'],
    // Resident Portal Lite, the sandbox's second app, has no getLeases scope.
    before: async (ctx) => ctx.state.remember('token', await appToken(ctx, 1)),
    request: (ctx) => post(company(ctx), '/api/leases', envelope('getLeases', { propertyId: 100001 }), bearer(ctx)),
    expect: { status: 200, bodySchema: 'leasesService', check: (body) => errorFailure(body, 403, "The app is not permitted to call getLeases: it is outside the app's data scopes.") },
  },
  {
    id: 'services.other-company',
    sentence: "refuses a company's token at another company's subdomain with 403",
    source: assumption(`a token serves the company whose user launched the app; ${ENVELOPE_ERRORS}`),
    requires: ['sandbox'],
    before: withToken,
    request: (ctx) => post(companyOrigin(OTHER_SUBDOMAIN), '/api/status', envelope('getStatus'), bearer(ctx)),
    expect: { status: 200, bodySchema: 'statusService', check: (body) => errorFailure(body, 403, `The access token was not issued for ${OTHER_SUBDOMAIN}.entrata.com.`) },
  },
];
