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

/**
 * A Node `--import` module that runs the TypeScript sources as they are (each `.ts` file transpiled alone, `./x.js` resolved to `./x.ts`), so
 * a test can run `src/cli.ts` in a child process without a build. Written once to a scratch directory; returns its path.
 */
export async function typescriptLoader(): Promise<string> {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { createRequire } = await import('node:module');
  const typescript = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;
  const dir = await mkdtemp(join(tmpdir(), 'pms-ts-loader-'));
  await writeFile(
    join(dir, 'hooks.mjs'),
    `import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from ${JSON.stringify(typescript)};
export async function resolve(specifier, context, next) {
  if (context.parentURL?.endsWith('.ts') && /^\\.\\.?\\//.test(specifier) && specifier.endsWith('.js')) {
    const url = new URL(specifier.replace(/\\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), { fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`,
  );
  const register = join(dir, 'register.mjs');
  await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  return register;
}
