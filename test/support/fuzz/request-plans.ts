// One fuzz request for one target, drawn as a small plan (method, path values, query, headers, body) and written out as a raw request.
import fc from 'fast-check';
import type { OriginCredentials } from './authentication.js';
import { bodyPlanArb, describeBody, writeBody, type BodyPlan } from './json-bodies.js';
import { headerPlanArb, type HeaderPlan } from './headers.js';
import type { RawRequest } from './raw-http.js';
import type { Target } from './targets.js';
import { headerText, PROTOTYPE_NAMES, UNDECODABLE, urlText, valueArb, type Value } from './values.js';

export type PathTrick = 'none' | 'append-undecodable' | 'undecodable-in-literal' | 'trailing-slash' | 'double-slash' | 'dot-segment' | 'upper-case';

export interface RequestPlan {
  method: string;
  params: Array<[string, Value]>;
  trick: PathTrick;
  query: Array<[Value, Value]>;
  /** The header parameters the operation declares (an API version, a tenant id): none, one or two values each. */
  declared: Array<[string, Value[]]>;
  headers: HeaderPlan;
  body: BodyPlan;
}

/** Header parameters OpenAPI says are described elsewhere. */
const DESCRIBED_ELSEWHERE = new Set(['accept', 'content-type', 'authorization']);
const OTHER_METHODS = ['HEAD', 'OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const placeholders = (path: string): Array<{ name: string; wildcard: boolean }> => [...path.matchAll(/\{(\*?)(\w+)\}/g)].map(([, star, name]) => ({ name: name!, wildcard: star === '*' }));

/**
 * A parameter mostly left out or given its example, now and then a bad value: so one bad value at a time reaches the code behind the
 * operation's validation, instead of every request failing it on the first of many.
 */
function oneBadAmongGood(required: boolean, example: unknown, bad: fc.Arbitrary<Value>): fc.Arbitrary<Value | undefined> {
  const good: Array<{ weight: number; arbitrary: fc.Arbitrary<Value | undefined> }> = example === undefined ? [] : [{ weight: required ? 4 : 2, arbitrary: fc.constant({ text: typeof example === 'string' ? example : JSON.stringify(example) }) }];
  return fc.oneof({ weight: required ? 1 : 3, arbitrary: fc.constant(undefined) }, ...good, { weight: 2, arbitrary: bad });
}

export function requestPlanArb(target: Target): fc.Arbitrary<RequestPlan> {
  const op = target.operation;
  const param = (where: string, name: string) => op?.parameters.find((p) => p.in === where && p.name === name);
  const params = fc.tuple(
    ...placeholders(target.path).map(({ name, wildcard }) => {
      const spec = param('path', name);
      const value = valueArb(spec?.schema ?? { type: 'string' }, name, spec?.example);
      const sibling = target.siblings.length > 0 ? fc.constantFrom(...target.siblings).map((p): Value => ({ text: p.replace(/^\//, '').replace(/\{\*?\w+\}/g, 'fuzz'), raw: true })) : value;
      return (wildcard ? fc.oneof({ weight: 3, arbitrary: sibling }, { weight: 1, arbitrary: value }) : value).map((v): [string, Value] => [name, v]);
    }),
  );
  const declaredQuery = (op?.parameters ?? []).filter((p) => p.in === 'query');
  const queryKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_NAMES).map((text): Value => ({ text })),
    fc.constantFrom(...UNDECODABLE).map((text): Value => ({ text, raw: true })),
    ...(declaredQuery.length > 0 ? [fc.constantFrom(...declaredQuery.flatMap((p) => [p.name, `${p.name}[]`, `${p.name}[0]`, `${p.name}.x`])).map((text): Value => ({ text }))] : []),
  );
  const query = fc
    .tuple(
      fc.tuple(...declaredQuery.map((p) => oneBadAmongGood(p.required, p.example, valueArb(p.schema, p.name, p.example)).map((v) => (v === undefined ? undefined : ([{ text: p.name }, v] as [Value, Value]))))),
      fc.array(fc.tuple(queryKey, valueArb({}, 'x', 'x')), { maxLength: 2 }),
    )
    .map(([own, extra]) => [...own.filter((e): e is [Value, Value] => e !== undefined), ...extra]);
  const declaredHeaders = (op?.parameters ?? []).filter((p) => p.in === 'header' && !DESCRIBED_ELSEWHERE.has(p.name.toLowerCase()));
  const declared = fc.tuple(
    ...declaredHeaders.map((p) => {
      const good: Value[] = p.example === undefined ? [] : [{ text: String(p.example) }];
      const bad = valueArb(p.schema, p.name, undefined);
      return fc
        .oneof({ weight: 6, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: bad.map((v) => [v]) }, { weight: 1, arbitrary: fc.constant<Value[]>([]) }, { weight: 1, arbitrary: bad.map((v) => [...good, v]) })
        .map((values): [string, Value[]] => [p.name, values]);
    }),
  );
  const hasBody = op?.body !== undefined || ['POST', 'PUT', 'PATCH'].includes(target.method);
  return fc.record({
    method: fc.oneof({ weight: 12, arbitrary: fc.constant(target.method) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) }),
    params,
    trick: fc.oneof({ weight: 10, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom<PathTrick>('append-undecodable', 'undecodable-in-literal', 'trailing-slash', 'double-slash', 'dot-segment', 'upper-case') }),
    query,
    declared,
    headers: headerPlanArb(hasBody),
    body: bodyPlanArb(target.reader, op?.body?.schema, hasBody),
  });
}

function pathOf(target: Target, plan: RequestPlan): string {
  let path = target.path;
  for (const [name, value] of plan.params) path = path.replace(new RegExp(`\\{\\*?${name}\\}`), value.raw ? value.text : urlText(value));
  switch (plan.trick) {
    case 'append-undecodable':
      path = `${path.replace(/\/$/, '')}/%zz`;
      break;
    case 'undecodable-in-literal':
      path = path.replace(/\/([A-Za-z]+)([^/]*)$/, '/$1%$2');
      break;
    case 'trailing-slash':
      path = `${path}/`;
      break;
    case 'double-slash':
      path = path.replace(/\//g, '//');
      break;
    case 'dot-segment':
      path = `${path}/../${path.split('/').pop() ?? ''}`;
      break;
    case 'upper-case':
      path = path.toUpperCase();
      break;
    case 'none':
      break;
  }
  // Node answers a request head over 16 KB itself (a bare 431): the query is cut to keep the URL under 8 KB.
  const pairs = plan.query.map(([k, v]) => `${urlText(k)}=${urlText(v)}`);
  while (pairs.length > 0 && `${target.base}${path}?${pairs.join('&')}`.length > 8_192) pairs.pop();
  return `${target.base}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

/** A long run of one character as `<1000 × "x">`, so a report shows what surrounds it. */
const squeeze = (text: string): string => text.replace(/(.)\1{19,}/g, (run, c: string) => `<${run.length} × ${JSON.stringify(c)}>`);

export interface WrittenRequest {
  request: RawRequest;
  /** The request in one paragraph, credentials masked, for failure reports. */
  summary: string;
}

export function writeRequest(target: Target, plan: RequestPlan, credentials: OriginCredentials): WrittenRequest {
  const valid = credentials[target.origin] ?? [];
  const broken: [string, string] = ['Authorization', plan.headers.broken.replace(/(\S)×(\d+)/, (_, c: string, n: string) => c.repeat(Number(n)))];
  const auth: Array<[string, string]> = { valid, none: [], broken: [broken], 'valid-then-broken': [...valid, broken], 'broken-then-valid': [broken, ...valid] }[plan.headers.auth];
  const headers: Array<[string, string]> = [
    ...plan.headers.accept.map((v): [string, string] => ['Accept', v]),
    ...auth,
    ...plan.declared.flatMap(([name, values]) => values.map((v): [string, string] => [name, headerText(v)])),
    ...plan.headers.contentType.map((v): [string, string] => ['Content-Type', v]),
    ...plan.headers.contentEncoding.map((v): [string, string] => ['Content-Encoding', v]),
  ];
  const body = writeBody(plan.body);
  const request: RawRequest = { method: plan.method, path: pathOf(target, plan), headers, ...(body ? { body } : {}) };
  const secrets = new Set(valid.map(([, v]) => v));
  const shown = headers.map(([n, v]) => `${n}: ${secrets.has(v) ? v.replace(/\S+$/, '<valid credential>') : JSON.stringify(squeeze(v))}`);
  const summary = `${request.method} ${squeeze(request.path)}\n    headers: ${shown.join('; ') || '(none)'}\n    body: ${describeBody(plan.body, body)}`;
  return { request, summary };
}
