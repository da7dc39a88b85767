// Guesty accounts and their API clients (seeded, from the document, or created over the admin API) and the tenant-partitioned data store.
import type { Faker } from '@faker-js/faker';
import { seededFaker } from '../../core/fake.js';
import { StateStore } from '../../core/store.js';
import { randomToken } from '../../core/tokens/opaque.js';
import { guestyErrors } from './errors.js';
import { seedGuestyAccounts, seedGuestyData, type GuestyAccount, type GuestyApiName, type GuestyClient, type GuestySeed } from './data.js';

export class GuestyAccounts {
  readonly seed: GuestySeed;
  private clients = new Map<string, GuestyClient>();
  private seeded: StateStore | undefined;
  /** Ids for writes, seeded too, so the same writes after the same seed give the same ids. */
  writes!: Faker;

  constructor(private readonly seedNumber: number) {
    this.seed = seedGuestyAccounts(seedNumber);
    this.reset();
  }

  /** Tenant-partitioned by account id; seeded on first use. */
  get store(): StateStore {
    this.seeded ??= new StateStore(seedGuestyData(this.seedNumber, this.seed), '_id');
    return this.seeded;
  }

  private key(api: GuestyApiName, clientId: string): string {
    return `${api}\u0000${clientId}`;
  }

  client(api: GuestyApiName, clientId: string): GuestyClient | undefined {
    return this.clients.get(this.key(api, clientId));
  }

  /** A record of an account's collection, or Guesty's 404 naming the resource. */
  find<T extends object>(accountId: string, collection: string, resource: string, id: string): T {
    const found = this.store.collection<T>(accountId, collection).get(id);
    if (!found) throw guestyErrors.notFound(resource, id);
    return found;
  }

  account(accountId: string): GuestyAccount | undefined {
    return this.seed.accounts.find((a) => a.accountId === accountId);
  }

  /** As Guesty's portal: a new client id and secret; the caller shows the secret once. */
  createClient(api: GuestyApiName, accountId: string): GuestyClient {
    const client: GuestyClient = { api, accountId, clientId: `0oa${randomToken(17)}`, clientSecret: randomToken(40) };
    this.clients.set(this.key(api, client.clientId), client);
    return client;
  }

  listClients(): Array<Omit<GuestyClient, 'clientSecret'>> {
    return [...this.clients.values()].map(({ clientSecret: _secret, ...rest }) => rest);
  }

  reset(): void {
    this.seeded?.reset();
    this.clients = new Map(this.seed.clients.map((c) => [this.key(c.api, c.clientId), c]));
    this.writes = seededFaker(this.seedNumber, 'guesty-writes');
  }
}
