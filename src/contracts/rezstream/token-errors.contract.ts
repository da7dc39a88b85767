// The token endpoint's refusals (https://account.rezstream.com/connect/token): RFC 6749 §5.2 bodies as IdentityServer answers them, an
// assumption (README, docs/decisions/0004); none issues a token, so they run against a live target with only the client's credentials.
import type { CaseContext, ContractCase, Expectation, RequestSpec } from '../types.js';
import { assumption, IDENTITY, IDENTITY_ERRORS, oauthErrorFailure } from './common.js';

const SOURCE = assumption(IDENTITY_ERRORS);

const oauthError = (status: 400 | 401, code: string): Expectation => ({
  status,
  headers: { 'content-type': /^application\/json/ },
  bodySchema: 'createToken',
  check: (body) => oauthErrorFailure(body, code),
});

function tokenForm(form: Record<string, string>): RequestSpec {
  return { origin: IDENTITY, method: 'POST', path: '/connect/token', headers: { Accept: 'application/json' }, form };
}

/** The target's own client in the body, as the Postman collection sends it. */
const asClient = (ctx: CaseContext, form: Record<string, string>): RequestSpec => {
  const { clientId, clientSecret } = ctx.credentials('client');
  return tokenForm({ ...form, client_id: clientId, client_secret: clientSecret });
};

export const tokenErrorCases: ContractCase[] = [
  {
    id: 'token-errors.unknown-client',
    sentence: 'refuses a client id it never registered with 401 invalid_client',
    source: SOURCE,
    request: tokenForm({ grant_type: 'authorization_code', code: 'NOT-A-CODE', redirect_uri: 'http://localhost:3000/callback', client_id: 'no-such-integration', client_secret: 'not-a-secret' }),
    expect: oauthError(401, 'invalid_client'),
  },
  {
    id: 'token-errors.wrong-secret',
    sentence: "refuses the target's client id with a wrong secret with 401 invalid_client",
    source: SOURCE,
    request: (ctx) => tokenForm({ grant_type: 'authorization_code', code: 'NOT-A-CODE', redirect_uri: 'http://localhost:3000/callback', client_id: ctx.credentials('client').clientId, client_secret: 'not-the-secret' }),
    expect: oauthError(401, 'invalid_client'),
  },
  {
    id: 'token-errors.client-credentials-grant',
    sentence: 'refuses the client_credentials grant with unsupported_grant_type: the flow is authorization code only',
    source: SOURCE,
    request: (ctx) => asClient(ctx, { grant_type: 'client_credentials', scope: 'revenue_management' }),
    expect: oauthError(400, 'unsupported_grant_type'),
  },
  {
    id: 'token-errors.unknown-code',
    sentence: 'refuses an authorization code it never issued with invalid_grant',
    source: SOURCE,
    request: (ctx) => asClient(ctx, { grant_type: 'authorization_code', code: '0'.repeat(64), redirect_uri: 'http://localhost:3000/callback' }),
    expect: oauthError(400, 'invalid_grant'),
  },
  {
    id: 'token-errors.json-body',
    sentence: 'refuses a token request sent as JSON rather than a form with invalid_request',
    source: SOURCE,
    request: (ctx) => {
      const { clientId, clientSecret } = ctx.credentials('client');
      return { origin: IDENTITY, method: 'POST', path: '/connect/token', headers: { Accept: 'application/json' }, json: { grant_type: 'authorization_code', code: '0'.repeat(64), client_id: clientId, client_secret: clientSecret } };
    },
    expect: oauthError(400, 'invalid_request'),
  },
];
