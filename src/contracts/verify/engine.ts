// Client verification: the journal's entries of each provider identified by client, every rule of the provider judged for each client.
import { isValidDate } from '../../core/dates.js';
import type { JournalEntry } from '../../core/journal.js';
import { observe } from './observed.js';
import { ruleProviders, ruleSetOf } from './registry.js';
import { allRules } from './retry-rules.js';
import { notApplicable, type Observed, type RuleVerdict, type VerifyOptions, type VerifyReport } from './types.js';

/** Options that cannot be read: a 400 on the admin API, exit code 2 on the command line, thrown by `sandbox.verify`. */
export class VerifyInputError extends Error {
  override readonly name = 'VerifyInputError';
}

const KNOWN = new Set(['provider', 'client', 'since']);

/** The providers a sandbox serves that have rules, in the sandbox's order. */
export function verifiableProviders(served: readonly string[]): string[] {
  const known = ruleProviders();
  return served.filter((id) => known.includes(id));
}

/** Reads `{"provider"?, "client"?, "since"?}`, refusing anything else. */
export function readVerifyOptions(input: unknown, served: readonly string[]): VerifyOptions {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new VerifyInputError('Send a JSON object: {"provider"?, "client"?, "since"?}.');
  const body = input as Record<string, unknown>;
  const unknown = Object.keys(body).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) throw new VerifyInputError(`Unknown field(s) ${unknown.join(', ')}; send provider, client or since.`);
  const options: VerifyOptions = {};
  const providers = verifiableProviders(served);
  if (body.provider !== undefined) {
    if (typeof body.provider !== 'string' || !providers.includes(body.provider)) throw new VerifyInputError(`provider must be one of ${providers.join(', ')}.`);
    options.provider = body.provider;
  }
  if (body.client !== undefined) {
    if (typeof body.client !== 'string' || body.client.trim() === '') throw new VerifyInputError('client must be a credential\'s public identifier: a client id, an e-mail address or a tenant id.');
    // E-mail addresses compare without case, as OwnerRez's sign-ins do; every other identifier exactly.
    options.client = body.client.includes('@') ? body.client.trim().toLowerCase() : body.client.trim();
  }
  if (body.since !== undefined) {
    if (typeof body.since !== 'string' || !isValidDate(body.since.slice(0, 10)) || !/^.{10}(T|$)/.test(body.since) || Number.isNaN(Date.parse(body.since))) throw new VerifyInputError('since must be an ISO 8601 date-time.');
    options.since = body.since;
  }
  return options;
}

/** Clients in the order they first appear. */
function clientsOf(entries: readonly Observed[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.client === undefined ? [] : [e.client])))];
}

/**
 * Judges the entries (the journal's, unredacted, read in process) against every rule of every provider served, or of the one asked for.
 * `credentials`: the seeded credentials by provider id, which name tokens the journal never saw issued.
 */
export async function verifyEntries(entries: readonly JournalEntry[], credentials: Readonly<Record<string, unknown>>, served: readonly string[], options: VerifyOptions = {}): Promise<VerifyReport> {
  const sinceMs = options.since === undefined ? undefined : Date.parse(options.since);
  const verdicts: RuleVerdict[] = [];
  for (const provider of verifiableProviders(served).filter((p) => options.provider === undefined || p === options.provider)) {
    const set = ruleSetOf(provider)!;
    const all = entries.flatMap((entry) => {
      const observed = entry.provider === provider ? observe(entry) : undefined;
      return observed ? [observed] : [];
    });
    set.identify(all, credentials[provider]);
    const judged = sinceMs === undefined ? all : all.filter((e) => e.atMs >= sinceMs);
    const clients = options.client !== undefined ? [options.client] : clientsOf(judged);
    const rules = allRules(set);
    const ctx = { all, credentials: credentials[provider] };
    for (const client of clients.length > 0 ? clients : [null]) {
      const mine = client === null ? [] : judged.filter((e) => e.client === client);
      for (const rule of rules) {
        const outcome = mine.length === 0 ? notApplicable() : rule.check(mine, ctx);
        verdicts.push({ id: rule.id, provider, client, sentence: rule.sentence, source: rule.source, status: outcome.status, evidence: outcome.evidence, ...(outcome.reason ? { reason: outcome.reason } : {}) });
      }
    }
  }
  return { rules: verdicts };
}

/** What a sandbox's verdict needs: its journal, its providers and their seeded credentials. */
export interface VerifiableSandbox {
  journal: { entriesForVerification(): JournalEntry[] };
  providers: ReadonlyArray<{ id: string }>;
  credentials(sandboxUrl: string): Record<string, unknown>;
}

/** The verdict on a sandbox's journal; rejects with a VerifyInputError for options it cannot read. */
export async function verifySandbox(sandbox: VerifiableSandbox, sandboxUrl: string, input: unknown): Promise<VerifyReport> {
  const served = sandbox.providers.map((p) => p.id);
  const options = readVerifyOptions(input, served);
  return verifyEntries(sandbox.journal.entriesForVerification(), sandbox.credentials(sandboxUrl), served, options);
}
