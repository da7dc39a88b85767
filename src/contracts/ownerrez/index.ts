// The OwnerRez contract suite: seeds/000 ("Authentication") and provider-facts §1, as cases split by subject, with the credentials a live run
// reads from OWNERREZ_* variables (a sandbox supplies them from GET /__sandbox/credentials: wylie@acme.com, pt_faaaast, at_foobarbaz).
import { specFile } from '../../core/project-files.js';
import type { ContractSuite } from '../types.js';
import { accessCases } from './access.contract.js';
import { API, APP, ENV_PREFIX, seeded } from './common.js';
import { dataCases } from './data.contract.js';
import { oauthCases } from './oauth.contract.js';

export const suite: ContractSuite = {
  provider: 'ownerrez',
  title: 'OwnerRez',
  // `--base-url` stands for https://api.ownerrez.com; the app host is the real one unless OWNERREZ_APP_BASE_URL says otherwise.
  mainOrigin: API,
  envPrefix: ENV_PREFIX,
  originEnv: { [APP]: 'APP_BASE_URL' },
  // OwnerRez has no client-credentials grant: an app's token comes from a user authorizing it.
  tokens: {},
  staticTokens: {
    /** The account's e-mail address and a personal access token of it, for HTTP Basic. */
    email: { env: 'EMAIL', seeded: (c) => seeded(c).users?.[0]?.email },
    personalAccessToken: { env: 'PERSONAL_ACCESS_TOKEN', seeded: (c) => seeded(c).users?.[0]?.personalAccessToken },
    /** An OAuth app's access token for an account, and the app's client id (its User-Agent names it) and secret. */
    accessToken: { env: 'ACCESS_TOKEN', seeded: (c) => seeded(c).apps?.[0]?.accessToken ?? undefined },
    clientId: { env: 'CLIENT_ID', seeded: (c) => seeded(c).apps?.[0]?.clientId },
    clientSecret: { env: 'CLIENT_SECRET', seeded: (c) => seeded(c).apps?.[0]?.clientSecret },
  },
  tokenQuota: 'an OwnerRez access token comes from a user authorizing the app on the consent page',
  specFile: specFile('ownerrez'),
  cases: [...accessCases, ...oauthCases, ...dataCases],
};
