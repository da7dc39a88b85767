// What the rezStream contract cases share: the two origins, the sources they cite (seeds/001 rezStream, provider-facts §5, the README's
// assumptions), the document's example ids, Cloud API request builders, and checks for problem+json, RFC 6749 errors and RFC 8288 links.
import type { Auth, ContractResponse, RequestSpec, Source } from '../types.js';
import { asObject, firstFailure } from '../json-checks.js';

export { asObject, firstFailure, isObject, type Json } from '../json-checks.js';

export const IDENTITY = 'https://account.rezstream.com';
export const CLOUD_API = 'https://cloudapi.rezstream.com';

export const DOCUMENT = 'seeds/001 rezStream';
export const doc = (section: string): Source => ({ document: DOCUMENT, section });
export const facts = (line: string): Source => ({ document: 'provider-facts.md §5 rezStream Cloud API', section: line });
export const assumption = (text: string): Source => ({ assumption: text });

/** The README's "Errors of the Cloud API" assumption, which most refusals cite. */
export const PROBLEM_DETAILS = 'Cloud API errors are ASP.NET Core ProblemDetails (application/problem+json with a traceId)';
export const IDENTITY_ERRORS =
  'errors of the identity server are RFC 6749 §5.2 bodies with an error_description (invalid_client 401, invalid_grant, invalid_request, unsupported_grant_type, invalid_scope 400)';

/** The newest version of the served document's enum; the document asks for "the desired version string" without naming one. */
export const API_VERSION = '2024-06-01';

/** The example reservation of "The Data and Endpoints", and the last reservation of the cursor example, both seeded in the sandbox's first tenant. */
export const DOCUMENT_RESERVATION = 'a2857289-0f63-4a26-b509-444699485a33';
export const DOCUMENT_CURSOR_ID = 'fa801bc8-92af-48d3-9ee4-a8685f794904';
/** Well-formed ids no tenant has. */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
export const NO_SUCH_TENANT = '00000000-0000-4000-8000-00000000000a';

/** A Cloud API request with the headers every request needs: the manual token and the version, unless told otherwise (`version: null` leaves it out). */
export function cloud(path: string, options: { auth?: Auth; version?: string | null; tenant?: string; method?: RequestSpec['method']; json?: unknown } = {}): RequestSpec {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.version !== null) headers['X-RezStream-Api-Version'] = options.version ?? API_VERSION;
  if (options.tenant !== undefined) headers['X-RezStream-Tenant-ID'] = options.tenant;
  return { origin: CLOUD_API, method: options.method ?? 'GET', path, headers, auth: options.auth ?? { token: 'manual' }, ...(options.json !== undefined ? { json: options.json } : {}) };
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A ProblemDetails body of this status (and title, when given), sent as application/problem+json. */
export function problemFailure(response: ContractResponse, status: number, title?: string): string | undefined {
  const b = asObject(response.body);
  return firstFailure(
    !/^application\/problem\+json/.test(response.headers.get('content-type') ?? '') && `Content-Type is ${response.headers.get('content-type') ?? '(absent)'}, not application/problem+json`,
    b.status !== status && `the problem's status is ${JSON.stringify(b.status)}, not ${status}`,
    typeof b.type !== 'string' && "the problem has no type",
    title !== undefined && b.title !== title && `the problem's title is ${JSON.stringify(b.title)}, not ${JSON.stringify(title)}`,
    typeof b.title !== 'string' && 'the problem has no title',
    typeof b.traceId !== 'string' && 'the problem has no traceId',
  );
}

/** An RFC 6749 §5.2 error body with this `error` code and some description. */
export function oauthErrorFailure(body: unknown, code: string): string | undefined {
  const b = asObject(body);
  if (b.error !== code) return `error is ${JSON.stringify(b.error)}, not ${code}`;
  return typeof b.error_description === 'string' ? undefined : 'error_description is not a text';
}

/** The Link field values of an answer. Fetch joins repeated fields with ", "; no URL of these links holds ", <". */
export function linkValues(response: ContractResponse): string[] {
  const joined = response.headers.get('link');
  return joined === null ? [] : joined.split(/,\s*(?=<)/);
}

/** The base URL the target answered an origin's `path` at: the request URL up to that path. */
export function baseOf(response: ContractResponse, path: string): string {
  const at = response.url.indexOf(path);
  return at < 0 ? response.url : response.url.slice(0, at);
}

const LINK = /^<([^>]+)>; rel="(next|prev|first|last)"$/;

/** Every Link value in the document's format (`<url>; rel="next"`), pointing at `path` on the answering origin with the same limit. */
export function linkFormatFailure(response: ContractResponse, path: string, limit: number): string | undefined {
  const base = baseOf(response, path);
  for (const value of linkValues(response)) {
    const match = LINK.exec(value);
    if (!match) return `Link ${JSON.stringify(value)} is not in the document's <url>; rel="…" format`;
    const url = match[1]!;
    if (!url.startsWith(`${base}${path}?`)) return `Link ${value} does not point at ${base}${path}`;
    if (new URL(url).searchParams.get('limit') !== String(limit)) return `Link ${value} does not keep limit=${limit}`;
  }
  return undefined;
}

/** A bare JSON array (no envelope) of at most `limit` rows; on a sandbox, whose seed has rows for the query, not an empty one. */
export function bareArrayFailure(body: unknown, limit: number, nonEmpty: boolean): string | undefined {
  if (!Array.isArray(body)) return `the body is not a bare JSON array: ${JSON.stringify(body).slice(0, 120)}`;
  if (body.length > limit) return `${body.length} rows exceed limit=${limit}`;
  return nonEmpty && body.length === 0 ? 'the page is empty, though the seeded tenant has rows for this query' : undefined;
}
