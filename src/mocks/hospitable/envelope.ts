// Hospitable's envelope (provider-facts.md §2, "Envelope and pagination"): lists are Laravel's paginator (`data`, `links`, `meta` with
// `current_page`, `from`, `last_page`, `links`, `path`, `per_page`, `to`, `total`), single records `{"data": ...}`, and includes in both
// spellings (`include=a,b`, `include[]=a&include[]=b`).
import type { Request } from 'express';
import { pageBody } from '../../core/json-text.js';
import { hospitableErrors } from './errors.js';
import type { Links, Meta } from './types.js';

export interface IncludeQuery {
  include?: string;
  'include[]'?: string[];
}

/** Includes read from each validated query object (shared by every request with its URL), with the list they were judged against. */
const readIncludes = new WeakMap<IncludeQuery, { allowed: readonly string[]; names: ReadonlySet<string> }>();

/** The includes asked for; one not allowed is spatie/laravel-query-builder's 400, in Hospitable's error shape. */
export function includesOf(query: IncludeQuery, allowed: readonly string[]): ReadonlySet<string> {
  const known = readIncludes.get(query);
  if (known?.allowed === allowed) return known.names;
  const names = [...(query.include ?? '').split(','), ...(query['include[]'] ?? []).flatMap((i) => i.split(','))].map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !allowed.includes(n));
  if (unknown.length > 0) throw hospitableErrors.validation(`Requested include(s) \`${unknown.join(', ')}\` are not allowed. Allowed include(s) are \`${allowed.join(', ')}\`.`);
  const set: ReadonlySet<string> = new Set(names);
  readIncludes.set(query, { allowed, names: set });
  return set;
}

/** The request's own query, `page` left out and every other pair as the client encoded it, so a link repeats the same filter. */
function otherParams(req: Request): string[] {
  const at = req.originalUrl.indexOf('?');
  if (at < 0) return [];
  return req.originalUrl
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== 'page');
}

/** Laravel's page window: every page up to 13, else the first two, three either side of the current one and the last two. */
function pageNumbers(current: number, last: number): Array<number | '...'> {
  if (last < 14) return Array.from({ length: last }, (_, i) => i + 1);
  const shown = new Set([1, 2, last - 1, last, ...Array.from({ length: 7 }, (_, i) => current - 3 + i).filter((p) => p >= 1 && p <= last)]);
  const out: Array<number | '...'> = [];
  let previous = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - previous > 1) out.push('...');
    out.push(p);
    previous = p;
  }
  return out;
}

export interface Page<T> {
  data: T[];
  links: Links;
  meta: Meta;
}

/** One page of `rows`: `path` is the sandbox URL of the list, `page` and `perPage` as validated. */
export function paginate<T, R>(req: Request, path: string, rows: readonly T[], page: number, perPage: number, present: (row: T) => R): Page<R> {
  const { slice, ...around } = pageAround(req, path, rows, page, perPage);
  return { data: slice.map(present), ...around };
}

/** The same page as JSON text, each row written by `text` (a kept rendering), the envelope around them made once. */
export function pageText<T>(req: Request, path: string, rows: readonly T[], page: number, perPage: number, text: (row: T) => string): string {
  const { slice, links, meta } = pageAround(req, path, rows, page, perPage);
  return `{"data":[${slice.map(text).join(',')}],"links":${JSON.stringify(links)},"meta":${JSON.stringify(meta)}}`;
}

/**
 * The page's bytes, kept for its frozen rows (core/json-text.ts): the request's URL, the list's base and the row count decide the envelope
 * around the rows, so with `view` (what the rows are written as) they key it; a page read again costs an identity check, not a join.
 */
export function pageBytes<T extends object>(req: Request, path: string, rows: readonly T[], page: number, perPage: number, view: string, text: (row: T) => string): Buffer {
  const slice = rows.slice((page - 1) * perPage, page * perPage);
  return pageBody(slice, `${path}\u0000${req.originalUrl}\u0000${rows.length}\u0000${view}`, () => pageText(req, path, rows, page, perPage, text));
}

function pageAround<T>(req: Request, path: string, rows: readonly T[], page: number, perPage: number): { slice: T[]; links: Links; meta: Meta } {
  const total = rows.length;
  const last = Math.max(1, Math.ceil(total / perPage));
  const slice = rows.slice((page - 1) * perPage, page * perPage);
  const others = otherParams(req);
  const url = (p: number): string => `${path}?${[...others, `page=${p}`].join('&')}`;
  const from = slice.length > 0 ? (page - 1) * perPage + 1 : null;
  return {
    slice,
    links: { first: url(1), last: url(last), prev: page > 1 ? url(page - 1) : null, next: page < last ? url(page + 1) : null },
    meta: {
      current_page: page,
      from,
      last_page: last,
      links: [
        { url: page > 1 ? url(page - 1) : null, label: '&laquo; Previous', active: false },
        ...pageNumbers(page, last).map((p) => (p === '...' ? { url: null, label: '...', active: false } : { url: url(p), label: String(p), active: p === page })),
        { url: page < last ? url(page + 1) : null, label: 'Next &raquo;', active: false },
      ],
      path,
      per_page: perPage,
      to: from === null ? null : from + slice.length - 1,
      total,
    },
  };
}
