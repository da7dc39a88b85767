// Test helper shared by the contract suites' tests: the invariants every suite's cases keep, every case run against the sandbox in process,
// the suite as a whole, and the suite against a stand-in live target.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTarget, type Target } from '../../src/contracts/harness.js';
import { sourceText } from '../../src/contracts/report.js';
import { runCase, runSuite } from '../../src/contracts/runner.js';
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

/** Why a live run leaves a case out, in the runner's words. */
export const SKIP_REASONS = {
  clock: "needs the sandbox's virtual clock",
  sandbox: "rests on the sandbox's seeded data",
  writes: 'changes data on the target; run with --include-writes',
} as const;

/**
 * The suite as a whole against the sandbox in process: every case passes, none skipped (a sandbox runs cases of every requirement).
 */
export function describeWholeSuiteRun(suite: ContractSuite): void {
  describe(`the ${suite.title} contract suite as a whole`, () => {
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
}

/**
 * The suite against a stand-in live target that answers 500 to everything, with every variable a live run reads (`env`, after the suite's
 * prefix) pointed at it or given a value no provider issued: exactly the cases of `skips` are skipped, with those reasons, and no other passes.
 */
export function describeLiveStandIn(suite: ContractSuite, env: readonly string[], skips: Readonly<Record<string, string>>, what: string): void {
  describe(`the ${suite.title} contract suite against a live target that answers 500`, () => {
    let failing: Server;
    const saved = new Map<string, string | undefined>();
    const names = env.map((name) => `${suite.envPrefix}${name}`);

    beforeAll(async () => {
      failing = createServer((_req, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"boom"}'));
      await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', () => resolve()));
      const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
      for (const name of names) {
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

    it(`skips exactly the ${what} cases, saying why, and passes none of the others`, async () => {
      const target = await connectTarget(suite, { baseUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}` });
      try {
        expect(target.kind).toBe('live');
        const results = await runSuite(suite, target);
        const skipped = Object.fromEntries(results.filter((r) => r.status === 'skipped').map((r) => [r.id, r.reason]));
        expect(skipped).toEqual(skips);
        for (const r of results.filter((x) => x.status !== 'skipped')) expect(r.status, `${r.id} passed against a target that answers 500 to everything`).toBe('failed');
      } finally {
        await target.close();
      }
    });
  });
}
