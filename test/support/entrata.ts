// Test helpers for Entrata over real HTTP (Node's fetch): the seeded companies and apps, the two origins, RPC calls in the envelope as JSON
// or as XML (the sandbox's element names: README), the headless launch, and the launch → getAccessToken steps tests build on.
import { parseXmlDocument } from '../../src/core/wire/xml.js';
import type { RunningSandbox } from '../../src/sandbox.js';

export const SYNC_ORIGIN = 'https://sync.entrata.com';
export const companyOrigin = (subdomain: string): string => `https://${subdomain}.entrata.com`;

/** fixtures/entrata/accounts.json. */
export const SUNRISE = 'sunrise';
export const BLUEOAK = 'blueoak';
export const RENT_INSIGHTS = '3f9a61c2d84b4e0f9b7c5a2e1d6f8091';
export const PORTAL_LITE = '8c2e47b1a9f04d63b5e8c17a2f9d3e40';
export const MAPLE_COURT = 100001;
export const HARBOR_VIEW = 100002;
export const OAK_HOLLOW = 200001;
export const JDOE = 4101;
export const ASMITH = 4102;

export interface EntrataCredentials {
  apps: Array<{ clientId: string; clientSecret: string; appUrl: string; scopes: string[] }>;
  companies: Array<{ subdomain: string; name: string; properties: Array<{ id: number; name: string }>; users: Array<{ id: number; username: string }> }>;
  basic: Array<{ subdomain: string; username: string; password: string }>;
  installs: Array<{ clientId: string; subdomain: string }>;
}

/** As GET /__sandbox/credentials shows them now: apps and companies made over the admin API included. */
export const entrataCredentials = (sandbox: RunningSandbox): EntrataCredentials => sandbox.sandbox.credentials(sandbox.url).entrata as EntrataCredentials;
export const appOf = (sandbox: RunningSandbox, clientId: string): EntrataCredentials['apps'][number] => entrataCredentials(sandbox).apps.find((a) => a.clientId === clientId)!;

export const syncBase = (sandbox: RunningSandbox): string => `${sandbox.url}/sync.entrata.com`;
export const companyBase = (sandbox: RunningSandbox, subdomain: string): string => `${sandbox.url}/${subdomain}.entrata.com`;

export interface Envelope {
  auth?: Record<string, unknown>;
  requestId?: string | number;
  method?: { name?: string; version?: string; params?: Record<string, unknown> };
}

/** An envelope as XML with the sandbox's element names: `<request>` with the JSON keys as elements. */
export function envelopeXml(envelope: Envelope): string {
  const element = (name: string, value: unknown): string => {
    if (value === undefined) return '';
    if (typeof value === 'object' && value !== null) return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
    return `<${name}>${String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('request', envelope)}`;
}

export interface RpcAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The JSON answer, or the XML answer read back as the content of its `<response>` under a `response` key. */
  body: { response: { requestId?: unknown; code?: unknown; result?: any; error?: { code: unknown; message: string } } };
}

export interface RpcOptions {
  token?: string;
  basic?: { username: string; password: string };
  xml?: boolean;
  headers?: Record<string, string>;
}

export async function rpc(url: string, envelope: Envelope | string, options: RpcOptions = {}): Promise<RpcAnswer> {
  const headers: Record<string, string> = { 'Content-Type': options.xml ? 'application/xml' : 'application/json; charset=UTF-8', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.basic) headers.Authorization = `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64')}`;
  const body = typeof envelope === 'string' ? envelope : options.xml ? envelopeXml(envelope) : JSON.stringify(envelope);
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  const parsed = contentType.includes('xml') ? { response: parseXmlDocument(text, 'response') } : JSON.parse(text);
  return { status: res.status, contentType, text, body: parsed as RpcAnswer['body'] };
}

/** `POST /__sandbox/entrata/launch`: the URL the App Store iframe would load. */
export async function launch(sandbox: RunningSandbox, clientId = RENT_INSIGHTS, subdomain = SUNRISE, userId?: number): Promise<URL> {
  const res = await fetch(`${sandbox.url}/__sandbox/entrata/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ clientId, subdomain, ...(userId === undefined ? {} : { userId }) }) });
  if (res.status !== 200) throw new Error(`launch answered ${res.status}: ${await res.text()}`);
  return new URL(((await res.json()) as { url: string }).url);
}

/** The document's getAccessToken envelope for a code, with the app's credentials. */
export function tokenEnvelope(code: string, app: { clientId: string; clientSecret: string }): Envelope {
  return { auth: { type: 'oauth', code, grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.clientSecret }, method: { name: 'getAccessToken', params: {} } };
}

/** Launch, then exchange the code: an access token for the user of the company, through the app. */
export async function accessToken(sandbox: RunningSandbox, clientId = RENT_INSIGHTS, subdomain = SUNRISE, userId?: number): Promise<string> {
  const code = (await launch(sandbox, clientId, subdomain, userId)).searchParams.get('auth_code')!;
  const answer = await rpc(`${syncBase(sandbox)}/api/oauth`, tokenEnvelope(code, appOf(sandbox, clientId)));
  const token = answer.body.response.result?.access_token;
  if (typeof token !== 'string') throw new Error(`getAccessToken answered ${answer.text}`);
  return token;
}

export const call = (name: string, params: Record<string, unknown> = {}, requestId: string | number = 15): Envelope => ({ auth: { type: 'oauth' }, requestId, method: { name, version: 'r1', params } });
