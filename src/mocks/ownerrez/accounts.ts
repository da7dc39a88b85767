// OwnerRez's state: the user accounts and OAuth apps of the directory (fixtures/ownerrez), and each account's properties, guests, bookings
// and webhook subscriptions in a store partitioned by user id, seeded in the seed worker, back to the seed on reset.
import type { LocalModule, SeedJob, SeedWorker } from '../../core/seed-worker.js';
import { SeededRandom } from '../../core/seeded-random.js';
import { StateStore, type Collection, type SeedData } from '../../core/store.js';
import type { AccountUser, AppScope, Booking, Guest, OAuthApp, OwnerRezDirectory, Property, TokenExpiration, WebhookSubscription } from './types.js';

// data.ts's accounts (faker) are made in the seed worker; from the TypeScript sources, which a worker cannot load, in process.
const DATA_MODULE = new URL('./data.js', import.meta.url);
const localData = import.meta.url.endsWith('.ts') ? ((await import('./data.js')) as unknown as LocalModule) : undefined;

/** The kinds of record a write makes, each with its own id sequence over the sandbox. */
export type RecordKind = 'booking' | 'guest' | 'webhook' | 'address' | 'email' | 'phone' | 'user';

export class OwnerRezAccounts {
  private readonly directoryJob: SeedJob<OwnerRezDirectory>;
  private readonly dataJob: SeedJob<SeedData>;
  private state: OwnerRezDirectory | undefined;
  private data: StateStore | undefined;
  private nextIds = new Map<RecordKind, number>();
  private writes!: SeededRandom;

  constructor(private readonly seedNumber: number, seeds: SeedWorker) {
    this.directoryJob = seeds.job<OwnerRezDirectory>(DATA_MODULE, 'seedOwnerRezDirectory', [], localData);
    this.dataJob = seeds.job<SeedData>(DATA_MODULE, 'seedOwnerRezAccounts', [seedNumber], localData);
    this.reset();
  }

  /** The seed's directory, copied on first use after a reset, so what the admin API adds is gone on the next reset. */
  get directory(): OwnerRezDirectory {
    this.state ??= structuredClone(this.directoryJob.take());
    return this.state;
  }

  get users(): readonly AccountUser[] {
    return this.directory.users;
  }

  user(id: number): AccountUser | undefined {
    return this.directory.users.find((u) => u.id === id);
  }

  /** E-mail addresses compare without case, as sign-ins do. */
  userByEmail(email: string): AccountUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.directory.users.find((u) => u.email.toLowerCase() === wanted);
  }

  get apps(): readonly OAuthApp[] {
    return this.directory.apps;
  }

  app(clientId: string): OAuthApp | undefined {
    return this.directory.apps.find((a) => a.clientId === clientId);
  }

  /** As an app is created in OwnerRez: a `c_` client id and an `s_` secret (shown once), its redirect URLs, scope and token expiration. */
  registerApp(input: { name: string; redirectUris: string[]; scope: AppScope; expiration: TokenExpiration }): OAuthApp {
    const app: OAuthApp = { ...input, clientId: `c_${this.writes.fromCharacters('0123456789', 8)}`, clientSecret: `s_${this.writes.alphanumeric(32)}` };
    this.directory.apps.push({ ...app, accessTokens: [] });
    return app;
  }

  /** A new OwnerRez account, empty: its properties, guests and bookings are what the API then creates. */
  createUser(input: Omit<AccountUser, 'id'>): AccountUser {
    const user: AccountUser = { ...input, id: this.nextId('user') };
    this.directory.users.push({ ...user, personalAccessToken: '', tokenName: '', properties: 0 });
    return user;
  }

  private get store(): StateStore {
    this.data ??= new StateStore(this.dataJob.take(), 'id');
    return this.data;
  }

  properties(userId: number): Collection<Property> {
    return this.store.collection<Property>(String(userId), 'properties');
  }

  bookings(userId: number): Collection<Booking> {
    return this.store.collection<Booking>(String(userId), 'bookings');
  }

  guests(userId: number): Collection<Guest> {
    return this.store.collection<Guest>(String(userId), 'guests');
  }

  webhooks(userId: number): Collection<WebhookSubscription> {
    return this.store.collection<WebhookSubscription>(String(userId), 'webhooks');
  }

  /** The next id of a kind: one past the largest the seed holds, counting up from there until reset. */
  nextId(kind: RecordKind): number {
    let next = this.nextIds.get(kind);
    if (next === undefined) next = this.largestSeeded(kind) + 1;
    this.nextIds.set(kind, next + 1);
    return next;
  }

  private largestSeeded(kind: RecordKind): number {
    if (kind === 'user') return Math.max(...this.directory.users.map((u) => u.id));
    let largest = 0;
    for (const user of this.directory.users) {
      if (kind === 'booking') for (const b of this.bookings(user.id).list()) largest = Math.max(largest, b.id);
      if (kind === 'webhook') for (const w of this.webhooks(user.id).list()) largest = Math.max(largest, w.id);
      for (const g of kind === 'guest' || kind === 'address' || kind === 'email' || kind === 'phone' ? this.guests(user.id).list() : []) {
        const ids = kind === 'guest' ? [g.id] : (kind === 'address' ? g.addresses : kind === 'email' ? g.email_addresses : g.phones).map((x) => x.id ?? 0);
        largest = Math.max(largest, ...ids);
      }
    }
    return largest;
  }

  reset(): void {
    this.state = undefined;
    this.nextIds.clear();
    this.writes = new SeededRandom(this.seedNumber, 'ownerrez-writes');
    this.data?.reset();
  }
}
