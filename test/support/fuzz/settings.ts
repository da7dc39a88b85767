// The fuzz suite's knobs, read from the environment: a fixed seed so a failure replays, the runs an operation, and a replay path.

function whole(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer, got "${text}"`);
  return n;
}

/**
 * `PMS_SANDBOX_FUZZ_SEED`: the suite's seed. Each target's property runs from a seed derived from it and the target, which fast-check
 * prints with the path on a failure; the replay command printed under it names this one.
 */
export const FUZZ_SEED = whole('PMS_SANDBOX_FUZZ_SEED', 20_261_101);

/** `PMS_SANDBOX_FUZZ_RUNS`: batches an operation; the default keeps the suite well under a minute on two cores, a longer run raises it. */
export const FUZZ_RUNS = whole('PMS_SANDBOX_FUZZ_RUNS', 10);

/** `PMS_SANDBOX_FUZZ_PATH`: the path fast-check printed, to replay exactly one failing counterexample (run it with `-t` on that test). */
export const FUZZ_PATH = process.env.PMS_SANDBOX_FUZZ_PATH || undefined;

/** A property stops drawing new batches (and shrinking) after this long; a longer run gets proportionally more time. */
export const FUZZ_TIME_LIMIT_MS = Math.max(10_000, FUZZ_RUNS * 2_500);
