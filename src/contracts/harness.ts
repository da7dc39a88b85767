// Contract targets (ARCHITECTURE.md, contracts/harness.ts): the sandbox in process, a sandbox at a URL (found by its admin API), or a live provider
// whose base URL stands for its main origin; credentials from the environment, tokens obtained once and, for live targets, cached on disk.
import { cacheDir, providerEnv } from '../config.js';
import { Clock } from '../core/clock.js';
import { startSandbox } from '../sandbox.js';
import { snippet } from './expect.js';
import { FileTokenCache } from './token-cache.js';
import type { ClientCredentials, ContractResponse, ContractSuite, RequestSpec } from './types.js';

/** Live providers ration requests (Guesty: 15 a second); the suite stays well below. */
const LIVE_MIN_INTERVAL_MS = 100;
const REQUEST_TIMEOUT_MS = 20_000;

export interface ClockReading {
  now: string;
  nowMs: number;
  frozen: boolean;
}

export interface SandboxAdmin {
  reset(): Promise<void>;
  /** Reads the clock, or changes it first: `{advanceSeconds}`, `{set}`, `{freeze}` as POST /__sandbox/clock takes them. */
  clock(change?: { advanceSeconds?: number; set?: string; freeze?: boolean }): Promise<ClockReading>;
}

export interface Target {
  kind: 'sandbox' | 'live';
  baseUrl: string;
  /** How reports name it: `sandbox (in process) http://127.0.0.1:5301`. */
  description: string;
  /** Present on sandbox targets only. */
  admin: SandboxAdmin | undefined;
  urlFor(origin: string): string;
  credentials(name: string): ClientCredentials | undefined;
  token(name: string): Promise<string>;
  send(request: RequestSpec): Promise<ContractResponse>;
  close(): Promise<void>;
}

export class UsageError extends Error {}

/** Names the environment variables that would supply a token endpoint's client, or a registered client's. */
export function missingCredentials(suite: ContractSuite, name: string): Error {
  const env = suite.tokens[name]?.env ?? suite.clients?.[name]?.env;
  return new Error(`no ${name} credentials for this target${env ? `: set ${suite.envPrefix}${env.clientId} and ${suite.envPrefix}${env.clientSecret}` : ''}`);
}

export class TargetUnreachable extends Error {
  constructor(readonly baseUrl: string, cause: unknown) {
    super(`cannot reach ${baseUrl}: ${describeError(cause)}`);
  }
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:9` rather than `fetch failed`. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause.message : typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  return inner && inner !== err.message ? `${err.message}: ${inner}` : err.message;
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '' || !(/json/i.test(contentType ?? '') || /^\s*[[{]/.test(text))) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface TargetParts {
  kind: 'sandbox' | 'live';
  baseUrl: string;
  description: string;
  admin: SandboxAdmin | undefined;
  origins: (origin: string) => string;
  credentials: (name: string) => ClientCredentials | undefined;
  /** A token the target holds already (see ContractSuite.staticTokens). */
  staticToken: (name: string) => string | undefined;
  /** Live targets keep tokens on disk; sandboxes keep one a run in memory. */
  tokenCache: FileTokenCache | undefined;
  close: () => Promise<void>;
}

function buildTarget(suite: ContractSuite, parts: TargetParts): Target {
  let lastRequestAt = -Infinity;
  const tokens = new Map<string, Promise<string>>();

  const send = async (request: RequestSpec): Promise<ContractResponse> => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) query.append(name, String(value));
    const url = `${parts.origins(request.origin).replace(/\/+$/, '')}${request.path}${query.size > 0 ? `?${query}` : ''}`;
    const headers = new Headers(request.headers);
    const auth = request.auth ?? 'none';
    if (auth !== 'none') {
      if ('token' in auth) headers.set('Authorization', `Bearer ${await token(auth.token)}`);
      else if ('basic' in auth) headers.set('Authorization', `Basic ${Buffer.from(`${auth.basic[0]}:${auth.basic[1]}`).toString('base64')}`);
      else headers.set('Authorization', `Bearer ${auth.bearer}`);
    }
    let body: string | undefined = request.body;
    if (request.form) {
      body = new URLSearchParams(request.form).toString();
      if (!headers.has('content-type')) headers.set('Content-Type', 'application/x-www-form-urlencoded');
    } else if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      if (!headers.has('content-type')) headers.set('Content-Type', 'application/json');
    }
    if (parts.kind === 'live') {
      const wait = lastRequestAt + LIVE_MIN_INTERVAL_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastRequestAt = performance.now();
    }
    let res: Response;
    try {
      // A redirect is an answer to check (an authorize endpoint's Location), not one to follow.
      res = await fetch(url, { method: request.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (err) {
      throw new Error(`${request.method} ${url.split('?')[0]} failed: ${describeError(err)}`);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parseBody(text, res.headers.get('content-type')), text, url };
  };

  const obtain = async (name: string): Promise<string> => {
    const endpoint = suite.tokens[name];
    if (!endpoint) throw new Error(`the ${suite.provider} suite has no token endpoint named "${name}"`);
    const creds = parts.credentials(name);
    if (!creds) throw missingCredentials(suite, name);
    const tokenBase = parts.origins(endpoint.origin);
    const cached = await parts.tokenCache?.get(tokenBase, creds.clientId);
    if (cached) return cached;
    const res = await send({
      origin: endpoint.origin,
      method: 'POST',
      path: endpoint.path,
      headers: { Accept: 'application/json' },
      form: { grant_type: 'client_credentials', scope: endpoint.scope, client_id: creds.clientId, client_secret: creds.clientSecret },
    });
    const answer = res.body as { access_token?: unknown; expires_in?: unknown };
    if (res.status !== 200 || typeof answer?.access_token !== 'string') {
      throw new Error(`could not obtain a ${name} token: POST ${endpoint.origin}${endpoint.path} answered ${res.status}: ${snippet(res.body)}`);
    }
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 0;
    await parts.tokenCache?.put(tokenBase, creds.clientId, answer.access_token, expiresIn);
    return answer.access_token;
  };

  const token = (name: string): Promise<string> => {
    const fixed = suite.staticTokens?.[name];
    if (fixed) {
      const value = parts.staticToken(name);
      return value ? Promise.resolve(value) : Promise.reject(new Error(`no ${name} token for this target: set ${suite.envPrefix}${fixed.env}`));
    }
    let pending = tokens.get(name);
    if (!pending) {
      pending = obtain(name);
      tokens.set(name, pending);
      // A sandbox is reset between cases, so a failed attempt is worth repeating; a live one is not asked twice.
      if (parts.kind === 'sandbox') pending.catch(() => tokens.delete(name));
    }
    return pending;
  };

  return {
    kind: parts.kind,
    baseUrl: parts.baseUrl,
    description: parts.description,
    admin: parts.admin,
    urlFor: parts.origins,
    credentials: parts.credentials,
    token,
    send,
    close: parts.close,
  };
}

function sandboxAdmin(sandboxUrl: string): SandboxAdmin {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${sandboxUrl}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox admin ${method} /__sandbox${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  };
  return {
    reset: async () => void (await call('POST', '/reset')),
    clock: async (change) => {
      const state = (await (change ? call('POST', '/clock', change) : call('GET', '/clock'))) as { now: string; frozen: boolean };
      return { now: state.now, nowMs: Date.parse(state.now), frozen: state.frozen };
    },
  };
}

function isOriginMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string' && /^https?:\/\//.test(v));
}

/** The origin map and credentials when `baseUrl` is a sandbox; undefined for anything else that answers. */
async function probeSandbox(baseUrl: string): Promise<{ origins: Record<string, string>; credentials: Record<string, unknown> } | undefined> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/__sandbox/origins`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    throw new TargetUnreachable(baseUrl, err);
  }
  const origins = res.ok ? parseBody(await res.text(), res.headers.get('content-type')) : undefined;
  if (!isOriginMap(origins) || Object.keys(origins).length === 0) return undefined;
  const creds = await fetch(`${baseUrl}/__sandbox/credentials`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(() => undefined);
  const credentials = creds?.ok ? ((await creds.json().catch(() => ({}))) as Record<string, unknown>) : {};
  return { origins, credentials };
}

function fromEnv(suite: ContractSuite, name: string): ClientCredentials | undefined {
  const names = suite.tokens[name]?.env ?? suite.clients?.[name]?.env;
  if (!names) return undefined;
  const env = providerEnv(suite.envPrefix);
  const clientId = env[names.clientId];
  const clientSecret = env[names.clientSecret];
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

function staticFromEnv(suite: ContractSuite, name: string): string | undefined {
  const fixed = suite.staticTokens?.[name];
  return fixed ? providerEnv(suite.envPrefix)[fixed.env] || undefined : undefined;
}

function staticSeeded(suite: ContractSuite, credentials: Record<string, unknown>, name: string): string | undefined {
  return suite.staticTokens?.[name]?.seeded(credentials[suite.provider]);
}

function seeded(suite: ContractSuite, credentials: Record<string, unknown>, name: string): ClientCredentials | undefined {
  const value = (credentials[suite.provider] as Record<string, Partial<ClientCredentials>> | undefined)?.[name];
  return typeof value?.clientId === 'string' && typeof value.clientSecret === 'string' ? { clientId: value.clientId, clientSecret: value.clientSecret } : undefined;
}

function originLookup(origins: Record<string, string>): (origin: string) => string {
  return (origin) => {
    const base = origins[origin];
    if (!base) throw new Error(`the sandbox serves no origin ${origin}`);
    return base;
  };
}

function normalBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url must be an absolute http(s) URL, got "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  return baseUrl.replace(/\/+$/, '');
}

/** The sandbox in this process: its own credentials (never the environment's, which are for live targets). */
export async function inProcessTarget(suite: ContractSuite): Promise<Target> {
  const running = await startSandbox({ validateResponses: true });
  return buildTarget(suite, {
    kind: 'sandbox',
    baseUrl: running.url,
    description: `sandbox (in process) ${running.url}`,
    admin: sandboxAdmin(running.url),
    origins: originLookup(running.origins),
    credentials: (name) => seeded(suite, running.credentials, name),
    staticToken: (name) => staticSeeded(suite, running.credentials, name),
    tokenCache: undefined,
    close: () => running.close(),
  });
}

/** Any base URL: a sandbox when its admin API answers, else a live target standing for the suite's main origin. */
export async function urlTarget(suite: ContractSuite, rawBaseUrl: string): Promise<Target> {
  const baseUrl = normalBaseUrl(rawBaseUrl);
  const sandbox = await probeSandbox(baseUrl);
  if (sandbox) {
    return buildTarget(suite, {
      kind: 'sandbox',
      baseUrl,
      description: `sandbox ${baseUrl}`,
      admin: sandboxAdmin(baseUrl),
      origins: originLookup(sandbox.origins),
      credentials: (name) => fromEnv(suite, name) ?? seeded(suite, sandbox.credentials, name),
      staticToken: (name) => staticFromEnv(suite, name) ?? staticSeeded(suite, sandbox.credentials, name),
      tokenCache: undefined,
      close: async () => {},
    });
  }
  const env = providerEnv(suite.envPrefix);
  return buildTarget(suite, {
    kind: 'live',
    baseUrl,
    description: `live ${baseUrl}`,
    admin: undefined,
    origins: (origin) => {
      if (origin === suite.mainOrigin) return baseUrl;
      const variable = suite.originEnv[origin];
      return (variable && env[variable]?.replace(/\/+$/, '')) || origin;
    },
    credentials: (name) => fromEnv(suite, name),
    staticToken: (name) => staticFromEnv(suite, name),
    tokenCache: new FileTokenCache(cacheDir(), () => new Clock().nowMs()),
    close: async () => {},
  });
}

export function connectTarget(suite: ContractSuite, options: { baseUrl?: string } = {}): Promise<Target> {
  return options.baseUrl === undefined ? inProcessTarget(suite) : urlTarget(suite, options.baseUrl);
}
