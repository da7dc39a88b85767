// Entrata's web-service gates, resolved into one typed caller. seeds/004: an App Store app sends `"auth": {"type": "oauth"}` with its access
// token "specified in the header" (`Authorization: Bearer`), and may call only the methods of its data scopes; provider-facts §4: the general
// API sends `"auth": {"type": "basic"}` with a company user's HTTP Basic credentials (error 113 when they are wrong).
import type { RequestHandler, Response } from 'express';
import { CallerSlot, type Caller } from '../../core/caller.js';
import { readAuthorization } from '../../core/http-auth.js';
import { LastAdmitted } from '../../core/tokens/last-admitted.js';
import { valueAt } from '../../core/wire/rpc-route.js';
import type { EntrataAccounts } from './accounts.js';
import { entrataErrors } from './errors.js';
import type { EntrataOAuth } from './oauth.js';
import type { CompanyUser, EntrataGrant, ManagementCompany } from './types.js';

export interface EntrataCallerDetails {
  company: ManagementCompany;
  user: CompanyUser;
}

/** `accountId` is the company's subdomain; `scopes` the app's methods (a Basic caller, a company user, may call every method). */
export type EntrataCaller = Caller<EntrataCallerDetails>;

const callers = new CallerSlot<EntrataCaller>('entrata');

export function callerOf(res: Response): EntrataCaller {
  return callers.get(res);
}

export interface EnvelopeAuth {
  type: 'oauth' | 'basic';
  /** Every field of the envelope's `auth` object (getAccessToken's `code`, `client_id`…). */
  fields: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The envelope's `auth`, or the error for a request without one or with a type Entrata does not take. */
export function authOf(body: unknown): EnvelopeAuth {
  const fields = valueAt(body, ['auth']);
  if (!isRecord(fields)) throw entrataErrors.noAuth();
  const type = valueAt(fields, ['type']);
  if (type === 'oauth' || type === 'basic') return { type, fields };
  throw entrataErrors.unsupportedAuth(typeof type === 'string' ? type : String(JSON.stringify(type ?? null)));
}

/** The grant of `Authorization: Bearer <token>`: the user, company and app it was issued for. */
export function bearerGrant(oauth: EntrataOAuth, authorization: string | undefined): ReturnType<EntrataOAuth['grantOf']> & { token: string } {
  const header = readAuthorization(authorization);
  if (header.scheme !== 'bearer') throw entrataErrors.tokenInvalid();
  return { ...oauth.grantOf(header.token), token: header.token };
}

/**
 * The gate of a company's services (`https://<subdomain>.entrata.com/api/...`): the company the subdomain names, then the caller, then, for
 * an app's token, whether the method the body names is in its scopes. A method the service does not answer goes on, to be refused as such.
 */
export function companyGate(accounts: EntrataAccounts, oauth: EntrataOAuth, methods: readonly string[]): RequestHandler {
  // An app repeats its call with the same token on the same subdomain: the last one admitted is let through on its record's flags.
  const last = new LastAdmitted<EntrataGrant, { caller: EntrataCaller; scopes: readonly string[] }>(() => oauth.tokens);
  const inScopes = (scopes: readonly string[], body: unknown): void => {
    const method = valueAt(body, ['method', 'name']);
    if (typeof method === 'string' && methods.includes(method) && !scopes.includes(method)) throw entrataErrors.outsideScopes(method);
  };
  return (req, res, next) => {
    const subdomain = String(req.params.subdomain ?? '');
    const company = accounts.company(subdomain);
    if (!company) throw entrataErrors.unknownCompany(subdomain);
    const type = authOf(req.body).type;
    const authorization = req.get('authorization');
    if (type === 'basic') {
      const header = readAuthorization(authorization);
      const user = header.scheme === 'basic' ? accounts.signIn(company, header.username, header.password) : undefined;
      if (!user) throw entrataErrors.badUserCredentials();
      callers.set(res, { credential: 'user_password', accountId: company.subdomain, userId: String(user.id), clientId: undefined, scopes: [...methods], expiresAtMs: undefined, details: { company, user } });
      return next();
    }
    const recalled = last.recall(authorization, company.subdomain);
    if (recalled !== undefined && recalled.caller.details.company === company) {
      inScopes(recalled.scopes, req.body);
      callers.set(res, recalled.caller);
      return next();
    }
    const { grant, record, token } = bearerGrant(oauth, authorization);
    if (grant.subdomain !== company.subdomain) throw entrataErrors.otherCompany(company.subdomain);
    const user = accounts.user(company, grant.userId);
    if (!user) throw entrataErrors.tokenInvalid();
    inScopes(grant.scopes, req.body);
    const caller: EntrataCaller = Object.freeze({ credential: 'oauth_access_token', accountId: company.subdomain, userId: String(user.id), clientId: grant.clientId, scopes: grant.scopes, expiresAtMs: record.expiresAt, details: { company, user } });
    last.remember(authorization!, company.subdomain, token, record, { caller, scopes: grant.scopes });
    callers.set(res, caller);
    next();
  };
}
