// The client-verification rule format: rules as data, each with one sentence, its source, and a check over the journal entries of one client.
import type { Source } from '../types.js';

export type RuleStatus = 'passed' | 'failed' | 'not_applicable';

/** A request's credential as it was sent, read in process only (never in a verdict). */
export type SentCredential = { scheme: 'bearer'; token: string } | { scheme: 'basic'; username: string; password: string };

/** One journal entry as the rules read it: unredacted, its URL split at the origin, its bodies parsed. */
export interface Observed {
  id: number;
  /** When the request came in, on the virtual clock. */
  atMs: number;
  provider: string;
  method: string;
  /** The real origin's host, lower-cased (`open-api.guesty.com`, `sunrise.entrata.com`). */
  host: string;
  /** The path below the origin (`/v1/listings`). */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  requestHeaders: Readonly<Record<string, string>>;
  /** The parsed request body (JSON, form fields, XML read as an object), when there was one that parsed. */
  requestBody: unknown;
  status: number;
  /**
   * The status the answer stands for: the HTTP status, or for an error in an RPC envelope answered at HTTP 200 (Entrata's
   * `response.error.code`, in JSON or XML) that code, which is what a client of such an API retries on.
   */
  answered: number;
  responseHeaders: Readonly<Record<string, string>>;
  responseText: string | undefined;
  /** The response body parsed when it is JSON. */
  responseJson: unknown;
  credential: SentCredential | undefined;
  /** The client's public name (client id, e-mail, tenant id), once identified. */
  client?: string;
}

export interface RuleOutcome {
  status: RuleStatus;
  /** Journal entry ids: those that show the failure, or those the rule held on. */
  evidence: number[];
  /** Why it failed, in words that name entry ids and never a secret. */
  reason?: string;
}

export interface RuleContext {
  /** Every entry of the provider, identified, the ones before `since` included (a token issued earlier, a launch). */
  all: readonly Observed[];
  /** The provider's seeded credentials (as GET /__sandbox/credentials shows them). */
  credentials: unknown;
}

export interface ClientRule {
  /** Stable and unique: `<provider>.<subject>`. */
  id: string;
  /** Present tense, what a well-behaved client does. */
  sentence: string;
  source: Source;
  /** `entries`: the client's entries, oldest first (never empty). */
  check(entries: readonly Observed[], ctx: RuleContext): RuleOutcome;
}

/** What every `contracts/<provider>/rules.ts` exports as `ruleSet`. */
export interface ProviderRules {
  provider: string;
  /** Names the client of every entry it can (sets `client`), from the journal's own token traffic and the seeded credentials. */
  identify(entries: readonly Observed[], credentials: unknown): void;
  rules: readonly ClientRule[];
  /** Where the provider says to honour Retry-After and to back off; defaults cite RFC 9110 and the sandbox's bound. */
  retrySources?: { retryAfter?: Source; backoff?: Source };
}

export interface VerifyOptions {
  provider?: string;
  /** A credential's public identifier: a client id, a personal access token's owner e-mail, a manual token's tenant id. */
  client?: string;
  /** ISO 8601: only entries from this virtual time on are judged. */
  since?: string;
}

export interface RuleVerdict {
  id: string;
  provider: string;
  /** null when the provider has no client in the journal. */
  client: string | null;
  sentence: string;
  source: Source;
  status: RuleStatus;
  evidence: number[];
  reason?: string;
}

export interface VerifyReport {
  rules: RuleVerdict[];
}

export const passed = (evidence: number[]): RuleOutcome => ({ status: 'passed', evidence });
export const failed = (evidence: number[], reason: string): RuleOutcome => ({ status: 'failed', evidence: [...new Set(evidence)].sort((a, b) => a - b), reason });
export const notApplicable = (): RuleOutcome => ({ status: 'not_applicable', evidence: [] });
