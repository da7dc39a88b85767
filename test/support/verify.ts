// Test helpers for client verification: the verdict of one rule for one client, and answers forced on a provider's path (a 503, a 429 with
// Retry-After) so retry rules can be exercised on any provider; forced answers go through the journal like any other.
import type { RequestHandler } from 'express';
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
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Answers the next `times` requests whose URL starts with `/<host><path>` with `answer`, ahead of every route, then stands aside. Returns a
 * function that removes it early. The journal records these answers as it records the provider's.
 */
export function forceAnswers(sandbox: RunningSandbox, host: string, path: string, answer: ForcedAnswer, times = 1): () => void {
  const app = sandbox.sandbox.app as unknown as { use(fn: RequestHandler): void; router: { stack: unknown[] } };
  let left = times;
  const prefix = `/${host}${path}`.toLowerCase();
  const handler: RequestHandler = (req, res, next) => {
    if (left <= 0 || !req.originalUrl.toLowerCase().startsWith(prefix)) return next();
    left -= 1;
    res.status(answer.status).set(answer.headers ?? {}).json(answer.body ?? { message: 'forced by the test' });
  };
  app.use(handler);
  const stack = app.router.stack;
  stack.unshift(stack.pop());
  return () => {
    left = 0;
  };
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
