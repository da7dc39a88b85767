// Unit tests of Guesty's list semantics (query.ts): `fields`, `filters` and `sort`, prototype-named fields among them.
import { describe, expect, it } from 'vitest';
import { applyFilters, fieldList, parseFilters, shape, sortRows } from './query.js';

const rows = [
  { _id: 'a', status: 'confirmed', nightsCount: 3, guest: { fullName: 'Ada Lovelace' } },
  { _id: 'b', status: 'inquiry', nightsCount: 1, guest: { fullName: 'Alan Turing' } },
  { _id: 'c', status: 'confirmed', nightsCount: 5, guest: { fullName: 'Grace Hopper' } },
];

describe("Guesty's list semantics", () => {
  it('reads `fields` as names separated by spaces or commas, and always keeps `_id`', () => {
    expect(fieldList('status  nightsCount,guest.fullName')).toEqual(['status', 'nightsCount', 'guest.fullName']);
    expect(shape(rows[0]!, 'guest.fullName')).toEqual({ _id: 'a', guest: { fullName: 'Ada Lovelace' } });
  });

  it('treats names of Object.prototype as fields the rows do not have', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'guest.constructor']) expect(shape(rows[0]!, name)).toEqual({ _id: 'a' });
    expect(applyFilters(rows, parseFilters(JSON.stringify([{ field: 'hasOwnProperty', operator: '$eq', value: 'x' }])))).toEqual([]);
    expect(sortRows([...rows], 'constructor').map((r) => r._id)).toEqual(['a', 'b', 'c']);
  });

  it('filters with the operators of the document', () => {
    const filter = (f: unknown[]) => applyFilters(rows, parseFilters(JSON.stringify(f))).map((r) => r._id);
    expect(filter([{ field: 'status', operator: '$eq', value: 'confirmed' }])).toEqual(['a', 'c']);
    expect(filter([{ field: 'nightsCount', operator: '$gte', value: 3 }, { field: 'status', operator: '$ne', value: 'inquiry' }])).toEqual(['a', 'c']);
    expect(filter([{ field: 'guest.fullName', operator: '$contains', value: 'turing' }])).toEqual(['b']);
    expect(filter([{ field: '_id', operator: '$in', value: ['a', 'b'] }])).toEqual(['a', 'b']);
  });

  it("refuses filters that are not a JSON array of {field, operator, value} in Guesty's words", () => {
    for (const raw of ['{', '{}', '[{"field":"a","operator":"$regex","value":1}]', '[{"field":"a","operator":"$in","value":1}]']) {
      expect(() => parseFilters(raw)).toThrow(expect.objectContaining({ code: 'validation', wire: expect.objectContaining({ status: 400 }) }));
    }
  });

  it('sorts by fields in order, `-` descending', () => {
    expect(sortRows([...rows], '-nightsCount').map((r) => r._id)).toEqual(['c', 'a', 'b']);
    expect(sortRows([...rows], 'status -nightsCount').map((r) => r._id)).toEqual(['c', 'a', 'b']);
  });
});
