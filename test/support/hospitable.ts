// Test helpers for Hospitable over real HTTP: the seeded credentials, the three origins, v2 calls with a bearer token, personal access
// tokens made over the admin API, the headless consent queue, and a hand-written code exchange (tests of the flow itself use openid-client).
import type { RunningSandbox } from '../../src/sandbox.js';

export const API_ORIGIN = 'https://public.api.hospitable.com';
export const AUTH_ORIGIN = 'https://auth.hospitable.com';
export const V1_ORIGIN = 'https://api.hospitable.com';

export interface HospitableCredentials {
  users: Array<{ email: string; password: string; role: 'owner' | 'secondary'; accountId: string }>;
  personalAccessTokens: Array<{ name: string; token: string; permissions: string[]; accountId: string }>;
  v1: { clientId: string; clientSecret: string; accountId: string };
  oauthClient: { clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[] };
  oauthClients: Array<{ clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[] }>;
}

export function hospitableCredentials(sandbox: RunningSandbox): HospitableCredentials {
  return sandbox.credentials.hospitable as HospitableCredentials;
}

export const apiBase = (sandbox: RunningSandbox): string => sandbox.origins[API_ORIGIN]!;
export const authBase = (sandbox: RunningSandbox): string => sandbox.origins[AUTH_ORIGIN]!;
export const v1Base = (sandbox: RunningSandbox): string => sandbox.origins[V1_ORIGIN]!;

/** A seeded personal access token: read-only, or read-and-write. */
export function seededToken(sandbox: RunningSandbox, permissions: 'read' | 'read,write'): string {
  return hospitableCredentials(sandbox).personalAccessTokens.find((t) => t.permissions.join(',') === permissions)!.token;
}

export function owner(sandbox: RunningSandbox, accountId?: string): HospitableCredentials['users'][number] {
  return hospitableCredentials(sandbox).users.find((u) => u.role === 'owner' && (accountId === undefined || u.accountId === accountId))!;
}

export function secondary(sandbox: RunningSandbox): HospitableCredentials['users'][number] {
  return hospitableCredentials(sandbox).users.find((u) => u.role === 'secondary')!;
}

/** A v2 (or any origin's) request with `Authorization: Bearer <token>` and a JSON body when given. */
export function call(sandbox: RunningSandbox, pathAndQuery: string, options: { token?: string; method?: string; json?: unknown; origin?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${sandbox.origins[options.origin ?? API_ORIGIN]}${pathAndQuery}`, { method: options.method ?? 'GET', headers, redirect: 'manual', ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}) });
}

export function admin(sandbox: RunningSandbox, path: string, method = 'GET', json?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/__sandbox/hospitable${path}`, { method, headers: json === undefined ? {} : { 'Content-Type': 'application/json' }, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
}

export async function createToken(sandbox: RunningSandbox, user: string, permissions: string[], name = 'Test token'): Promise<{ id: string; name: string; token: string; permissions: string[] }> {
  const res = await admin(sandbox, '/tokens', 'POST', { user, name, permissions });
  if (res.status !== 201) throw new Error(`creating a token answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; name: string; token: string; permissions: string[] };
}

/** The first property of the token's account (the first page's first row). */
export async function firstProperty(sandbox: RunningSandbox, token: string): Promise<{ id: string; calendar_restricted: boolean }> {
  const res = await call(sandbox, '/v2/properties?per_page=100', { token });
  return ((await res.json()) as { data: Array<{ id: string; calendar_restricted: boolean }> }).data[0]!;
}

export async function queueConsent(sandbox: RunningSandbox, decision: { clientId?: string; user: string; approve: boolean }): Promise<void> {
  const res = await admin(sandbox, '/consent', 'POST', { clientId: hospitableCredentials(sandbox).oauthClient.clientId, ...decision });
  if (res.status !== 202) throw new Error(`queueing consent answered ${res.status}: ${await res.text()}`);
}

export interface TokenAnswer {
  token_type: string;
  expires_in: number;
  access_token: string;
  refresh_token?: string;
}

/** provider-facts' flow verbatim: authorize with client_id, response_type and state only (headless consent), then the JSON exchange. */
export async function codeFlowTokens(sandbox: RunningSandbox, options: { user?: string; client?: HospitableCredentials['oauthClient']; scope?: string } = {}): Promise<TokenAnswer> {
  const client = options.client ?? hospitableCredentials(sandbox).oauthClient;
  await queueConsent(sandbox, { clientId: client.clientId, user: options.user ?? owner(sandbox).email, approve: true });
  const url = new URL(`${authBase(sandbox)}/oauth/authorize`);
  url.search = new URLSearchParams({ client_id: client.clientId, response_type: 'code', state: 'xyz', ...(options.scope ? { scope: options.scope } : {}) }).toString();
  const redirect = await fetch(url, { redirect: 'manual' });
  const location = redirect.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (redirect.status !== 302 || !code) throw new Error(`authorize answered ${redirect.status} ${location ?? (await redirect.text()).slice(0, 200)}`);
  const token = await fetch(`${authBase(sandbox)}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ client_id: client.clientId, client_secret: client.clientSecret, grant_type: 'authorization_code', code }),
  });
  if (token.status !== 200) throw new Error(`token exchange answered ${token.status}: ${await token.text()}`);
  return (await token.json()) as TokenAnswer;
}

/** v1's documented token request (developer.hospitable.com, v1 "Authentication"). */
export async function v1Token(sandbox: RunningSandbox): Promise<string> {
  const { clientId, clientSecret } = hospitableCredentials(sandbox).v1;
  const res = await fetch(`${authBase(sandbox)}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, audience: 'api.hospitable.com', grant_type: 'client_credentials' }),
  });
  if (res.status !== 200) throw new Error(`v1 token answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
