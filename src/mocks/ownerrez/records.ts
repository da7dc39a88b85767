// Records as a write makes them in the serving thread, without faker: a new booking (its charges at the property's nightly rate), a booking's
// change, a guest from its input, a webhook subscription; ids from the account store's sequences, times from the virtual clock. The seed's
// bookings (data.ts) take their charges from here too.
import { daysBetween } from '../../core/dates.js';
import type { OwnerRezAccounts } from './accounts.js';
import type { Booking, BookingCreate, BookingUpdate, Charge, Guest, GuestInput, Property, WebhookSubscription, WebhookSubscriptionCreate } from './types.js';

/** Rent, cleaning and tax, as the official sample's `charges` (rent with a 20 % commission). */
export function chargesFor(nights: number, nightlyRate: number): Charge[] {
  const rent = nights * nightlyRate;
  const line = (position: number, type: Charge['type'], description: string, amount: number, rate: number): Charge => ({
    amount,
    commission_amount: type === 'rent' ? Math.round(amount * 0.2 * 100) / 100 : 0,
    description,
    is_channel_managed: false,
    is_commission_all: false,
    is_expense_all: false,
    is_taxable: type !== 'tax',
    owner_amount: type === 'rent' ? Math.round(amount * 0.8 * 100) / 100 : amount,
    owner_commission_percent: type === 'rent' ? 20 : 0,
    position,
    rate,
    rate_is_percent: type === 'tax',
    type,
  });
  const tax = Math.round((rent + 150) * 0.07 * 100) / 100;
  return [line(0, 'rent', `Rent (${nights} night${nights === 1 ? '' : 's'})`, rent, nightlyRate), line(1, 'fee', 'Cleaning Fee', 150, 150), line(2, 'tax', 'Lodging Tax', tax, 7)];
}

export function totalOf(charges: readonly Charge[]): number {
  return Math.round(charges.reduce((sum, c) => sum + c.amount, 0) * 100) / 100;
}

/** The nightly rate of a property's seeded bookings, or a plain one for a property that has none. */
function nightlyRate(bookings: readonly Booking[], propertyId: number): number {
  const rent = bookings.find((b) => b.property_id === propertyId && b.charges.length > 0)?.charges.find((c) => c.type === 'rent');
  return rent?.rate ?? 150;
}

export function newBooking(accounts: OwnerRezAccounts, userId: number, property: Property, input: BookingCreate, guest: Guest | undefined, nowIso: string): Booking {
  const block = input.is_block ?? false;
  const nights = daysBetween(input.arrival, input.departure);
  const charges = block ? [] : chargesFor(nights, nightlyRate(accounts.bookings(userId).list(), property.id));
  const total = totalOf(charges);
  return {
    id: accounts.nextId('booking'),
    property_id: property.id,
    guest_id: guest?.id ?? null,
    arrival: input.arrival,
    departure: input.departure,
    check_in: property.check_in ?? '16:00',
    check_out: property.check_out ?? '10:00',
    adults: input.adults ?? (block ? 0 : 1),
    children: input.children ?? 0,
    infants: input.infants ?? 0,
    pets: input.pets ?? 0,
    is_block: block,
    status: 'active',
    type: block ? 'block' : 'booking',
    title: input.title ?? (guest ? `${guest.first_name} ${guest.last_name}` : block ? 'Block' : null),
    notes: input.notes ?? null,
    listing_site: block ? null : 'Direct',
    platform_reservation_number: null,
    currency_code: property.currency_code ?? 'USD',
    total_amount: total,
    total_paid: 0,
    total_owed: total,
    total_refunded: 0,
    total_host_fees: 0,
    has_problem: false,
    charges,
    booked_utc: nowIso,
    canceled_utc: null,
    created_utc: nowIso,
    updated_utc: nowIso,
  };
}

export function changedBooking(booking: Booking, change: BookingUpdate, nowIso: string): Booking {
  const next: Booking = { ...booking, ...change, updated_utc: nowIso };
  if (change.status === 'canceled' && booking.status !== 'canceled') next.canceled_utc = nowIso;
  if (change.status === 'active') next.canceled_utc = null;
  return next;
}

export function guestFrom(accounts: OwnerRezAccounts, input: GuestInput & { first_name: string; last_name: string }, nowIso: string, id = accounts.nextId('guest'), createdUtc = nowIso): Guest {
  return {
    id,
    first_name: input.first_name,
    last_name: input.last_name,
    notes: input.notes ?? null,
    addresses: (input.addresses ?? []).map((a, n) => ({ id: accounts.nextId('address'), street1: a.street1 ?? '', street2: a.street2 ?? null, city: a.city ?? '', state: a.state ?? '', postal_code: a.postal_code ?? '', country: a.country ?? 'US', is_default: a.is_default ?? n === 0 })),
    email_addresses: (input.email_addresses ?? []).map((e, n) => ({ id: accounts.nextId('email'), address: e.address, is_default: e.is_default ?? n === 0 })),
    phones: (input.phones ?? []).map((p, n) => ({ id: accounts.nextId('phone'), number: p.number, is_default: p.is_default ?? n === 0 })),
    created_utc: createdUtc,
    updated_utc: nowIso,
  };
}

/** A PATCH: the fields sent replace the guest's; a list sent replaces that list (its entries get new ids). */
export function changedGuest(accounts: OwnerRezAccounts, guest: Guest, change: GuestInput, nowIso: string): Guest {
  const merged = guestFrom(
    accounts,
    {
      first_name: change.first_name ?? guest.first_name,
      last_name: change.last_name ?? guest.last_name,
      notes: change.notes === undefined ? guest.notes ?? null : change.notes,
      ...(change.addresses ? { addresses: change.addresses } : {}),
      ...(change.email_addresses ? { email_addresses: change.email_addresses } : {}),
      ...(change.phones ? { phones: change.phones } : {}),
    },
    nowIso,
    guest.id,
    guest.created_utc,
  );
  return {
    ...merged,
    addresses: change.addresses ? merged.addresses : guest.addresses,
    email_addresses: change.email_addresses ? merged.email_addresses : guest.email_addresses,
    phones: change.phones ? merged.phones : guest.phones,
  };
}

export function newWebhook(accounts: OwnerRezAccounts, input: WebhookSubscriptionCreate, nowIso: string): WebhookSubscription {
  return { id: accounts.nextId('webhook'), type: input.type, action: input.action, webhook_url: input.webhook_url, category: input.category ?? null, created_utc: nowIso };
}
