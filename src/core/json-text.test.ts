// Unit tests of page bodies: the same frozen rows give the same bytes, built once; new rows or loose rows are built again.
import { describe, expect, it } from 'vitest';
import { arrayJson, deepFreeze, listJson, pageBody } from './json-text.js';

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
