// Runs a contract suite (types.ts) against a target (harness.ts): skips what the target cannot or may not run, resets a sandbox before each
// case and puts its clock back after, so cases are independent and order-free.
import { OpenApiDocument } from '../core/openapi.js';
import { judge, type SchemaCheck } from './expect.js';
import { describeError, missingCredentials, type Target } from './harness.js';
import type { CaseContext, CaseResult, CaseState, ClockControl, ContractCase, ContractResponse, ContractSuite } from './types.js';

export interface RunOptions {
  /** Live targets: also run cases that write data or spend a token. Sandboxes run everything. */
  includeWrites?: boolean;
  onResult?: (result: CaseResult) => void;
  /** Each case's answer as the target gave it, for comparing two targets (`--compare`). */
  onAnswer?: (caseId: string, response: ContractResponse) => void;
}

const schemaChecks = new WeakMap<ContractSuite, SchemaCheck>();

function schemaCheckOf(suite: ContractSuite): SchemaCheck | undefined {
  const file = suite.specFile;
  if (!file) return undefined;
  let check = schemaChecks.get(suite);
  if (!check) {
    let document: OpenApiDocument | undefined;
    check = (operationId, status, body) => {
      document ??= OpenApiDocument.load(file);
      return document.validateResponse(operationId, status, body).map((i) => `${i.name || '(body)'} ${i.message}`);
    };
    schemaChecks.set(suite, check);
  }
  return check;
}

/** Why a case does not run on this target, or undefined when it does. */
export function skipReason(suite: ContractSuite, target: Target, c: ContractCase, options: RunOptions): string | undefined {
  if (target.kind === 'sandbox') return undefined;
  const needs = new Set(c.requires ?? []);
  if (needs.has('clock')) return "needs the sandbox's virtual clock";
  if (needs.has('sandbox')) return "rests on the sandbox's seeded data";
  if (needs.has('fresh-token') && !options.includeWrites) return `would spend one of the target's tokens (${suite.tokenQuota}); run with --include-writes`;
  if (needs.has('writes') && !options.includeWrites) return 'changes data on the target; run with --include-writes';
  return undefined;
}

/** The case's clock: the sandbox's, remembered before its first move and put back afterwards. */
class CaseClock implements ClockControl {
  private saved: { now: string; frozen: boolean; at: number } | undefined;

  constructor(private readonly target: Target) {}

  private async change(change?: { advanceSeconds?: number; set?: string; freeze?: boolean }): Promise<number> {
    const admin = this.target.admin;
    if (!admin) throw new Error("this case needs the sandbox's virtual clock");
    if (change && !this.saved) {
      const before = await admin.clock();
      this.saved = { now: before.now, frozen: before.frozen, at: performance.now() };
    }
    return (await admin.clock(change)).nowMs;
  }

  now = (): Promise<number> => this.change();
  freeze = (): Promise<number> => this.change({ freeze: true });
  advance = (seconds: number): Promise<number> => this.change({ advanceSeconds: seconds });
  set = (iso: string): Promise<number> => this.change({ set: iso });

  /** Back where it stood; a running clock also gets the time the case took. */
  async restore(): Promise<void> {
    if (!this.saved || !this.target.admin) return;
    const { now, frozen, at } = this.saved;
    this.saved = undefined;
    await this.target.admin.clock({ freeze: frozen, set: now, ...(frozen ? {} : { advanceSeconds: (performance.now() - at) / 1000 }) });
  }
}

function caseState(): CaseState {
  const values = new Map<string, string>();
  return {
    remember: (name, value) => void values.set(name, value),
    recall: (name) => {
      const value = values.get(name);
      if (value === undefined) throw new Error(`the case's before step remembered no "${name}"`);
      return value;
    },
  };
}

export async function runCase(suite: ContractSuite, target: Target, c: ContractCase, options: RunOptions = {}): Promise<CaseResult> {
  const result = (status: CaseResult['status'], durationMs: number, reason?: string): CaseResult => ({
    id: c.id,
    sentence: c.sentence,
    source: c.source,
    status,
    ...(reason !== undefined ? { reason } : {}),
    durationMs: Math.round(durationMs * 10) / 10,
  });
  const skip = skipReason(suite, target, c, options);
  if (skip) return result('skipped', 0, skip);

  const started = performance.now();
  const clock = new CaseClock(target);
  const ctx: CaseContext = {
    target: { kind: target.kind, baseUrl: target.baseUrl },
    credentials: (name) => {
      const creds = target.credentials(name);
      if (!creds) throw missingCredentials(suite, name);
      return creds;
    },
    token: (name) => target.token(name),
    send: (request) => target.send(request),
    clock,
    state: caseState(),
  };
  let failure: string | undefined;
  try {
    // Every case starts from the seed, with empty quota windows: the sandbox's per-second limits would otherwise carry over.
    await target.admin?.reset();
    await c.before?.(ctx);
    const request = typeof c.request === 'function' ? await c.request(ctx) : c.request;
    const response = await target.send(request);
    options.onAnswer?.(c.id, response);
    failure = judge(c.expect, response, ctx, schemaCheckOf(suite));
  } catch (err) {
    failure = describeError(err);
  } finally {
    try {
      await clock.restore();
    } catch (err) {
      failure ??= `could not put the sandbox's clock back: ${describeError(err)}`;
    }
  }
  return result(failure === undefined ? 'passed' : 'failed', performance.now() - started, failure);
}

export async function runSuite(suite: ContractSuite, target: Target, options: RunOptions = {}): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of suite.cases) {
    const result = await runCase(suite, target, c, options);
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
