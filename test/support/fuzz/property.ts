// The fast-check property one target is fuzzed under, run from a fixed seed and reported with the command that replays a failure.
// Batches of requests, every answer inspected, then the journal read back and the baseline asked again after a reset.
import fc from 'fast-check';
import { describeAnswer, inspect } from './checks.js';
import type { FuzzSandbox } from './fuzz-sandbox.js';
import { requestPlanArb, writeRequest, type RequestPlan } from './request-plans.js';
import { FUZZ_PATH, FUZZ_RUNS, FUZZ_SEED, FUZZ_TIME_LIMIT_MS } from './settings.js';
import type { Target } from './targets.js';

/** Shrinking re-sends whole batches; this bounds how long a failure takes to report. */
const MAX_SHRINKS = 12;

async function runBatch(fuzz: FuzzSandbox, target: Target, plans: readonly RequestPlan[], first: boolean): Promise<void> {
  await fuzz.fresh(target, first);
  const failures: string[] = [];
  const sent: string[] = [];
  for (const plan of plans) {
    const { request, summary } = writeRequest(target, plan, fuzz.originCredentials);
    let problems: string[];
    let answered: string;
    try {
      const answer = await fuzz.send(request);
      problems = inspect(target, request.method, answer, fuzz.styleOf(target));
      answered = describeAnswer(answer);
    } catch (err) {
      problems = [`gets no answer (${(err as Error).message})`];
      answered = 'nothing';
    }
    sent.push(`  ${summary}\n    → ${answered}`);
    if (problems.length > 0) failures.push(`  ${summary}\n    → ${answered}\n    ✗ ${problems.join('\n    ✗ ')}`);
  }
  const drift = await fuzz.drift();
  if (drift.length > 0) {
    failures.push(`  after the batch\n${sent.join('\n')}\n  and POST /__sandbox/reset, a second client's well-formed request is answered differently:\n    ✗ ${drift.join('\n    ✗ ')}`);
  }
  if (failures.length > 0) throw new Error(`${target.name}:\n${failures.join('\n')}`);
}

/** Each target's own seed, from the suite's and the target's name: one seed for all would draw the same requests for every target. */
function seedOf(target: Target): number {
  let hash = FUZZ_SEED | 0;
  for (const c of target.name) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193);
  return hash | 0;
}

export async function fuzzTarget(fuzz: FuzzSandbox, target: Target, testName: string): Promise<void> {
  let batch = 0;
  const batches = fc.limitShrink(fc.array(requestPlanArb(target), { minLength: 1, maxLength: 3 }), MAX_SHRINKS);
  const details = await fc.check(
    fc.asyncProperty(batches, (plans) => runBatch(fuzz, target, plans, batch++ === 0)),
    { seed: seedOf(target), numRuns: FUZZ_RUNS, includeErrorInReport: true, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, markInterruptAsFailure: false, ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}) },
  );
  if (!details.failed) return;
  const report = (await fc.asyncDefaultReportMessage(details)) ?? 'the property failed';
  // The seed fast-check prints is this target's own, derived from the suite's: the suite's is what replays it.
  const replay = `Replay: PMS_SANDBOX_FUZZ_SEED=${FUZZ_SEED} PMS_SANDBOX_FUZZ_PATH="${details.counterexamplePath ?? ''}" npx vitest run test/fuzz.test.ts -t ${JSON.stringify(testName)}`;
  throw new Error(`${report}\n${replay}`);
}
