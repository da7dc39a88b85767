// Test helpers for OwnerRez over real HTTP: the seeded credentials, the two hosts, Basic and bearer calls, requests from a chosen loopback
// address (127.0.0.2, 127.0.0.3 ...) for the per-IP rules, the headless consent queue and a hand-made code exchange.
import { request as httpRequest } from 'node:http';
import type { RunningSandbox } from '../../src/sandbox.js';

export const APP_ORIGIN = 'https://app.ownerrez.com';
export const API_ORIGIN = 'https://api.ownerrez.com';
/** seeds/000's examples. */
export const WYLIE = 'wylie@acme.com';
export const WYLIE_TOKEN = 'pt_faaaast';
export const EXAMPLE_ACCESS_TOKEN = 'at_foobarbaz';
export const EXAMPLE_USER_AGENT = 'My Awesome App/1.0 (c_51234234)';

export interface OwnerRezCredentials {
  users: Array<{ email: string; personalAccessToken: string; password: string }>;
  apps: Array<{ name: string; clientId: string; clientSecret: string; redirectUris: string[]; scope: 'full' | 'read_only'; expiration: 'standard' | 'none'; accessToken: string | null }>;
}

export function ownerrezCredentials(sandbox: RunningSandbox): OwnerRezCredentials {
  return sandbox.credentials.ownerrez as OwnerRezCredentials;
}

export const appBase = (sandbox: RunningSandbox): string => sandbox.origins[APP_ORIGIN]!;
export const apiBase = (sandbox: RunningSandbox): string => sandbox.origins[API_ORIGIN]!;
/** What OwnerRez's v2 base URL `https://api.ownerrez.com/v2/` stands for in the sandbox. */
export const v2Base = (sandbox: RunningSandbox): string => `${apiBase(sandbox)}/v2/`;

export const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The app of the seed: My Awesome App, full scope, tokens that do not expire. */
export const awesomeApp = (sandbox: RunningSandbox): OwnerRezCredentials['apps'][number] => ownerrezCredentials(sandbox).apps.find((a) => a.clientId === 'c_51234234')!;
/** The read-only app. */
export const readOnlyApp = (sandbox: RunningSandbox): OwnerRezCredentials['apps'][number] => ownerrezCredentials(sandbox).apps.find((a) => a.scope === 'read_only')!;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

/** A request whose socket is bound to `localAddress` (any of 127.0.0.0/8 on loopback), so the sandbox sees that client IP. */
export function requestFrom(localAddress: string, url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A v2 call with an OAuth access token and a User-Agent naming the app. */
export function v2(sandbox: RunningSandbox, pathAndQuery: string, options: { token?: string; userAgent?: string | null; method?: string; body?: unknown; authorization?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const authorization = options.authorization ?? (options.token ? `bearer ${options.token}` : undefined);
  if (authorization) headers.Authorization = authorization;
  if (options.userAgent !== null) headers['User-Agent'] = options.userAgent ?? EXAMPLE_USER_AGENT;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(new URL(pathAndQuery, v2Base(sandbox)), { method: options.method ?? 'GET', headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
}

export async function queueConsent(sandbox: RunningSandbox, decision: { clientId: string; user: string; approve: boolean }): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox/ownerrez/consent`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(decision) });
  if (res.status !== 202) throw new Error(`queueing consent answered ${res.status}: ${await res.text()}`);
}

/** Registers an app over the admin API; its secret is in this answer only. */
export async function registerApp(sandbox: RunningSandbox, app: { name: string; redirectUris: string[]; scope?: 'full' | 'read_only'; expiration?: 'standard' | 'none' }): Promise<OwnerRezCredentials['apps'][number]> {
  const res = await fetch(`${sandbox.url}/__sandbox/ownerrez/apps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(app) });
  if (res.status !== 201) throw new Error(`registering an app answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OwnerRezCredentials['apps'][number];
}

export interface TokenAnswer {
  access_token: string;
  token_type: string;
  scope: string;
  user_id: number;
  user_display_name: string;
  refresh_token?: string;
  expires_in?: number;
}

/** Headless consent, the authorize redirect, then the code exchanged at `host`'s token endpoint with the app's Basic credentials. */
export async function codeFlowTokens(sandbox: RunningSandbox, app: { clientId: string; clientSecret: string; redirectUris: string[] }, user: string, host = API_ORIGIN): Promise<TokenAnswer> {
  await queueConsent(sandbox, { clientId: app.clientId, user, approve: true });
  const authorize = new URL(`${appBase(sandbox)}/oauth/authorize`);
  authorize.search = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: app.redirectUris[0]!, state: 'st-1' }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`authorize answered ${redirect.status} ${redirect.headers.get('location')}`);
  const res = await fetch(`${sandbox.origins[host]}/oauth/access_token`, {
    method: 'POST',
    headers: { Authorization: basic(app.clientId, app.clientSecret), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code }),
  });
  if (res.status !== 200) throw new Error(`the token request answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TokenAnswer;
}
