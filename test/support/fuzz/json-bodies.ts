// Request bodies the fuzz sends: schema-shaped bad JSON, deep and wide JSON near the body limit, broken JSON and form text.
// Schema-shaped bodies carry bad values and prototype-named keys. Big bodies are drawn as small plans and written out only when sent, so a
// counterexample prints short.
import fc from 'fast-check';
import { isObject, type DocumentReader, type Json } from './document.js';
import { IMPOSSIBLE_DATES, isDateLooking, jsonTextArb, PROTOTYPE_NAMES } from './values.js';

export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'json'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'deep'; open: '[' | '{"a":'; depth: number; closed: boolean }
  | { kind: 'wide-array'; bytes: number }
  | { kind: 'wide-object'; bytes: number; keys: 'distinct' | 'prototype' };

/** Around the default 1mb body limit (1,048,576 bytes), and the admin API's 100kb. */
const SIZES = [1_000, 64_000, 102_399, 102_500, 500_000, 1_040_000, 1_048_000, 1_048_575, 1_048_600, 1_100_000];

const badScalar = fc.constantFrom('1e309', '-1e309', '-1', '1.5', 'null', 'true', '"x"', '""', '9007199254740993', '-0', '{}', '[]', ...PROTOTYPE_NAMES.map((n) => JSON.stringify(n)));
/** Finite, and far beyond anything a date, a count or a duration holds (8.64e15 ms is the last instant a Date holds). */
const HUGE_NUMBERS = ['1e308', '-1e308', '8.64e15', '8640000000000001', '-8.64e15', '1e16', '2147483648', '-2147483649', '1e-320'];

/** A JSON text following the schema's shape, every value liable to be of the wrong type, out of range, or an impossible date. */
export function schemaJsonArb(reader: DocumentReader | undefined, schema: Json, name = '', depth = 0): fc.Arbitrary<string> {
  const s = reader ? reader.flatSchema(schema) : schema;
  const type = Array.isArray(s.type) ? String(s.type[0]) : typeof s.type === 'string' ? s.type : isObject(s.properties) ? 'object' : undefined;
  const example = s.example ?? (Array.isArray(s.examples) ? s.examples[0] : undefined);
  // The example weighs as much as every bad value together, so a body often breaks one field only.
  const leaf: Array<fc.Arbitrary<string>> = [badScalar];
  if (example !== undefined) leaf.push(fc.constant(JSON.stringify(example)), fc.constant(JSON.stringify(example)), fc.constant(JSON.stringify(example)));
  if (type === 'number' || type === 'integer') {
    const bounds = [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum].filter((b): b is number => typeof b === 'number');
    leaf.push(fc.constantFrom(...HUGE_NUMBERS, ...bounds.flatMap((b) => [String(b - 1), String(b + 1)])), fc.constantFrom(...HUGE_NUMBERS));
  }
  if (isDateLooking(s, name)) leaf.push(fc.constantFrom(...IMPOSSIBLE_DATES).map((d) => JSON.stringify(d)), fc.constantFrom(...IMPOSSIBLE_DATES).map((d) => JSON.stringify(d)));
  if (depth > 3) return fc.oneof(...leaf);
  if (type === 'object') {
    const properties = isObject(s.properties) ? Object.entries(s.properties) : [];
    const entries = properties.map(([key, sub]) =>
      fc.option(schemaJsonArb(reader, reader ? reader.deref(sub) : (sub as Json), key, depth + 1), { freq: 3 }).map((text) => (text === null ? undefined : `${JSON.stringify(key)}:${text}`)),
    );
    const extra = fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.oneof(badScalar, fc.constant('{"polluted":true}'))).map(([k, v]) => `${JSON.stringify(k)}:${v}`), { maxLength: 2 });
    const object = fc.tuple(fc.tuple(...entries), extra).map(([own, more]) => `{${[...own.filter((e): e is string => e !== undefined), ...more].join(',')}}`);
    return fc.oneof({ weight: 4, arbitrary: object }, { weight: 1, arbitrary: fc.oneof(...leaf) });
  }
  if (type === 'array') {
    const items = schemaJsonArb(reader, reader ? reader.deref(s.items) : isObject(s.items) ? s.items : {}, name, depth + 1);
    return fc.oneof({ weight: 3, arbitrary: fc.array(items, { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`) }, { weight: 1, arbitrary: fc.oneof(...leaf) });
  }
  return fc.oneof(...leaf);
}

export function bodyPlanArb(reader: DocumentReader | undefined, schema: Json | undefined, hasBody: boolean): fc.Arbitrary<BodyPlan> {
  const shaped = schemaJsonArb(reader, schema ?? { type: 'object' });
  const plans: Array<{ weight: number; arbitrary: fc.Arbitrary<BodyPlan> }> = [
    { weight: hasBody ? 1 : 12, arbitrary: fc.constant({ kind: 'none' } as const) },
    { weight: 6, arbitrary: shaped.map((text) => ({ kind: 'json', text }) as const) },
    { weight: 1, arbitrary: jsonTextArb({ a: 1 }).map((text) => ({ kind: 'json', text }) as const) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('deep' as const), open: fc.constantFrom('[' as const, '{"a":' as const), depth: fc.oneof(fc.integer({ min: 2, max: 300 }), fc.constantFrom(1_000, 5_000, 9_999, 10_000)), closed: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('wide-array' as const), bytes: fc.constantFrom(...SIZES) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('wide-object' as const), bytes: fc.constantFrom(...SIZES), keys: fc.constantFrom('distinct' as const, 'prototype' as const) }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('a=1&b=2', 'grant_type=client_credentials&scope=open-api', '__proto__[x]=1&constructor=2', '{"a":', '[[[', '\u0000', '\uFEFF{}', '<xml/>', 'null', '', ' ', '{"a":1}{"b":2}', '%zz=%', 'x'.repeat(200))
        .map((text) => ({ kind: 'text', text }) as const),
    },
  ];
  return fc.oneof(...plans);
}

export function writeBody(plan: BodyPlan): Buffer | undefined {
  switch (plan.kind) {
    case 'none':
      return undefined;
    case 'json':
    case 'text':
      return Buffer.from(plan.text);
    case 'deep': {
      const close = plan.open === '[' ? ']' : '}';
      return Buffer.from(`${plan.open.repeat(plan.depth)}${plan.open === '[' ? '' : '1'}${plan.closed ? close.repeat(plan.depth) : ''}`);
    }
    case 'wide-array': {
      const n = Math.max(0, Math.floor((plan.bytes - 3) / 2));
      return Buffer.from(`[${'0,'.repeat(n)}0]`);
    }
    case 'wide-object': {
      const parts: string[] = [];
      let size = 2;
      for (let i = 0; size < plan.bytes; i += 1) {
        const part = `${JSON.stringify(plan.keys === 'distinct' ? `k${i}` : PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length]!)}:${i % 7 === 0 ? '{}' : i}`;
        parts.push(part);
        size += part.length + 1;
      }
      return Buffer.from(`{${parts.join(',')}}`);
    }
  }
}

export function describeBody(plan: BodyPlan, body: Buffer | undefined): string {
  if (!body) return 'no body';
  if (plan.kind === 'json' || plan.kind === 'text') return `${body.length} bytes ${JSON.stringify(plan.text.length > 120 ? `${plan.text.slice(0, 120)}…` : plan.text)}`;
  if (plan.kind === 'deep') return `${body.length} bytes, JSON nested ${plan.depth} deep (${plan.open}…${plan.closed ? ' closed' : ' unclosed'})`;
  return `${body.length} bytes, a wide JSON ${plan.kind === 'wide-object' ? `object (${plan.keys} keys)` : 'array'}`;
}
