// `--compare`: one suite run against the in-process sandbox and a live target, case by case, each disagreement classified by who left the
// document: the sandbox, the provider, or both alike (the document is stale). Each names its case's source, so a person knows what to fix.
import { isDeepStrictEqual } from 'node:util';
import { sourceText } from './report.js';
import { runSuite, type RunOptions } from './runner.js';
import type { Target } from './harness.js';
import type { CaseResult, ContractResponse, ContractSuite, Source } from './types.js';

export type Drift =
  /** Both answered as the case expects. */
  | 'agree'
  /** The live target answered as the document says; the sandbox did not. */
  | 'sandbox-differs'
  /** The sandbox answered as the document says; the live target did not. */
  | 'provider-differs'
  /** Neither answered as the document says, and both answered alike: the document (or the case) is out of date. */
  | 'document-stale'
  /** Neither answered as the document says, each in its own way. */
  | 'both-differ'
  /** Not run on one of the two (a case the live target may not run, or a target that could not). */
  | 'skipped';

export interface Comparison {
  id: string;
  sentence: string;
  source: Source;
  drift: Drift;
  sandbox: CaseResult;
  live: CaseResult;
}

/** What two answers share when neither matches the document: the status, and the JSON body's shape (keys and value types, not values). */
export function sameAnswer(a: ContractResponse | undefined, b: ContractResponse | undefined): boolean {
  if (!a || !b) return false;
  return a.status === b.status && isDeepStrictEqual(shapeOf(a.body), shapeOf(b.body));
}

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, shapeOf(v)]));
  return value === null ? 'null' : typeof value;
}

export function classify(sandbox: CaseResult, live: CaseResult, answers: { sandbox?: ContractResponse; live?: ContractResponse }): Drift {
  if (sandbox.status === 'skipped' || live.status === 'skipped') return 'skipped';
  if (sandbox.status === 'passed' && live.status === 'passed') return 'agree';
  if (sandbox.status === 'passed') return 'provider-differs';
  if (live.status === 'passed') return 'sandbox-differs';
  return sameAnswer(answers.sandbox, answers.live) ? 'document-stale' : 'both-differ';
}

const WORDS: Record<Drift, string> = {
  agree: 'agree',
  'sandbox-differs': 'the sandbox differs from the document',
  'provider-differs': 'the provider differs from the document',
  'document-stale': 'both agree with each other but not with the document (the document is stale)',
  'both-differ': 'the sandbox and the provider each differ from the document',
  skipped: 'not compared',
};

/** One line a case: the verdict, the case, and for a disagreement its source and what each side answered. */
export function comparisonLine(c: Comparison): string {
  const head = `${c.drift === 'agree' ? 'AGREE ' : c.drift === 'skipped' ? 'SKIP  ' : 'DRIFT '} ${c.id}: ${WORDS[c.drift]}`;
  if (c.drift === 'agree') return head;
  if (c.drift === 'skipped') return `${head} (${c.sandbox.reason ?? c.live.reason ?? ''})`;
  const side = (r: CaseResult): string => (r.status === 'passed' ? 'as documented' : (r.reason ?? r.status));
  return `${head}\n    source: ${sourceText(c.source)}\n    sandbox: ${side(c.sandbox)}\n    provider: ${side(c.live)}`;
}

/** Runs the suite on both targets, the sandbox first, and pairs the results case by case. */
export async function compareTargets(suite: ContractSuite, sandbox: Target, live: Target, options: RunOptions = {}): Promise<Comparison[]> {
  const answers = { sandbox: new Map<string, ContractResponse>(), live: new Map<string, ContractResponse>() };
  const onSandbox = await runSuite(suite, sandbox, { ...options, onResult: undefined, onAnswer: (id, r) => void answers.sandbox.set(id, r) });
  const onLive = await runSuite(suite, live, { ...options, onResult: undefined, onAnswer: (id, r) => void answers.live.set(id, r) });
  return suite.cases.map((c, i) => {
    const s = onSandbox[i]!;
    const l = onLive[i]!;
    return { id: c.id, sentence: c.sentence, source: c.source, drift: classify(s, l, { sandbox: answers.sandbox.get(c.id), live: answers.live.get(c.id) }), sandbox: s, live: l };
  });
}
