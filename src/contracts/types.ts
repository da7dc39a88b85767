// The contract case format (ARCHITECTURE.md, "Contract cases are data"): one sentence, where its truth came from, a request, an expectation.

/** Where a case's expectation comes from: a section of a provider document, a published page, or a stated assumption. */
export type Source = { document: string; section: string } | { page: string; retrieved?: string } | { assumption: string };

/**
 * What a case needs beyond a reachable target:
 * - `writes`: it creates or changes data (live targets: only with --include-writes);
 * - `clock`: it moves the sandbox's virtual clock (never on live targets);
 * - `fresh-token`: it obtains a token from the token endpoint itself (live targets: only with --include-writes, tokens are rationed);
 * - `sandbox`: it rests on the sandbox's seeding or its admin API, e.g. the document's placeholder credentials registered as a client, or a
 *   consent queued for a seeded user (never on live targets).
 */
export type Requirement = 'writes' | 'clock' | 'fresh-token' | 'sandbox';

/** `token` names one of the suite's token endpoints (`openApi`, `bookingEngine`); the harness obtains and caches it. */
export type Auth = 'none' | { token: string } | { basic: readonly [string, string] } | { bearer: string };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  /** The provider's REAL origin, as its documents write it (`https://open-api.guesty.com`); the target maps it. */
  origin: string;
  method: HttpMethod;
  /** Path below the origin, e.g. `/v1/listings`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded, fields in the order given. */
  form?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is, with the headers given (for bodies that are deliberately neither form nor JSON). */
  body?: string;
  /** Defaults to `none`. */
  auth?: Auth;
}

export interface ContractResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: unknown;
  text: string;
  /** The URL the request went to, query included: what a check compares self-referring URLs (an issuer, Link headers) against. */
  url: string;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The sandbox's virtual clock, moved over its admin API; every call throws on a live target. Each returns the clock's time in ms. */
export interface ClockControl {
  now(): Promise<number>;
  freeze(): Promise<number>;
  advance(seconds: number): Promise<number>;
  set(iso: string): Promise<number>;
}

/** Values a `before` step hands to the request and the checks (ids it looked up, tokens it obtained). */
export interface CaseState {
  remember(name: string, value: string): void;
  /** Throws when nothing was remembered under `name`. */
  recall(name: string): string;
}

export interface CaseContext {
  target: { kind: 'sandbox' | 'live'; baseUrl: string };
  /** The target's client credentials for a token endpoint name; throws when the target has none. */
  credentials(name: string): ClientCredentials;
  /** A token from the named token endpoint, as the harness obtains it (cached; never spends quota twice). */
  token(name: string): Promise<string>;
  send(request: RequestSpec): Promise<ContractResponse>;
  clock: ClockControl;
  state: CaseState;
}

export interface Expectation {
  status: number;
  /** Each header present with this value (exact, or matching the pattern). */
  headers?: Record<string, string | RegExp>;
  /** The body, exactly (deep equality). */
  body?: unknown;
  /** An operationId of the provider's OpenAPI document: the body must match its schema for the status. */
  bodySchema?: string;
  /** A failure message, or undefined when the answer is right. */
  check?: (body: unknown, response: ContractResponse, ctx: CaseContext) => string | undefined;
}

export interface ContractCase {
  /** Stable and unique in the suite; the part before the first dot names its subject (`token.sixth-refused`). */
  id: string;
  /** Present tense, no "should": `refuses a sixth token within 24 hours`. */
  sentence: string;
  source: Source;
  requires?: readonly Requirement[];
  /** Steps before the request: look up ids, spend quota, move the clock. Throwing fails the case with the message. */
  before?: (ctx: CaseContext) => Promise<void>;
  request: RequestSpec | ((ctx: CaseContext) => RequestSpec | Promise<RequestSpec>);
  expect: Expectation;
}

/** An OAuth 2.0 client-credentials token endpoint of the provider. */
export interface TokenEndpoint {
  origin: string;
  path: string;
  scope: string;
  /** Environment variables (after the suite's prefix) holding this client's id and secret for live targets. */
  env: { clientId: string; clientSecret: string };
}

/** A token the target already holds (rezStream's manual tenant tokens): from an environment variable on live targets, from the sandbox's seeded credentials otherwise. */
export interface StaticToken {
  /** The variable, after the suite's prefix. */
  env: string;
  /** Reads it from `GET /__sandbox/credentials` → the suite's provider. */
  seeded: (credentials: unknown) => string | undefined;
}

/** A registered OAuth client whose credentials cases use directly (not through a client-credentials token endpoint). */
export interface ClientEnv {
  env: { clientId: string; clientSecret: string };
}

export interface ContractSuite {
  provider: string;
  title: string;
  /** The origin a live `--base-url` stands for. */
  mainOrigin: string;
  /** Prefix of the environment variables the suite reads through providerEnv (`GUESTY_`). */
  envPrefix: string;
  /** Other origins of a live target: origin → variable (after the prefix) holding its base URL; default the real origin. */
  originEnv: Record<string, string>;
  tokens: Record<string, TokenEndpoint>;
  /** Tokens obtained outside the suite, by name (`auth: {token: name}` resolves these first). */
  staticTokens?: Record<string, StaticToken>;
  /** Clients known by name for `ctx.credentials(name)`, besides the token endpoints' clients. */
  clients?: Record<string, ClientEnv>;
  /** Why calling a token endpoint on a live target costs something, for the skip reason. */
  tokenQuota: string;
  /** The provider's OpenAPI document, for `bodySchema`. */
  specFile?: string;
  cases: readonly ContractCase[];
}

export type CaseStatus = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  id: string;
  sentence: string;
  source: Source;
  status: CaseStatus;
  reason?: string;
  durationMs: number;
}
