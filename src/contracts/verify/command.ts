// `pms-sandbox verify`: asks a running sandbox (POST /__sandbox/verify) for its verdict on the clients in its journal, prints a line a rule,
// writes --junit/--json reports; exit code 0 no rule failed, 1 a rule failed, 2 a usage error or no verdict to be had.
import { writeReport } from '../report.js';
import type { CommandOutput } from '../command.js';
import { verdictClosingLine, verdictLine, verifyJsonReport, verifyJunitXml } from './report.js';
import type { VerifyOptions, VerifyReport } from './types.js';

export const DEFAULT_SANDBOX_URL = 'http://localhost:4010';

export interface VerifyCommandOptions extends VerifyOptions {
  url?: string;
  junit?: string;
  json?: string;
}

const stdio: CommandOutput = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

export async function runVerifyCommand(opts: VerifyCommandOptions, io: CommandOutput = stdio): Promise<number> {
  const base = (opts.url ?? DEFAULT_SANDBOX_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(base)) {
    io.err(`--url must be the sandbox's base URL (http://host:port), not ${base}`);
    return 2;
  }
  const body = { ...(opts.provider ? { provider: opts.provider } : {}), ...(opts.client ? { client: opts.client } : {}), ...(opts.since ? { since: opts.since } : {}) };
  let res: Response;
  try {
    res = await fetch(`${base}/__sandbox/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  } catch (err) {
    io.err(`cannot reach a sandbox at ${base}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
    return 2;
  }
  const text = await res.text();
  if (res.status !== 200) {
    let detail = text.slice(0, 500);
    try {
      detail = String((JSON.parse(text) as { detail?: unknown }).detail ?? detail);
    } catch {
      // not problem+json: shown as it came
    }
    io.err(`${base}/__sandbox/verify answered ${res.status}: ${detail}`);
    return 2;
  }
  const report = JSON.parse(text) as VerifyReport;
  io.out(`pms-sandbox verify against ${base}`);
  for (const verdict of report.rules) io.out(verdictLine(verdict));
  if (opts.junit) {
    await writeReport(opts.junit, verifyJunitXml(report, base));
    io.out(`JUnit report: ${opts.junit}`);
  }
  if (opts.json) {
    await writeReport(opts.json, verifyJsonReport(report, base));
    io.out(`JSON report: ${opts.json}`);
  }
  io.out(verdictClosingLine(report.rules));
  return report.rules.some((r) => r.status === 'failed') ? 1 : 0;
}
