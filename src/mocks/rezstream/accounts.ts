// rezStream's account directory (businesses, users, registered integrations) and the tenant-partitioned reservation store.
import { isoInstant } from '../../core/dates.js';
import { seededFaker } from '../../core/fake.js';
import { StateStore, type Collection } from '../../core/store.js';
import type { Clock } from '../../core/clock.js';
import { seedRezStreamData, seedRezStreamDirectory, type Business, type Inventory, type Reservation, type RezStreamClient, type RezStreamDirectory, type RezStreamUser } from './data.js';

export class RezStreamAccounts {
  readonly directory: RezStreamDirectory;
  private clients = new Map<string, RezStreamClient>();
  private seeded: { store: StateStore; inventories: Record<string, Inventory> } | undefined;
  private writes = seededFaker(0, 'rezstream-writes');

  constructor(private readonly seedNumber: number, private readonly clock: Clock) {
    this.directory = seedRezStreamDirectory(seedNumber);
    this.reset();
  }

  /** Seeded on first use, off the start path. */
  get store(): StateStore {
    this.seeded ??= (() => {
      const { data, inventories } = seedRezStreamData(this.seedNumber, this.directory);
      return { store: new StateStore(data, 'id'), inventories };
    })();
    return this.seeded.store;
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
    return this.clients.get(clientId);
  }

  /** As rezStream registers an integration: a client id and secret for a list of redirect URLs; the secret is shown once. */
  registerClient(name: string, redirectUris: string[]): RezStreamClient {
    const client: RezStreamClient = { clientId: `integration-${this.writes.string.alphanumeric({ length: 12, casing: 'lower' })}`, clientSecret: this.writes.string.alphanumeric(40), name, redirectUris };
    this.clients.set(client.clientId, client);
    return client;
  }

  listClients(): Array<Omit<RezStreamClient, 'clientSecret'>> {
    return [...this.clients.values()].map(({ clientSecret: _secret, ...rest }) => rest);
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
    this.clients = new Map(this.directory.clients.map((c) => [c.clientId, { ...c, redirectUris: [...c.redirectUris] }]));
    this.writes = seededFaker(this.seedNumber, 'rezstream-writes');
  }
}
