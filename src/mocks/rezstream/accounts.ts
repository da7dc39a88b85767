// rezStream's account directory (businesses, users, registered integrations) and the tenant-partitioned reservation store.
import { isoInstant } from '../../core/dates.js';
import { SeededRandom } from '../../core/seeded-random.js';
import type { LocalModule, SeedJob, SeedWorker } from '../../core/seed-worker.js';
import { StateStore, type Collection, type SeedData } from '../../core/store.js';
import type { Clock } from '../../core/clock.js';
import type { Business, Inventory, Reservation, RezStreamClient, RezStreamDirectory, RezStreamUser } from './types.js';

// data.ts (faker) runs in the seed worker. From the TypeScript sources, which a worker cannot load, it is imported here and run in process.
const DATA_MODULE = new URL('./data.js', import.meta.url);
const localData = import.meta.url.endsWith('.ts') ? ((await import('./data.js')) as unknown as LocalModule) : undefined;

export class RezStreamAccounts {
  private readonly seedJobs: { directory: SeedJob<RezStreamDirectory>; data: SeedJob<{ data: SeedData; inventories: Record<string, Inventory> }> };
  private clients: Map<string, RezStreamClient> | undefined;
  private seeded: { store: StateStore; inventories: Record<string, Inventory> } | undefined;
  private writes!: SeededRandom;

  constructor(private readonly seedNumber: number, private readonly clock: Clock, seeds: SeedWorker) {
    this.seedJobs = {
      directory: seeds.job<RezStreamDirectory>(DATA_MODULE, 'seedRezStreamDirectory', [seedNumber], localData),
      data: seeds.job(DATA_MODULE, 'seedRezStreamData', [seedNumber], localData),
    };
    this.reset();
  }

  /** Businesses, users, integrations and manual tokens of the seed (fixtures/rezstream), taken first. */
  get directory(): RezStreamDirectory {
    return this.seedJobs.directory.take();
  }

  /** Seeded on first use: made in the seed worker, taken when first read. */
  get store(): StateStore {
    this.seeded ??= (() => {
      const { data, inventories } = this.seedJobs.data.take();
      return { store: new StateStore(data, 'id'), inventories };
    })();
    return this.seeded.store;
  }

  private get registered(): Map<string, RezStreamClient> {
    this.clients ??= new Map(this.directory.clients.map((c) => [c.clientId, { ...c, redirectUris: [...c.redirectUris] }]));
    return this.clients;
  }

  reservations(tenantId: string): Collection<Reservation> {
    return this.store.collection<Reservation>(tenantId, 'reservations');
  }

  inventory(tenantId: string): Inventory | undefined {
    void this.store;
    return this.seeded?.inventories[tenantId];
  }

  business(tenantId: string): Business | undefined {
    return this.directory.businesses.find((b) => b.id === tenantId);
  }

  user(username: string): RezStreamUser | undefined {
    const wanted = username.trim().toLowerCase();
    return this.directory.users.find((u) => u.username.toLowerCase() === wanted);
  }

  userById(id: string): RezStreamUser | undefined {
    return this.directory.users.find((u) => u.id === id);
  }

  client(clientId: string): RezStreamClient | undefined {
    return this.registered.get(clientId);
  }

  /** As rezStream registers an integration: a client id and secret for a list of redirect URLs; the secret is shown once. */
  registerClient(name: string, redirectUris: string[]): RezStreamClient {
    const client: RezStreamClient = { clientId: `integration-${this.writes.alphanumeric(12, 'lower')}`, clientSecret: this.writes.alphanumeric(40), name, redirectUris };
    this.registered.set(client.clientId, client);
    return client;
  }

  listClients(): Array<Omit<RezStreamClient, 'clientSecret'>> {
    return [...this.registered.values()].map(({ clientSecret: _secret, ...rest }) => rest);
  }

  /** The tenant holding a reservation id, if any. */
  findReservation(id: string): { tenantId: string; reservation: Reservation } | undefined {
    for (const business of this.directory.businesses) {
      const reservation = this.reservations(business.id).get(id);
      if (reservation) return { tenantId: business.id, reservation };
    }
    return undefined;
  }

  /**
   * Simulates a change made in rezStream: the version goes up and `updatedAt` moves past every other update of the tenant, even on a frozen
   * clock, so a reservation changed while a client pages through /reservations/updated is met again further on and never skipped.
   */
  updateReservation(tenantId: string, id: string, changes: Partial<Pick<Reservation, 'status' | 'notes'>>): Reservation | undefined {
    const collection = this.reservations(tenantId);
    const latest = Math.max(0, ...collection.list().map((r) => Date.parse(r.updatedAt)));
    const updatedAt = isoInstant(Math.max(this.clock.nowMs(), latest + 1));
    return collection.update(id, (row) => ({ ...structuredClone(row), ...changes, version: row.version + 1, updatedAt }));
  }

  reset(): void {
    this.seeded?.store.reset();
    this.clients = undefined;
    this.writes = new SeededRandom(this.seedNumber, 'rezstream-writes');
  }
}
