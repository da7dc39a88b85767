// Unit tests of the JSON codec that forgives a trailing comma (seeds/004's own example has one) and nothing else.
import { describe, expect, it } from 'vitest';
import { parseJsonAllowingTrailingCommas } from './lenient-json.js';

describe('JSON with a trailing comma', () => {
  it('drops one comma before a closing brace or bracket, across whitespace and at any depth', () => {
    expect(parseJsonAllowingTrailingCommas('{"params": {"property_id": 100001,\n    }\n}')).toEqual({ params: { property_id: 100001 } });
    expect(parseJsonAllowingTrailingCommas('[1, [2, 3,], {"a": [4,],},]')).toEqual([1, [2, 3], { a: [4] }]);
  });

  it('keeps commas inside strings, escaped quotes included', () => {
    expect(parseJsonAllowingTrailingCommas('{"a": "x,}", "b": "say \\",]\\"",}')).toEqual({ a: 'x,}', b: 'say ",]"' });
  });

  it('still refuses what is not JSON: a lone comma, two commas, a top-level primitive', () => {
    for (const text of ['{,}', '[,]', '{"a": 1,,}', '[1,,]', '42', '"text"', 'null', '{"a": 1']) expect(() => parseJsonAllowingTrailingCommas(text), text).toThrow(SyntaxError);
  });
});
