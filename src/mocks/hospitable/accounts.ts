// Hospitable's state: accounts with their owner and secondary users (seeds/002), the partner and v1 clients, the account-partitioned store of
// properties and reservations seeded in the seed worker (data.ts), and each property's calendar changes; `reset` returns it all to the seed.
import type { Clock } from '../../core/clock.js';
import { dateMs, isoDate } from '../../core/dates.js';
import { SeededRandom } from '../../core/seeded-random.js';
import type { LocalModule, SeedJob, SeedWorker } from '../../core/seed-worker.js';
import { StateStore, type Collection, type SeedData } from '../../core/store.js';
import type { CalendarOverride, HospitableAccount, HospitableDirectory, HospitableUser, OAuthClient, StoredProperty, StoredReservation, V1Client } from './types.js';

// data.ts (faker) runs in the seed worker. From the TypeScript sources, which a worker cannot load, it is imported here and run in process.
const DATA_MODULE = new URL('./data.js', import.meta.url);
const localData = import.meta.url.endsWith('.ts') ? ((await import('./data.js')) as unknown as LocalModule) : undefined;

export interface NewUser {
  email: string;
  name: string;
  password: string;
}

export class HospitableAccounts {
  private readonly seedJobs: { directory: SeedJob<HospitableDirectory>; data: SeedJob<SeedData> };
  private seeded: StateStore | undefined;
  private created: { accounts: HospitableAccount[]; users: HospitableUser[] } = { accounts: [], users: [] };
  private calendars = new Map<string, Map<string, CalendarOverride>>();
  private ids!: SeededRandom;

  /**
   * Seeded around the clock's date now, so check-ins of the next two weeks and RESERVED nights exist on a fresh sandbox; seeded tokens are
   * made at that day's midnight (UTC), so the same seed gives the same tokens all day.
   */
  constructor(private readonly seedNumber: number, clock: Clock, seeds: SeedWorker) {
    const anchorDate = isoDate(clock.nowMs());
    this.seedJobs = {
      directory: seeds.job<HospitableDirectory>(DATA_MODULE, 'seedHospitableDirectory', [seedNumber, dateMs(anchorDate)], localData),
      data: seeds.job<SeedData>(DATA_MODULE, 'seedHospitableData', [seedNumber, anchorDate], localData),
    };
    this.reset();
  }

  get directory(): HospitableDirectory {
    return this.seedJobs.directory.take();
  }

  get store(): StateStore {
    this.seeded ??= new StateStore(this.seedJobs.data.take(), 'id');
    return this.seeded;
  }

  accounts(): HospitableAccount[] {
    return [...this.directory.accounts, ...this.created.accounts];
  }

  account(id: string): HospitableAccount | undefined {
    return this.accounts().find((a) => a.id === id);
  }

  users(): HospitableUser[] {
    return [...this.directory.users, ...this.created.users];
  }

  user(email: string): HospitableUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.users().find((u) => u.email.toLowerCase() === wanted);
  }

  userById(id: string): HospitableUser | undefined {
    return this.users().find((u) => u.id === id);
  }

  owner(accountId: string): HospitableUser | undefined {
    return this.users().find((u) => u.accountId === accountId && u.role === 'owner');
  }

  oauthClient(clientId: string): OAuthClient | undefined {
    return this.directory.oauthClients.find((c) => c.clientId === clientId);
  }

  v1Client(clientId: string): V1Client | undefined {
    return this.directory.v1Clients.find((c) => c.clientId === clientId);
  }

  /** An account as signing up makes it: its owner, and secondary users the owner invited. */
  createAccount(name: string, currency: string, owner: NewUser, secondary: NewUser[]): { account: HospitableAccount; users: HospitableUser[] } {
    const account: HospitableAccount = { id: `acc-${this.ids.hex(8)}`, name, currency };
    const users = [owner, ...secondary].map((u, i): HospitableUser => ({
      id: `${this.ids.hex(8)}-${this.ids.hex(4)}-4${this.ids.hex(3)}-8${this.ids.hex(3)}-${this.ids.hex(12)}`,
      email: u.email,
      password: u.password,
      name: u.name,
      role: i === 0 ? 'owner' : 'secondary',
      accountId: account.id,
      business: false,
      company: null,
      city: null,
      region: null,
      country: null,
    }));
    this.created.accounts.push(account);
    this.created.users.push(...users);
    return { account, users };
  }

  /** A fresh password for a user made without one, from the seeded generator (the same writes give the same passwords). */
  password(): string {
    return `Sandbox-${this.ids.alphanumeric(12)}!`;
  }

  properties(accountId: string): Collection<StoredProperty> {
    return this.store.collection<StoredProperty>(accountId, 'properties');
  }

  reservations(accountId: string): Collection<StoredReservation> {
    return this.store.collection<StoredReservation>(accountId, 'reservations');
  }

  /** The days a calendar update changed, by date. */
  calendar(propertyId: string): Map<string, CalendarOverride> {
    let days = this.calendars.get(propertyId);
    if (!days) {
      days = new Map();
      this.calendars.set(propertyId, days);
    }
    return days;
  }

  reset(): void {
    this.seeded?.reset();
    this.created = { accounts: [], users: [] };
    this.calendars = new Map();
    this.ids = new SeededRandom(this.seedNumber, 'hospitable-writes');
  }
}
