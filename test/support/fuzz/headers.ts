// Header values the fuzz draws: odd Accept headers, wrong and lying content types and encodings, broken credentials, and repeats.
import fc from 'fast-check';

export const ACCEPTS = ['application/json', 'text/html;;;', 'application/xml', '*/*;q=abc', '', 'text/html', 'application/json;q=0', ';;;', 'application/*', 'image/png', '*/*', 'application/problem+json', 'text/plain; charset=utf-7', 'application/json, text/html;;;', 'application/yaml', 'application/json;q=1.5', '*/*;q=0'];

export const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-7', 'application/json; charset=latin1', 'application/json; charset=utf-16',
  'application/json; charset=foo', 'text/plain', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-7', 'multipart/form-data; boundary=x',
  'application/xml', 'application/merge-patch+json', 'application/vnd.api+json', '', ';;;', 'application/json;;;', 'application/json; charset="utf-8"; boundary', '*/*',
  'text/html;;;', 'application/json; charset=ucs-2', 'application/octet-stream',
];

/** On a plain body every one of these lies (or names no coding at all); the three codings body parsers inflate come up most. */
export const ENCODINGS = ['gzip', 'deflate', 'br', 'gzip', 'deflate', 'br', 'identity', 'compress', 'gzip, br', 'x-unknown', 'GZIP', 'zstd', '', 'deflate, gzip'];

export type AuthMode = 'valid' | 'none' | 'broken' | 'valid-then-broken' | 'broken-then-valid';

/** `A×4000` stands for 4,000 A's, written out when the request is (so a counterexample prints short). */
export const BROKEN_AUTHORIZATION = [
  'Bearer', 'Bearer ', 'Basic %%%', 'Bearer a b', 'Bearer __proto__', 'Bearer constructor', 'Token abc', 'Basic Og==', 'Bearer A×4000',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'Bearer eyJ%zz.e30.', 'bearer', 'Digest username="x"',
];

export interface HeaderPlan {
  auth: AuthMode;
  broken: string;
  /** Each sent as its own header line, in order: none, one, or a repeat. */
  accept: string[];
  contentType: string[];
  contentEncoding: string[];
}

const none = (): string[] => [];

const repeats = (values: readonly string[], usual: string | undefined): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<string[]>(usual === undefined ? none() : [usual]) },
    { weight: 2, arbitrary: fc.constantFrom(...values).map((v) => [v]) },
    { weight: 1, arbitrary: fc.constant(none()) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...values), fc.constantFrom(...values)).map((pair): string[] => [...pair]) },
  );

export function headerPlanArb(hasBody: boolean): fc.Arbitrary<HeaderPlan> {
  return fc.record({
    auth: fc.oneof({ weight: 6, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom<AuthMode>('none', 'broken', 'valid-then-broken', 'broken-then-valid') }),
    broken: fc.constantFrom(...BROKEN_AUTHORIZATION),
    accept: repeats(ACCEPTS, 'application/json'),
    contentType: repeats(CONTENT_TYPES, hasBody ? 'application/json' : undefined),
    contentEncoding: fc.oneof(
      { weight: 8, arbitrary: fc.constant(none()) },
      { weight: 2, arbitrary: fc.constantFrom(...ENCODINGS).map((e) => [e]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ENCODINGS), fc.constantFrom(...ENCODINGS)).map((pair): string[] => [...pair]) },
    ),
  });
}
