// Guesty's list semantics: the {results, count, limit, skip} envelope, space-separated `fields`, `filters` as a JSON array, `sort` by field names.
import { listJson } from '../../core/json-text.js';
import { offsetPage, project, readPath } from '../../core/paging.js';
import { guestyErrors } from './errors.js';

export interface ListQuery {
  limit: number;
  skip: number;
  fields?: string;
}

export function fieldList(fields: string | undefined): string[] {
  return (fields ?? '').split(/[\s,]+/).filter(Boolean);
}

/** `_id` always comes back, whatever `fields` names. */
export function shape<T extends object>(record: T, fields: string | undefined): Partial<T> | T {
  if (!fields) return record;
  const names = fieldList(fields);
  return names.length === 0 ? record : project(record, names, ['_id']);
}

/** Guesty's list envelope as JSON text: `{results, count, limit, skip}`. */
export function listEnvelope<T extends object>(rows: readonly T[], query: ListQuery): Buffer {
  const page = offsetPage(rows, query.skip, query.limit);
  return listJson('results', page.items.map((r) => shape(r, query.fields)), { count: page.total, limit: query.limit, skip: query.skip });
}

const OPERATORS = ['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$contains'] as const;
type Operator = (typeof OPERATORS)[number];

export interface Filter {
  field: string;
  operator: Operator;
  value: unknown;
}

function assertFilter(value: unknown, index: number): asserts value is Filter {
  const f = value as Partial<Filter> | null;
  if (typeof f !== 'object' || f === null || typeof f.field !== 'string' || !OPERATORS.includes(f.operator as Operator) || !('value' in f)) {
    throw guestyErrors.validation(`filters[${index}] must be {"field": string, "operator": one of ${OPERATORS.join(', ')}, "value": ...}`);
  }
  if ((f.operator === '$in' || f.operator === '$nin') && !Array.isArray(f.value)) throw guestyErrors.validation(`filters[${index}].value must be an array for ${f.operator}`);
}

export function parseFilters(raw: string | undefined): Filter[] {
  if (raw === undefined || raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw guestyErrors.validation('filters must be a JSON array');
  }
  if (!Array.isArray(parsed)) throw guestyErrors.validation('filters must be a JSON array');
  parsed.forEach(assertFilter);
  return parsed as Filter[];
}

function matches(row: object, { field, operator, value }: Filter): boolean {
  const actual = readPath(row, field);
  switch (operator) {
    case '$eq':
      return actual === value;
    case '$ne':
      return actual !== value;
    case '$in':
      return (value as unknown[]).includes(actual);
    case '$nin':
      return !(value as unknown[]).includes(actual);
    case '$gt':
      return (actual as never) > (value as never);
    case '$gte':
      return (actual as never) >= (value as never);
    case '$lt':
      return (actual as never) < (value as never);
    case '$lte':
      return (actual as never) <= (value as never);
    case '$contains':
      return typeof actual === 'string' ? actual.toLowerCase().includes(String(value).toLowerCase()) : Array.isArray(actual) && actual.includes(value);
  }
}

export function applyFilters<T extends object>(rows: readonly T[], filters: readonly Filter[]): T[] {
  return filters.length === 0 ? [...rows] : rows.filter((row) => filters.every((f) => matches(row, f)));
}

/** `sort=-checkIn _id`: fields in order, `-` for descending. */
export function sortRows<T extends object>(rows: T[], sort: string | undefined): T[] {
  const keys = fieldList(sort).map((s) => (s.startsWith('-') ? { path: s.slice(1), dir: -1 } : { path: s, dir: 1 }));
  if (keys.length === 0) return rows;
  return rows.sort((a, b) => {
    for (const { path, dir } of keys) {
      const x = readPath(a, path) as string | number | undefined;
      const y = readPath(b, path) as string | number | undefined;
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return x < y ? -dir : dir;
    }
    return 0;
  });
}
