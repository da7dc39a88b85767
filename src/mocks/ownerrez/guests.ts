// Guests of the v2 API (provider-facts §1): GET /guests (q, created_since_utc), POST /guests, GET, PATCH and DELETE /guests/{id}; a guest
// that bookings name cannot be deleted.
import type { RequestHandler } from 'express';
import { isoInstant } from '../../core/dates.js';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { OwnerRezAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { ownerrezErrors } from './errors.js';
import { sendList } from './lists.js';
import { changedGuest, guestFrom } from './records.js';
import type { Guest, GuestInput, ListGuestsQuery, PageQuery } from './types.js';

function matches(guest: Guest, q: string): boolean {
  const needle = q.toLowerCase();
  const haystack = [`${guest.first_name} ${guest.last_name}`, ...guest.email_addresses.map((e) => e.address), ...guest.phones.map((p) => p.number)];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

export function listGuests(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<ListGuestsQuery & PageQuery>(res);
    const since = query.created_since_utc === undefined ? undefined : Date.parse(query.created_since_utc);
    const rows = accounts
      .guests(accountOf(res))
      .list()
      .filter((g) => (query.q === undefined || matches(g, query.q)) && (since === undefined || Date.parse(g.created_utc ?? '') >= since));
    sendList(req, res, 'guests', rows, query);
  };
}

function findGuest(accounts: OwnerRezAccounts, userId: number, id: string): Guest {
  const guest = accounts.guests(userId).get(String(Number(id)));
  if (!guest) throw ownerrezErrors.notFound('Guest', id);
  return guest;
}

export function getGuest(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => void sendJsonText(res, rowJson(findGuest(accounts, accountOf(res), String(req.params.id))));
}

export function createGuest(accounts: OwnerRezAccounts, ctx: ProviderContext): RequestHandler {
  return (_req, res) => {
    const { body } = parsed<unknown, GuestInput & { first_name: string; last_name: string }>(res);
    const guest = guestFrom(accounts, body, isoInstant(ctx.clock.nowMs()));
    res.status(201).json(accounts.guests(accountOf(res)).insert(String(guest.id), guest));
  };
}

export function updateGuest(accounts: OwnerRezAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const { body } = parsed<unknown, GuestInput>(res);
    const userId = accountOf(res);
    const guest = findGuest(accounts, userId, String(req.params.id));
    res.json(accounts.guests(userId).update(String(guest.id), () => changedGuest(accounts, guest, body, isoInstant(ctx.clock.nowMs()))));
  };
}

export function deleteGuest(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => {
    const userId = accountOf(res);
    const guest = findGuest(accounts, userId, String(req.params.id));
    const booked = accounts.bookings(userId).list().find((b) => b.guest_id === guest.id);
    if (booked) throw ownerrezErrors.conflict(`Guest ${guest.id} has bookings (booking ${booked.id}) and cannot be deleted.`);
    accounts.guests(userId).remove(String(guest.id));
    res.status(204).end();
  };
}
