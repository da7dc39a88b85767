// OwnerRez seed data: the fixed directory of fixtures/ownerrez (user accounts, personal access tokens, OAuth apps) and, from a seeded faker,
// every account's properties, guests and bookings, shaped as openapi/ownerrez.yaml's Property, Guest and Booking (provider-facts §1 samples).
import type { Faker } from '@faker-js/faker';
import { addDays, dateMs, isoInstant } from '../../core/dates.js';
import { seededFaker } from '../../core/fake.js';
import { loadFixture } from '../../core/project-files.js';
import type { SeedData } from '../../core/store.js';
import { chargesFor, totalOf } from './records.js';
import type { Booking, Guest, OwnerRezDirectory, Property } from './types.js';

/** Stays run from five months before this date to seven after it, so a fresh sandbox has past, current and future bookings. */
const SEED_ANCHOR = '2026-11-01';
const FIRST_IDS = { property: 182_918_001, guest: 34_001, booking: 273_001, address: 51_001, email: 61_001, phone: 71_001 };

export function seedOwnerRezDirectory(): OwnerRezDirectory {
  const { users, apps } = loadFixture<OwnerRezDirectory & { source: string }>('ownerrez', 'accounts');
  return { users, apps };
}

type Ids = typeof FIRST_IDS;

const PROPERTY_KINDS = ['House', 'Cabin', 'Condo', 'Cottage', 'Townhouse', 'Apartment'] as const;
const LISTING_SITES = ['Airbnb', 'Vrbo', 'Booking.com', 'Direct', 'Direct'] as const;

function propertyOf(f: Faker, id: number, position: number): Property {
  const kind = f.helpers.arrayElement(PROPERTY_KINDS);
  const bedrooms = f.number.int({ min: 1, max: 6 });
  const street = f.location.streetAddress();
  return {
    id,
    key: f.string.alphanumeric({ length: 6, casing: 'lower' }),
    name: `${f.location.street()} ${kind}`,
    active: position % 11 !== 10,
    external_name: `${f.word.adjective({ length: { min: 4, max: 9 } })} ${kind.toLowerCase()} near ${f.location.city()}`.replace(/^./, (c) => c.toUpperCase()),
    internal_code: `P${String(position + 1).padStart(3, '0')}`,
    property_type: kind,
    address: { street1: street, street2: null, city: f.location.city(), state: f.location.state({ abbreviated: true }), postal_code: f.location.zipCode('#####'), country: 'US' },
    bedrooms,
    bathrooms: bedrooms > 1 ? bedrooms - 0.5 : 1,
    bathrooms_full: Math.max(1, bedrooms - 1),
    bathrooms_half: bedrooms > 1 ? 1 : 0,
    max_guests: bedrooms * 2 + 2,
    max_adults: bedrooms * 2,
    max_children: 2,
    max_pets: position % 3 === 0 ? 2 : 0,
    check_in: '16:00',
    check_out: '10:00',
    currency_code: 'USD',
    latitude: f.location.latitude({ min: 25, max: 48, precision: 5 }),
    longitude: f.location.longitude({ min: -123, max: -70, precision: 5 }),
    owner_id: null,
    display_order: position,
    public_url: `https://www.ownerrez.example/properties/${id}`,
    thumbnail_url: `https://uc.ownerrez.example/properties/${id}/thumb.jpg`,
  };
}

function guestOf(f: Faker, ids: Ids, createdMs: number): Guest {
  const first_name = f.person.firstName();
  const last_name = f.person.lastName();
  return {
    id: ids.guest++,
    first_name,
    last_name,
    notes: null,
    addresses: [{ id: ids.address++, street1: f.location.streetAddress(), street2: null, city: f.location.city(), state: f.location.state({ abbreviated: true }), postal_code: f.location.zipCode('#####'), country: 'US', is_default: true }],
    email_addresses: [{ id: ids.email++, address: f.internet.email({ firstName: first_name, lastName: last_name, provider: 'guests.example' }).toLowerCase(), is_default: true }],
    phones: [{ id: ids.phone++, number: f.phone.number({ style: 'national' }), is_default: true }],
    created_utc: isoInstant(createdMs),
    updated_utc: isoInstant(createdMs),
  };
}

function bookingsOf(f: Faker, ids: Ids, property: Property, guests: Guest[]): Booking[] {
  const bookings: Booking[] = [];
  const rate = f.number.int({ min: 9, max: 45 }) * 10;
  let day = addDays(SEED_ANCHOR, -150 + f.number.int({ min: 0, max: 20 }));
  const last = addDays(SEED_ANCHOR, 210);
  while (day < last) {
    const nights = f.number.int({ min: 2, max: 9 });
    const arrival = day;
    const departure = addDays(arrival, nights);
    const block = f.number.int({ min: 0, max: 14 }) === 0;
    const canceled = !block && f.number.int({ min: 0, max: 11 }) === 0;
    const guest = block ? undefined : f.helpers.arrayElement(guests);
    const bookedMs = dateMs(arrival) - f.number.int({ min: 3, max: 120 }) * 86_400_000 + f.number.int({ min: 0, max: 86_399 }) * 1000;
    const charges = block ? [] : chargesFor(nights, rate);
    const total = totalOf(charges);
    const paid = dateMs(arrival) < dateMs(SEED_ANCHOR) || canceled ? total : Math.round(total * 0.5 * 100) / 100;
    const id = ids.booking++;
    bookings.push({
      id,
      property_id: property.id,
      guest_id: guest?.id ?? null,
      arrival,
      departure,
      check_in: property.check_in ?? '16:00',
      check_out: property.check_out ?? '10:00',
      adults: block ? 0 : f.number.int({ min: 1, max: Math.max(1, property.max_adults ?? 2) }),
      children: block ? 0 : f.number.int({ min: 0, max: 2 }),
      infants: 0,
      pets: block ? 0 : f.number.int({ min: 0, max: property.max_pets ?? 0 }),
      is_block: block,
      status: canceled ? 'canceled' : 'active',
      type: block ? 'block' : 'booking',
      title: block ? 'Owner stay' : `${guest!.first_name} ${guest!.last_name}`,
      notes: null,
      listing_site: block ? null : f.helpers.arrayElement(LISTING_SITES),
      platform_reservation_number: block ? null : f.string.alphanumeric({ length: 10, casing: 'upper' }),
      currency_code: 'USD',
      total_amount: total,
      total_paid: canceled ? 0 : paid,
      total_owed: canceled ? 0 : Math.round((total - paid) * 100) / 100,
      total_refunded: canceled ? total : 0,
      total_host_fees: Math.round(total * 0.03 * 100) / 100,
      has_problem: false,
      charges,
      booked_utc: isoInstant(bookedMs),
      canceled_utc: canceled ? isoInstant(bookedMs + 5 * 86_400_000) : null,
      created_utc: isoInstant(bookedMs),
      updated_utc: isoInstant(canceled ? bookedMs + 5 * 86_400_000 : bookedMs + 3_600_000),
    });
    day = addDays(departure, f.number.int({ min: 2, max: 25 }));
  }
  return bookings;
}

/**
 * Every seeded account's properties, guests and bookings, keyed by the user id (the store's tenant). Ids count up across accounts in the
 * fixture's order, so they are unique over the sandbox as OwnerRez's are. Run in the seed worker.
 */
export function seedOwnerRezAccounts(seed: number): SeedData {
  const ids: Ids = { ...FIRST_IDS };
  const out: SeedData = {};
  for (const user of seedOwnerRezDirectory().users) {
    const f = seededFaker(seed, `ownerrez-${user.id}`);
    const properties = Array.from({ length: user.properties }, (_, n) => propertyOf(f, ids.property++, n));
    const guests = Array.from({ length: Math.ceil(user.properties * 2.5) }, () => guestOf(f, ids, dateMs(SEED_ANCHOR) - f.number.int({ min: 30, max: 400 }) * 86_400_000));
    const bookings = properties.flatMap((p) => bookingsOf(f, ids, p, guests));
    out[String(user.id)] = { properties, guests, bookings, webhooks: [] };
  }
  return out;
}
