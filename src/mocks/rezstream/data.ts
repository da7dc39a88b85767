// rezStream seed data: the fixed directory in fixtures/rezstream (businesses in four time zones, users, the registered client, the reservation
// ids seeds/001 prints) and reservations from a seeded faker, shaped as openapi/rezstream.yaml describes the group model of seeds/001.
import type { Faker } from '@faker-js/faker';
import { addDays, isoInstant, zonedIso } from '../../core/dates.js';
import { seededFaker } from '../../core/fake.js';
import { loadFixture } from '../../core/project-files.js';
import type { SeedData } from '../../core/store.js';
import type { Business, DirectoryFixture, Inventory, Invoice, InvoiceLine, Member, Reservation, RezStreamDirectory, Unit, UnitAssignment } from './types.js';

const SEED_ANCHOR = '2026-11-01';
const CHECK_IN = '16:00';
const CHECK_OUT = '10:00';

export function seedRezStreamDirectory(seed: number): RezStreamDirectory {
  const fixture = loadFixture<DirectoryFixture>('rezstream', 'accounts');
  const f = seededFaker(seed, 'rezstream-tokens');
  const manualTokens = fixture.businesses.map((b) => ({ tenantId: b.id, token: f.string.hexadecimal({ length: 64, casing: 'upper', prefix: '' }), scopes: [...fixture.manualTokenScopes] }));
  return { ...fixture, manualTokens };
}

/** A unit as its assignments name it. */
function inventoryOf(f: Faker, business: Business): Inventory {
  const properties = [1, 2].map((n) => ({ id: f.string.uuid(), name: `${business.city} ${n === 1 ? 'Lodge' : 'Cottages'}` }));
  const units: Unit[] = [];
  for (const property of properties) {
    const ratePlanId = f.string.uuid();
    for (const typeName of ['Studio', 'Two Bedroom']) {
      const unitTypeId = f.string.uuid();
      const rateId = f.string.uuid();
      const count = f.number.int({ min: 2, max: 3 });
      for (let i = 1; i <= count; i += 1) units.push({ unitId: f.string.uuid(), unitName: `${typeName} ${units.length + 101}`, unitTypeId, propertyId: property.id, rateId, ratePlanId });
    }
  }
  return { properties, units };
}

const money = (value: number): number => Math.round(value * 100) / 100;

interface Shape {
  id?: string;
  /** Local date of the first arrival. */
  arrival: string;
  madeAtMs: number;
  updatedAtMs: number;
  group: boolean;
  status: Reservation['status'];
}

function person(f: Faker, isPrimary: boolean, hasMobile: boolean): Member {
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  return {
    id: f.string.uuid(),
    firstName,
    lastName,
    email: f.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
    phone: f.phone.number({ style: 'national' }),
    // seeds/001: "People may have a different mobile phone number from their regular phone number; some don't have a mobile phone number."
    mobilePhone: hasMobile ? f.phone.number({ style: 'national' }) : null,
    isPrimary,
  };
}

/** One reservation in the group model of seeds/001: unit assignments with their own dates, members assigned to them, invoices tied to both. */
function reservation(f: Faker, business: Business, inventory: Inventory, shape: Shape): Reservation {
  const assignmentCount = shape.group ? f.number.int({ min: 2, max: 3 }) : 1;
  const memberCount = shape.group ? assignmentCount + f.number.int({ min: 0, max: 2 }) : f.number.int({ min: 1, max: 2 });
  const members = Array.from({ length: memberCount }, (_, i) => person(f, i === 0, shape.group ? i !== memberCount - 1 : f.datatype.boolean(0.7)));
  const units = f.helpers.arrayElements(inventory.units, assignmentCount);
  const assignments: UnitAssignment[] = units.map((unit, i) => {
    // In a group, later units may arrive a day later or leave a day earlier: each assignment has its own stay.
    const arrival = addDays(shape.arrival, i === 0 ? 0 : i === 1 ? 1 : f.number.int({ min: 0, max: 2 }));
    const nights = f.number.int({ min: 2, max: 7 });
    const rate = f.number.int({ min: 140, max: 620 });
    const rentalRevenue = money(rate * nights);
    return {
      id: f.string.uuid(),
      arrival: zonedIso(arrival, CHECK_IN, business.timeZone),
      departure: zonedIso(addDays(arrival, nights), CHECK_OUT, business.timeZone),
      nights,
      ...unit,
      occupancyCount: f.number.int({ min: 1, max: 4 }),
      rentalRevenue,
      rentalTax: money(rentalRevenue * 0.12),
      rentalFee: money(f.number.int({ min: 75, max: 200 })),
      // Each member is assigned to one unit; the first unit also holds the primary member.
      memberIds: members.filter((_, m) => m % assignmentCount === i).map((m) => m.id),
    };
  });
  // Invoices: a group's units are billed to different members (one invoice a unit, or the primary paying for the first two).
  const billing: UnitAssignment[][] = shape.group && assignmentCount === 3 && f.datatype.boolean() ? [assignments.slice(0, 2), assignments.slice(2)] : assignments.map((a) => [a]);
  const invoices: Invoice[] = billing.map((billed) => {
    const lines: InvoiceLine[] = billed.flatMap((a): InvoiceLine[] => [
      { description: `${a.unitName}, ${a.nights} nights`, kind: 'Rent', amount: a.rentalRevenue, unitAssignmentId: a.id },
      { description: `Lodging tax, ${a.unitName}`, kind: 'Tax', amount: a.rentalTax, unitAssignmentId: a.id },
      { description: `Cleaning fee, ${a.unitName}`, kind: 'Fee', amount: a.rentalFee, unitAssignmentId: a.id },
    ]);
    const total = money(lines.reduce((sum, l) => sum + l.amount, 0));
    const paid = shape.status === 'Cancelled' ? 0 : f.helpers.arrayElement([0, money(total / 2), total]);
    if (paid > 0) lines.push({ description: 'Card payment', kind: 'Payment', amount: -paid, unitAssignmentId: null });
    return {
      id: f.string.uuid(),
      number: `INV-${f.number.int({ min: 100000, max: 999999 })}`,
      memberId: billed[0]!.memberIds[0] ?? members[0]!.id,
      unitAssignmentIds: billed.map((a) => a.id),
      status: shape.status === 'Cancelled' ? 'Void' : paid === total ? 'Paid' : 'Open',
      currency: business.currency,
      issuedAt: isoInstant(shape.madeAtMs),
      total,
      paid,
      balance: money(total - paid),
      lines,
    };
  });
  const arrivals = assignments.map((a) => a.arrival).sort();
  const departures = assignments.map((a) => a.departure).sort();
  const first = arrivals[0]!;
  const last = departures[departures.length - 1]!;
  return {
    id: shape.id ?? f.string.uuid(),
    version: f.number.int({ min: 1, max: 6 }),
    status: shape.status,
    confirmationNumber: `RZ${f.string.numeric(7)}`,
    madeAt: isoInstant(shape.madeAtMs),
    updatedAt: isoInstant(shape.updatedAtMs),
    arrival: first,
    departure: last,
    nights: Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000),
    ingestionSource: f.helpers.weightedArrayElement([
      { value: 'PMS', weight: 6 },
      { value: 'Web', weight: 3 },
      { value: 'Channel', weight: 2 },
    ]),
    unitAssignments: assignments,
    tenantId: business.id,
    primaryMemberId: members[0]!.id,
    members,
    invoices,
    notes: f.datatype.boolean(0.3) ? f.lorem.sentence() : null,
  };
}

const DAY_MS = 86_400_000;
const ms = (iso: string): number => Date.parse(iso);

function between(f: Faker, fromIso: string, toIso: string): number {
  return f.number.int({ min: ms(fromIso), max: ms(toIso) });
}

/** A stay date in [from, to), uniformly. */
function stayDate(f: Faker, from: string, to: string): string {
  return addDays(from, f.number.int({ min: 0, max: Math.round((ms(to) - ms(from)) / DAY_MS) - 1 }));
}

function currentStatus(f: Faker, arrival: string): Reservation['status'] {
  if (f.datatype.boolean(0.08)) return 'Cancelled';
  return arrival < SEED_ANCHOR ? 'CheckedOut' : 'Reserved';
}

/** Every business's reservations and inventory: made in the seed worker, taken when first read. */
export function seedRezStreamData(seed: number): { data: SeedData; inventories: Record<string, Inventory> } {
  const directory = seedRezStreamDirectory(seed);
  const data: SeedData = {};
  const inventories: Record<string, Inventory> = {};
  const { detailExample, cursorExample } = directory.documentReservations;
  for (const business of directory.businesses) {
    const f = seededFaker(seed, `rezstream-${business.id}`);
    const inventory = inventoryOf(f, business);
    inventories[business.id] = inventory;
    const rows: Reservation[] = [];
    const make = (shape: Shape): void => void rows.push(reservation(f, business, inventory, shape));

    if (business.id === cursorExample.tenantId) {
      // seeds/001's cursor example: nine reservations updated before fa801bc8…, which is the tenth, so `from=2020-01-01T00:00:00Z&limit=10` ends on it.
      const cursorMs = ms(cursorExample.updatedAt);
      const earlier = Array.from({ length: 9 }, () => between(f, '2020-03-01T00:00:00Z', '2021-09-30T00:00:00Z')).sort((a, b) => a - b);
      [...earlier, cursorMs].forEach((updatedAtMs, i) => {
        const arrival = stayDate(f, '2021-03-01', '2021-09-20');
        make({ ...(i === 9 ? { id: cursorExample.id } : {}), arrival, madeAtMs: updatedAtMs - f.number.int({ min: 1, max: 60 }) * DAY_MS, updatedAtMs, group: false, status: 'CheckedOut' });
      });
    }
    if (business.id === detailExample.tenantId) {
      // seeds/001's stay-window example (`from=2023-01-01&to=2024-01-01`): 35 stays inside 2023, so `skip=10&limit=10` gives its four links exactly.
      for (let i = 0; i < 35; i += 1) {
        const detail = i === 17;
        const arrival = detail ? '2023-07-14' : stayDate(f, '2023-01-02', '2023-12-16');
        const madeAtMs = between(f, '2022-01-01T00:00:00Z', `${addDays(arrival, -3)}T00:00:00Z`);
        make({ ...(detail ? { id: detailExample.id } : {}), arrival, madeAtMs, updatedAtMs: madeAtMs + f.number.int({ min: 0, max: 20 }) * DAY_MS, group: detail || f.datatype.boolean(0.2), status: f.datatype.boolean(0.1) && !detail ? 'Cancelled' : 'CheckedOut' });
      }
    }
    const current = business.id === detailExample.tenantId ? 40 : 30;
    for (let i = 0; i < current; i += 1) {
      const arrival = stayDate(f, '2026-08-01', '2027-03-01');
      const madeAtMs = between(f, '2026-01-01T00:00:00Z', `${arrival < SEED_ANCHOR ? addDays(arrival, -2) : addDays(SEED_ANCHOR, -20)}T00:00:00Z`);
      const updatedAtMs = Math.min(madeAtMs + f.number.int({ min: 0, max: 30 }) * DAY_MS + f.number.int({ min: 0, max: DAY_MS }), ms(`${SEED_ANCHOR}T00:00:00Z`));
      make({ arrival, madeAtMs, updatedAtMs, group: f.datatype.boolean(0.2), status: currentStatus(f, arrival) });
    }
    data[business.id] = { reservations: rows as unknown as Array<Record<string, unknown>> };
  }
  return { data, inventories };
}
