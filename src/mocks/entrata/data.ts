// Entrata seed data: the fixed directory of fixtures/entrata (companies, their properties and users, App Store apps and installs) and, from a
// seeded faker, the customers and leases of every property, shaped as openapi/entrata.yaml's Customer and Lease records.
import type { Faker } from '@faker-js/faker';
import { addDays } from '../../core/dates.js';
import { seededFaker } from '../../core/fake.js';
import type { SeedData } from '../../core/store.js';
import { loadFixture } from '../../core/project-files.js';
import type { CompanyProperty, Customer, EntrataDirectory, Lease, ManagementCompany } from './types.js';

const SEED_ANCHOR = '2026-11-01';
const CUSTOMERS_PER_PROPERTY = 8;

/** Entrata's lease status types as the R client's `leaseStatusTypeIds` filter names them. */
export const LEASE_STATUS_TYPES = { 1: 'Applicant', 2: 'Cancelled', 3: 'Future', 4: 'Current', 5: 'Notice', 6: 'Past' } as const;
export type LeaseStatusTypeId = keyof typeof LEASE_STATUS_TYPES;

/** The fixed directory: companies with their properties and users, App Store apps, installs. */
export function seedEntrataDirectory(): EntrataDirectory {
  const { companies, apps, installs } = loadFixture<EntrataDirectory & { source: string }>('entrata', 'accounts');
  return { companies, apps, installs };
}

/** Entrata prints dates as MM/DD/YYYY. */
export function entrataDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
}

// Most residents are current; a few are moving in, on notice, or gone.
const STATUS_MIX: readonly LeaseStatusTypeId[] = [4, 4, 4, 4, 4, 3, 5, 6];

function residentsOf(f: Faker, property: CompanyProperty, ids: { customer: number; lease: number }): { customers: Customer[]; leases: Lease[] } {
  const customers: Customer[] = [];
  const leases: Lease[] = [];
  for (let n = 0; n < CUSTOMERS_PER_PROPERTY; n += 1) {
    const customerId = ids.customer++;
    const leaseId = ids.lease++;
    const unit = `${1 + Math.floor(n / 4)}0${1 + (n % 4)}`;
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    customers.push({
      Id: customerId,
      PropertyID: property.id,
      LeaseID: leaseId,
      UnitNumber: unit,
      FirstName: firstName,
      LastName: lastName,
      Email: f.internet.email({ firstName, lastName, provider: 'residents.example' }).toLowerCase(),
      PhoneNumber: f.string.numeric(10),
      CustomerType: 'Primary',
    });
    const status = STATUS_MIX[n % STATUS_MIX.length]!;
    const start = status === 3 ? addDays(SEED_ANCHOR, f.number.int({ min: 10, max: 60 })) : addDays(SEED_ANCHOR, -f.number.int({ min: 30, max: 700 }));
    const end = status === 6 ? addDays(SEED_ANCHOR, -f.number.int({ min: 1, max: 25 })) : addDays(start, 365);
    leases.push({
      Id: leaseId,
      PropertyID: property.id,
      CustomerID: customerId,
      UnitNumber: unit,
      LeaseStatusTypeID: status,
      LeaseStatusType: LEASE_STATUS_TYPES[status],
      StartDate: entrataDate(start),
      EndDate: entrataDate(end),
      MonthlyRent: f.number.int({ min: 44, max: 104 }) * 25,
    });
  }
  return { customers, leases };
}

/**
 * Customers and leases of every seeded property, partitioned by property id (the store's tenant); ids count up across companies in the
 * fixture's order. Run in the seed worker.
 */
export function seedEntrataResidents(seed: number): SeedData {
  const { companies } = seedEntrataDirectory();
  const ids = { customer: 3_000_001, lease: 7_000_001 };
  const residents: SeedData = {};
  for (const company of companies as ManagementCompany[]) {
    for (const property of company.properties) {
      const made = residentsOf(seededFaker(seed, `entrata-${property.id}`), property, ids);
      residents[String(property.id)] = { customers: made.customers, leases: made.leases };
    }
  }
  return residents;
}
