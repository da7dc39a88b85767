// Guesty records as a write makes them in the serving thread: ids, a new guest, a stay's times and money. No faker here (it seeds data
// in the seed worker): a write stores what it was given and takes its ids from a seeded generator.
import { zonedToUtc } from '../../core/dates.js';
import type { SeededRandom } from '../../core/seeded-random.js';
import type { Guest, Listing, Reservation } from './types.js';

export interface GuestInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  hometown?: string;
}

/** A MongoDB ObjectId's 24 hex characters, as Guesty's ids are. */
export function newObjectId(ids: SeededRandom): string {
  return ids.hex(24);
}

export function newConfirmationCode(ids: SeededRandom): string {
  return `GY-${ids.alphanumeric(8)}`;
}

/** A guest from what the request gave: nothing is made up for a field it left out. */
export function newGuest(ids: SeededRandom, accountId: string, createdAt: string, given: GuestInput): Guest {
  const fullName = [given.firstName, given.lastName].filter(Boolean).join(' ');
  return {
    _id: newObjectId(ids),
    accountId,
    ...(given.firstName !== undefined ? { firstName: given.firstName } : {}),
    ...(given.lastName !== undefined ? { lastName: given.lastName } : {}),
    ...(fullName ? { fullName } : {}),
    email: given.email ?? '',
    phone: given.phone ?? '',
    emails: given.email ? [given.email] : [],
    phones: given.phone ? [given.phone] : [],
    hometown: given.hometown ?? '',
    createdAt,
  };
}

/** Money as Guesty reports it for a stay priced night by night. */
export function money(nightlyPrices: readonly number[], l: Listing, totalPaid: number): Reservation['money'] {
  const fareAccommodation = nightlyPrices.reduce((sum, p) => sum + p, 0);
  const total = fareAccommodation + (l.prices?.cleaningFee ?? 0);
  return { currency: l.prices?.currency ?? 'USD', fareAccommodation, totalPaid, balanceDue: Math.max(0, total - totalPaid), hostPayout: Math.round(total * 0.85 * 100) / 100 };
}

export function stayTimes(l: Listing, checkInDate: string, checkOutDate: string): { checkIn: string; checkOut: string } {
  const timeZone = l.timezone ?? 'UTC';
  return {
    checkIn: zonedToUtc(checkInDate, l.defaultCheckInTime ?? '15:00', timeZone).toISOString(),
    checkOut: zonedToUtc(checkOutDate, l.defaultCheckOutTime ?? '11:00', timeZone).toISOString(),
  };
}

