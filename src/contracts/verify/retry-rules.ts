// The rules every provider gets: after a 429 the next call waits for Retry-After; after a 5xx no retry storm (growing delays, bounded).
import type { Source } from '../types.js';
import { retryAfterSeconds } from './observed.js';
import { failed, notApplicable, passed, type ClientRule, type Observed, type ProviderRules } from './types.js';

/** A call failed with a 5xx is retried at most this many times. */
export const MAX_RETRIES = 5;
/** The first retry of a call that failed with a 5xx waits at least this long; each later one longer than the one before. */
export const MIN_FIRST_RETRY_DELAY_MS = 1000;

const RETRY_AFTER: Source = { page: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3' };
const BACKOFF: Source = { assumption: `a client retries a call answered 5xx at most ${MAX_RETRIES} times, waiting at least 1 s and then longer each time (exponential backoff)` };

/** Entries in the order the client sent them: by start on the virtual clock, then by the order they were recorded. */
const bySending = (entries: readonly Observed[]): Observed[] => [...entries].sort((a, b) => a.atMs - b.atMs || a.id - b.id);

const TOKEN_PATH = /\/(oauth2\/token|connect\/token|oauth\/access_token)$/i;

/**
 * The calls a 429 holds back: a token endpoint's (a token quota) holds back that endpoint; any other holds back the whole origin, whose
 * limits its calls share.
 */
function heldBack(answer: Observed, next: Observed): boolean {
  if (next.host !== answer.host) return false;
  return TOKEN_PATH.test(answer.path) ? next.path === answer.path : !TOKEN_PATH.test(next.path);
}

function retryAfterRule(provider: string, source: Source): ClientRule {
  return {
    id: `${provider}.retry-after-429`,
    sentence: 'waits for the seconds of Retry-After before its next call to the origin (or token endpoint) that answered 429',
    source,
    check(entries) {
      const sent = bySending(entries);
      const limited = sent.filter((e) => e.answered === 429);
      if (limited.length === 0) return notApplicable();
      const early: number[] = [];
      const reasons: string[] = [];
      for (const answer of limited) {
        const wait = retryAfterSeconds(answer) ?? 0;
        const after = sent.slice(sent.indexOf(answer) + 1).filter((next) => heldBack(answer, next));
        for (const next of after) {
          if (next.atMs >= answer.atMs + wait * 1000) break;
          early.push(answer.id, next.id);
          reasons.push(`entry ${next.id} came ${(next.atMs - answer.atMs) / 1000} s after the 429 of entry ${answer.id}, which asked for ${wait} s`);
        }
      }
      return early.length > 0 ? failed(early, reasons.slice(0, 3).join('; ')) : passed(limited.map((e) => e.id));
    },
  };
}

/** One call (method and URL) from its first 5xx to the first answer below 500, or to the client's last try. */
function retryRuns(entries: readonly Observed[]): Observed[][] {
  const open = new Map<string, Observed[]>();
  const runs: Observed[][] = [];
  for (const entry of bySending(entries)) {
    const key = `${entry.method} ${entry.host}${entry.path}?${entry.query.toString()}`;
    const run = open.get(key);
    if (entry.answered >= 500 && entry.answered < 600) {
      if (run) run.push(entry);
      else {
        const started = [entry];
        open.set(key, started);
        runs.push(started);
      }
    } else if (run) {
      run.push(entry);
      open.delete(key);
    }
  }
  return runs;
}

function backoffRule(provider: string, source: Source): ClientRule {
  return {
    id: `${provider}.backoff-after-5xx`,
    sentence: `retries a call answered 5xx at most ${MAX_RETRIES} times, waiting at least 1 s and then longer each time`,
    source,
    check(entries) {
      const runs = retryRuns(entries);
      if (runs.length === 0) return notApplicable();
      const bad: number[] = [];
      const reasons: string[] = [];
      for (const run of runs) {
        if (run.length - 1 > MAX_RETRIES) {
          bad.push(...run.slice(MAX_RETRIES + 1).map((e) => e.id));
          reasons.push(`the call of entry ${run[0]!.id} was retried ${run.length - 1} times`);
        }
        let previous = 0;
        for (let i = 1; i < run.length; i += 1) {
          const delay = run[i]!.atMs - run[i - 1]!.atMs;
          const tooSoon = i === 1 ? delay < MIN_FIRST_RETRY_DELAY_MS : delay <= previous;
          if (tooSoon) {
            bad.push(run[i - 1]!.id, run[i]!.id);
            reasons.push(`entry ${run[i]!.id} retried ${delay / 1000} s after entry ${run[i - 1]!.id}${i === 1 ? '' : `, not longer than the ${previous / 1000} s before`}`);
          }
          previous = delay;
        }
      }
      return bad.length > 0 ? failed(bad, reasons.slice(0, 3).join('; ')) : passed(runs.flat().map((e) => e.id));
    },
  };
}

/** The provider's own rules, then the two every provider gets. */
export function allRules(set: ProviderRules): ClientRule[] {
  return [...set.rules, retryAfterRule(set.provider, set.retrySources?.retryAfter ?? RETRY_AFTER), backoffRule(set.provider, set.retrySources?.backoff ?? BACKOFF)];
}
