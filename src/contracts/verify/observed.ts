// Journal entries as the rules read them (in process, unredacted): the origin's host and path, parsed bodies, the credential sent; and small
// readers the rule files share (a field, a JWT's claims, Link URLs, an XML element, a page URL compared by its parameters).
import type { JournalEntry } from '../../core/journal.js';
import { readAuthorization } from '../../core/http-auth.js';
import type { Observed, SentCredential } from './types.js';

function flat(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function credentialOf(authorization: string | undefined): SentCredential | undefined {
  const auth = readAuthorization(authorization);
  return auth.scheme === 'bearer' || auth.scheme === 'basic' ? auth : undefined;
}

/** The code of an RPC envelope's error (`{"response": {"error": {"code"}}}`, or `<response><error><code>` in XML), if the answer is one. */
function envelopeCode(json: unknown, text: string | undefined): number | undefined {
  const fromJson = field(json, 'response', 'error', 'code');
  const code = typeof fromJson === 'number' || typeof fromJson === 'string' ? fromJson : /<error>\s*<code>(\d{3})<\/code>/.exec(text ?? '')?.[1];
  const n = Number(code);
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** An entry of a provider's origin, or undefined for one that is not (the admin API, an unmatched path). */
export function observe(entry: JournalEntry): Observed | undefined {
  if (entry.provider === undefined) return undefined;
  const [pathPart, queryPart = ''] = entry.url.split(/\?(.*)/s, 2) as [string, string?];
  const segments = pathPart.split('/');
  const host = (segments[1] ?? '').toLowerCase();
  const requestHeaders = flat(entry.requestHeaders);
  const responseHeaders = flat(entry.responseHeaders);
  const responseText = typeof entry.responseBody === 'string' ? entry.responseBody : undefined;
  const responseJson = (responseHeaders['content-type'] ?? '').includes('json') ? parseJson(responseText) : undefined;
  return {
    id: entry.id,
    atMs: Date.parse(entry.at),
    provider: entry.provider,
    method: entry.method.toUpperCase(),
    host,
    path: `/${segments.slice(2).join('/')}`,
    query: new URLSearchParams(queryPart),
    requestHeaders,
    requestBody: parseJson(entry.requestBody),
    status: entry.status,
    answered: entry.status === 200 ? (envelopeCode(responseJson, responseText) ?? 200) : entry.status,
    responseHeaders,
    responseText,
    responseJson,
    credential: credentialOf(requestHeaders.authorization),
  };
}

/** The value at a path of keys in a parsed body; undefined when any step is missing or not an object. */
export function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const bearerOf = (entry: Observed): string | undefined => (entry.credential?.scheme === 'bearer' ? entry.credential.token : undefined);

/** The client id an OAuth client authenticated with: HTTP Basic's user name or the form's `client_id`. */
export function oauthClientOf(entry: Observed): string | undefined {
  if (entry.credential?.scheme === 'basic') return entry.credential.username;
  return text(field(entry.requestBody, 'client_id')) ?? text(entry.query.get('client_id'));
}

/** A JWT's claims, decoded without verifying (the sandbox issued it); undefined for anything that is not a JWT. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const claims = parseJson(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
}

/** The URLs of a response's `Link` header fields (RFC 8288), whatever their relation. */
export function linkUrls(entry: Observed): string[] {
  return [...(entry.responseHeaders.link ?? '').matchAll(/<([^>]*)>/g)].map((m) => m[1]!);
}

/** A page URL as path and sorted parameters, so the same page compares equal however its query is ordered or encoded. */
export function pageKey(host: string, path: string, query: URLSearchParams): string {
  const sorted = [...query.entries()].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return `${host}${path.replace(/\/+$/, '').toLowerCase()}?${new URLSearchParams(sorted).toString()}`;
}

/** The same key for an absolute URL the sandbox handed out (`http://localhost:4010/cloudapi.rezstream.com/reservations/byDate?...`). */
export function pageKeyOfUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const [, host = '', ...rest] = parsed.pathname.split('/');
    return pageKey(host.toLowerCase(), `/${rest.join('/')}`, parsed.searchParams);
  } catch {
    return undefined;
  }
}

/** The text of the first `<name>` element of an XML answer. */
export function xmlValue(xml: string | undefined, name: string): string | undefined {
  return xml === undefined ? undefined : new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** Seconds a 429 asks to wait: `Retry-After` in seconds, or an HTTP date against the answer's own `Date`. */
export function retryAfterSeconds(entry: Observed): number | undefined {
  const value = entry.responseHeaders['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  const date = Date.parse(entry.responseHeaders.date ?? '');
  return Number.isNaN(at) || Number.isNaN(date) ? undefined : Math.max(0, (at - date) / 1000);
}

/** The access and refresh tokens a successful token answer issued (RFC 6749 §5.1 fields). */
export const issuedTokens = (entry: Observed): Array<string | undefined> => (entry.status === 200 ? [text(field(entry.responseJson, 'access_token')), text(field(entry.responseJson, 'refresh_token'))] : []);

export interface TokenTraffic {
  /** The client an entry names itself (a token request's client id, a personal access token's owner), if it does. */
  clientOf(entry: Observed): string | undefined;
  /** The tokens such an entry's answer issued to that client. */
  issued(entry: Observed): Array<string | undefined>;
  /** Tokens known before any entry: the seeded ones, by value. */
  known?: ReadonlyMap<string, string>;
  /** The token an entry carries; the bearer token by default. */
  tokenOf?(entry: Observed): string | undefined;
}

/**
 * Names each entry's client from the journal's own token traffic: an entry that names its client is that client's, and so is every later
 * entry carrying a token issued to it (or a seeded one).
 */
export function identifyByTokens(entries: readonly Observed[], traffic: TokenTraffic): void {
  const tokens = new Map(traffic.known ?? []);
  for (const e of entries) {
    const client = traffic.clientOf(e);
    if (client !== undefined) {
      e.client = client;
      for (const token of traffic.issued(e)) if (token) tokens.set(token, client);
      continue;
    }
    const token = (traffic.tokenOf ?? bearerOf)(e);
    if (token !== undefined && tokens.has(token)) e.client = tokens.get(token);
  }
}
