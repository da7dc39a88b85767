// Every OwnerRez contract case (src/contracts/ownerrez, after seeds/000 and provider-facts §1) against the sandbox in process: each one passes,
// none skipped, since a sandbox target runs cases of every requirement.
import { describe, expect, it } from 'vitest';
import { connectTarget } from '../src/contracts/harness.js';
import { contractSuite } from '../src/contracts/registry.js';
import { runSuite } from '../src/contracts/runner.js';
import { describeContractSuite } from './support/contract-cases.js';

const suite = (await contractSuite('ownerrez'))!;

describeContractSuite(suite);

describe('the OwnerRez contract suite as a whole', () => {
  it('runs every case against the sandbox in process, none skipped and none failed', async () => {
    const target = await connectTarget(suite);
    try {
      const results = await runSuite(suite, target);
      expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`)).toEqual([]);
      expect(results).toHaveLength(suite.cases.length);
    } finally {
      await target.close();
    }
  });
});
