// Properties: the document's GET /api/properties/lookup on the app host (seeds/000, "Authentication") and the v2 API's GET /properties and
// GET /properties/{id} (provider-facts §1), each reaching the caller's account only.
import type { RequestHandler } from 'express';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import { parsed } from '../../core/validate.js';
import type { OwnerRezAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { nightsHolder } from './bookings.js';
import { ownerrezErrors } from './errors.js';
import { sendList } from './lists.js';
import type { ListPropertiesQuery, LookupQuery, PageQuery, PropertyLookup } from './types.js';

export function lookupProperties(accounts: OwnerRezAccounts): RequestHandler {
  return (_req, res) => {
    const { query } = parsed<LookupQuery>(res);
    const userId = accountOf(res);
    const { arrival, departure } = query;
    if ((arrival === undefined) !== (departure === undefined)) throw ownerrezErrors.validation('Send both arrival and departure, or neither.');
    if (arrival !== undefined && departure !== undefined && departure <= arrival) throw ownerrezErrors.validation('departure must be after arrival.');
    const lookup: PropertyLookup[] = accounts
      .properties(userId)
      .list()
      .map((p) => ({ id: p.id, key: p.key, name: p.name, active: p.active, available: arrival && departure ? p.active && !nightsHolder(accounts, userId, p.id, arrival, departure) : null }));
    res.json(lookup);
  };
}

export function listProperties(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => {
    const { query } = parsed<ListPropertiesQuery & PageQuery>(res);
    const rows = accounts.properties(accountOf(res)).list();
    sendList(req, res, 'properties', query.active === undefined ? rows : rows.filter((p) => p.active === query.active), query);
  };
}

export function getProperty(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => {
    const id = String(req.params.id);
    const property = accounts.properties(accountOf(res)).get(String(Number(id)));
    if (!property) throw ownerrezErrors.notFound('Property', id);
    sendJsonText(res, rowJson(property));
  };
}
