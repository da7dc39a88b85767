// Every Hospitable contract case (src/contracts/hospitable, after seeds/002 Hospitable and provider-facts §2) against the sandbox in process,
// and the same suite against a stand-in live target that answers 500: the sandbox-only, clock and write cases skipped with their reason.
import { contractSuite } from '../src/contracts/registry.js';
import { describeContractSuite, describeLiveStandIn, SKIP_REASONS } from './support/contract-cases.js';

const suite = (await contractSuite('hospitable'))!;

const { clock: CLOCK, sandbox: SANDBOX, writes: WRITES } = SKIP_REASONS;
const TOKEN = "would spend one of the target's tokens (each client-credentials token is a new credential on the host account); run with --include-writes";

const LIVE_SKIPS: Record<string, string> = {
  'calendar.read-only-refused': WRITES,
  'calendar.write-accepted': WRITES,
  'calendar.restricted': SANDBOX,
  'calendar.missing-dates': WRITES,
  'oauth.exchange': SANDBOX,
  'oauth.token-expired': CLOCK,
  'v1.properties': TOKEN,
  'v1.token-refused-on-v2': TOKEN,
};

const LIVE_ENV = ['READ_TOKEN', 'WRITE_TOKEN', 'CLIENT_ID', 'CLIENT_SECRET', 'V1_CLIENT_ID', 'V1_CLIENT_SECRET', 'AUTH_BASE_URL', 'V1_BASE_URL'];

describeContractSuite(suite);

describeLiveStandIn(suite, LIVE_ENV, LIVE_SKIPS, 'sandbox-only, clock, token and write');
