// What the OwnerRez contract cases share (seeds/000 "Authentication", provider-facts §1, the README's OwnerRez assumptions): the two hosts,
// the sources, the two credential kinds as a case sends them, and before steps that find ids or get a code through the headless consent.
import type { Auth, CaseContext, RequestSpec, Source } from '../types.js';
import { asObject } from '../json-checks.js';
import { sandboxAdmin } from '../sandbox-admin.js';

export { asObject, firstFailure, type Json } from '../json-checks.js';

export const ENV_PREFIX = 'OWNERREZ_';
export const APP = 'https://app.ownerrez.com';
export const API = 'https://api.ownerrez.com';

export const AUTHENTICATION = 'Authentication';
export const doc = (section: string): Source => ({ document: 'seeds/000 OwnerRez', section });
export const facts = (line: string): Source => ({ document: 'provider-facts.md §1 OwnerRez API v2', section: line });
export const assumption = (text: string): Source => ({ assumption: text });
export const ERROR_SHAPE = 'API errors are {"code": <status>, "error": "<message>"}, the shape of the published 429, with the sandbox\'s messages (README, OwnerRez assumptions)';

/** The personal access token of the target's user over Basic: OWNERREZ_EMAIL and OWNERREZ_PERSONAL_ACCESS_TOKEN, or the seed's wylie@acme.com. */
export const personal = async (ctx: CaseContext): Promise<Auth> => ({ basic: [await ctx.token('email'), await ctx.token('personalAccessToken')] });

/** The User-Agent seeds/000 asks for: an app name and the client id. */
export const userAgentOf = (clientId: string): string => `pms-sandbox contract suite/1.0 (${clientId})`;

/** A request with the app's access token (OWNERREZ_ACCESS_TOKEN, or at_foobarbaz) and a User-Agent naming its client id. */
export async function withApp(ctx: CaseContext, request: Omit<RequestSpec, 'auth'>, userAgent?: string): Promise<RequestSpec> {
  return { ...request, headers: { Accept: 'application/json', 'User-Agent': userAgent ?? userAgentOf(await ctx.token('clientId')), ...(request.headers ?? {}) }, auth: { bearer: await ctx.token('accessToken') } };
}

/** A v2 GET (`/v2/<path>`) on the API host. */
export const v2 = (path: string, query?: RequestSpec['query']): Omit<RequestSpec, 'auth'> => ({ origin: API, method: 'GET', path: `/v2/${path}`, headers: { Accept: 'application/json' }, ...(query ? { query } : {}) });

export const basicHeader = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The seeded users and apps of GET /__sandbox/credentials → ownerrez. */
interface SeededOwnerRez {
  users: Array<{ email: string; personalAccessToken: string }>;
  apps: Array<{ clientId: string; clientSecret: string; redirectUris: string[]; scope: string; accessToken: string | null }>;
}
export const seeded = (credentials: unknown): Partial<SeededOwnerRez> => (credentials ?? {}) as Partial<SeededOwnerRez>;

export async function sandboxSeed(ctx: CaseContext): Promise<SeededOwnerRez> {
  const all = asObject(await sandboxAdmin(ctx, 'GET', '/credentials'));
  return all.ownerrez as SeededOwnerRez;
}

/** Sends a request in a before step and answers its JSON object, failing the case unless it is a 200. */
export async function fetched(ctx: CaseContext, request: RequestSpec): Promise<Record<string, unknown>> {
  const res = await ctx.send(request);
  if (res.status !== 200) throw new Error(`before: ${request.method} ${request.path} answered ${res.status}: ${res.text.slice(0, 200)}`);
  return asObject(res.body);
}

/** A code for the seed's first app and user, through the headless consent queue and the authorize redirect (sandbox only). */
export async function sandboxCode(ctx: CaseContext): Promise<{ code: string; clientId: string; clientSecret: string }> {
  const { users, apps } = await sandboxSeed(ctx);
  const app = apps[0]!;
  await sandboxAdmin(ctx, 'POST', '/ownerrez/consent', { clientId: app.clientId, user: users[0]!.email, approve: true });
  const res = await ctx.send({ origin: APP, method: 'GET', path: '/oauth/authorize', query: { response_type: 'code', client_id: app.clientId, redirect_uri: app.redirectUris[0]!, state: 'contract' } });
  const location = res.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`before: the authorize request answered ${res.status} without a code`);
  return { code, clientId: app.clientId, clientSecret: app.clientSecret };
}
