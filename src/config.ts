// The only reader of process.env: one typed, frozen configuration with defaults, for the server, the CLI and the contract harness.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from './core/log.js';

export interface SandboxConfig {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Same seed, same data, same ids. */
  seed: number;
  /** Provider ids to serve; empty serves every registered provider. */
  providers: readonly string[];
  logLevel: LogLevel;
  /** The base URL the sandbox names in the URLs it hands out; by default the URL each request arrived on. */
  publicUrl: string | undefined;
  journalSize: number;
  bodyLimit: string;
  /** Off only for benchmarks and load tests: providers' API rate limits (not token quotas) stop being enforced. */
  rateLimits: boolean;
  /**
   * Whether per-IP limits (OwnerRez's personal access tokens) read the client from X-Forwarded-For, for a sandbox behind a proxy; off,
   * the client is the socket's remote address.
   */
  trustProxy: boolean;
  /** Checks every stateful response against the provider's OpenAPI document and answers a sandbox bug when one drifts. */
  validateResponses: boolean;
  /** A PKCS#8 PEM RSA key to sign tokens with, so tokens survive restarts; generated at start when absent. */
  signingKeyFile: string | undefined;
}

export const DEFAULT_PORT = 4010;

const DEFAULTS: SandboxConfig = {
  port: DEFAULT_PORT,
  host: '127.0.0.1',
  seed: 1,
  providers: [],
  logLevel: 'warn',
  publicUrl: undefined,
  journalSize: 1000,
  bodyLimit: '1mb',
  rateLimits: true,
  trustProxy: false,
  validateResponses: false,
  signingKeyFile: undefined,
};

type Env = Readonly<Record<string, string | undefined>>;

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return !/^(0|false|off|no)$/i.test(value);
}

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number, got "${value}"`);
  return n;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined || value === '' ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function loadConfig(overrides: Partial<SandboxConfig> = {}, env: Env = process.env): Readonly<SandboxConfig> {
  const fromEnv = defined<Partial<SandboxConfig>>({
    port: int('PORT', env.PORT),
    host: env.PMS_SANDBOX_HOST || undefined,
    seed: int('PMS_SANDBOX_SEED', env.PMS_SANDBOX_SEED),
    providers: list(env.PMS_SANDBOX_PROVIDERS),
    logLevel: (env.PMS_SANDBOX_LOG_LEVEL || undefined) as LogLevel | undefined,
    publicUrl: env.PMS_SANDBOX_PUBLIC_URL || undefined,
    journalSize: int('PMS_SANDBOX_JOURNAL_SIZE', env.PMS_SANDBOX_JOURNAL_SIZE),
    bodyLimit: env.PMS_SANDBOX_BODY_LIMIT || undefined,
    rateLimits: flag(env.PMS_SANDBOX_RATE_LIMITS),
    trustProxy: flag(env.PMS_SANDBOX_TRUST_PROXY),
    validateResponses: flag(env.PMS_SANDBOX_VALIDATE_RESPONSES),
    signingKeyFile: env.PMS_SANDBOX_SIGNING_KEY_FILE || undefined,
  });
  return Object.freeze({ ...DEFAULTS, ...fromEnv, ...defined(overrides) });
}

/** Where the contract harness keeps tokens it must not request again (Guesty allows five a day). */
export function cacheDir(env: Env = process.env): string {
  return env.PMS_SANDBOX_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pms-sandbox');
}

/** Contract-suite credentials for a live target: every variable that starts with the provider's prefix (`GUESTY_`). */
export function providerEnv(prefix: string, env: Env = process.env): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (key.startsWith(prefix) && value !== undefined) out[key.slice(prefix.length)] = value;
  return Object.freeze(out);
}
