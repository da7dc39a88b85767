// JSON text for stored rows, cached by identity: rows are frozen and replaced on write, so a row's text never goes stale,
// and a list page is a join of cached strings rather than a fresh serialisation (the hot path's largest cost).
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

/** `{"<listKey>": [rows...], ...rest}`, the list first, as providers' envelopes put it. */
export function listJson(listKey: string, rows: readonly object[], rest: Record<string, unknown> = {}): string {
  const head = `{${JSON.stringify(listKey)}:[${rows.map(rowJson).join(',')}]`;
  const tail = JSON.stringify(rest);
  return tail === '{}' ? `${head}}` : `${head},${tail.slice(1)}`;
}

/** Sends JSON text as `res.json` would send the value. */
export function sendJsonText(res: Response, text: string): void {
  res.set('Content-Type', 'application/json; charset=utf-8').send(text);
}

/** Freezes a row and everything in it, so the cached text can be trusted. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
