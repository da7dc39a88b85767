// Paging shared by providers: offset pages and field projection by dotted paths.

export interface OffsetPage<T> {
  items: T[];
  total: number;
}

export function offsetPage<T>(items: readonly T[], skip: number, limit: number): OffsetPage<T> {
  return { items: items.slice(skip, skip + limit), total: items.length };
}

/** Reads a dotted path (`address.city`) from a record: own fields only, so `constructor` or `__proto__` is an unknown field like any other. */
export function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Keeps only the named dotted paths (and any always-kept keys) of a record. */
export function project<T extends object>(record: T, paths: readonly string[], alwaysKeep: readonly string[] = []): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const path of [...alwaysKeep, ...paths]) {
    const value = readPath(record, path);
    if (value === undefined) continue;
    const keys = path.split('.');
    let target = out;
    // Own fields only here too: `a.b` after `a` is plain data, never a prototype's property.
    for (const key of keys.slice(0, -1)) target = (Object.hasOwn(target, key) ? target[key] : setOwn(target, key, {})) as Record<string, unknown>;
    setOwn(target, keys[keys.length - 1]!, structuredClone(value));
  }
  return out as Partial<T>;
}

/** An assignment that defines a field even when it is named `__proto__` (a stored body may carry one), instead of changing the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): unknown {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** An RFC 8288 link as the rezStream document prints it: `<url>; rel="next"`. */
export interface PageLink {
  rel: 'next' | 'prev' | 'first' | 'last';
  url: string;
}

export function linkValue(link: PageLink): string {
  return `<${link.url}>; rel="${link.rel}"`;
}

/** Offset-page links in the order the rezStream document lists them (next, prev, last, first); `urlAt(skip)` builds each URL. */
export function offsetLinks(total: number, skip: number, limit: number, urlAt: (skip: number) => string): PageLink[] {
  const links: PageLink[] = [];
  const lastSkip = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  if (skip + limit < total) links.push({ rel: 'next', url: urlAt(skip + limit) });
  if (skip > 0) links.push({ rel: 'prev', url: urlAt(Math.max(0, Math.min(skip - limit, lastSkip))) });
  links.push({ rel: 'last', url: urlAt(lastSkip) }, { rel: 'first', url: urlAt(0) });
  return links;
}

/** A position in a keyset ordered by (time, id), both ascending. */
export interface KeysetCursor {
  atMs: number;
  id: string;
}

/** The rows strictly after `after` in (time, id) order, at most `limit` of them. */
export function keysetPage<T>(rows: readonly T[], keyOf: (row: T) => KeysetCursor, after: KeysetCursor | undefined, limit: number): T[] {
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => a.key.atMs - b.key.atMs || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0));
  const start = after === undefined ? 0 : keyed.findIndex(({ key }) => key.atMs > after.atMs || (key.atMs === after.atMs && key.id > after.id));
  return start < 0 ? [] : keyed.slice(start, start + limit).map(({ row }) => row);
}
