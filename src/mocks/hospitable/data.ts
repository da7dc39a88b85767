// Hospitable seed data, made in the seed worker: the accounts, people and clients of fixtures/hospitable (seeds/002's owners, secondary users
// and tokens with Read and/or Write permissions), and properties and reservations from a seeded faker, dated around the clock's start.
import type { Faker } from '@faker-js/faker';
import { addDays, zonedIso } from '../../core/dates.js';
import { seededFaker } from '../../core/fake.js';
import { loadFixture } from '../../core/project-files.js';
import type { SeedData } from '../../core/store.js';
import { money, PAT_LIFETIME_SECONDS, passportClaims, passportJwt, patScopes, PERSONAL_ACCESS_CLIENT, SIGNATURE_BYTES } from './records.js';
import type { HospitableAccount, HospitableDirectory, HospitableUser, Listing, OAuthClient, Permission, PersonalAccessToken, StoredProperty, StoredReservation, V1Client } from './types.js';

interface AccountFixture extends HospitableAccount {
  properties: number;
  calendarRestricted: number;
  users: Array<Omit<HospitableUser, 'accountId'>>;
  personalAccessTokens: Array<{ name: string; permissions: Permission[] }>;
  v1Clients: Array<{ name: string; permissions: Permission[] }>;
}

interface Fixture {
  accounts: AccountFixture[];
  oauthClients: OAuthClient[];
}

function signature(faker: Faker): Buffer {
  return Buffer.from(faker.string.hexadecimal({ length: SIGNATURE_BYTES * 2, casing: 'lower', prefix: '' }), 'hex');
}

/** The directory of the seed; `anchorMs` is when the seeded tokens were made (the clock when the sandbox was assembled). */
export function seedHospitableDirectory(seed: number, anchorMs: number): HospitableDirectory {
  const fixture = loadFixture<Fixture>('hospitable', 'accounts');
  const faker = seededFaker(seed, 'hospitable-directory');
  const users: HospitableUser[] = [];
  const v1Clients: V1Client[] = [];
  const personalAccessTokens: PersonalAccessToken[] = [];
  for (const account of fixture.accounts) {
    users.push(...account.users.map((u) => ({ ...u, accountId: account.id })));
    const owner = account.users.find((u) => u.role === 'owner')!;
    for (const pat of account.personalAccessTokens) {
      const claims = passportClaims(PERSONAL_ACCESS_CLIENT, owner.id, patScopes(pat.permissions), anchorMs, PAT_LIFETIME_SECONDS, faker.string.hexadecimal({ length: 80, casing: 'lower', prefix: '' }));
      personalAccessTokens.push({
        id: `pat_${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`,
        name: pat.name,
        permissions: [...pat.permissions],
        accountId: account.id,
        userId: owner.id,
        createdAt: new Date(anchorMs).toISOString(),
        expiresAt: new Date(anchorMs + PAT_LIFETIME_SECONDS * 1000).toISOString(),
        token: passportJwt(claims, signature(faker)),
      });
    }
    for (const client of account.v1Clients) {
      v1Clients.push({ clientId: faker.string.uuid(), clientSecret: faker.string.alphanumeric(40), name: client.name, accountId: account.id, permissions: [...client.permissions] });
    }
  }
  return {
    accounts: fixture.accounts.map(({ id, name, currency }) => ({ id, name, currency })),
    users,
    oauthClients: fixture.oauthClients,
    v1Clients,
    personalAccessTokens,
  };
}

const PLACES: Record<string, Array<{ city: string; state: string; country: string; timezone: string; lat: number; lng: number; postcode: string }>> = {
  USD: [
    { city: 'Miami Beach', state: 'FL', country: 'US', timezone: 'America/New_York', lat: 25.79, lng: -80.13, postcode: '33139' },
    { city: 'Key West', state: 'FL', country: 'US', timezone: 'America/New_York', lat: 24.56, lng: -81.78, postcode: '33040' },
    { city: 'Destin', state: 'FL', country: 'US', timezone: 'America/Chicago', lat: 30.39, lng: -86.5, postcode: '32541' },
  ],
  EUR: [
    { city: 'Innsbruck', state: 'Tyrol', country: 'AT', timezone: 'Europe/Vienna', lat: 47.27, lng: 11.39, postcode: '6020' },
    { city: 'Kitzbühel', state: 'Tyrol', country: 'AT', timezone: 'Europe/Vienna', lat: 47.45, lng: 12.39, postcode: '6370' },
  ],
};
const AMENITIES = ['wifi', 'kitchen', 'washer', 'air_conditioning', 'heating', 'free_parking', 'pool', 'hot_tub', 'tv', 'workspace', 'beach_access', 'fireplace'];
const PROPERTY_TYPES = ['apartment', 'house', 'condominium', 'villa', 'cabin', 'townhouse'];
const CHANNELS: Listing['platform'][] = ['airbnb', 'booking', 'homeaway', 'direct'];

function platformId(faker: Faker, platform: string): string {
  if (platform === 'airbnb') return `HM${faker.string.alphanumeric({ length: 8, casing: 'upper' })}`;
  if (platform === 'booking') return faker.string.numeric(10);
  if (platform === 'homeaway') return `HA-${faker.string.alphanumeric({ length: 6, casing: 'upper' })}`;
  return faker.string.alphanumeric({ length: 8, casing: 'upper' });
}

function property(faker: Faker, account: AccountFixture, index: number, restricted: boolean): StoredProperty {
  const place = faker.helpers.arrayElement(PLACES[account.currency] ?? PLACES.USD!);
  const number = String(faker.number.int({ min: 1, max: 2400 }));
  const street = faker.location.street();
  const bedrooms = faker.number.int({ min: 1, max: 5 });
  const id = faker.string.uuid();
  const channels: Listing['platform'][] = restricted ? ['booking'] : ['airbnb', ...faker.helpers.arrayElements(CHANNELS.slice(1), { min: 0, max: 2 })];
  const price = faker.number.int({ min: 120, max: 350 }) * 100;
  const name = `${account.name} ${index + 1}: ${faker.word.adjective()} ${faker.helpers.arrayElement(['loft', 'bungalow', 'suite', 'retreat', 'cottage', 'flat'])}`;
  return {
    id,
    name,
    public_name: `${faker.word.adjective({ length: { min: 4, max: 9 } }).replace(/^./, (c) => c.toUpperCase())} ${bedrooms}-bedroom home in ${place.city}`,
    picture: `https://images.example.com/hospitable/${id}.jpg`,
    address: { number, street, city: place.city, state: place.state, country: place.country, postcode: place.postcode, coordinates: { latitude: place.lat + faker.number.float({ min: -0.05, max: 0.05, fractionDigits: 5 }), longitude: place.lng + faker.number.float({ min: -0.05, max: 0.05, fractionDigits: 5 }) }, display: `${number} ${street}, ${place.city}, ${place.state} ${place.postcode}, ${place.country}` },
    timezone: place.timezone,
    listed: index % 6 !== 5,
    amenities: faker.helpers.arrayElements(AMENITIES, { min: 4, max: 9 }),
    description: faker.lorem.paragraph(),
    summary: faker.lorem.sentence(),
    'check-in': faker.helpers.arrayElement(['15:00', '16:00']),
    'check-out': faker.helpers.arrayElement(['10:00', '11:00']),
    currency: account.currency,
    capacity: { max: bedrooms * 2 + faker.number.int({ min: 0, max: 2 }), bedrooms, beds: bedrooms + faker.number.int({ min: 0, max: 2 }), bathrooms: faker.helpers.arrayElement([1, 1.5, 2, 2.5, 3]) },
    room_details: [{ type: 'queen_bed', quantity: bedrooms }],
    house_rules: { pets_allowed: faker.datatype.boolean(0.3), smoking_allowed: false, events_allowed: faker.datatype.boolean(0.2) },
    listings: channels.map((platform) => ({ platform, platform_id: platformId(faker, platform), platform_name: `${account.name} on ${platform}`, platform_email: `${account.id}@${platform}.example.com` })),
    tags: faker.helpers.arrayElements(['beach', 'family', 'luxury', 'pet-friendly', 'ski', 'long-stay'], { min: 0, max: 2 }),
    property_type: faker.helpers.arrayElement(PROPERTY_TYPES),
    room_type: 'entire_home',
    calendar_restricted: restricted,
    parent_child: null,
    base: { price, weekendPrice: Math.round(price * 1.2), minStay: faker.helpers.arrayElement([1, 2, 2, 3]) },
  };
}

type Category = StoredReservation['status_history'][number]['category'];

function statusOf(faker: Faker, arrival: string, anchor: string): { category: Category; sub: string | null } {
  const roll = faker.number.float();
  if (roll < 0.1) return { category: 'cancelled', sub: null };
  if (roll < 0.14 && arrival > anchor) return { category: 'request', sub: 'request to book' };
  return { category: 'accepted', sub: null };
}

function reservation(faker: Faker, p: StoredProperty, arrival: string, nights: number, anchor: string): StoredReservation {
  const departure = addDays(arrival, nights);
  const listing = faker.helpers.arrayElement(p.listings);
  const booked = `${addDays(arrival, -faker.number.int({ min: 3, max: 90 }))}T${String(faker.number.int({ min: 8, max: 22 })).padStart(2, '0')}:${String(faker.number.int({ min: 0, max: 59 })).padStart(2, '0')}:00Z`;
  const status = statusOf(faker, arrival, anchor);
  const history: StoredReservation['status_history'] = [
    ...(status.category !== 'request' ? [{ category: 'request' as const, sub_category: 'request to book', changed_at: booked }] : []),
    { category: status.category, sub_category: status.sub, changed_at: booked.replace(/:00Z$/, ':30Z') },
  ];
  const adults = faker.number.int({ min: 1, max: Math.max(1, p.capacity.max - 1) });
  const children = faker.number.int({ min: 0, max: Math.max(0, p.capacity.max - adults) });
  const nightly = Array.from({ length: nights }, (_, i) => ([5, 6].includes(new Date(`${addDays(arrival, i)}T00:00:00Z`).getUTCDay()) ? p.base.weekendPrice : p.base.price));
  const accommodation = nightly.reduce((a, b) => a + b, 0);
  const fees = 8000 + Math.round(accommodation * 0.14);
  const hostFee = Math.round(accommodation * 0.03);
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const checkIn = zonedIso(arrival, p['check-in'], p.timezone);
  const checkOut = zonedIso(departure, p['check-out'], p.timezone);
  return {
    id: faker.string.uuid(),
    conversation_id: faker.string.uuid(),
    platform: listing.platform,
    platform_id: platformId(faker, listing.platform),
    booking_date: booked,
    arrival_date: checkIn,
    departure_date: checkOut,
    nights,
    check_in: checkIn,
    check_out: checkOut,
    last_message_at: faker.datatype.boolean(0.8) ? booked.replace(/:00Z$/, ':45Z') : null,
    status: status.category,
    reservation_status: { current: { category: status.category, sub_category: status.sub }, history },
    status_history: history,
    guests: { total: adults + children, adult_count: adults, child_count: children, infant_count: 0, pet_count: p.house_rules.pets_allowed ? faker.number.int({ min: 0, max: 1 }) : 0 },
    propertyId: p.id,
    guest: {
      id: faker.string.uuid(),
      first_name: firstName,
      last_name: lastName,
      email: faker.internet.email({ firstName, lastName, provider: 'guest.example.com' }).toLowerCase(),
      phone_numbers: [faker.phone.number({ style: 'international' })],
      profile_picture: null,
      location: `${faker.location.city()}, ${faker.location.countryCode()}`,
    },
    financials: {
      currency: p.currency,
      host: { accommodation: money(accommodation, p.currency), host_service_fee: money(-hostFee, p.currency), revenue: money(accommodation + 8000 - hostFee, p.currency) },
      guest: { accommodation: money(accommodation, p.currency), fees: money(fees, p.currency), total_price: money(accommodation + fees, p.currency) },
    },
  };
}

/** Properties and reservations of every account; stays run from 60 days before `anchorDate` to 150 after, a few days apart. */
export function seedHospitableData(seed: number, anchorDate: string): SeedData {
  const fixture = loadFixture<Fixture>('hospitable', 'accounts');
  const faker = seededFaker(seed, 'hospitable-data');
  const data: SeedData = {};
  for (const account of fixture.accounts) {
    const properties = Array.from({ length: account.properties }, (_, i) => property(faker, account, i, i >= account.properties - account.calendarRestricted));
    const reservations: StoredReservation[] = [];
    for (const p of properties) {
      let arrival = addDays(anchorDate, -60 + faker.number.int({ min: 0, max: 4 }));
      while (arrival < addDays(anchorDate, 150)) {
        const nights = faker.number.int({ min: Math.max(2, p.base.minStay), max: 7 });
        reservations.push(reservation(faker, p, arrival, nights, anchorDate));
        arrival = addDays(arrival, nights + faker.number.int({ min: 0, max: 5 }));
      }
    }
    data[account.id] = { properties: properties as unknown as Array<Record<string, unknown>>, reservations: reservations as unknown as Array<Record<string, unknown>> };
  }
  return data;
}

