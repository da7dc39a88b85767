// Every Hospitable contract case (src/contracts/hospitable, after seeds/002 Hospitable and provider-facts §2) against the sandbox in process,
// and the same suite against a stand-in live target that answers 500: the sandbox-only, clock and write cases skipped with their reason.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTarget } from '../src/contracts/harness.js';
import { contractSuite } from '../src/contracts/registry.js';
import { runSuite } from '../src/contracts/runner.js';
import { describeContractSuite } from './support/contract-cases.js';

const suite = (await contractSuite('hospitable'))!;

const CLOCK = "needs the sandbox's virtual clock";
const SANDBOX = "rests on the sandbox's seeded data";
const WRITES = 'changes data on the target; run with --include-writes';
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

const LIVE_ENV = ['READ_TOKEN', 'WRITE_TOKEN', 'CLIENT_ID', 'CLIENT_SECRET', 'V1_CLIENT_ID', 'V1_CLIENT_SECRET', 'AUTH_BASE_URL', 'V1_BASE_URL'].map((name) => `HOSPITABLE_${name}`);

describeContractSuite(suite);

describe('the Hospitable contract suite against a live target that answers 500', () => {
  let failing: Server;
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    failing = createServer((_req, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"boom"}'));
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    for (const name of LIVE_ENV) {
      saved.set(name, process.env[name]);
      process.env[name] = name.endsWith('BASE_URL') ? url : `not-a-real-${name.toLowerCase()}`;
    }
  });

  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new Promise<void>((resolve) => failing?.close(() => resolve()));
  });

  it('skips exactly the sandbox-only, clock, token and write cases, saying why, and passes none of the others', async () => {
    const target = await connectTarget(suite, { baseUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}` });
    try {
      expect(target.kind).toBe('live');
      const results = await runSuite(suite, target);
      const skipped = Object.fromEntries(results.filter((r) => r.status === 'skipped').map((r) => [r.id, r.reason]));
      expect(skipped).toEqual(LIVE_SKIPS);
      for (const r of results.filter((x) => x.status !== 'skipped')) expect(r.status, `${r.id} passed against a target that answers 500 to everything`).toBe('failed');
    } finally {
      await target.close();
    }
  });
});
