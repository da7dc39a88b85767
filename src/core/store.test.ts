import { describe, expect, it } from 'vitest';
import { StateStore } from './store.js';

describe('StateStore', () => {
  const seed = { a: { items: [{ id: '1', name: 'one' }] }, b: { items: [{ id: '2', name: 'two' }] } };

  it('shows a write in the next read and keeps tenants apart', () => {
    const store = new StateStore(seed, 'id');
    store.collection<{ id: string; name: string }>('a', 'items').insert('3', { id: '3', name: 'three' });
    expect(store.collection('a', 'items').list()).toHaveLength(2);
    expect(store.collection('b', 'items').list()).toEqual([{ id: '2', name: 'two' }]);
  });

  it('keeps a collection\'s stamp until a write, and gives a new one after each insert, update and remove, and after a reset', () => {
    const store = new StateStore(seed, 'id');
    const items = () => store.collection<{ id: string; name: string }>('a', 'items');
    const first = items().stamp;
    expect(items().stamp).toBe(first);
    expect(store.collection('b', 'items').stamp).not.toBe(first);
    items().insert('3', { id: '3', name: 'three' });
    const inserted = items().stamp;
    expect(inserted).not.toBe(first);
    items().update('3', (r) => ({ ...r, name: 'drei' }));
    expect(items().stamp).not.toBe(inserted);
    const updated = items().stamp;
    items().remove('3');
    expect(items().stamp).not.toBe(updated);
    const removed = items().stamp;
    store.reset();
    expect(items().stamp).not.toBe(removed);
  });

  it('returns to the seed on reset', () => {
    const store = new StateStore(seed, 'id');
    store.collection<{ id: string; name: string }>('a', 'items').update('1', (r) => ({ ...r, name: 'changed' }));
    store.reset();
    expect(store.collection('a', 'items').get('1')).toEqual({ id: '1', name: 'one' });
  });

  it('holds the seed once: rows after a reset are the seeded rows themselves, frozen, and writes never reach them', () => {
    const store = new StateStore(seed, 'id');
    const items = store.collection<{ id: string; name: string }>('a', 'items');
    const seeded = items.get('1')!;
    expect(Object.isFrozen(seeded)).toBe(true);
    items.update('1', (r) => ({ ...r, name: 'changed' }));
    store.reset();
    const again = store.collection<{ id: string; name: string }>('a', 'items').get('1')!;
    expect(again).toBe(seeded);
    expect(again.name).toBe('one');
  });

  it('restores a snapshot exactly', () => {
    const store = new StateStore(seed, 'id');
    store.collection('a', 'items').remove('1');
    const snap = store.snapshot();
    store.reset();
    store.restore(snap);
    expect(store.collection('a', 'items').size).toBe(0);
  });
});
