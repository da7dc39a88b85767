// Entrata's directory (management companies with their subdomains, properties and users; App Store apps and the companies that installed
// them) and the property-partitioned store of customers and leases, back to the seed on reset.
import { SeededRandom } from '../../core/seeded-random.js';
import type { LocalModule, SeedJob, SeedWorker } from '../../core/seed-worker.js';
import { StateStore, type Collection, type SeedData } from '../../core/store.js';
import type { CompanyProperty, CompanyUser, Customer, EntrataApp, EntrataDirectory, Lease, ManagementCompany } from './types.js';

// data.ts's residents (faker) are made in the seed worker; from the TypeScript sources, which a worker cannot load, in process.
const DATA_MODULE = new URL('./data.js', import.meta.url);
const localData = import.meta.url.endsWith('.ts') ? ((await import('./data.js')) as unknown as LocalModule) : undefined;

/** Subdomains are host labels: case-insensitive, letters, digits and inner hyphens. */
export const SUBDOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export class EntrataAccounts {
  private readonly directoryJob: SeedJob<EntrataDirectory>;
  private readonly residentsJob: SeedJob<SeedData>;
  private residents: StateStore | undefined;
  private state: EntrataDirectory | undefined;
  private writes!: SeededRandom;

  constructor(private readonly seedNumber: number, seeds: SeedWorker) {
    this.directoryJob = seeds.job<EntrataDirectory>(DATA_MODULE, 'seedEntrataDirectory', [], localData);
    this.residentsJob = seeds.job<SeedData>(DATA_MODULE, 'seedEntrataResidents', [seedNumber], localData);
    this.reset();
  }

  /** The seed's directory, copied on first use after a reset, so what the admin API adds is gone on the next reset. */
  private get directory(): EntrataDirectory {
    this.state ??= structuredClone(this.directoryJob.take());
    return this.state;
  }

  get companies(): readonly ManagementCompany[] {
    return this.directory.companies;
  }

  get apps(): readonly EntrataApp[] {
    return this.directory.apps;
  }

  get installs(): EntrataDirectory['installs'] {
    return this.directory.installs;
  }

  company(subdomain: string): ManagementCompany | undefined {
    const wanted = subdomain.toLowerCase();
    return this.directory.companies.find((c) => c.subdomain === wanted);
  }

  app(clientId: string): EntrataApp | undefined {
    return this.directory.apps.find((a) => a.clientId === clientId);
  }

  installed(clientId: string, subdomain: string): boolean {
    return this.directory.installs.some((i) => i.clientId === clientId && i.subdomain === subdomain.toLowerCase());
  }

  user(company: ManagementCompany, userId: number): CompanyUser | undefined {
    return company.users.find((u) => u.id === userId);
  }

  /** A company user signing in to the general API with HTTP Basic: the username is case-insensitive, the password is not. */
  signIn(company: ManagementCompany, username: string, password: string): CompanyUser | undefined {
    const user = company.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
    return user && user.password === password ? user : undefined;
  }

  /** The company's properties the user can reach, in the company's order. */
  reachable(company: ManagementCompany, user: CompanyUser): CompanyProperty[] {
    return company.properties.filter((p) => user.propertyIds.includes(p.id));
  }

  private get store(): StateStore {
    this.residents ??= new StateStore(this.residentsJob.take(), 'Id');
    return this.residents;
  }

  customers(propertyId: number): Collection<Customer> {
    return this.store.collection<Customer>(String(propertyId), 'customers');
  }

  leases(propertyId: number): Collection<Lease> {
    return this.store.collection<Lease>(String(propertyId), 'leases');
  }

  /** As a management company is set up: the subdomain unique, property and user ids new across every company. */
  createCompany(input: { name: string; subdomain: string; properties: Array<Omit<CompanyProperty, 'id'>>; users: Array<Omit<CompanyUser, 'id' | 'password' | 'propertyIds' | 'email'> & { password?: string; email?: string }> }): ManagementCompany {
    const nextId = (ids: number[], floor: number): number => Math.max(floor, ...ids) + 1;
    const propertyIds = this.directory.companies.flatMap((c) => c.properties.map((p) => p.id));
    const userIds = this.directory.companies.flatMap((c) => c.users.map((u) => u.id));
    const properties: CompanyProperty[] = [];
    for (const property of input.properties) properties.push({ ...property, id: nextId([...propertyIds, ...properties.map((p) => p.id)], 900_000) });
    const users: CompanyUser[] = [];
    for (const user of input.users) {
      users.push({
        ...user,
        id: nextId([...userIds, ...users.map((u) => u.id)], 9_000),
        password: user.password ?? this.writes.alphanumeric(16),
        email: user.email ?? `${user.username.toLowerCase().replace(/[^a-z0-9._-]/g, '')}@${input.subdomain.toLowerCase()}.example`,
        // A company set up here has its users reach every one of its properties.
        propertyIds: properties.map((p) => p.id),
      });
    }
    const company: ManagementCompany = { name: input.name, subdomain: input.subdomain.toLowerCase(), properties, users };
    this.directory.companies.push(company);
    return company;
  }

  /** As an app is submitted to the App Store: a client id and a secret (shown once), the default app URL and its data scopes. */
  createApp(input: { name: string; appUrl: string; scopes: string[] }): EntrataApp {
    const app: EntrataApp = { ...input, clientId: this.writes.hex(32), clientSecret: this.writes.alphanumeric(32) };
    this.directory.apps.push(app);
    return app;
  }

  install(clientId: string, subdomain: string): void {
    if (!this.installed(clientId, subdomain)) this.directory.installs.push({ clientId, subdomain: subdomain.toLowerCase() });
  }

  reset(): void {
    this.state = undefined;
    this.writes = new SeededRandom(this.seedNumber, 'entrata-writes');
    this.residents?.reset();
  }
}
