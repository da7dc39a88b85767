// Webhook subscriptions of the v2 API, for OAuth apps only (provider-facts §1, "api-webhooks"): GET and POST /webhooksubscriptions, GET and
// DELETE /webhooksubscriptions/{id}, and GET /webhooksubscriptions/categories. Subscriptions are kept per account; nothing is delivered.
import type { RequestHandler } from 'express';
import { isoInstant } from '../../core/dates.js';
import { rowJson, sendJsonText } from '../../core/json-text.js';
import type { ProviderContext } from '../../core/provider.js';
import { parsed } from '../../core/validate.js';
import type { OwnerRezAccounts } from './accounts.js';
import { accountOf } from './auth.js';
import { ownerrezErrors } from './errors.js';
import { sendList } from './lists.js';
import { newWebhook } from './records.js';
import type { PageQuery, WebhookCategories, WebhookSubscription, WebhookSubscriptionCreate } from './types.js';

/** The categories are not published (provider-facts §1 gives only the keys): the sandbox's, listed in the README. */
export const WEBHOOK_CATEGORIES: WebhookCategories = {
  Booking: ['StatusChanged', 'DatesChanged', 'GuestChanged', 'ChargesChanged'],
  Contact: ['NameChanged', 'EmailChanged', 'PhoneChanged', 'AddressChanged'],
  Property: ['NameChanged', 'Activated', 'Deactivated'],
};

export const listWebhookCategories: RequestHandler = (_req, res) => void res.json(WEBHOOK_CATEGORIES);

export function listWebhookSubscriptions(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => void sendList(req, res, 'webhooksubscriptions', accounts.webhooks(accountOf(res)).list(), parsed<PageQuery>(res).query);
}

function findSubscription(accounts: OwnerRezAccounts, userId: number, id: string): WebhookSubscription {
  const found = accounts.webhooks(userId).get(String(Number(id)));
  if (!found) throw ownerrezErrors.notFound('Webhook subscription', id);
  return found;
}

export function getWebhookSubscription(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => void sendJsonText(res, rowJson(findSubscription(accounts, accountOf(res), String(req.params.id))));
}

export function createWebhookSubscription(accounts: OwnerRezAccounts, ctx: ProviderContext): RequestHandler {
  return (_req, res) => {
    const { body } = parsed<unknown, WebhookSubscriptionCreate>(res);
    if (body.category !== undefined && body.category !== null && !WEBHOOK_CATEGORIES[body.type].includes(body.category)) {
      throw ownerrezErrors.validation(`category must be one of ${WEBHOOK_CATEGORIES[body.type].join(', ')} for type ${body.type}.`);
    }
    const subscription = newWebhook(accounts, body, isoInstant(ctx.clock.nowMs()));
    res.status(201).json(accounts.webhooks(accountOf(res)).insert(String(subscription.id), subscription));
  };
}

export function deleteWebhookSubscription(accounts: OwnerRezAccounts): RequestHandler {
  return (req, res) => {
    const userId = accountOf(res);
    accounts.webhooks(userId).remove(String(findSubscription(accounts, userId, String(req.params.id)).id));
    res.status(204).end();
  };
}
