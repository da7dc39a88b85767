// Paging shared by providers: offset pages and field projection by dotted paths.

export interface OffsetPage<T> {
  items: T[];
  total: number;
}

export function offsetPage<T>(items: readonly T[], skip: number, limit: number): OffsetPage<T> {
  return { items: items.slice(skip, skip + limit), total: items.length };
}

/** Reads a dotted path (`address.city`) from a record. */
export function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
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
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]!] = structuredClone(value);
  }
  return out as Partial<T>;
}
