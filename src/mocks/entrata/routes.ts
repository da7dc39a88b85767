// Entrata's route table: sync.entrata.com's oauth service and every company's services at `https://<subdomain>.entrata.com`, each service at
// `/api/<service>` (seeds/004) and `/api/v1/<service>` (published clients, provider-facts §4), RPC over POST in JSON or XML; and the App
// Store page under the company's origin.
import type { OriginMount, OriginRoute, RouteSpec } from '../../core/provider.js';
import type { RpcMethod, RpcRoute } from '../../core/wire/rpc-route.js';
import type { EntrataAccounts } from './accounts.js';
import { companyGate } from './auth.js';
import { ENTRATA_CODECS, renderEnvelopeError, RPC_ENVELOPE, successEnvelope } from './envelope.js';
import type { EntrataOAuth } from './oauth.js';
import { appStoreRoute } from './pages.js';
import { companyServices, oauthService, type ParamsSchema } from './services.js';

export const SYNC_ORIGIN = 'https://sync.entrata.com';
export const COMPANY_ORIGIN = 'https://{subdomain}.entrata.com';

/** A service at both of its paths, each the OpenAPI operation of that path (`customersService`, `customersServiceV1`). */
function service(name: string, methods: Record<string, RpcMethod>, guard: RpcRoute['guard']): RpcRoute[] {
  return [
    ['/api', ''],
    ['/api/v1', 'V1'],
  ].map(([prefix, suffix]) => ({
    kind: 'rpc',
    method: 'post',
    path: `${prefix}/${name}`,
    operationId: `${name}Service${suffix}`,
    ...(guard ? { guard } : {}),
    envelope: RPC_ENVELOPE,
    methods,
    answer: successEnvelope,
  }));
}

export interface EntrataRouteDeps {
  accounts: EntrataAccounts;
  oauth: EntrataOAuth;
  schema: ParamsSchema;
}

export function entrataOrigins({ accounts, oauth, schema }: EntrataRouteDeps): OriginMount[] {
  const services = companyServices(accounts, schema);
  const companyRoutes: OriginRoute[] = Object.entries(services).flatMap(([name, methods]) => service(name, methods, [companyGate(accounts, oauth, Object.keys(methods))]));
  const page: RouteSpec = appStoreRoute(oauth);
  return [
    { origin: SYNC_ORIGIN, codecs: ENTRATA_CODECS, renderError: renderEnvelopeError, routes: service('oauth', oauthService(accounts, oauth, schema), undefined) },
    {
      origin: COMPANY_ORIGIN,
      codecs: ENTRATA_CODECS,
      renderError: renderEnvelopeError,
      routes: [...companyRoutes, page],
      instances: () => accounts.companies.map((c) => ({ subdomain: c.subdomain })),
    },
  ];
}
