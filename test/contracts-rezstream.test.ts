// Every rezStream contract case (src/contracts/rezstream, after seeds/001 rezStream and provider-facts §5) against the sandbox in process,
// and the same suite against a stand-in live target that answers 500: the sandbox-only cases skipped with their reason, no other case passing.
import { contractSuite } from '../src/contracts/registry.js';
import { describeContractSuite, describeLiveStandIn, SKIP_REASONS } from './support/contract-cases.js';

const suite = (await contractSuite('rezstream'))!;

const { clock: CLOCK, sandbox: SANDBOX, writes: WRITES } = SKIP_REASONS;

/** What a live run leaves out, and why: the headless consent queue, the clock, the document's seeded ids, and writes. */
const LIVE_SKIPS: Record<string, string> = {
  'code-flow.exchange': SANDBOX,
  'code-flow.token-last-second': CLOCK,
  'code-flow.token-expired': CLOCK,
  'code-flow.refresh-after-expiry': CLOCK,
  'tenants.other-business': SANDBOX,
  'permissions.post': WRITES,
  'permissions.put': WRITES,
  'permissions.delete': WRITES,
  'document.by-date-links': SANDBOX,
  'document.cursor-links': SANDBOX,
  'document.group-reservation': SANDBOX,
};

/** Every variable a live run reads, pointed at the stand-in or given a value no provider issued. */
const LIVE_ENV = ['TOKEN', 'TENANT_ID', 'MULTI_TENANT_TOKEN', 'NO_RESERVATIONS_TOKEN', 'CLIENT_ID', 'CLIENT_SECRET', 'ACCOUNT_BASE_URL'];

describeContractSuite(suite);

describeLiveStandIn(suite, LIVE_ENV, LIVE_SKIPS, 'sandbox-only, clock and write');
