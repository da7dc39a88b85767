// The token endpoint's refusals: RFC 6749 §5.2 error codes in Okta's words (an assumption, docs/decisions/0002), none of which issues a token.
import type { ContractCase, Expectation } from '../types.js';
import { assumption, OPEN_API, oauthErrorFailure, tokenRequest } from './common.js';

const OKTA = assumption("RFC 6749 §5.2 errors as Okta words them: Guesty's tokens are Okta access tokens (docs/decisions/0002)");

const oauthError = (status: 400 | 401, code: string): Expectation => ({ status, bodySchema: 'createOpenApiToken', check: (body) => oauthErrorFailure(body, code) });

export const tokenErrorCases: ContractCase[] = [
  {
    id: 'token-errors.not-form',
    sentence: 'refuses a token request whose body is JSON rather than a form with invalid_request',
    source: OKTA,
    request: (ctx) => ({
      origin: OPEN_API,
      method: 'POST',
      path: '/oauth2/token',
      json: { grant_type: 'client_credentials', scope: 'open-api', client_id: ctx.credentials('openApi').clientId, client_secret: ctx.credentials('openApi').clientSecret },
    }),
    expect: oauthError(400, 'invalid_request'),
  },
  {
    id: 'token-errors.two-client-authentications',
    sentence: 'refuses credentials sent both as HTTP Basic and in the form with invalid_request',
    source: OKTA,
    request: (ctx) => {
      const { clientId, clientSecret } = ctx.credentials('openApi');
      return tokenRequest(OPEN_API, 'open-api', { clientId, clientSecret }, { auth: { basic: [clientId, clientSecret] } });
    },
    expect: oauthError(400, 'invalid_request'),
  },
  {
    id: 'token-errors.no-client',
    sentence: 'refuses a token request that names no client with invalid_client',
    source: OKTA,
    request: tokenRequest(OPEN_API, 'open-api'),
    expect: oauthError(401, 'invalid_client'),
  },
  {
    id: 'token-errors.unknown-client',
    sentence: "refuses an unknown client id with Okta's invalid_client description",
    source: OKTA,
    request: tokenRequest(OPEN_API, 'open-api', { clientId: '0oaNoSuchClient00000', clientSecret: 'not-a-secret' }),
    expect: { status: 401, body: { error: 'invalid_client', error_description: "Invalid value for 'client_id' parameter." }, bodySchema: 'createOpenApiToken' },
  },
  {
    id: 'token-errors.wrong-secret',
    sentence: "refuses a wrong client secret with Okta's invalid_client description",
    source: OKTA,
    request: (ctx) => tokenRequest(OPEN_API, 'open-api', { clientId: ctx.credentials('openApi').clientId, clientSecret: 'not-the-secret' }),
    expect: { status: 401, body: { error: 'invalid_client', error_description: 'The client secret supplied for a confidential client is invalid.' }, bodySchema: 'createOpenApiToken' },
  },
  {
    id: 'token-errors.no-grant-type',
    sentence: 'refuses a token request without grant_type with invalid_request',
    source: OKTA,
    request: (ctx) => {
      const { clientId, clientSecret } = ctx.credentials('openApi');
      return { ...tokenRequest(OPEN_API, 'open-api'), form: { scope: 'open-api', client_secret: clientSecret, client_id: clientId } };
    },
    expect: oauthError(400, 'invalid_request'),
  },
  {
    id: 'token-errors.other-grant',
    sentence: 'refuses any grant but client_credentials with unsupported_grant_type',
    source: OKTA,
    request: (ctx) => {
      const { clientId, clientSecret } = ctx.credentials('openApi');
      return { ...tokenRequest(OPEN_API, 'open-api'), form: { grant_type: 'password', scope: 'open-api', client_secret: clientSecret, client_id: clientId } };
    },
    expect: oauthError(400, 'unsupported_grant_type'),
  },
  {
    id: 'token-errors.no-scope',
    sentence: 'refuses a token request without scope with invalid_scope',
    source: OKTA,
    request: (ctx) => {
      const { clientId, clientSecret } = ctx.credentials('openApi');
      return { ...tokenRequest(OPEN_API, 'open-api'), form: { grant_type: 'client_credentials', client_secret: clientSecret, client_id: clientId } };
    },
    expect: oauthError(400, 'invalid_scope'),
  },
  {
    id: 'token-errors.booking-engine-scope',
    sentence: "refuses the Booking Engine's scope at the Open API's token endpoint with invalid_scope",
    source: OKTA,
    request: (ctx) => tokenRequest(OPEN_API, 'booking_engine:api', ctx.credentials('openApi')),
    expect: oauthError(400, 'invalid_scope'),
  },
];
