// Unit tests of the fault store: ids, the order faults are tried, times, fired counts, seeded draws, removal and reset.
import { describe, expect, it } from 'vitest';
import { FaultStore } from './faults.js';
import type { FaultRequest, ServedOrigin } from './matcher.js';

const served: ServedOrigin[] = [{ provider: 'acme', origin: 'https://api.example.com' }];
const request: FaultRequest = { provider: 'acme', origin: 'https://api.example.com', host: 'api.example.com', method: 'GET', path: '/v1/things', clients: () => [] };
const fires = (store: FaultStore, n: number): Array<number | undefined> => Array.from({ length: n }, () => store.fire(request)?.status);

describe('FaultStore', () => {
  it('gives each fault an id and lists it as stored, fired 0', () => {
    const store = new FaultStore(served);
    expect(store.add({ provider: 'acme', status: 500 })).toEqual({ id: 'fault_1', provider: 'acme', status: 500, fired: 0 });
    expect(store.add({ status: 502 }).id).toBe('fault_2');
    expect(store.size).toBe(2);
  });

  it('fires the first matching fault in the order added, each only its times', () => {
    const store = new FaultStore(served);
    store.add({ status: 500, times: 2 });
    store.add({ method: 'POST', status: 501 });
    store.add({ status: 503, times: 1 });
    expect(fires(store, 5)).toEqual([500, 500, 503, undefined, undefined]);
    expect(store.list().map((f) => f.fired)).toEqual([2, 0, 1]);
  });

  it('draws the same fire and skip sequence from the same seed, letting the next fault try on a skip', () => {
    const sequence = (seed: number): Array<number | undefined> => {
      const store = new FaultStore(served);
      store.add({ status: 500, probability: 0.5, seed });
      store.add({ status: 503 });
      return fires(store, 32);
    };
    const first = sequence(7);
    expect(first).toEqual(sequence(7));
    expect(new Set(first)).toEqual(new Set([500, 503]));
    expect(sequence(8)).not.toEqual(first);
  });

  it('draws reproducibly from the sandbox seed when a fault has a probability but no seed', () => {
    const run = (sandboxSeed: number): Array<number | undefined> => {
      const store = new FaultStore(served, sandboxSeed);
      store.add({ status: 500, probability: 0.3 });
      return fires(store, 32);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).toContain(500);
    expect(run(1)).toContain(undefined);
  });

  it('never fires at probability 0 and always at 1', () => {
    const store = new FaultStore(served);
    store.add({ status: 500, probability: 0 });
    expect(fires(store, 10)).toEqual(Array(10).fill(undefined));
    store.add({ status: 503, probability: 1 });
    expect(fires(store, 10)).toEqual(Array(10).fill(503));
  });

  it('removes one by id, clears all, and counts ids from 1 again only on reset', () => {
    const store = new FaultStore(served);
    const { id } = store.add({ status: 500 });
    expect(store.remove(id)).toBe(true);
    expect(store.remove(id)).toBe(false);
    store.add({ status: 500 });
    store.clear();
    expect(store.list()).toEqual([]);
    expect(store.add({ status: 500 }).id).toBe('fault_3');
    store.reset();
    expect(store.size).toBe(0);
    expect(store.add({ status: 500 }).id).toBe('fault_1');
  });
});
