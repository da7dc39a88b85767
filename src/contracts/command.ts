// `pms-sandbox contract <provider>`: runs the provider's contract suite against an in-process sandbox or --base-url, prints a line a case,
// writes --junit/--json reports; exit code 0 all passed, 1 any failed, 2 a usage error.
import { connectTarget, TargetUnreachable, UsageError, type Target } from './harness.js';
import { contractSuite, contractSuiteIds } from './registry.js';
import { closingLine, jsonReport, junitXml, resultLine, writeReport, type RunSummary } from './report.js';
import { runSuite } from './runner.js';
import type { CaseResult } from './types.js';

export interface ContractCommandOptions {
  baseUrl?: string;
  junit?: string;
  json?: string;
  includeWrites?: boolean;
  includeClock?: boolean;
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
