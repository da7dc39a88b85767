// The legacy v1 API (help.hospitable.com, "Accessing the legacy Public API (v1) with a Client ID and Client Secret"; provider-facts.md §2):
// reached with a client-credentials token only; the properties list in the sandbox's reading of v1's shape (not published).
import type { RequestHandler } from 'express';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { HospitableAccounts } from './accounts.js';
import { baseOf, callerOf, V1_ORIGIN } from './auth.js';
import { paginate } from './envelope.js';
import type { StoredProperty, V1Property } from './types.js';

function presentV1(p: StoredProperty): V1Property {
  return { id: p.id, name: p.name, timezone: p.timezone, listed: p.listed, currency: p.currency, address: p.address };
}

export function listV1Properties(accounts: HospitableAccounts, ctx: ProviderContext): RequestHandler {
  return (req, res) => {
    const { page, per_page } = parsed<{ page: number; per_page: number }>(res).query;
    const rows = accounts.properties(callerOf(res).accountId!).list();
    res.json(paginate(req, `${baseOf(ctx, req, V1_ORIGIN)}/v1/properties`, rows, page, per_page, presentV1));
  };
}
