// `pms-sandbox contract <provider>`: runs the provider's contract suite against an in-process sandbox or --base-url, prints a line a case,
// writes --junit/--json reports; exit code 0 all passed, 1 any failed, 2 a usage error.
import { compareTargets, comparisonLine, type Comparison } from './compare.js';
import { connectTarget, inProcessTarget, TargetUnreachable, UsageError, type Target } from './harness.js';
import { contractSuite, contractSuiteIds } from './registry.js';
import { closingLine, jsonReport, junitXml, resultLine, writeReport, xmlEscape, type RunSummary } from './report.js';
import { runSuite } from './runner.js';
import type { CaseResult, ContractSuite } from './types.js';

export interface ContractCommandOptions {
  baseUrl?: string;
  junit?: string;
  json?: string;
  includeWrites?: boolean;
  includeClock?: boolean;
  /** Runs the suite against the in-process sandbox and --base-url and reports where they disagree (compare.ts). */
  compare?: boolean;
}

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const stdio: CommandOutput = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

async function writeReports(opts: ContractCommandOptions, summary: RunSummary, io: CommandOutput): Promise<void> {
  if (opts.junit) {
    await writeReport(opts.junit, junitXml(summary));
    io.out(`JUnit report: ${opts.junit}`);
  }
  if (opts.json) {
    await writeReport(opts.json, jsonReport(summary));
    io.out(`JSON report: ${opts.json}`);
  }
}

export async function runContractCommand(provider: string, opts: ContractCommandOptions, io: CommandOutput = stdio): Promise<number> {
  const suite = await contractSuite(provider);
  if (!suite) {
    io.err(`unknown provider "${provider}"; contract suites exist for: ${contractSuiteIds().join(', ')}`);
    return 2;
  }
  if (opts.compare) return runComparison(suite, opts, io);
  const started = performance.now();
  let target: Target;
  try {
    target = await connectTarget(suite, opts.baseUrl === undefined ? {} : { baseUrl: opts.baseUrl });
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    if (!(err instanceof TargetUnreachable)) throw err;
    // One failed result, so CI still gets its reports and sees why.
    const unreachable: CaseResult = { id: 'target.reachable', sentence: 'answers at its base URL', source: { assumption: 'the target answers HTTP at --base-url' }, status: 'failed', reason: err.message, durationMs: 0 };
    const summary: RunSummary = { provider, target: { kind: 'live', baseUrl: err.baseUrl, description: err.baseUrl }, results: [unreachable], durationMs: performance.now() - started };
    io.out(`${provider} contract suite against ${err.baseUrl}`);
    io.out(resultLine(unreachable));
    await writeReports(opts, summary, io);
    io.out(closingLine(summary.results));
    return 1;
  }
  try {
    io.out(`${suite.title} contract suite against ${target.description}`);
    if (opts.includeClock && target.kind === 'live') io.out("(--include-clock has no effect on a live target: clock cases need the sandbox's virtual clock)");
    const results = await runSuite(suite, target, { includeWrites: opts.includeWrites === true, onResult: (r) => io.out(resultLine(r)) });
    const summary: RunSummary = {
      provider,
      target: { kind: target.kind, baseUrl: target.baseUrl, description: target.description },
      results,
      durationMs: performance.now() - started,
    };
    await writeReports(opts, summary, io);
    io.out(closingLine(results));
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    await target.close();
  }
}

/** A comparison as JUnit: a test case a contract case, failed where the two targets disagree. */
function comparisonJunit(provider: string, comparisons: readonly Comparison[]): string {
  const failed = comparisons.filter((c) => c.drift !== 'agree' && c.drift !== 'skipped');
  const cases = comparisons.map((c) => {
    const name = `${c.id}: ${xmlEscape(c.sentence)}`;
    if (c.drift === 'skipped') return `  <testcase classname="${provider}.compare" name="${name}"><skipped/></testcase>`;
    if (c.drift === 'agree') return `  <testcase classname="${provider}.compare" name="${name}"/>`;
    return `  <testcase classname="${provider}.compare" name="${name}"><failure message="${c.drift}">${xmlEscape(comparisonLine(c))}</failure></testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${provider} sandbox vs live" tests="${comparisons.length}" failures="${failed.length}">\n${cases.join('\n')}\n</testsuite>\n`;
}

/** `--compare`: the in-process sandbox and --base-url, case by case; exit 1 when any case drifts. */
async function runComparison(suite: ContractSuite, opts: ContractCommandOptions, io: CommandOutput): Promise<number> {
  if (opts.baseUrl === undefined) {
    io.err('--compare needs --base-url: the live target to compare the sandbox with');
    return 2;
  }
  let live: Target;
  try {
    live = await connectTarget(suite, { baseUrl: opts.baseUrl });
  } catch (err) {
    if (err instanceof UsageError || err instanceof TargetUnreachable) {
      io.err(err.message);
      return err instanceof UsageError ? 2 : 1;
    }
    throw err;
  }
  const sandbox = await inProcessTarget(suite);
  try {
    io.out(`${suite.title} contract suite: ${sandbox.description} compared with ${live.description}`);
    const comparisons = await compareTargets(suite, sandbox, live, { includeWrites: opts.includeWrites === true });
    for (const c of comparisons) io.out(comparisonLine(c));
    if (opts.json) {
      await writeReport(opts.json, `${JSON.stringify({ provider: suite.provider, sandbox: sandbox.description, live: live.description, comparisons }, null, 2)}\n`);
      io.out(`JSON report: ${opts.json}`);
    }
    if (opts.junit) {
      await writeReport(opts.junit, comparisonJunit(suite.provider, comparisons));
      io.out(`JUnit report: ${opts.junit}`);
    }
    const drifted = comparisons.filter((c) => c.drift !== 'agree' && c.drift !== 'skipped').length;
    io.out(`${comparisons.filter((c) => c.drift === 'agree').length} agree, ${drifted} drift, ${comparisons.filter((c) => c.drift === 'skipped').length} not compared`);
    return drifted > 0 ? 1 : 0;
  } finally {
    await sandbox.close();
    await live.close();
  }
}
