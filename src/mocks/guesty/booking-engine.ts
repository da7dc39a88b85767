// Guesty's Booking Engine API (booking.guesty.com): its own credentials and token (scope booking_engine:api); listings as a guest-facing site reads them.
import type { RequestHandler } from 'express';
import { offsetPage } from '../../core/paging.js';
import { parsed } from '../../core/validate.js';
import type { GuestyAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { findListing } from './calendar.js';
import type { Listing } from './types.js';

/** Only what a public booking site may show: no owner, account or PMS internals. */
function publicListing(l: Listing): Record<string, unknown> {
  return {
    _id: l._id,
    title: l.title,
    nickname: l.nickname,
    propertyType: l.propertyType,
    roomType: l.roomType,
    accommodates: l.accommodates,
    bedrooms: l.bedrooms,
    bathrooms: l.bathrooms,
    beds: l.beds,
    address: { city: l.address?.city, state: l.address?.state, country: l.address?.country },
    timezone: l.timezone,
    prices: { basePrice: l.prices?.basePrice, currency: l.prices?.currency },
    picture: l.picture,
  };
}

export function listBookingEngineListings(accounts: GuestyAccounts): RequestHandler {
  return (_req, res) => {
    const { query } = parsed<{ limit: number; skip: number }>(res);
    const listed = accounts.store.collection<Listing>(accountOf(res), 'listings').list().filter((l) => l.active && l.listed);
    const page = offsetPage(listed, query.skip, query.limit);
    res.json({ results: page.items.map(publicListing), pagination: { total: page.total } });
  };
}

export function getBookingEngineListing(accounts: GuestyAccounts): RequestHandler {
  return (req, res) => {
    res.json(publicListing(findListing(accounts, accountOf(res), String(req.params.id))));
  };
}
