// Guesty listings: GET /v1/listings (limit, skip, fields, active, listed, pms.active, ids, available) and GET /v1/listings/{id}.
import type { RequestHandler } from 'express';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import { addDays, isValidDate } from '../../core/dates.js';
import { parsed } from '../../core/validate.js';
import type { GuestyAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { calendarDays, findListing } from './calendar.js';
import type { Listing } from './types.js';
import { guestyErrors } from './errors.js';
import { listEnvelope, shape } from './query.js';

interface ListingsQuery {
  limit: number;
  skip: number;
  fields?: string;
  active?: boolean;
  listed?: boolean;
  'pms.active'?: boolean;
  ids?: string;
  available?: string;
}

interface Availability {
  checkIn: string;
  checkOut: string;
  minOccupancy?: number;
}

function parseAvailability(raw: string): Availability {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw guestyErrors.validation('available must be a JSON object {"checkIn": "YYYY-MM-DD", "checkOut": "YYYY-MM-DD", "minOccupancy": n}');
  }
  const a = value as Partial<Availability> | null;
  if (typeof a !== 'object' || a === null || typeof a.checkIn !== 'string' || typeof a.checkOut !== 'string' || !isValidDate(a.checkIn) || !isValidDate(a.checkOut)) {
    throw guestyErrors.validation('available.checkIn and available.checkOut must be dates (YYYY-MM-DD)');
  }
  if (a.checkOut <= a.checkIn) throw guestyErrors.validation('available.checkOut must be after available.checkIn');
  if (a.minOccupancy !== undefined && (typeof a.minOccupancy !== 'number' || a.minOccupancy < 1)) throw guestyErrors.validation('available.minOccupancy must be a positive number');
  return a as Availability;
}

export function listListings(accounts: GuestyAccounts): RequestHandler {
  return (_req, res) => {
    const { query } = parsed<ListingsQuery>(res);
    const accountId = accountOf(res);
    const ids = query.ids ? new Set(query.ids.split(',').map((s) => s.trim())) : undefined;
    const available = query.available ? parseAvailability(query.available) : undefined;
    const rows = accounts.store
      .collection<Listing>(accountId, 'listings')
      .list()
      .filter(
        (l) =>
          (query.active === undefined || l.active === query.active) &&
          (query.listed === undefined || l.listed === query.listed) &&
          (query['pms.active'] === undefined || l.pms?.active === query['pms.active']) &&
          (!ids || ids.has(l._id)) &&
          (!available ||
            ((l.accommodates ?? 0) >= (available.minOccupancy ?? 1) &&
              calendarDays(accounts, accountId, l, available.checkIn, addDays(available.checkOut, -1)).every((d) => d.status === 'available'))),
      );
    sendJsonText(res, listEnvelope(rows, query));
  };
}

export function getListing(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<{ fields?: string }>(res);
    sendJsonText(res, rowJson(shape(findListing(accounts, accountOf(res), String(req.params.id)), query.fields)));
  };
}
