// The Hospitable contract suite: seeds/002 Hospitable and provider-facts.md §2, as cases split by subject, with the tokens and clients a live
// run reads from HOSPITABLE_* variables (a sandbox supplies them from GET /__sandbox/credentials and its headless consent queue).
import { specFile } from '../../core/project-files.js';
import type { ContractSuite } from '../types.js';
import { apiCases } from './api.contract.js';
import { API, AUTH, V1 } from './common.js';
import { oauthCases } from './oauth.contract.js';
import { writeCases } from './writes.contract.js';

interface Seeded {
  personalAccessTokens?: Array<{ token: string; permissions: string[] }>;
}
const seededToken = (credentials: unknown, permissions: string): string | undefined => (credentials as Seeded | undefined)?.personalAccessTokens?.find((t) => t.permissions.join(',') === permissions)?.token;

export const suite: ContractSuite = {
  provider: 'hospitable',
  title: 'Hospitable',
  mainOrigin: API,
  envPrefix: 'HOSPITABLE_',
  originEnv: { [AUTH]: 'AUTH_BASE_URL', [V1]: 'V1_BASE_URL' },
  // v1's legacy client id and secret (developer.hospitable.com, v1 "Authentication"); the harness sends the grant as a form, which Passport reads too.
  tokens: { v1: { origin: AUTH, path: '/oauth/token', scope: '', env: { clientId: 'V1_CLIENT_ID', clientSecret: 'V1_CLIENT_SECRET' } } },
  staticTokens: {
    /** A personal access token with Read only. */
    read: { env: 'READ_TOKEN', seeded: (c) => seededToken(c, 'read') },
    /** A personal access token with Read and Write. */
    write: { env: 'WRITE_TOKEN', seeded: (c) => seededToken(c, 'read,write') },
  },
  clients: { oauthClient: { env: { clientId: 'CLIENT_ID', clientSecret: 'CLIENT_SECRET' } } },
  tokenQuota: 'each client-credentials token is a new credential on the host account',
  specFile: specFile('hospitable'),
  cases: [...apiCases, ...writeCases, ...oauthCases],
};
