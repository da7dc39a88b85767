// What the Entrata contract cases share (seeds/004 "OAuth Single Sign-On" and "Accessing Web Services", provider-facts §4, the README's Entrata
// assumptions): the two origins, the sources, envelope builders, the launch → getAccessToken steps that give a case its token, and envelope checks.
import { providerEnv } from '../../config.js';
import type { Auth, CaseContext, RequestSpec, Source } from '../types.js';
import { asObject, firstFailure, type Json } from '../json-checks.js';
import { sandboxAdmin } from '../sandbox-admin.js';

export { asObject, firstFailure } from '../json-checks.js';

export const ENV_PREFIX = 'ENTRATA_';
export const SYNC = 'https://sync.entrata.com';
/** The sandbox's seeded company (fixtures/entrata/accounts.json); its origin is in the sandbox's origin map. */
export const SANDBOX_SUBDOMAIN = 'sunrise';
/** Another seeded company, for the refusal of a token at the wrong subdomain (sandbox only). */
export const OTHER_SUBDOMAIN = 'blueoak';
/**
 * The company a live run stands for: ENTRATA_SUBDOMAIN, read once as the harness reads provider variables; `--base-url` stands for its origin
 * (the suite's mainOrigin). Unset, it is the sandbox's company, so the in-process run and a live run without the variable agree.
 */
export const LIVE_SUBDOMAIN = providerEnv(ENV_PREFIX).SUBDOMAIN || SANDBOX_SUBDOMAIN;
export const companyOrigin = (subdomain: string): string => `https://${subdomain}.entrata.com`;
/** The company origin a case sends to: the seeded one on a sandbox (whatever ENTRATA_SUBDOMAIN says), the live one otherwise. */
export const company = (ctx: CaseContext): string => companyOrigin(subdomainOf(ctx));
export const subdomainOf = (ctx: CaseContext): string => (ctx.target.kind === 'sandbox' ? SANDBOX_SUBDOMAIN : LIVE_SUBDOMAIN);

export const SSO = 'OAuth Single Sign-On';
export const SERVICES = 'Accessing Web Services';
export const doc = (section: string): Source => ({ document: 'seeds/004 Entrata App Store', section });
export const facts = (line: string): Source => ({ document: 'provider-facts.md §4 Entrata', section: line });
export const assumption = (text: string): Source => ({ assumption: text });
export const ENVELOPE_ERRORS = 'errors travel in the envelope, {"response": {"requestId", "error": {"code", "message"}}}, with HTTP 200; codes and messages other than 113 are the sandbox\'s (README, Entrata assumptions)';

/** A method call in the request envelope, as the document writes it. */
export const envelope = (name: string, params: Json = {}, auth: Json = { type: 'oauth' }, requestId: string | number = 15): Json => ({ auth, requestId, method: { name, version: 'r1', params } });

/** A JSON POST of an envelope to a service path of an origin. */
export const post = (origin: string, path: string, body: Json, auth: Auth): RequestSpec => ({ origin, method: 'POST', path, headers: { Accept: 'application/json' }, json: body, auth });

/** The same with a body sent as written (a trailing comma, XML, broken JSON) under the Content-Type given. */
export const raw = (origin: string, path: string, body: string, contentType: string, auth: Auth): RequestSpec => ({ origin, method: 'POST', path, headers: { 'Content-Type': contentType }, body, auth });

/** The document's getAccessToken envelope: the launch code and the app's credentials in `auth`, no Authorization header. */
export const tokenEnvelope = (code: string, clientId: string, clientSecret: string): Json => ({
  auth: { type: 'oauth', code, grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret },
  method: { name: 'getAccessToken', params: {} },
});

interface SeededEntrata {
  apps: Array<{ clientId: string; clientSecret: string; scopes: string[] }>;
  basic: Array<{ subdomain: string; username: string; password: string }>;
}

export const seededApps = (credentials: unknown): SeededEntrata['apps'] => (credentials as Partial<SeededEntrata> | undefined)?.apps ?? [];
export const seededUsers = (credentials: unknown): SeededEntrata['basic'] => (credentials as Partial<SeededEntrata> | undefined)?.basic ?? [];

/** The sandbox's admin API, its answer as an object. */
const admin = async (ctx: CaseContext, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> => asObject(await sandboxAdmin(ctx, method, path, body));

/** An app of the sandbox's seed by its place in GET /__sandbox/credentials: 0 Rent Insights (every scope), 1 Resident Portal Lite (no getLeases). */
export async function sandboxApp(ctx: CaseContext, index: number): Promise<{ clientId: string; clientSecret: string }> {
  const app = seededApps((await admin(ctx, 'GET', '/credentials')).entrata)[index];
  if (!app) throw new Error(`before: the sandbox seeds no app #${index}`);
  return app;
}

/** The headless launch (POST /__sandbox/entrata/launch): the auth_code the App Store appends to the app's URL. */
export async function launchCode(ctx: CaseContext, clientId: string): Promise<string> {
  const { url } = await admin(ctx, 'POST', '/entrata/launch', { clientId, subdomain: SANDBOX_SUBDOMAIN });
  const code = typeof url === 'string' ? new URL(url).searchParams.get('auth_code') : null;
  if (!code) throw new Error(`before: the launch answered no auth_code: ${String(url)}`);
  return code;
}

/** The app's credentials: ENTRATA_CLIENT_ID / ENTRATA_CLIENT_SECRET, or the sandbox's first app. */
export const appCredentials = async (ctx: CaseContext): Promise<{ clientId: string; clientSecret: string }> => ({ clientId: await ctx.token('clientId'), clientSecret: await ctx.token('clientSecret') });

/** A code for getAccessToken: ENTRATA_AUTH_CODE on a live target (spent by the case), a fresh launch on a sandbox. */
export async function freshCode(ctx: CaseContext): Promise<string> {
  return ctx.target.kind === 'live' ? ctx.token('authCode') : launchCode(ctx, (await appCredentials(ctx)).clientId);
}

/** Sends getAccessToken in a before step; fails the case unless a token comes back. */
export async function exchange(ctx: CaseContext, code: string, app: { clientId: string; clientSecret: string }): Promise<string> {
  const res = await ctx.send(post(SYNC, '/api/oauth', tokenEnvelope(code, app.clientId, app.clientSecret), 'none'));
  const token = asObject(asObject(asObject(res.body).response).result).access_token;
  if (typeof token !== 'string') throw new Error(`before: getAccessToken answered ${res.text.slice(0, 200)}`);
  return token;
}

/** The app's token for the company: ENTRATA_ACCESS_TOKEN on a live target; on a sandbox, launch then getAccessToken (app #index). */
export async function appToken(ctx: CaseContext, index = 0): Promise<string> {
  if (ctx.target.kind === 'live') return ctx.token('accessToken');
  const app = index === 0 ? await appCredentials(ctx) : await sandboxApp(ctx, index);
  return exchange(ctx, await launchCode(ctx, app.clientId), app);
}

/** A before step remembering the app's token as `token`. */
export const withToken = async (ctx: CaseContext): Promise<void> => ctx.state.remember('token', await appToken(ctx));
export const bearer = (ctx: CaseContext): Auth => ({ bearer: ctx.state.recall('token') });
export const basicUser = async (ctx: CaseContext): Promise<Auth> => ({ basic: [await ctx.token('username'), await ctx.token('password')] });

/** The `response` of an answer's envelope. */
export const responseOf = (body: unknown): Json => asObject(asObject(body).response);

/** A success envelope: code 200 and a result, which `check` then reads. */
export function successFailure(body: unknown, check: (result: Json) => string | undefined = () => undefined): string | undefined {
  const response = responseOf(body);
  if (response.error !== undefined) return `the envelope holds an error: ${JSON.stringify(response.error)}`;
  return firstFailure(response.code !== 200 && `response.code is ${JSON.stringify(response.code)}, not 200`, check(asObject(response.result)));
}

/** An error envelope with this code and message. */
export function errorFailure(body: unknown, code: number, message: string): string | undefined {
  const error = asObject(responseOf(body).error);
  return firstFailure(
    error.code !== code && `error.code is ${JSON.stringify(error.code)}, not ${code} (${JSON.stringify(responseOf(body)).slice(0, 160)})`,
    error.message !== message && `error.message is ${JSON.stringify(error.message)}, not ${JSON.stringify(message)}`,
  );
}

/** The list under a result's collection (`Customers.Customer`), empty when absent. */
export const listOf = (result: Json, collection: string, item: string): Json[] => {
  const value = asObject(result[collection])[item];
  return Array.isArray(value) ? value.map(asObject) : [];
};

/** A before step remembering the token and the first property getProperties lists as `property`. */
export async function withProperty(ctx: CaseContext): Promise<void> {
  await withToken(ctx);
  const res = await ctx.send(post(company(ctx), '/api/properties', envelope('getProperties'), bearer(ctx)));
  const id = listOf(asObject(responseOf(res.body).result), 'PhysicalProperty', 'Property')[0]?.PropertyID;
  if (id === undefined) throw new Error(`before: getProperties listed no property: ${res.text.slice(0, 200)}`);
  ctx.state.remember('property', String(id));
}
