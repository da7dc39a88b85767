// Guesty guests (guests-crud API): list with q, get, create, update.
import type { RequestHandler } from 'express';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import { parsed } from '../../core/validate.js';
import type { GuestyAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import type { Guest } from './types.js';
import { listEnvelope, shape } from './query.js';
import { newGuest, type GuestInput } from './records.js';

export function findGuest(accounts: GuestyAccounts, accountId: string, id: string): Guest {
  return accounts.find<Guest>(accountId, 'guests', 'Guest', id);
}

export function createGuestRecord(accounts: GuestyAccounts, accountId: string, input: GuestInput, now: string): Guest {
  const record = newGuest(accounts.writes, accountId, now, input);
  return accounts.store.collection<Guest>(accountId, 'guests').insert(record._id, record);
}

export function listGuests(accounts: GuestyAccounts): RequestHandler {
  return (_req, res) => {
    const { query } = parsed<{ limit: number; skip: number; fields?: string; q?: string }>(res);
    const q = query.q?.toLowerCase();
    const rows = accounts.store
      .collection<Guest>(accountOf(res), 'guests')
      .list()
      .filter((g) => !q || `${g.fullName ?? ''} ${g.email ?? ''} ${g.phone ?? ''}`.toLowerCase().includes(q));
    sendJsonText(res, listEnvelope(rows, query));
  };
}

export function getGuest(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<{ fields?: string }>(res);
    sendJsonText(res, rowJson(shape(findGuest(accounts, accountOf(res), String(req.params.id)), query.fields)));
  };
}

export function createGuest(accounts: GuestyAccounts, now: () => string): RequestHandler {
  return (_req, res) => {
    const { body } = parsed<unknown, GuestInput>(res);
    res.json(createGuestRecord(accounts, accountOf(res), body, now()));
  };
}

export function updateGuest(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    const { body } = parsed<unknown, GuestInput>(res);
    const accountId = accountOf(res);
    const id = String(req.params.id);
    findGuest(accounts, accountId, id);
    const updated = accounts.store.collection<Guest>(accountId, 'guests').update(id, (g) => {
      const next = { ...g, ...body };
      next.fullName = `${next.firstName ?? ''} ${next.lastName ?? ''}`.trim();
      if (body.email !== undefined) next.emails = [body.email, ...(g.emails ?? []).filter((e) => e !== body.email)];
      if (body.phone !== undefined) next.phones = [body.phone, ...(g.phones ?? []).filter((p) => p !== body.phone)];
      return next;
    });
    res.json(updated);
  };
}
