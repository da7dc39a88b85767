#!/usr/bin/env node
// The command line: serve the sandbox, print its origin map, run a provider's contract suite against any target.
import v8 from 'node:v8';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_PORT, loadConfig, type SandboxConfig } from './config.js';
import type { LogLevel } from './core/log.js';
import { registry } from './mocks/registry.js';
import { createSandbox } from './server.js';
import { listen } from './sandbox.js';
import { SigningKeyFileError } from './core/tokens/signing-keys.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function seed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a seed is a whole number');
  return n;
}

function providers(value: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !registry.some((d) => d.id === id));
  if (unknown.length) throw new InvalidArgumentError(`unknown provider(s) ${unknown.join(', ')}; known: ${registry.map((d) => d.id).join(', ')}`);
  return ids;
}

interface ServeOptions {
  port?: number;
  host?: string;
  seed?: number;
  providers?: string[];
  logLevel?: LogLevel;
  rateLimits?: boolean;
  trustProxy?: boolean;
  publicUrl?: string;
}

function configFrom(opts: ServeOptions): Readonly<SandboxConfig> {
  return loadConfig({
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.providers !== undefined ? { providers: opts.providers } : {}),
    ...(opts.logLevel !== undefined ? { logLevel: opts.logLevel } : {}),
    ...(opts.rateLimits === false ? { rateLimits: false } : {}),
    ...(opts.trustProxy ? { trustProxy: true } : {}),
    ...(opts.publicUrl !== undefined ? { publicUrl: opts.publicUrl } : {}),
  });
}

function displayUrl(config: Readonly<SandboxConfig>, actualPort: number): string {
  return config.publicUrl ?? `http://localhost:${actualPort}`;
}

/** A start that cannot go on (an unusable key file, a port in use) is said in one line, without a stack trace; exit 1. */
function failStart(err: unknown): never {
  const known = err instanceof SigningKeyFileError || (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' || (err as NodeJS.ErrnoException | undefined)?.code === 'EACCES';
  if (!known) throw err;
  process.stderr.write(`pms-sandbox: cannot start: ${(err as Error).message}\n`);
  process.exit(1);
}

function withServerOptions(command: Command): Command {
  return command
    .option('-p, --port <port>', `port to listen on (env PORT, default ${DEFAULT_PORT})`, port)
    .option('--host <host>', 'address to bind (env PMS_SANDBOX_HOST, default 127.0.0.1; 0.0.0.0 in the Docker image)')
    .option('--seed <n>', 'seed for generated data: same seed, same data and ids (env PMS_SANDBOX_SEED, default 1)', seed)
    .option('--providers <ids>', `comma-separated providers to serve (env PMS_SANDBOX_PROVIDERS, default all: ${registry.map((d) => d.id).join(',')})`, providers)
    .option('--public-url <url>', 'base URL to hand out in origin maps and tokens (env PMS_SANDBOX_PUBLIC_URL)');
}

const program = new Command()
  .name('pms-sandbox')
  .description('A faithful local sandbox of property-management provider APIs, and contract suites to check any target against them.')
  .showHelpAfterError();

withServerOptions(program.command('serve').description('serve every registered provider on one port and print the origin map and seeded credentials'))
  .option('--log-level <level>', 'silent|error|warn|info|debug (env PMS_SANDBOX_LOG_LEVEL, default warn; info logs one line a request)')
  .option('--no-rate-limits', "stop enforcing providers' API rate limits (token quotas stay); for load tests")
  .option('--trust-proxy', 'per-IP limits read the client from X-Forwarded-For, behind a proxy (env PMS_SANDBOX_TRUST_PROXY; default: the socket address)')
  .action(async (opts: ServeOptions) => {
    const config = configFrom(opts);
    // This process only serves: a full collection once the old generation has doubled, not quadrupled (docs/decisions/0007).
    v8.setFlagsFromString('--heap-growing-percent=100');
    const sandbox = createSandbox(config);
    const server = await listen(sandbox).catch(failStart);
    sandbox.warm();
    // The banner shows seeded credentials: printed once the seed worker has made them, while the server already answers.
    await sandbox.seeded();
    const address = server.address();
    const url = displayUrl(config, typeof address === 'object' && address ? address.port : config.port);
    process.stdout.write(`pms-sandbox serving on ${url}\n\nOrigins (replace the real origin with the sandbox URL):\n`);
    for (const [origin, base] of Object.entries(sandbox.origins(url))) process.stdout.write(`  ${origin.padEnd(36)} → ${base}\n`);
    process.stdout.write(`\nSeeded credentials (also GET ${url}/__sandbox/credentials):\n${JSON.stringify(sandbox.credentials(url), null, 2)}\n`);
    const stop = (): void => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

withServerOptions(program.command('urls').description('print the origin map: each real provider origin and the sandbox base URL that stands for it'))
  .option('--json', 'print JSON, as GET /__sandbox/origins does')
  .action((opts: ServeOptions & { json?: boolean }) => {
    const config = configFrom(opts);
    const url = displayUrl(config, config.port);
    const origins = createSandbox(config).origins(url);
    if (opts.json) process.stdout.write(`${JSON.stringify(origins, null, 2)}\n`);
    else for (const [origin, base] of Object.entries(origins)) process.stdout.write(`${origin}\t${base}\n`);
  });

program
  .command('contract')
  .description("run a provider's contract suite against the sandbox (default) or any target")
  .argument('<provider>', `provider id: ${registry.map((d) => d.id).join(', ')}`)
  .option('--base-url <url>', 'target origin base URL; credentials come from environment variables (see README)')
  .option('--junit <file>', 'write a JUnit XML report')
  .option('--json <file>', 'write a JSON report')
  .option('--include-writes', 'also run cases that create or change data on the target')
  .option('--include-clock', 'also run cases that need the virtual clock (sandbox targets only)')
  .option('--compare', 'run the suite against an in-process sandbox and --base-url, and report case by case where they disagree and who left the document')
  .action(async (provider: string, opts: { baseUrl?: string; junit?: string; json?: string; includeWrites?: boolean; includeClock?: boolean; compare?: boolean }) => {
    const { runContractCommand } = await import('./contracts/command.js');
    process.exitCode = await runContractCommand(provider, opts);
  });

function isoTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z');
  return value;
}

program
  .command('verify')
  .description("judge each client in a running sandbox's journal against its provider's rules (exit 1 when a rule failed, 2 on a usage error)")
  .option('--provider <id>', 'only this provider\'s rules')
  .option('--client <credential>', "only this client: a client id, a personal access token's owner e-mail or a manual token's tenant id")
  .option('--since <time>', 'only journal entries from this virtual time on (ISO 8601)', isoTime)
  .option('--junit <file>', 'write a JUnit XML report')
  .option('--json <file>', 'write a JSON report')
  .option('--url <url>', 'the running sandbox\'s base URL', 'http://localhost:4010')
  // A usage error (an unknown option, a bad value) exits 2, as a failed rule exits 1.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .action(async (opts: { provider?: string; client?: string; since?: string; junit?: string; json?: string; url?: string }) => {
    const { runVerifyCommand } = await import('./contracts/verify/command.js');
    process.exitCode = await runVerifyCommand(opts);
  });

await program.parseAsync();
