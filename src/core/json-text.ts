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

/** Texts of frozen values checked to hold only frozen plain data all the way down: they can never change, so neither can their text. */
const frozenTexts = new WeakMap<object, string>();
/** Past this many containers that are not frozen, an answer is left to JSON.stringify whole: walking it here would cost more than it saves. */
const WALK_BUDGET = 512;
/** Deeper than this, JSON.stringify writes it (and refuses a cycle in its own words). */
const WALK_DEPTH = 64;

const plainPrototype = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) ? proto === Array.prototype : proto === Object.prototype || proto === null;
};

/** Frozen plain objects and arrays of data properties, no `toJSON`, down to the leaves: a value JSON.stringify always writes alike. */
function frozenData(value: object, depth: number): boolean {
  if (depth > WALK_DEPTH || !Object.isFrozen(value) || !plainPrototype(value) || 'toJSON' in value) return false;
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
    if (!('value' in descriptor)) return false;
    const inner: unknown = descriptor.value;
    if (typeof inner === 'object' && inner !== null && !frozenData(inner, depth + 1)) return false;
  }
  return true;
}

/** What JSON.stringify leaves out of an object (and writes as `null` in an array). */
const leftOut = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** `"key":` and `,"key":` for each key written: the same few keys come in every answer; bounded whatever keys come. */
const keyTexts = new Map<string, readonly [string, string]>();
function keyText(key: string, first: boolean): string {
  let texts = keyTexts.get(key);
  if (texts === undefined) {
    const quoted = JSON.stringify(key);
    texts = [`${quoted}:`, `,${quoted}:`];
    if (keyTexts.size >= 4096) keyTexts.clear();
    keyTexts.set(key, texts);
  }
  return texts[first ? 0 : 1];
}

/**
 * An answer's JSON as a list of parts: pieces of text (the punctuation and keys mostly the same strings each time) and frozen values
 * whose text is kept in `frozenTexts`. Nothing is joined until the text itself is wanted.
 */
class Parts {
  readonly list: Array<string | object> = [];
  budget = WALK_BUDGET;
}

/** Writes `value` (not left out) into `parts`; false when it is a value to leave to JSON.stringify. */
function encode(value: unknown, depth: number, parts: Parts): boolean {
  const { list } = parts;
  switch (typeof value) {
    case 'string':
      list.push(JSON.stringify(value));
      return true;
    case 'number':
      list.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
      return true;
    case 'boolean':
      list.push(value ? 'true' : 'false');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    list.push('null');
    return true;
  }
  if (frozenTexts.has(value)) {
    list.push(value);
    return true;
  }
  if (Object.isFrozen(value) && frozenData(value, depth)) {
    frozenTexts.set(value, JSON.stringify(value));
    list.push(value);
    return true;
  }
  if (depth >= WALK_DEPTH || --parts.budget < 0 || !plainPrototype(value) || 'toJSON' in value) return false;
  if (Array.isArray(value)) {
    list.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) list.push(',');
      const item: unknown = value[i];
      if (leftOut(item)) list.push('null');
      else if (!encode(item, depth + 1, parts)) return false;
    }
    list.push(']');
    return true;
  }
  list.push('{');
  let first = true;
  // Own enumerable keys in Object.keys' order (for-in visits them first, then inherited ones), without making the array.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field: unknown = (value as Record<string, unknown>)[key];
    if (leftOut(field)) continue;
    list.push(keyText(key, first));
    first = false;
    if (!encode(field, depth + 1, parts)) return false;
  }
  list.push('}');
  return true;
}

/** The parts of `value`'s JSON, or undefined for a value left to JSON.stringify whole (and `null` for one it leaves out). */
function partsOf(value: unknown): Array<string | object> | undefined | null {
  if (leftOut(value)) return null;
  const parts = new Parts();
  return encode(value, 0, parts) ? parts.list : undefined;
}

const joined = (parts: ReadonlyArray<string | object>): string => parts.map((part) => (typeof part === 'string' ? part : frozenTexts.get(part)!)).join('');

/**
 * `JSON.stringify(value)`, the same text, with the text of each frozen part (stored rows: frozen, and replaced on write) made once and
 * reused: an answer that wraps the same rows in a fresh envelope costs a walk of the envelope, not a serialisation of the rows. Values it
 * cannot vouch for (a `toJSON`, a class instance, a cycle, a large tree of fresh objects) are left to JSON.stringify whole.
 */
export function answerJson(value: unknown): string | undefined {
  const parts = partsOf(value);
  if (parts === null) return undefined;
  return parts === undefined ? JSON.stringify(value) : joined(parts);
}

interface AnswerEntry {
  parts: ReadonlyArray<string | object>;
  bytes: Buffer;
}

/** Answers kept per first frozen part, and their bytes in all: what bounds the cache whatever is asked. */
const ANSWERS_PER_FIRST_PART = 4;
const ANSWER_BUDGET_BYTES = 8 * 1024 * 1024;
let answers = new WeakMap<object, AnswerEntry[]>();
let answerBytesKept = 0;

const sameParts = (a: ReadonlyArray<string | object>, b: ReadonlyArray<string | object>): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * `answerJson(value)` as bytes to send: for an answer with frozen parts, the same Buffer whenever the same frozen values (by identity)
 * come in the same text around them, so an answer read again is neither joined nor encoded again, and the journal keeps one copy of it.
 * A write replaces rows, so it invalidates nothing: the new rows make a new answer. Text for an answer with no frozen part.
 */
export function answerBytes(value: unknown): Buffer | string | undefined {
  const parts = partsOf(value);
  if (parts === null) return undefined;
  if (parts === undefined) return JSON.stringify(value);
  const first = parts.find((part): part is object => typeof part !== 'string');
  if (first === undefined) return joined(parts);
  const kept = answers.get(first);
  const at = kept ? kept.findIndex((entry) => sameParts(entry.parts, parts)) : -1;
  if (kept && at >= 0) {
    const hit = kept[at]!;
    if (at > 0) kept.unshift(...kept.splice(at, 1));
    return hit.bytes;
  }
  const bytes = Buffer.from(joined(parts));
  let entries = kept ?? [];
  if (answerBytesKept + bytes.length > ANSWER_BUDGET_BYTES) {
    answers = new WeakMap();
    answerBytesKept = 0;
    entries = [];
  }
  entries.unshift({ parts, bytes });
  answerBytesKept += bytes.length;
  if (entries.length > ANSWERS_PER_FIRST_PART) answerBytesKept -= entries.pop()!.bytes.length;
  answers.set(first, entries);
  return bytes;
}
