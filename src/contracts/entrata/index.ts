// The Entrata contract suite: seeds/004 (the App Store's sign-on and web services) and provider-facts §4, as cases split by subject, with the
// credentials a live run reads from ENTRATA_* variables (a sandbox supplies them from GET /__sandbox/credentials and the headless launch).
import { specFile } from '../../core/project-files.js';
import type { ContractSuite } from '../types.js';
import { companyOrigin, ENV_PREFIX, LIVE_SUBDOMAIN, seededApps, seededUsers, SYNC } from './common.js';
import { envelopeCases } from './envelope.contract.js';
import { launchCases } from './launch.contract.js';
import { serviceCases } from './services.contract.js';

export const suite: ContractSuite = {
  provider: 'entrata',
  title: 'Entrata',
  // `--base-url` of a live run stands for https://<ENTRATA_SUBDOMAIN>.entrata.com (computed once from the environment, `sunrise` when unset);
  // sync.entrata.com is the real origin unless ENTRATA_SYNC_BASE_URL says otherwise. A sandbox maps both through its origin map, and the
  // cases send to its seeded company, https://sunrise.entrata.com, whatever ENTRATA_SUBDOMAIN says.
  mainOrigin: companyOrigin(LIVE_SUBDOMAIN),
  envPrefix: ENV_PREFIX,
  originEnv: { [SYNC]: 'SYNC_BASE_URL' },
  // Entrata has no client-credentials grant: an app's token comes from a user launching it in the App Store.
  tokens: {},
  staticTokens: {
    /** An access token of the app for the company; a sandbox makes one in the case (launch, then getAccessToken). */
    accessToken: { env: 'ACCESS_TOKEN', seeded: () => undefined },
    /** A fresh, unused launch code for the getAccessToken case (spent by it); a sandbox launches instead. */
    authCode: { env: 'AUTH_CODE', seeded: () => undefined },
    /** The app's credentials, not tokens but supplied the same way: the sandbox's first app (Rent Insights). */
    clientId: { env: 'CLIENT_ID', seeded: (c) => seededApps(c)[0]?.clientId },
    clientSecret: { env: 'CLIENT_SECRET', seeded: (c) => seededApps(c)[0]?.clientSecret },
    /** A company user for the general API's HTTP Basic: the sandbox's first (jdoe of sunrise). */
    username: { env: 'USERNAME', seeded: (c) => seededUsers(c)[0]?.username },
    password: { env: 'PASSWORD', seeded: (c) => seededUsers(c)[0]?.password },
  },
  tokenQuota: 'an Entrata launch code is single use and comes from a user clicking into the app in the App Store',
  specFile: specFile('entrata'),
  cases: [...launchCases, ...serviceCases, ...envelopeCases],
};
