// Every example of seeds/003 Guesty Authentication, verbatim with only the origin replaced: the cURL, node and jQuery token requests, the Postman
// steps, and the listings cURL with the document's own (long expired) sample token.
import type { ContractCase } from '../types.js';
import { asObject, doc, DOCUMENT_CLIENT, EXAMPLE_ACCOUNT, EXPIRED, OPEN_API, SAMPLE_EXPIRES_AT, SAMPLE_ISSUED_AT, SAMPLE_TOKEN, tokenAnswerFailure, tokenRequest } from './common.js';

const DOCUMENT_TOKEN = { clientId: DOCUMENT_CLIENT.clientId, scope: 'open-api', audience: OPEN_API, account: EXAMPLE_ACCOUNT };
const tokenAnswer = { status: 200, headers: { 'Cache-Control': /no-store/ }, bodySchema: 'createOpenApiToken', check: (body: unknown) => tokenAnswerFailure(body, DOCUMENT_TOKEN) };

/** The listings cURL of "3. Using the Access Token", its two headers as printed. */
const LISTINGS_CURL = {
  origin: OPEN_API,
  method: 'GET',
  path: '/v1/listings',
  headers: { accept: 'application/json', Authorization: `Bearer ${SAMPLE_TOKEN}` },
} as const;

export const documentExampleCases: ContractCase[] = [
  {
    id: 'document.curl-form-body',
    sentence: "issues a token to the document's cURL example with the credentials in the form body",
    source: doc('2. Generating the Access Token'),
    requires: ['fresh-token', 'sandbox'],
    // --data-urlencode grant_type, scope, client_secret, client_id, in that order.
    request: tokenRequest(OPEN_API, 'open-api', DOCUMENT_CLIENT),
    expect: tokenAnswer,
  },
  {
    id: 'document.curl-user',
    sentence: "issues a token to the document's cURL example with --user '<CLIENT_ID>:<CLIENT_SECRET>'",
    source: doc('2. Generating the Access Token'),
    requires: ['fresh-token', 'sandbox'],
    request: tokenRequest(OPEN_API, 'open-api', undefined, { auth: { basic: ['<CLIENT_ID>', '<CLIENT_SECRET>'] } }),
    expect: tokenAnswer,
  },
  {
    id: 'document.node-request',
    sentence: "issues a token to the document's node `request` example",
    source: doc('2. Generating the Access Token'),
    requires: ['fresh-token', 'sandbox'],
    // `form:` with grant_type, scope, client_secret, client_id; the headers Accept and Content-Type.
    request: tokenRequest(OPEN_API, 'open-api', DOCUMENT_CLIENT),
    expect: tokenAnswer,
  },
  {
    id: 'document.jquery-ajax',
    sentence: "issues a token to the document's jQuery $.ajax example",
    source: doc('2. Generating the Access Token'),
    requires: ['fresh-token', 'sandbox'],
    // `data:` is form-encoded by jQuery under the Content-Type the example sets.
    request: tokenRequest(OPEN_API, 'open-api', DOCUMENT_CLIENT),
    expect: tokenAnswer,
  },
  {
    id: 'document.postman',
    sentence: "issues a token to the document's Postman steps: Basic Auth, and a form body of grant_type and scope",
    source: doc('Using Postman to Generate an Access Token'),
    requires: ['fresh-token', 'sandbox'],
    request: {
      origin: OPEN_API,
      method: 'POST',
      path: '/oauth2/token',
      form: { grant_type: 'client_credentials', scope: 'open-api' },
      auth: { basic: ['<CLIENT_ID>', '<CLIENT_SECRET>'] },
    },
    expect: { status: 200, bodySchema: 'createOpenApiToken', check: (body) => tokenAnswerFailure(body, DOCUMENT_TOKEN) },
  },
  {
    id: 'document.listings-curl-expired',
    sentence: "answers the document's listings cURL, sent with its expired sample token, with the exact 403",
    source: doc('3. Using the Access Token; Expired Token'),
    request: LISTINGS_CURL,
    expect: { status: 403, body: EXPIRED, bodySchema: 'listListings' },
  },
  {
    id: 'document.listings-curl-in-lifetime',
    sentence: "serves the document's listings cURL the example account's listings while its sample token is valid",
    source: doc('3. Using the Access Token'),
    requires: ['clock', 'sandbox'],
    before: async (ctx) => void (await ctx.clock.set(SAMPLE_ISSUED_AT)),
    request: LISTINGS_CURL,
    expect: {
      status: 200,
      bodySchema: 'listListings',
      check: (body) => {
        const results = asObject(body).results;
        if (!Array.isArray(results) || results.length === 0) return 'no listings for the example account';
        const foreign = results.filter((l) => asObject(l).accountId !== EXAMPLE_ACCOUNT.accountId);
        return foreign.length > 0 ? `${foreign.length} listings of another account than the sample token's` : undefined;
      },
    },
  },
  {
    id: 'document.sample-token-last-second',
    sentence: 'accepts the sample token in the last second before its exp claim',
    source: doc('Sample Response'),
    requires: ['clock', 'sandbox'],
    before: async (ctx) => {
      await ctx.clock.freeze();
      await ctx.clock.set(SAMPLE_EXPIRES_AT);
      await ctx.clock.advance(-1);
    },
    request: LISTINGS_CURL,
    expect: { status: 200, bodySchema: 'listListings' },
  },
  {
    id: 'document.sample-token-at-exp',
    sentence: 'answers the sample token with the expired-token 403 from the second of its exp claim',
    source: doc('Expired Token'),
    requires: ['clock', 'sandbox'],
    before: async (ctx) => {
      await ctx.clock.freeze();
      await ctx.clock.set(SAMPLE_EXPIRES_AT);
    },
    request: LISTINGS_CURL,
    expect: { status: 403, body: EXPIRED },
  },
];
