// Tenant-partitioned state: seeded once, read and written by handlers, restored to the seed by reset.
// Rows are frozen: a write replaces a row, never changes it, so readers (and cached JSON text) can hold on to one.
import { deepFreeze } from './json-text.js';

export type Row = Record<string, unknown>;

/** Seed data: tenant id → collection name → rows, each row keyed by its id field. */
export type SeedData = Record<string, Record<string, Row[]>>;

/** Each collection's current stamp, by its row map: a new object after every write. */
const stamps = new WeakMap<Map<string, unknown>, object>();

/** One collection of one tenant; insertion order is the natural (seed) order. */
export class Collection<T extends object> {
  constructor(private readonly rows: Map<string, T>) {}

  /**
   * Stands for the rows as they are now: the same object until the next insert, update or remove, so what is computed from the rows (a
   * filtered list) can be kept as long as the stamp it was computed under is the current one.
   */
  get stamp(): object {
    let stamp = stamps.get(this.rows);
    if (stamp === undefined) {
      stamp = {};
      stamps.set(this.rows, stamp);
    }
    return stamp;
  }

  private touched(): void {
    stamps.set(this.rows, {});
  }

  list(): T[] {
    return [...this.rows.values()];
  }

  get(id: string): T | undefined {
    return this.rows.get(id);
  }

  insert(id: string, row: T): T {
    this.rows.set(id, deepFreeze(row));
    this.touched();
    return row;
  }

  /** Replaces the row with `change(row)`; undefined when there is no such row. */
  update(id: string, change: (row: T) => T): T | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    const next = deepFreeze(change(row));
    this.rows.set(id, next);
    this.touched();
    return next;
  }

  remove(id: string): boolean {
    this.touched();
    return this.rows.delete(id);
  }

  get size(): number {
    return this.rows.size;
  }
}

export class StateStore {
  private data = new Map<string, Map<string, Map<string, Row>>>();
  /** The seed, frozen: the live state starts out holding these very rows, so the seed is kept once, not once more per copy. */
  private readonly seedSnapshot: SeedData;

  /** `idField` names each row's key (`_id` for Guesty, `id` elsewhere). */
  constructor(seed: SeedData, private readonly idField: string) {
    this.seedSnapshot = deepFreeze(structuredClone(seed));
    this.restore(this.seedSnapshot);
  }

  tenants(): string[] {
    return [...this.data.keys()];
  }

  hasTenant(tenantId: string): boolean {
    return this.data.has(tenantId);
  }

  collection<T extends object>(tenantId: string, name: string): Collection<T> {
    let tenant = this.data.get(tenantId);
    if (!tenant) {
      tenant = new Map();
      this.data.set(tenantId, tenant);
    }
    let rows = tenant.get(name);
    if (!rows) {
      rows = new Map();
      tenant.set(name, rows);
    }
    return new Collection(rows as Map<string, T>);
  }

  /** A copy of the state, free to change. */
  snapshot(): SeedData {
    const out: SeedData = {};
    for (const [tenantId, collections] of this.data) {
      out[tenantId] = {};
      for (const [name, rows] of collections) out[tenantId][name] = structuredClone([...rows.values()]);
    }
    return out;
  }

  /** Replaces the state with `snapshot`'s rows: frozen ones are taken as they are (nothing can change them), others copied first. */
  restore(snapshot: SeedData): void {
    this.data = new Map();
    for (const [tenantId, collections] of Object.entries(snapshot)) {
      for (const [name, rows] of Object.entries(collections)) {
        const collection = this.collection(tenantId, name);
        for (const row of rows) collection.insert(String(row[this.idField]), Object.isFrozen(row) ? row : structuredClone(row));
      }
    }
  }

  /** Back to the seeded state: every write since start is gone. */
  reset(): void {
    this.restore(this.seedSnapshot);
  }
}
