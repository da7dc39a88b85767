// JSON text for stored rows, cached by identity: rows are frozen and replaced on write, so a row's text never goes stale,
// a list page is a join of cached strings rather than a fresh serialisation, and a page asked for again is the same bytes, encoded once.
import type { Response } from 'express';

const texts = new WeakMap<object, string>();

export function rowJson(row: object): string {
  let text = texts.get(row);
  if (text === undefined) {
    text = JSON.stringify(row);
    if (Object.isFrozen(row)) texts.set(row, text);
  }
  return text;
}

interface PageEntry {
  /** What else the body depends on besides its rows (its envelope, its row format). */
  shape: string;
  rows: readonly object[];
  body: Buffer;
}

/** Pages kept per first row; with the byte budget, what bounds the cache whatever the queries. */
const PAGES_PER_FIRST_ROW = 4;
const PAGE_BUDGET_BYTES = 16 * 1024 * 1024;
const NO_ROWS = {};
let pages = new WeakMap<object, PageEntry[]>();
let pageBytes = 0;

const sameRows = (a: readonly object[], b: readonly object[]): boolean => a.length === b.length && a.every((row, i) => row === b[i]);

/**
 * The body `build()` makes for these rows, encoded once: the same frozen rows in the same order with the same `shape` give the same bytes,
 * so a repeated read costs an identity check instead of a join and a UTF-8 encoding. Pages with a row that is not frozen are not kept.
 */
export function pageBody(rows: readonly object[], shape: string, build: () => string): Buffer {
  const first = rows[0] ?? NO_ROWS;
  // Only frozen rows are ever kept, so a page that matches one kept by identity is frozen too.
  const kept = pages.get(first);
  const at = kept ? kept.findIndex((entry) => entry.shape === shape && sameRows(entry.rows, rows)) : -1;
  if (kept && at >= 0) {
    const hit = kept[at]!;
    // The most recently read first, so the page that goes when a fifth comes is the one read longest ago.
    if (at > 0) kept.unshift(...kept.splice(at, 1));
    return hit.body;
  }
  const body = Buffer.from(build());
  if (!rows.every((row) => Object.isFrozen(row))) return body;
  if (pageBytes + body.length > PAGE_BUDGET_BYTES) {
    pages = new WeakMap();
    pageBytes = 0;
  }
  const entries = pages.get(first) ?? [];
  entries.unshift({ shape, rows: [...rows], body });
  pageBytes += body.length;
  if (entries.length > PAGES_PER_FIRST_ROW) pageBytes -= entries.pop()!.body.length;
  pages.set(first, entries);
  return body;
}

/** `{"<listKey>": [rows...], ...rest}`, the list first, as providers' envelopes put it. */
export function listJson(listKey: string, rows: readonly object[], rest: Record<string, unknown> = {}): Buffer {
  const tail = JSON.stringify(rest);
  return pageBody(rows, `${listKey}\u0000${tail}`, () => {
    const head = `{${JSON.stringify(listKey)}:[${rows.map(rowJson).join(',')}]`;
    return tail === '{}' ? `${head}}` : `${head},${tail.slice(1)}`;
  });
}

/** A bare JSON array of rows, each written by `text` (a cached per-row view), as one body. */
export function arrayJson<T extends object>(rows: readonly T[], view: string, text: (row: T) => string): Buffer {
  return pageBody(rows, `[]\u0000${view}`, () => `[${rows.map(text).join(',')}]`);
}

/**
 * Sends JSON text (or its bytes) with the headers `res.json` would write. Straight to `end`: Express's `send` would only work out the
 * same two headers again, and answer a 304 to `If-None-Match: *`, which the providers' APIs do not (they send no ETag).
 */
export function sendJsonText(res: Response, text: string | Buffer): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', typeof text === 'string' ? Buffer.byteLength(text) : text.length);
  res.end(text);
}

/** Freezes a row and everything in it, so the cached text can be trusted. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
