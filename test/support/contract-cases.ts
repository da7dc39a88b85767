// Test helper shared by the contract suites' tests: the invariants every suite's cases keep, and every case run against the sandbox in process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTarget, type Target } from '../../src/contracts/harness.js';
import { sourceText } from '../../src/contracts/report.js';
import { runCase } from '../../src/contracts/runner.js';
import type { ContractSuite } from '../../src/contracts/types.js';

export function describeContractSuite(suite: ContractSuite): void {
  describe(`the ${suite.title} contract suite`, () => {
    it('gives every case a unique id and a unique present-tense sentence without "should"', () => {
      const ids = suite.cases.map((c) => c.id);
      const sentences = suite.cases.map((c) => c.sentence);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(sentences).size).toBe(sentences.length);
      for (const sentence of sentences) expect(sentence).not.toMatch(/\bshould\b/i);
    });

    it('names a source for every case: a document section, a page or an assumption', () => {
      for (const c of suite.cases) expect(sourceText(c.source)).not.toBe('');
    });
  });

  describe(`${suite.title} contract cases against the sandbox in process`, () => {
    let target: Target;

    beforeAll(async () => {
      target = await connectTarget(suite);
    });
    afterAll(() => target.close());

    for (const c of suite.cases) {
      it(c.sentence, async () => {
        const result = await runCase(suite, target, c);
        expect(result.status, result.reason).toBe('passed');
      });
    }
  });
}
