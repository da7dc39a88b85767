// The error shapes of an origin (top-level key sets of its own error bodies) and the test whether an answered body has one of them.
// The shapes come from its error catalogue, its provider's errors.ts and its document's 4xx responses.
import { ProviderError, type ErrorCatalogue } from '../../../src/core/errors.js';
import { isJsonMedia, isObject, type DocumentReader, type OperationSpec } from './document.js';

export type Shape =
  | { kind: 'object'; required: readonly string[]; allowed?: readonly string[]; from: string }
  | { kind: 'empty'; from: string }
  | { kind: 'text'; mediaType: string; from: string }
  | { kind: 'array'; from: string };

export type Observed = { kind: 'object'; keys: string[] } | { kind: 'empty' } | { kind: 'text'; mediaType: string } | { kind: 'array' } | { kind: 'scalar' };

const mediaOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase() || 'none';

/** The shape of a body as answered: its top-level keys when it is a JSON object. */
export function observe(text: string, contentType: string | undefined): Observed {
  if (text === '') return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'text', mediaType: mediaOf(contentType) };
  }
  if (Array.isArray(value)) return { kind: 'array' };
  if (isObject(value)) return { kind: 'object', keys: Object.keys(value).sort() };
  return { kind: 'scalar' };
}

function shapeOfWire(error: ProviderError, from: string): Shape {
  const { body, headers } = error.wire;
  const contentType = Object.entries(headers ?? {}).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
  const seen = typeof body === 'string' ? observe(body, contentType) : isObject(body) ? ({ kind: 'object', keys: Object.keys(body).sort() } as const) : observe(JSON.stringify(body), 'application/json');
  if (seen.kind === 'object') return { kind: 'object', required: seen.keys, allowed: seen.keys, from };
  if (seen.kind === 'scalar') return { kind: 'text', mediaType: 'application/json', from };
  return { ...seen, from };
}

/** The five failures every catalogue answers (src/core/errors.ts). */
export function catalogueShapes(catalogue: ErrorCatalogue, label: string): Shape[] {
  return [
    catalogue.badRequest('x'),
    catalogue.invalidRequest([]),
    catalogue.unsupportedMediaType('x'),
    catalogue.payloadTooLarge('1mb'),
    catalogue.routeNotFound('GET', '/x', undefined),
  ].map((e) => shapeOfWire(e, `${label} catalogue`));
}

/** Argument lists tried on each error maker an errors.ts exports; whatever returns a ProviderError counts as a documented error. */
const TRIALS: unknown[][] = [[], ['x', 'x', 'x'], [400, 'x', 'x'], [401, 'x', 'x'], [403, 'x', 'x'], [['x']], [1, {}]];

/** Every error a provider's `errors.ts` can make (its auth errors, OAuth errors, error pages...), found by calling what it exports. */
export function moduleShapes(exports: Record<string, unknown>, label: string): Shape[] {
  const makers: Array<[string, unknown]> = Object.entries(exports).flatMap(([name, value]): Array<[string, unknown]> =>
    typeof value === 'function' ? [[name, value]] : isObject(value) ? Object.entries(value).filter(([, v]) => typeof v === 'function').map(([n, v]): [string, unknown] => [`${name}.${n}`, v]) : [],
  );
  const shapes: Shape[] = [];
  for (const [name, make] of makers) {
    for (const args of TRIALS) {
      let made: unknown;
      try {
        made = (make as (...a: unknown[]) => unknown)(...args);
      } catch {
        continue;
      }
      if (made instanceof ProviderError) shapes.push(shapeOfWire(made, `${label} ${name}()`));
    }
  }
  return shapes;
}

/** The bodies the document declares for the 4xx answers of these operations: required properties, and the properties it names. */
export function documentShapes(reader: DocumentReader, operations: readonly OperationSpec[], label: string): Shape[] {
  const shapes: Shape[] = [];
  for (const op of operations) {
    const responses = reader.deref(op.object.responses);
    for (const [status, raw] of Object.entries(responses)) {
      if (!/^4/.test(status)) continue;
      const from = `${label} ${op.method.toUpperCase()} ${op.path} ${status}`;
      const response = reader.deref(raw);
      const content = isObject(response.content) ? response.content : {};
      if (Object.keys(content).length === 0) shapes.push({ kind: 'empty', from });
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isJsonMedia(mediaType)) {
          shapes.push({ kind: 'text', mediaType: mediaType.toLowerCase(), from });
          continue;
        }
        const schema = reader.flatSchema(reader.deref(media).schema);
        if (schema.type === 'array') {
          shapes.push({ kind: 'array', from });
          continue;
        }
        const required = (Array.isArray(schema.required) ? schema.required : []).map(String);
        const properties = isObject(schema.properties) ? Object.keys(schema.properties) : undefined;
        shapes.push({ kind: 'object', required, ...(properties ? { allowed: [...new Set([...properties, ...required])] } : {}), from });
      }
    }
  }
  return shapes;
}

export function matches(seen: Observed, shape: Shape): boolean {
  if (seen.kind === 'object' && shape.kind === 'object') return shape.required.every((k) => seen.keys.includes(k)) && (!shape.allowed || seen.keys.every((k) => shape.allowed!.includes(k)));
  if (seen.kind === 'text' && shape.kind === 'text') return seen.mediaType === shape.mediaType;
  return seen.kind === shape.kind && seen.kind !== 'object' && seen.kind !== 'text';
}

export function describeObserved(seen: Observed): string {
  if (seen.kind === 'object') return `a JSON object with keys {${seen.keys.join(', ')}}`;
  if (seen.kind === 'text') return `non-JSON ${seen.mediaType} text`;
  return seen.kind === 'empty' ? 'an empty body' : `a JSON ${seen.kind}`;
}

export function describeShape(shape: Shape): string {
  if (shape.kind === 'object') return `{${shape.required.join(', ')}${shape.allowed && shape.allowed.length > shape.required.length ? ` | ${shape.allowed.filter((k) => !shape.required.includes(k)).join(', ')}` : ''}}`;
  return shape.kind === 'text' ? `${shape.mediaType} text` : shape.kind;
}

/** One of each, in a stable order. */
export function distinct(shapes: readonly Shape[]): Shape[] {
  const byKey = new Map<string, Shape>();
  for (const s of shapes) byKey.set(describeShape(s), byKey.get(describeShape(s)) ?? s);
  return [...byKey.values()];
}
