// Guesty accounts and their API clients (seeded, from the document, or created over the admin API) and the tenant-partitioned data store.
import { SeededRandom } from '../../core/seeded-random.js';
import type { LocalModule, SeedJob, SeedWorker } from '../../core/seed-worker.js';
import { StateStore, type SeedData } from '../../core/store.js';
import { randomToken } from '../../core/tokens/opaque.js';
import { guestyErrors } from './errors.js';
import type { GuestyAccount, GuestyApiName, GuestyClient, GuestySeed } from './types.js';

// data.ts (faker) runs in the seed worker. From the TypeScript sources, which a worker cannot load, it is imported here and run in process.
const DATA_MODULE = new URL('./data.js', import.meta.url);
const localData = import.meta.url.endsWith('.ts') ? ((await import('./data.js')) as unknown as LocalModule) : undefined;

export class GuestyAccounts {
  private readonly seedJobs: { accounts: SeedJob<GuestySeed>; data: SeedJob<SeedData> };
  private clientsById: Map<string, GuestyClient> | undefined;
  private seeded: StateStore | undefined;
  /** Ids for writes, seeded too, so the same writes after the same seed give the same ids. */
  writes!: SeededRandom;

  constructor(private readonly seedNumber: number, seeds: SeedWorker) {
    this.seedJobs = {
      accounts: seeds.job<GuestySeed>(DATA_MODULE, 'seedGuestyAccounts', [seedNumber], localData),
      data: seeds.job<SeedData>(DATA_MODULE, 'seedGuestyData', [seedNumber], localData),
    };
    this.reset();
  }

  /** The accounts and API clients of the seed: the document's and one generated account. */
  get seed(): GuestySeed {
    return this.seedJobs.accounts.take();
  }

  /** Tenant-partitioned by account id; seeded on first use. */
  get store(): StateStore {
    this.seeded ??= new StateStore(this.seedJobs.data.take(), '_id');
    return this.seeded;
  }

  private get clients(): Map<string, GuestyClient> {
    this.clientsById ??= new Map(this.seed.clients.map((c) => [this.key(c.api, c.clientId), c]));
    return this.clientsById;
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
    this.clientsById = undefined;
    this.writes = new SeededRandom(this.seedNumber, 'guesty-writes');
  }
}
