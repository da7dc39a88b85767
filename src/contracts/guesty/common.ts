// What the Guesty contract cases share: origins, the sources they cite (seeds/003 Guesty Authentication, provider-facts pages, assumptions),
// the document's sample token, the wire bodies Guesty answers, and small request builders and checks.
import type { CaseContext, ClientCredentials, ContractCase, Expectation, RequestSpec, Source } from '../types.js';
import { asObject, firstFailure, isObject, type Json } from '../json-checks.js';

export { asObject, firstFailure, isObject, type Json } from '../json-checks.js';

export const OPEN_API = 'https://open-api.guesty.com';
export const BOOKING_ENGINE = 'https://booking.guesty.com';

export const DOCUMENT = 'seeds/003 Guesty Authentication';
export const doc = (section: string): Source => ({ document: DOCUMENT, section });
export const RATE_LIMITS_PAGE: Source = { page: 'https://open-api-docs.guesty.com/docs/rate-limits' };
export const LISTINGS_PAGE: Source = { page: 'https://open-api-docs.guesty.com/docs/searching-for-available-listings-and-all-listings' };
export const BOOKING_AUTH_PAGE: Source = { page: 'https://booking-api-docs.guesty.com/docs/authentication-1' };
export const assumption = (text: string): Source => ({ assumption: text });

/** The document's "Sample Response" token, also sent by its "Using the Access Token" example. Issued 2022-08-03T14:40:50Z, expired a day later. */
export const SAMPLE_TOKEN =
  'eyJraWQiOiJydFFaWXhoTzBtNlllbWZaRnRBRXJORFVkWThZOFlPeGxndVZabmpJZVNvIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULlVWdkZ5NW5ES1h4SlBvUVUzbWN3ZS1ORXp0eHo0NWNQVktZVUFxM3V5RXMiLCJpc3MiOiJodHRwczovL2xvZ2luLmd1ZXN0eS5jb20vb2F1dGgyL2F1czFwOHFyaDUzQ2NRVEk5NWQ3IiwiYXVkIjoiaHR0cHM6Ly9vcGVuLWFwaS5ndWVzdHkuY29tIiwiaWF0IjoxNjU5NTM3NjUwLCJleHAiOjE2NTk2MjQwNTAsImNpZCI6IjBvYTViaWw0MzB4OHpMeldCNWQ3Iiwic2NwIjpbIm9wZW4tYXBpIl0sInJlcXVlc3RlciI6IkVYVEVSTkFMIiwiYWNjb3VudElkIjoiNjJhMDZkMmYyMjUxMzAwMDM1OWVlODkzIiwic3ViIjoiMG9hNWJpbDQzMHg4ekx6V0I1ZDciLCJ1c2VyUm9sZXMiOlt7InJvbGVJZCI6eyJwZXJtaXNzaW9ucyI6WyJhZG1pbiJdfX1dLCJyb2xlIjoidXNlciIsImlhbSI6InYzIiwibmFtZSI6IkNTIHwgVEEtMSB8IE1vc2hlIn0.LlZZUhM4WTsIsgmuqLasl-5WtNx0N8MvpmSGerSz5DpvO2AkcOhZAuYgPh1xqocGpwcKLMBokYvSyC0xRtptDEpaEY8X__ozvDS_UpUp2vKdtU2t-1ns7ut5qZlGhf6ffZAR0K1WXEb1081n-0Ms5qxfy1HbWkmyPUt0tgN-xAmRgnbSX01YELZ-_vovpitsxC0JYPPpBOi_w8kxlxsqKLWiFzDe5SpzBUYncjJEafISXzo5PNHEweHkvguXXM9xVXlNpE_q0DfQvQ41mn8TDnhUVtspscG3WmKV86k5QAjqHyYMJ2_2WOWRWrjfeyKc5ePC1HqCANRxOO7oS7dQcA';
/** Its `iat` and `exp` claims (1659537650, 1659624050). */
export const SAMPLE_ISSUED_AT = '2022-08-03T14:40:50.000Z';
export const SAMPLE_EXPIRES_AT = '2022-08-04T14:40:50.000Z';
/** The account of the sample token; the sandbox seeds it, with the document's placeholders as its client. */
export const EXAMPLE_ACCOUNT = { accountId: '62a06d2f22513000359ee893', name: 'CS | TA-1 | Moshe' };
export const DOCUMENT_CLIENT: ClientCredentials = { clientId: '<CLIENT_ID>', clientSecret: '<CLIENT_SECRET>' };

/** seeds/003, "Expired Token": exactly this body, with status 403. */
export const EXPIRED = { message: "You don't have permission to access, please contact Guesty support." };
export const UNAUTHORIZED = { message: 'Unauthorized' };
export const RATE_LIMITED = { message: 'API rate limit exceeded' };
export const TOKEN_LIFETIME = 86_400;


export function decodeJwt(token: string): { header: Json; claims: Json } | undefined {
  const [header, claims] = token.split('.');
  try {
    return { header: asObject(JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8'))), claims: asObject(JSON.parse(Buffer.from(claims ?? '', 'base64url').toString('utf8'))) };
  } catch {
    return undefined;
  }
}

/** The document's token request: its form fields in its order, with its two headers. */
export function tokenRequest(origin: string, scope: string, creds?: ClientCredentials, extra: Partial<RequestSpec> = {}): RequestSpec {
  return {
    origin,
    method: 'POST',
    path: '/oauth2/token',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    form: { grant_type: 'client_credentials', scope, ...(creds ? { client_secret: creds.clientSecret, client_id: creds.clientId } : {}) },
    ...extra,
  };
}

/** Obtains a token in a before step; fails the case unless the endpoint grants it. */
export async function grantedToken(ctx: CaseContext, creds: ClientCredentials, origin = OPEN_API, scope = 'open-api'): Promise<string> {
  const res = await ctx.send(tokenRequest(origin, scope, creds));
  const token = asObject(res.body).access_token;
  if (res.status !== 200 || typeof token !== 'string') throw new Error(`before: the token endpoint answered ${res.status}, not a token`);
  return token;
}

export function openApiGet(path: string, query: RequestSpec['query'] = {}, auth: RequestSpec['auth'] = { token: 'openApi' }): RequestSpec {
  return { origin: OPEN_API, method: 'GET', path, query, headers: { Accept: 'application/json' }, auth };
}

/** Reads a page of a list in a before step and returns its `results`. */
export async function listed(ctx: CaseContext, path: string, query: RequestSpec['query'] = {}): Promise<Json[]> {
  const res = await ctx.send(openApiGet(path, query));
  const results = asObject(res.body).results;
  if (res.status !== 200 || !Array.isArray(results)) throw new Error(`before: GET ${path} answered ${res.status}`);
  return results.filter(isObject);
}

/** Remembers the `_id` of the first record of a list as `name`. */
export async function rememberFirstId(ctx: CaseContext, path: string, name: string, query: RequestSpec['query'] = {}): Promise<void> {
  const first = (await listed(ctx, path, { limit: 1, ...query }))[0];
  if (typeof first?._id !== 'string') throw new Error(`before: GET ${path} returned no record to use`);
  ctx.state.remember(name, first._id);
}

/** `{results, count, limit, skip}`, with no more results than the limit. */
export function envelopeFailure(body: unknown, limit?: number, skip?: number): string | undefined {
  const b = asObject(body);
  if (!Array.isArray(b.results)) return 'results is not an array';
  if (typeof b.count !== 'number' || typeof b.limit !== 'number' || typeof b.skip !== 'number') return `count, limit and skip must be numbers, got ${JSON.stringify({ count: b.count, limit: b.limit, skip: b.skip })}`;
  if (limit !== undefined && b.limit !== limit) return `limit is ${b.limit}, not ${limit}`;
  if (skip !== undefined && b.skip !== skip) return `skip is ${b.skip}, not ${skip}`;
  if (b.results.length > b.limit) return `${b.results.length} results exceed the limit ${b.limit}`;
  return undefined;
}

/** `{"error": {"code": <code>, "message": <text>}}`. */
export function apiErrorFailure(body: unknown, code: string): string | undefined {
  const error = asObject(asObject(body).error);
  if (error.code !== code) return `error.code is ${JSON.stringify(error.code)}, not ${code}`;
  return typeof error.message === 'string' && error.message !== '' ? undefined : 'error.message is not a text';
}

/** The expectation of an API error: this status, the operation's documented body, and `{"error": {"code", "message"}}` with this code. */
export function expectApiError(status: number, bodySchema: string, code: string): Expectation {
  return { status, bodySchema, check: (body) => apiErrorFailure(body, code) };
}

/** The expectation of a list page: 200, the operation's documented body, and the envelope with this limit and skip. */
export function expectEnvelope(bodySchema: string, limit?: number, skip?: number): Expectation {
  return { status: 200, bodySchema, check: (body) => envelopeFailure(body, limit, skip) };
}

/** The case every Guesty list has: `<resource>.envelope`, a page in the results, count, limit and skip envelope. */
export function envelopeCase(resource: string, path: string, bodySchema: string, source: Source, limit?: number): ContractCase {
  return {
    id: `${resource}.envelope`,
    sentence: `lists ${resource} in the results, count, limit and skip envelope`,
    source,
    request: openApiGet(path, limit === undefined ? {} : { limit }),
    expect: expectEnvelope(bodySchema, limit, 0),
  };
}

/** An RFC 6749 §5.2 error body with this `error` code and some description. */
export function oauthErrorFailure(body: unknown, code: string): string | undefined {
  const b = asObject(body);
  if (b.error !== code) return `error is ${JSON.stringify(b.error)}, not ${code}`;
  return typeof b.error_description === 'string' ? undefined : 'error_description is not a text';
}

const SAMPLE = decodeJwt(SAMPLE_TOKEN)!;

export interface TokenExpectation {
  clientId: string;
  scope: string;
  /** The Open API's audience; the Booking Engine's is not published. */
  audience?: string;
  account?: { accountId: string; name: string };
}

/** seeds/003 "Sample Response": the four fields, and an RS256 JWT with a `kid` and every claim of the sample token, valid 86400 s. */
export function tokenAnswerFailure(body: unknown, want: TokenExpectation): string | undefined {
  const b = asObject(body);
  const shape = firstFailure(
    b.token_type !== 'Bearer' && `token_type is ${JSON.stringify(b.token_type)}`,
    b.expires_in !== TOKEN_LIFETIME && `expires_in is ${JSON.stringify(b.expires_in)}, not ${TOKEN_LIFETIME}`,
    b.scope !== want.scope && `scope is ${JSON.stringify(b.scope)}, not ${want.scope}`,
    typeof b.access_token !== 'string' && 'access_token is not a text',
  );
  if (shape) return shape;
  const jwt = decodeJwt(b.access_token as string);
  if (!jwt) return 'access_token is not a JWT';
  const { header, claims } = jwt;
  const missing = Object.keys(SAMPLE.claims).filter((name) => !(name in claims));
  return firstFailure(
    header.alg !== 'RS256' && `the JWT's alg is ${JSON.stringify(header.alg)}, not RS256`,
    typeof header.kid !== 'string' && "the JWT's header has no kid",
    missing.length > 0 && `the JWT lacks the sample token's claims ${missing.join(', ')}`,
    claims.ver !== 1 && `ver is ${JSON.stringify(claims.ver)}`,
    !/^AT\./.test(String(claims.jti)) && `jti ${JSON.stringify(claims.jti)} does not start with "AT."`,
    !/\/oauth2\/aus\w+$/.test(String(claims.iss)) && `iss ${JSON.stringify(claims.iss)} is not an authorization server URL like the sample's`,
    want.audience !== undefined && claims.aud !== want.audience && `aud is ${JSON.stringify(claims.aud)}, not ${want.audience}`,
    (typeof claims.iat !== 'number' || claims.exp !== claims.iat + TOKEN_LIFETIME) && `exp (${String(claims.exp)}) is not iat (${String(claims.iat)}) + ${TOKEN_LIFETIME}`,
    claims.cid !== want.clientId && `cid is ${JSON.stringify(claims.cid)}, not the client's id`,
    JSON.stringify(claims.scp) !== JSON.stringify([want.scope]) && `scp is ${JSON.stringify(claims.scp)}, not ["${want.scope}"]`,
    want.account !== undefined && claims.accountId !== want.account.accountId && `accountId is ${JSON.stringify(claims.accountId)}, not ${want.account.accountId}`,
    want.account !== undefined && claims.name !== want.account.name && `name is ${JSON.stringify(claims.name)}, not ${want.account.name}`,
  );
}

/** A well-formed ObjectId that no seeded or created record has. */
export const NO_SUCH_ID = '000000000000000000000000';
