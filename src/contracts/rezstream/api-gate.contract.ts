// What every Cloud API request needs (seeds/001, "rezStream Cloud API": a Bearer token and X-RezStream-Api-Version), how a request without
// them is refused (the README's ProblemDetails and Asp.Versioning assumption), and the Open API document at /openapi, which needs neither.
import type { ContractCase } from '../types.js';
import { API_VERSION, assumption, asObject, cloud, CLOUD_API, doc, firstFailure, PROBLEM_DETAILS, problemFailure } from './common.js';

const VERSIONING = assumption(`${PROBLEM_DETAILS}: a missing version 400 "Unspecified API version", an unknown one 400 "Unsupported API version" (Asp.Versioning's words), with an api-supported-versions header`);
const UNAUTHORIZED = assumption(`${PROBLEM_DETAILS}: 401 with a WWW-Authenticate: Bearer challenge for no token or an unknown one`);
/** The document's simplest stay-window query, verbatim. */
const BY_DATE = '/reservations/byDate?from=2023-01-01&to=2024-01-01&limit=20';

export const apiGateCases: ContractCase[] = [
  {
    id: 'api-gate.version-missing',
    sentence: 'refuses a request without X-RezStream-Api-Version with 400 "Unspecified API version"',
    source: VERSIONING,
    request: cloud(BY_DATE, { version: null }),
    expect: { status: 400, headers: { 'api-supported-versions': /\d{4}-\d{2}-\d{2}/ }, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 400, 'Unspecified API version') },
  },
  {
    id: 'api-gate.version-unknown',
    sentence: 'refuses an API version it does not serve with 400 "Unsupported API version"',
    source: VERSIONING,
    request: cloud(BY_DATE, { version: '1999-01-01' }),
    expect: { status: 400, headers: { 'api-supported-versions': /\d{4}-\d{2}-\d{2}/ }, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 400, 'Unsupported API version') },
  },
  {
    id: 'api-gate.version-served',
    sentence: 'serves a request with a token and a version it lists in api-supported-versions',
    source: doc('rezStream Cloud API'),
    request: cloud(BY_DATE),
    expect: {
      status: 200,
      bodySchema: 'listReservationsByDate',
      check: (_b, res) => (res.headers.get('api-supported-versions')?.split(/,\s*/).includes(API_VERSION) ? undefined : `api-supported-versions is ${res.headers.get('api-supported-versions') ?? '(absent)'}`),
    },
  },
  {
    id: 'api-gate.no-token',
    sentence: 'refuses a request without a bearer token with 401 and a Bearer challenge',
    source: UNAUTHORIZED,
    request: cloud(BY_DATE, { auth: 'none' }),
    expect: { status: 401, headers: { 'www-authenticate': /^Bearer\b/ }, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 401) },
  },
  {
    id: 'api-gate.unknown-token',
    sentence: 'refuses a reference token it never issued with 401 invalid_token',
    source: UNAUTHORIZED,
    request: cloud(BY_DATE, { auth: { bearer: '0'.repeat(64) } }),
    expect: { status: 401, headers: { 'www-authenticate': /^Bearer error="invalid_token"/ }, bodySchema: 'listReservationsByDate', check: (_b, res) => problemFailure(res, 401) },
  },
  {
    id: 'api-gate.openapi',
    sentence: 'serves its Open API document at /openapi without a token or a version header',
    source: doc('rezStream Cloud API'),
    request: { origin: CLOUD_API, method: 'GET', path: '/openapi' },
    expect: {
      status: 200,
      check: (body, res) => {
        // YAML or JSON: either way an OpenAPI 3 document that describes the reservation endpoints.
        const version = typeof body === 'string' ? /^openapi:\s*['"]?(3\.\d+\.\d+)/m.exec(body)?.[1] : asObject(body).openapi;
        return firstFailure(
          !/^3\./.test(String(version)) && `the answer is not an OpenAPI 3 document (Content-Type ${res.headers.get('content-type') ?? '(absent)'})`,
          ['/reservations/byDate', '/reservations/updated', '/reservations/{id}', '/auth/tokendetails'].filter((p) => !res.text.includes(p)).map((p) => `the document does not describe ${p}`)[0],
        );
      },
    },
  },
];
