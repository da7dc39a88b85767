// Guesty seed data: the document's example account (fixtures/guesty) and one generated account, with listings, reservations and guests from a seeded faker.
import type { Faker } from '@faker-js/faker';
import { addDays } from '../../core/dates.js';
import { seededFaker } from '../../core/fake.js';
import { loadFixture } from '../../core/project-files.js';
import type { SeedData } from '../../core/store.js';
import type { Guest, GuestyAccount, GuestyClient, GuestySeed, Listing, Reservation } from './types.js';
import { money, stayTimes } from './records.js';

interface AccountsFixture {
  accounts: Array<GuestyAccount & { clients: Array<Omit<GuestyClient, 'accountId'>>; listings: number; reservations: number; guests: number }>;
}

/** Fixed, so the same seed gives the same data whatever day the sandbox starts; move the clock to it for "now"-relative views. */
export const SEED_ANCHOR_DATE = '2026-11-01';

const PLACES = [
  { city: 'Austin', state: 'TX', country: 'United States', timezone: 'America/Chicago', currency: 'USD', lat: 30.27, lng: -97.74 },
  { city: 'Miami Beach', state: 'FL', country: 'United States', timezone: 'America/New_York', currency: 'USD', lat: 25.79, lng: -80.13 },
  { city: 'Denver', state: 'CO', country: 'United States', timezone: 'America/Denver', currency: 'USD', lat: 39.74, lng: -104.99 },
  { city: 'San Diego', state: 'CA', country: 'United States', timezone: 'America/Los_Angeles', currency: 'USD', lat: 32.72, lng: -117.16 },
  { city: 'Lisbon', state: 'Lisboa', country: 'Portugal', timezone: 'Europe/Lisbon', currency: 'EUR', lat: 38.72, lng: -9.14 },
  { city: 'Barcelona', state: 'Catalonia', country: 'Spain', timezone: 'Europe/Madrid', currency: 'EUR', lat: 41.39, lng: 2.17 },
  { city: 'Tel Aviv', state: 'Tel Aviv District', country: 'Israel', timezone: 'Asia/Jerusalem', currency: 'ILS', lat: 32.08, lng: 34.78 },
] as const;

const PROPERTY_TYPES = ['Apartment', 'House', 'Loft', 'Villa', 'Condominium', 'Townhouse'] as const;
const SOURCES = ['Airbnb', 'Booking.com', 'Vrbo', 'Direct', 'manual'] as const;

function objectId(faker: Faker): string {
  return faker.database.mongodbObjectId();
}

/** Okta-style client ids, as in the document's sample token (`0oa5bil430x8zLzWB5d7`). */
function clientId(faker: Faker): string {
  return `0oa${faker.string.alphanumeric(17)}`;
}

function clientSecret(faker: Faker): string {
  return faker.string.fromCharacters('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 40);
}

function confirmationCode(faker: Faker): string {
  return `GY-${faker.string.alphanumeric(8)}`;
}

function listing(faker: Faker, accountId: string, createdAt: string): Listing {
  const place = faker.helpers.arrayElement(PLACES);
  const propertyType = faker.helpers.arrayElement(PROPERTY_TYPES);
  const bedrooms = faker.number.int({ min: 1, max: 5 });
  const street = faker.location.streetAddress();
  const zipcode = faker.location.zipCode();
  const active = faker.datatype.boolean({ probability: 0.9 });
  return {
    _id: objectId(faker),
    accountId,
    title: `${faker.word.adjective({ length: { min: 4, max: 9 } }).replace(/^./, (c) => c.toUpperCase())} ${propertyType} in ${place.city}`,
    nickname: `${place.city.slice(0, 3).toUpperCase()}-${faker.string.numeric(3)}`,
    active,
    listed: active && faker.datatype.boolean({ probability: 0.85 }),
    type: 'SINGLE',
    propertyType,
    roomType: 'Entire home/apartment',
    accommodates: bedrooms * 2,
    bedrooms,
    bathrooms: faker.number.int({ min: 1, max: bedrooms }),
    beds: bedrooms + faker.number.int({ min: 0, max: 2 }),
    address: {
      full: `${street}, ${place.city}, ${place.state} ${zipcode}, ${place.country}`,
      street,
      city: place.city,
      state: place.state,
      country: place.country,
      zipcode,
      lat: Number((place.lat + faker.number.float({ min: -0.05, max: 0.05 })).toFixed(5)),
      lng: Number((place.lng + faker.number.float({ min: -0.05, max: 0.05 })).toFixed(5)),
    },
    timezone: place.timezone,
    defaultCheckInTime: '15:00',
    defaultCheckOutTime: '11:00',
    prices: { basePrice: faker.number.int({ min: 8, max: 60 }) * 10, currency: place.currency, cleaningFee: faker.number.int({ min: 4, max: 15 }) * 10 },
    terms: { minNights: faker.number.int({ min: 1, max: 3 }), maxNights: 365 },
    tags: faker.helpers.arrayElements(['beach', 'pet-friendly', 'downtown', 'family', 'pool', 'workspace'], { min: 0, max: 3 }),
    customFields: [],
    pms: { active },
    picture: { thumbnail: faker.image.urlPicsumPhotos({ width: 200, height: 150 }), regular: faker.image.urlPicsumPhotos({ width: 1024, height: 768 }) },
    createdAt,
  };
}

function guest(faker: Faker, accountId: string, createdAt: string): Guest {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const email = faker.internet.email({ firstName, lastName }).toLowerCase();
  const phone = faker.phone.number({ style: 'international' });
  return {
    _id: objectId(faker),
    accountId,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    email,
    phone,
    emails: [email],
    phones: [phone],
    hometown: `${faker.location.city()}, ${faker.location.country()}`,
    createdAt,
  };
}

function statusFor(faker: Faker, checkIn: string, checkOut: string): Reservation['status'] {
  if (checkOut <= SEED_ANCHOR_DATE) return faker.helpers.weightedArrayElement([{ weight: 9, value: 'checked_out' }, { weight: 1, value: 'canceled' }]);
  if (checkIn <= SEED_ANCHOR_DATE) return 'checked_in';
  return faker.helpers.weightedArrayElement([{ weight: 7, value: 'confirmed' }, { weight: 1, value: 'reserved' }, { weight: 1, value: 'inquiry' }, { weight: 1, value: 'canceled' }]);
}

function accountData(faker: Faker, accountId: string, counts: { listings: number; reservations: number; guests: number }): Record<string, Listing[] | Reservation[] | Guest[]> {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const createdAt = (daysBefore: number): string => `${addDays(SEED_ANCHOR_DATE, -daysBefore)}T${pad(faker.number.int({ min: 0, max: 23 }))}:${pad(faker.number.int({ min: 0, max: 59 }))}:00.000Z`;
  const listings = Array.from({ length: counts.listings }, () => listing(faker, accountId, createdAt(faker.number.int({ min: 200, max: 900 }))));
  const guests = Array.from({ length: counts.guests }, () => guest(faker, accountId, createdAt(faker.number.int({ min: 30, max: 400 }))));
  // Each listing's stays run on from a few weeks before the anchor, so the seed holds past, current and upcoming ones (every status statusFor gives).
  const cursor = new Map(listings.map((l) => [l._id, addDays(SEED_ANCHOR_DATE, -faker.number.int({ min: 15, max: 35 }))]));
  const reservations: Reservation[] = [];
  for (let i = 0; i < counts.reservations; i += 1) {
    const l = listings[i % listings.length]!;
    const g = faker.helpers.arrayElement(guests);
    const checkInDateLocalized = addDays(cursor.get(l._id)!, faker.number.int({ min: 0, max: 9 }));
    const nights = faker.number.int({ min: 2, max: 7 });
    const checkOutDateLocalized = addDays(checkInDateLocalized, nights);
    cursor.set(l._id, checkOutDateLocalized);
    const status = statusFor(faker, checkInDateLocalized, checkOutDateLocalized);
    const fare = Array.from({ length: nights }, () => l.prices?.basePrice ?? 100);
    const booked = createdAt(faker.number.int({ min: 1, max: 60 }));
    reservations.push({
      _id: objectId(faker),
      accountId,
      listingId: l._id,
      guestId: g._id,
      status,
      confirmationCode: confirmationCode(faker),
      ...stayTimes(l, checkInDateLocalized, checkOutDateLocalized),
      checkInDateLocalized,
      checkOutDateLocalized,
      plannedArrival: l.defaultCheckInTime ?? '15:00',
      plannedDeparture: l.defaultCheckOutTime ?? '11:00',
      nightsCount: nights,
      guestsCount: faker.number.int({ min: 1, max: l.accommodates ?? 2 }),
      source: faker.helpers.arrayElement(SOURCES),
      note: '',
      guest: { _id: g._id, fullName: g.fullName, firstName: g.firstName, lastName: g.lastName, email: g.email, phone: g.phone },
      money: money(fare, l, status === 'checked_out' ? fare.reduce((a, b) => a + b, 0) + (l.prices?.cleaningFee ?? 0) : 0),
      customFields: [],
      createdAt: booked,
      lastUpdatedAt: booked,
    });
  }
  return { listings, reservations, guests };
}

const PRIMARY_COUNTS = { listings: 30, reservations: 90, guests: 50 };

/** Accounts and API clients: the credentials the CLI prints, taken first. */
export function seedGuestyAccounts(seed: number): GuestySeed {
  const faker = seededFaker(seed, 'guesty-accounts');
  const fixture = loadFixture<AccountsFixture>('guesty', 'accounts');
  const primaryAccount: GuestyAccount = { accountId: objectId(faker), name: faker.company.name() };
  const openApi: GuestyClient = { api: 'openApi', clientId: clientId(faker), clientSecret: clientSecret(faker), accountId: primaryAccount.accountId };
  const bookingEngine: GuestyClient = { api: 'bookingEngine', clientId: clientId(faker), clientSecret: clientSecret(faker), accountId: primaryAccount.accountId };
  return {
    accounts: [primaryAccount, ...fixture.accounts.map(({ accountId, name }) => ({ accountId, name }))],
    clients: [openApi, bookingEngine, ...fixture.accounts.flatMap((a) => a.clients.map((c) => ({ ...c, accountId: a.accountId })))],
    primary: { openApi, bookingEngine },
  };
}

/** Listings, reservations and guests of every account of the seed: made in the seed worker, taken when first read. */
export function seedGuestyData(seed: number): SeedData {
  const accounts = seedGuestyAccounts(seed);
  const faker = seededFaker(seed, 'guesty-data');
  const counts = new Map(loadFixture<AccountsFixture>('guesty', 'accounts').accounts.map((a) => [a.accountId, a]));
  return Object.fromEntries(accounts.accounts.map((a) => [a.accountId, accountData(faker, a.accountId, counts.get(a.accountId) ?? PRIMARY_COUNTS)]));
}
