// The rezStream contract suite: seeds/001 rezStream and provider-facts §5, as cases split by subject, with the tokens and client a live
// run reads from REZSTREAM_* variables (a sandbox supplies them from GET /__sandbox/credentials, its admin API and the code flow).
import { specFile } from '../../core/project-files.js';
import type { ContractSuite } from '../types.js';
import { apiGateCases } from './api-gate.contract.js';
import { codeFlowCases } from './code-flow.contract.js';
import { CLOUD_API, IDENTITY } from './common.js';
import { discoveryCases } from './discovery.contract.js';
import { documentExampleCases } from './document-examples.contract.js';
import { permissionCases } from './permissions.contract.js';
import { reservationCases } from './reservations.contract.js';
import { tenantCases } from './tenants.contract.js';
import { tokenErrorCases } from './token-errors.contract.js';
import type { SeededRezStream } from './token-sources.js';

const seededTokens = (credentials: unknown): SeededRezStream['manualTokens'] => (credentials as Partial<SeededRezStream> | undefined)?.manualTokens ?? [];

export const suite: ContractSuite = {
  provider: 'rezstream',
  title: 'rezStream',
  mainOrigin: CLOUD_API,
  envPrefix: 'REZSTREAM_',
  originEnv: { [IDENTITY]: 'ACCOUNT_BASE_URL' },
  // rezStream has no client-credentials grant: its tokens come from a person's consent, or the portal's "Manage app authorizations".
  tokens: {},
  staticTokens: {
    /** A manual token for one tenant, with a scope that reads reservations; the sandbox seeds one for its first tenant. */
    manual: { env: 'TOKEN', seeded: (c) => seededTokens(c)[0]?.token },
    /** Not a secret, supplied the same way: the tenant REZSTREAM_TOKEN is for. */
    tenant: { env: 'TENANT_ID', seeded: (c) => seededTokens(c)[0]?.tenantId },
    /** A token for two tenants or more (a code flow with multiTenant=true); a sandbox makes one in the case, by headless consent. */
    multiTenant: { env: 'MULTI_TENANT_TOKEN', seeded: () => undefined },
    /** A token whose scopes do not read reservations; a sandbox generates one in the case over its admin API. */
    noReservations: { env: 'NO_RESERVATIONS_TOKEN', seeded: () => undefined },
  },
  clients: { client: { env: { clientId: 'CLIENT_ID', clientSecret: 'CLIENT_SECRET' } } },
  tokenQuota: 'rezStream issues tokens only after a person approves the integration at its consent page',
  specFile: specFile('rezstream'),
  cases: [
    ...discoveryCases,
    ...tokenErrorCases,
    ...codeFlowCases,
    ...apiGateCases,
    ...tenantCases,
    ...permissionCases,
    ...reservationCases,
    ...documentExampleCases,
  ],
};
