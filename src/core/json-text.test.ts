// Unit tests of page bodies: the same frozen rows give the same bytes, built once; new rows or loose rows are built again.
import { describe, expect, it } from 'vitest';
import { answerBytes, answerJson, arrayJson, deepFreeze, listJson, pageBody } from './json-text.js';

describe('page bodies', () => {
  const rows = [deepFreeze({ id: 'a', n: 1 }), deepFreeze({ id: 'b', n: 2 })];

  it('writes the list first, then the rest of the envelope', () => {
    expect(JSON.parse(listJson('results', rows, { count: 2 }).toString())).toEqual({ results: [{ id: 'a', n: 1 }, { id: 'b', n: 2 }], count: 2 });
    expect(arrayJson(rows, 'test', (r) => JSON.stringify(r.id)).toString()).toBe('["a","b"]');
  });

  it('gives the same bytes, built once, for the same frozen rows and shape', () => {
    let builds = 0;
    const build = (): string => `${(builds += 1)}`;
    const first = pageBody([...rows], 'shape-1', build);
    expect(pageBody([...rows], 'shape-1', build)).toBe(first);
    expect(builds).toBe(1);
    expect(pageBody([...rows], 'shape-2', build)).not.toBe(first);
    expect(builds).toBe(2);
  });

  it('builds again once a row is replaced, as a write replaces it', () => {
    const before = listJson('results', rows, { count: 2 });
    const replaced = [rows[0]!, deepFreeze({ id: 'b', n: 3 })];
    expect(JSON.parse(listJson('results', replaced, { count: 2 }).toString()).results[1]).toEqual({ id: 'b', n: 3 });
    expect(listJson('results', rows, { count: 2 })).toBe(before);
  });

  it('keeps no page with a row that is not frozen', () => {
    let builds = 0;
    const loose = [{ id: 'c' }];
    pageBody(loose, 'loose', () => `${(builds += 1)}`);
    pageBody(loose, 'loose', () => `${(builds += 1)}`);
    expect(builds).toBe(2);
  });
});

describe('answers with frozen rows', () => {
  const rows = [deepFreeze({ id: 'a', n: 1, tags: ['x'] }), deepFreeze({ id: 'b', n: 2, tags: [] })];
  const envelope = (requestId: string): unknown => ({ response: { requestId, code: 200, skipped: undefined, result: { rows: [...rows], none: [undefined, () => 1] } } });

  it('writes the text JSON.stringify writes, whatever the value', () => {
    for (const value of [envelope('1'), [1, 'two', null, true, Number.NaN], { date: new Date(0) }, 'text', 7, null, { a: { b: [{ c: rows[0] }] } }]) {
      expect(answerJson(value)).toBe(JSON.stringify(value));
      expect(String(answerBytes(value))).toBe(JSON.stringify(value));
    }
    expect(answerJson(undefined)).toBeUndefined();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => answerJson(cycle)).toThrow(TypeError);
  });

  it('gives the same bytes for the same frozen rows in the same envelope, and new bytes once a row is replaced or the envelope differs', () => {
    const first = answerBytes(envelope('1'));
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(answerBytes(envelope('1'))).toBe(first);
    expect(answerBytes(envelope('2'))).not.toBe(first);
    const replaced = { response: { requestId: '1', code: 200, result: { rows: [rows[0], deepFreeze({ id: 'b', n: 3, tags: [] })] } } };
    expect(JSON.parse(String(answerBytes(replaced))).response.result.rows[1].n).toBe(3);
  });

  it('does not trust a frozen object holding one that is not', () => {
    const loose = { n: 1 };
    const shallow = Object.freeze({ loose });
    expect(answerJson({ shallow })).toBe('{"shallow":{"loose":{"n":1}}}');
    loose.n = 2;
    expect(answerJson({ shallow })).toBe('{"shallow":{"loose":{"n":2}}}');
  });
});
