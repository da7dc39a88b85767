// Unit tests of paging: RFC 8288 offset links in the rezStream document's order, and keyset pages by (time, id).
import { describe, expect, it } from 'vitest';
import { keysetPage, linkValue, offsetLinks } from './paging.js';

describe('offset links', () => {
  const url = (skip: number): string => `https://x/r?skip=${skip}&limit=10`;

  it('gives next, prev, last and first for a middle page, as the rezStream document shows them', () => {
    expect(offsetLinks(35, 10, 10, url).map(linkValue)).toEqual([
      '<https://x/r?skip=20&limit=10>; rel="next"',
      '<https://x/r?skip=0&limit=10>; rel="prev"',
      '<https://x/r?skip=30&limit=10>; rel="last"',
      '<https://x/r?skip=0&limit=10>; rel="first"',
    ]);
  });

  it('has no prev on the first page and no next on the last', () => {
    expect(offsetLinks(35, 0, 10, url).map((l) => l.rel)).toEqual(['next', 'last', 'first']);
    expect(offsetLinks(35, 30, 10, url).map((l) => l.rel)).toEqual(['prev', 'last', 'first']);
    expect(offsetLinks(0, 0, 10, url).map((l) => l.rel)).toEqual(['last', 'first']);
  });

  it('points prev at the last page when skip runs past the end', () => {
    expect(offsetLinks(35, 90, 10, url).find((l) => l.rel === 'prev')?.url).toBe(url(30));
  });
});

describe('keyset pages', () => {
  const rows = [
    { id: 'b', at: 2 },
    { id: 'a', at: 2 },
    { id: 'c', at: 1 },
  ];
  const key = (r: { id: string; at: number }): { atMs: number; id: string } => ({ atMs: r.at, id: r.id });

  it('orders by time then id and starts strictly after the cursor', () => {
    expect(keysetPage(rows, key, undefined, 10).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(keysetPage(rows, key, { atMs: 2, id: 'a' }, 10).map((r) => r.id)).toEqual(['b']);
    expect(keysetPage(rows, key, { atMs: 2, id: 'b' }, 10)).toEqual([]);
    expect(keysetPage(rows, key, { atMs: 1, id: 'c' }, 1).map((r) => r.id)).toEqual(['a']);
  });
});
