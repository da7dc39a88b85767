// OwnerRez's list envelope (provider-facts §1, the official client's MockList): `{count, items, limit, offset, next_page_url}`, paged by
// `limit` and `offset`, `next_page_url` relative to the v2 base (`bookings?…`) so a client resolving it against its base URL, the sandbox's
// included, reaches the next page; empty on the last page, where clients stop.
import type { Request, Response } from 'express';
import { pageBody, rowJson, sendJsonText } from '../../core/json-text.js';
import type { PageQuery } from './types.js';

/** The next page's URL: the request's own query with `offset` moved on and `limit` kept, relative to the v2 base. */
function nextPageUrl(req: Request, resource: string, total: number, page: PageQuery): string {
  if (page.offset + page.limit >= total) return '';
  const query = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
  query.set('limit', String(page.limit));
  query.set('offset', String(page.offset + page.limit));
  return `${resource}?${query.toString()}`;
}

/**
 * Sends one page of `rows`. Rows are written by `text` (a row's cached JSON by default, or a `view` with the `include_*` parts); a page of
 * rows as stored is kept as bytes for its frozen rows, so the same page read again costs an identity check (core/json-text.ts). Gives
 * those bytes back (undefined for a view's page, made afresh each time).
 */
export function sendList<T extends object>(req: Request, res: Response, resource: string, rows: readonly T[], page: PageQuery, text: (row: T) => string = rowJson, view = ''): Buffer | undefined {
  const items = rows.slice(page.offset, page.offset + page.limit);
  const build = (): string => {
    const next = JSON.stringify(nextPageUrl(req, resource, rows.length, page));
    return `{"count":${rows.length},"items":[${items.map(text).join(',')}],"limit":${page.limit},"offset":${page.offset},"next_page_url":${next}}`;
  };
  // A view that adds other records (a booking's guest) depends on more than these rows: made afresh each time.
  if (view !== '') {
    sendJsonText(res, build());
    return undefined;
  }
  // The URL and the count decide the envelope around the page's rows (its next_page_url is the URL's query moved on), so they key it.
  const body = pageBody(items, `${resource}\u0000${req.url}\u0000${rows.length}`, build);
  sendJsonText(res, body);
  return body;
}
