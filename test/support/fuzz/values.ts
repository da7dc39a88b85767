// The bad values the fuzz draws for parameters and body fields, each guided by the parameter's schema, name and example.
// Wrong types, out-of-range numbers, prototype names, undecodable percent-encodings, impossible dates, broken JSON-in-a-string.
import fc from 'fast-check';
import { isObject, type Json } from './document.js';

/** A value for a URL or a header: `raw` ones are sent exactly as written (`%zz`), the rest percent-encoded first. */
export interface Value {
  text: string;
  raw?: true;
  /** The text repeated this many times when sent, so a long value prints short in a counterexample. */
  times?: number;
}

const spelled = (value: Value): string => (value.times ? value.text.repeat(value.times) : value.text);

export const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__', 'toLocaleString', 'propertyIsEnumerable'];
export const UNDECODABLE = ['%zz', '%', '%c0%ae', '%E0%A4%A', '%ff%fe', '%u0041', '%%41', '%2', '%ed%a0%80', '%00', '%c0%af'];
export const IMPOSSIBLE_DATES = [
  '2026-13-01', '2026-02-30', '2026-00-10', '2026-04-31', '2025-02-29', '2026-1-1', '0000-00-00', '9999-99-99', '2026-11-01T25:61:61Z',
  '2026-02-30T10:00:00Z', '2026-11-01T10:00:00+25:00', '+275760-09-13', '-271821-04-19', '10000-01-01', '275761-01-01', '2026-11-01T10:00:00.000ZZ',
  '0001-01-01', '1969-12-31', '2026-W44', '2026-305', '20261101', '2026/11/01', 'now', 'yesterday',
];
const NUMBERS = ['-1', '0', '1e309', '-1e309', '1.5', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '99999999999999999999999', '0x10', '1e3', ' 1', '1 ', '+1', '-0', '00001', '1_000', '1e-400', '2147483648'];
const WRONG_TYPES = ['true', 'false', 'null', '[]', '{}', '[1,2]', '{"a":1}', 'abc', '', ' ', 'undefined', 'ñ', '\u{1F600}'];

const asValue = (text: string): Value => ({ text });
const raw = (text: string): Value => ({ text, raw: true });

export function isDateLooking(schema: Json, name: string): boolean {
  return schema.format === 'date' || schema.format === 'date-time' || /date|^from$|^to$|At$|check-?in|check-?out|since|until|start|end/i.test(name);
}

const exampleText = (example: unknown): string | undefined => (example === undefined ? undefined : typeof example === 'string' ? example : JSON.stringify(example));

/** A JSON text shaped like the example, with its values swapped for bad ones, prototype-named keys added, or broken. */
export function jsonTextArb(example: unknown): fc.Arbitrary<string> {
  const badLeaf = fc.oneof(
    fc.constantFrom(...PROTOTYPE_NAMES).map((s) => JSON.stringify(s)),
    fc.constantFrom(...IMPOSSIBLE_DATES).map((s) => JSON.stringify(s)),
    fc.constantFrom('1e309', '-1', '1.5', 'null', 'true', '{}', '[]', '"x"', '9007199254740993'),
  );
  const mutate = (value: unknown, depth: number): fc.Arbitrary<string> => {
    if (depth > 3) return badLeaf;
    if (Array.isArray(value)) return fc.array(fc.oneof(badLeaf, ...value.map((v) => mutate(v, depth + 1))), { maxLength: 3 }).map((items) => `[${items.join(',')}]`);
    if (isObject(value)) {
      const entries = Object.entries(value).map(([k, v]) => fc.option(fc.oneof(mutate(v, depth + 1), fc.constant(JSON.stringify(v))), { freq: 4 }).map((text) => (text === null ? undefined : `${JSON.stringify(k)}:${text}`)));
      const extra = fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), badLeaf).map(([k, v]) => `${JSON.stringify(k)}:${v}`), { maxLength: 2 });
      return fc.tuple(fc.tuple(...entries), extra).map(([own, more]) => `{${[...own.filter((e): e is string => e !== undefined), ...more].join(',')}}`);
    }
    return fc.oneof(badLeaf, fc.constant(JSON.stringify(value)));
  };
  let parsed: unknown;
  try {
    parsed = typeof example === 'string' ? JSON.parse(example) : example;
  } catch {
    parsed = {};
  }
  return fc.oneof(
    { weight: 4, arbitrary: mutate(parsed, 0) },
    { weight: 1, arbitrary: fc.constantFrom('{', '[', '{"a":', '[[[', "{'a':1}", 'NaN', '{"a":1}x', '', 'null', '"str"', '[]', '{}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}') },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 200 }).map((d) => '['.repeat(d) + ']'.repeat(d)) },
  );
}

/** A bad (and now and then a good) value for one parameter, by its schema, its name and its example. */
export function valueArb(schema: Json, name: string, example: unknown): fc.Arbitrary<Value> {
  const type = Array.isArray(schema.type) ? String(schema.type[0]) : String(schema.type ?? 'string');
  const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<Value> }> = [
    { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES).map(asValue) },
    { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES).map(asValue) },
    { weight: 2, arbitrary: fc.constantFrom(...UNDECODABLE).map(raw) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(asValue) },
    { weight: 1, arbitrary: fc.constantFrom(1_000, 3_000).map((times): Value => ({ text: 'x', times })) },
  ];
  const good = exampleText(example);
  if (good !== undefined) choices.push({ weight: 3, arbitrary: fc.constant(asValue(good)) });
  if (type === 'integer' || type === 'number') {
    const bounds = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum].filter((b): b is number => typeof b === 'number');
    choices.push({ weight: 4, arbitrary: fc.constantFrom(...NUMBERS, ...bounds.flatMap((b) => [String(b - 1), String(b + 1), String(b + 0.5)])).map(asValue) });
  }
  if (type === 'boolean') choices.push({ weight: 3, arbitrary: fc.constantFrom('yes', 'no', '2', 'TRUE', 'on', 'tru', '0', '1').map(asValue) });
  if (Array.isArray(schema.enum) || schema.const !== undefined) {
    const known = (Array.isArray(schema.enum) ? schema.enum : [schema.const]).map(String);
    choices.push({ weight: 3, arbitrary: fc.constantFrom(...known.flatMap((k) => [k.toUpperCase(), ` ${k}`, `${k}x`, `${k},${k}`])).map(asValue) });
  }
  if (isDateLooking(schema, name)) choices.push({ weight: 6, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES).map(asValue) });
  if (schema.format === 'uuid') choices.push({ weight: 2, arbitrary: fc.constantFrom('00000000-0000-0000-0000-00000000000g', 'not-a-uuid', '{3f2c8a6e-5b1d-4e7a-9c0f-2d8b6e1a4c57}').map(asValue) });
  if (good !== undefined && /^[[{]/.test(good)) choices.push({ weight: 8, arbitrary: jsonTextArb(example).map(asValue) });
  return fc.oneof(...choices);
}

/** Percent-encodes a value for a URL, leaving raw ones as written. */
export function urlText(value: Value): string {
  const text = spelled(value);
  if (value.raw) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'));
  }
}

/** What Node lets into a header value: the rest becomes `?`. */
export function headerText(value: Value): string {
  return spelled(value).replace(/[^\t\x20-\x7e]/g, '?');
}
