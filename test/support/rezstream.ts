// Test helpers for rezStream over real HTTP: the seeded credentials, the two origins, Cloud API calls with the required headers, the headless
// consent queue, and a hand-written authorization-code exchange for tests about what comes after it (tests of the flow itself use openid-client).
import { createHash, randomBytes } from 'node:crypto';
import type { RunningSandbox } from '../../src/sandbox.js';

export const IDENTITY_ORIGIN = 'https://account.rezstream.com';
export const CLOUD_ORIGIN = 'https://cloudapi.rezstream.com';
export const API_VERSION = '2024-06-01';

/** The seeded businesses (fixtures/rezstream/accounts.json): Avery Morgan manages the first three. */
export const ASPEN = '3f2c8a6e-5b1d-4e7a-9c0f-2d8b6e1a4c57';
export const OUTER_BANKS = '8d4e1b72-0c3a-4f59-b6e8-71a2c9d05f13';
export const KONA = 'c61f0a94-27d8-4b3e-8a5c-e4902b7d16a8';
/** seeds/001's example reservation ("The Data and Endpoints"), a group stay of the Aspen business. */
export const EXAMPLE_RESERVATION = 'a2857289-0f63-4a26-b509-444699485a33';

export interface RezStreamCredentials {
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
  users: Array<{ username: string; password: string; tenants: string[] }>;
  manualTokens: Array<{ tenantId: string; token: string; scopes: string[] }>;
}

export function rezCredentials(sandbox: RunningSandbox): RezStreamCredentials {
  return sandbox.credentials.rezstream as RezStreamCredentials;
}

export const identityBase = (sandbox: RunningSandbox): string => sandbox.origins[IDENTITY_ORIGIN]!;
export const cloudBase = (sandbox: RunningSandbox): string => sandbox.origins[CLOUD_ORIGIN]!;

/** The user who manages several businesses, and the one who manages one. */
export function severalTenantsUser(sandbox: RunningSandbox): RezStreamCredentials['users'][number] {
  return rezCredentials(sandbox).users.find((u) => u.tenants.length > 1)!;
}

export function manualToken(sandbox: RunningSandbox, tenantId?: string): string {
  const tokens = rezCredentials(sandbox).manualTokens;
  return (tenantId ? tokens.find((t) => t.tenantId === tenantId) : tokens[0])!.token;
}

export interface CloudOptions {
  token?: string;
  tenantId?: string;
  version?: string | null;
  method?: string;
}

/** A Cloud API request with `Authorization` and `X-RezStream-Api-Version` (pass `version: null` to leave it out). */
export function cloud(sandbox: RunningSandbox, pathAndQuery: string, options: CloudOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.version !== null) headers['X-RezStream-Api-Version'] = options.version ?? API_VERSION;
  if (options.tenantId) headers['X-RezStream-Tenant-ID'] = options.tenantId;
  return fetch(`${cloudBase(sandbox)}${pathAndQuery}`, { method: options.method ?? 'GET', headers, redirect: 'manual' });
}

export async function queueConsent(sandbox: RunningSandbox, decision: { clientId?: string; user: string; tenants: string[]; approve: boolean }): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox/rezstream/consent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: rezCredentials(sandbox).client.clientId, ...decision }),
  });
  if (res.status !== 202) throw new Error(`queueing consent answered ${res.status}: ${await res.text()}`);
}

export interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  scope: string;
}

/** Authorize (headless consent) with PKCE, then exchange the code with client_secret_post, as rezStream's Postman collection does. */
export async function codeFlowTokens(sandbox: RunningSandbox, options: { scope: string; tenants: string[]; multiTenant?: boolean; user?: string }): Promise<TokenAnswer> {
  const { client } = rezCredentials(sandbox);
  const user = options.user ?? severalTenantsUser(sandbox).username;
  await queueConsent(sandbox, { user, tenants: options.tenants, approve: true });
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = client.redirectUris[0]!;
  const authorize = new URL(`${identityBase(sandbox)}/connect/authorize`);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: options.scope,
    state: 'xyz',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(options.multiTenant ? { multiTenant: 'true' } : {}),
  }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const location = redirect.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (redirect.status !== 302 || !code) throw new Error(`authorize answered ${redirect.status} ${location ?? (await redirect.text()).slice(0, 200)}`);
  const token = await fetch(`${identityBase(sandbox)}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, client_id: client.clientId, client_secret: client.clientSecret }),
  });
  if (token.status !== 200) throw new Error(`token exchange answered ${token.status}: ${await token.text()}`);
  return (await token.json()) as TokenAnswer;
}
