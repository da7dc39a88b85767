// GET /v2/users/me: the user whose account the credential reaches, as the official Zapier app tests a connection (provider-facts §1).
import type { RequestHandler } from 'express';
import type { OwnerRezAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import type { User } from './types.js';

export function getCurrentUser(accounts: OwnerRezAccounts): RequestHandler {
  return (_req, res) => {
    const user = accounts.user(accountOf(res))!;
    const me: User = { id: user.id, first_name: user.firstName, last_name: user.lastName, email_address: user.email };
    res.json(me);
  };
}
