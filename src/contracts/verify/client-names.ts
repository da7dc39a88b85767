// The client a request's credential stands for, named as verification names clients (its provider's rules: the journal's token traffic,
// Guesty's JWT `cid`, the seeded credentials), so a fault can be scoped to a client id or a personal access token's owner.
import type { Request } from 'express';
import type { JournalEntry } from '../../core/journal.js';
import { observe } from './observed.js';
import { ruleSetOf } from './registry.js';

/**
 * `entries`: the provider's journal so far (in process, unredacted). The request is judged as one more entry after them, so a token an
 * earlier answer issued, or one the seed holds, names its client.
 */
export function clientNamesOf(provider: string, req: Request, entries: readonly JournalEntry[], credentials: unknown): string[] {
  const rules = ruleSetOf(provider);
  if (!rules) return [];
  const current: JournalEntry = { id: 0, at: new Date(0).toISOString(), provider, method: req.method, url: req.originalUrl, requestHeaders: req.headers, requestBody: undefined, status: 0, responseHeaders: {}, responseBody: undefined, durationMs: 0 };
  const observed = [...entries, current].flatMap((e) => {
    const seen = e.provider === provider ? observe(e) : undefined;
    return seen ? [seen] : [];
  });
  rules.identify(observed, credentials);
  const client = observed.at(-1)?.client;
  return client === undefined ? [] : [client];
}
