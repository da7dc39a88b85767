// Test helpers for client verification: the verdict of one rule for one client, and faults injected on a provider's path (a 503, a 429 with
// Retry-After) so retry rules can be exercised on any provider; faulted answers go through the journal like any other.
import type { RunningSandbox } from '../../src/sandbox.js';
import type { RuleVerdict, VerifyOptions } from '../../src/contracts/verify/types.js';

/** The verdict of rule `id` for `client` (the sandbox's own `verify`). */
export async function verdict(sandbox: RunningSandbox, id: string, client: string, options: VerifyOptions = {}): Promise<RuleVerdict> {
  const provider = id.slice(0, id.indexOf('.'));
  const report = await sandbox.verify({ provider, client, ...options });
  const found = report.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id} in ${report.rules.map((r) => r.id).join(', ')}`);
  return found;
}

/** The status and evidence of a verdict, what most tests compare. */
export const outcome = (v: RuleVerdict): { status: string; evidence: number[] } => ({ status: v.status, evidence: v.evidence });

/** The journal's last entry id, what the next request's id follows. */
export const lastId = (sandbox: RunningSandbox): number => sandbox.journal.query().at(-1)?.id ?? 0;

export interface ForcedAnswer {
  status: number;
  /** Seconds of Retry-After, for a 429. */
  retryAfter?: number;
}

/**
 * The next `times` requests to `path` of `https://<host>` answered `status` in the provider's own words, by a fault (POST
 * /__sandbox/faults through the library), as a client meets them. Returns a function that removes it early.
 */
export function forceAnswers(sandbox: RunningSandbox, host: string, path: string, answer: ForcedAnswer, times = 1): () => void {
  const fault = sandbox.faults.add({ origin: `https://${host}`, path, status: answer.status, ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}), times });
  return () => void sandbox.faults.remove(fault.id);
}
