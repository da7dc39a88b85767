// Property-based fuzzing (fast-check) of every served OpenAPI operation, every origin route and the admin API, from a fixed seed.
// Malformed requests get a clean 4xx in the origin's own style, never a 5xx or a stack trace, and leave a second client's answers as they
// were. PMS_SANDBOX_FUZZ_SEED and PMS_SANDBOX_FUZZ_PATH replay a failure (fast-check prints both), PMS_SANDBOX_FUZZ_RUNS makes a longer run.
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzSandbox } from './support/fuzz/fuzz-sandbox.js';
import { fuzzTarget } from './support/fuzz/property.js';
import { FUZZ_TIME_LIMIT_MS } from './support/fuzz/settings.js';
import type { Target } from './support/fuzz/targets.js';

// Started while the file is collected, since the tests are one per target and the targets come from the running sandbox.
const fuzz = await FuzzSandbox.start();
afterAll(() => fuzz.close());

/** Room for the time-limited property, its shrinking and a restart or two. */
const TIMEOUT = FUZZ_TIME_LIMIT_MS + 60_000;
const where = (t: Target): string => (t.kind === 'admin' ? 'the admin API' : t.origin.replace(/^https?:\/\//, ''));

describe('what the fuzz aims at', () => {
  it('covers every operation of every served document, every route of every origin and the admin API', () => {
    for (const provider of fuzz.providers) {
      for (const op of provider.spec?.document().operations ?? []) expect(fuzz.targets.some((t) => t.provider === provider && t.method === op.method.toUpperCase() && t.path === op.path), `${op.method} ${op.path}`).toBe(true);
      for (const mount of provider.origins) expect(fuzz.targets.filter((t) => t.origin === mount.origin).length).toBeGreaterThanOrEqual(mount.routes.length);
    }
    expect(fuzz.targets.filter((t) => t.kind === 'admin').map((t) => `${t.method} ${t.path}`)).toEqual(expect.arrayContaining(['POST /__sandbox/reset', 'GET /__sandbox/journal', 'POST /__sandbox/clock']));
  });

  it('keeps a baseline of well-formed reads, Prism-answered ones among them', () => {
    expect(fuzz.baseline.some((b) => b.label.endsWith('(Prism)'))).toBe(true);
    expect(fuzz.baseline.some((b) => !b.label.endsWith('(Prism)'))).toBe(true);
  });
});

describe('fuzzed requests to provider origins', () => {
  for (const target of fuzz.targets.filter((t) => t.kind === 'origin')) {
    const name = `answers every malformed ${target.method} ${target.path} of ${where(target)} without a 5xx, in the origin's own error style`;
    it(name, () => fuzzTarget(fuzz, target, name), TIMEOUT);
  }
});

describe('fuzzed requests to the admin API', () => {
  for (const target of fuzz.targets.filter((t) => t.kind === 'admin')) {
    const name = `answers every malformed ${target.method} ${target.path} without a 5xx, a 4xx as problem+json`;
    it(name, () => fuzzTarget(fuzz, target, name), TIMEOUT);
  }
});
