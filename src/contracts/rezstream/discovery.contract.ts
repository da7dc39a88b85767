// https://account.rezstream.com's discovery document and JWKS (seeds/001, "Authentication": "a well-known configuration endpoint which
// facilitates endpoint and public key discovery"; provider-facts §5, "Hosts and auth"; the README's PKCE and client-authentication assumptions).
import type { ContractCase, ContractResponse } from '../types.js';
import { asArray, asObject, assumption, doc, facts, firstFailure, IDENTITY } from './common.js';

const DISCOVERY_PATH = '/.well-known/openid-configuration';
const discovery = { origin: IDENTITY, method: 'GET', path: DISCOVERY_PATH, headers: { Accept: 'application/json' } } as const;

/** OpenID Connect Discovery §4.3: the issuer is exactly the URL the document was fetched from, less the well-known suffix. */
const issuerOf = (response: ContractResponse): string => response.url.slice(0, response.url.length - DISCOVERY_PATH.length);

const lacks = (body: unknown, field: string, wanted: readonly string[]): string | undefined => {
  const listed = asArray(asObject(body)[field]);
  const missing = wanted.filter((w) => !listed.includes(w));
  return missing.length > 0 ? `${field} lacks ${missing.join(', ')}: ${JSON.stringify(listed)}` : undefined;
};

export const discoveryCases: ContractCase[] = [
  {
    id: 'discovery.endpoints',
    sentence: 'publishes a discovery document whose issuer is the account origin and whose endpoints are /connect/authorize and /connect/token',
    source: facts('Hosts and auth: OAuth endpoints https://account.rezstream.com/connect/authorize and /connect/token'),
    request: discovery,
    expect: {
      status: 200,
      headers: { 'content-type': /^application\/json/ },
      bodySchema: 'getOpenIdConfiguration',
      check: (body, response) => {
        const b = asObject(body);
        const issuer = issuerOf(response);
        return firstFailure(
          b.issuer !== issuer && `issuer is ${JSON.stringify(b.issuer)}, not ${issuer}, the URL the document was fetched from`,
          b.authorization_endpoint !== `${issuer}/connect/authorize` && `authorization_endpoint is ${JSON.stringify(b.authorization_endpoint)}`,
          b.token_endpoint !== `${issuer}/connect/token` && `token_endpoint is ${JSON.stringify(b.token_endpoint)}`,
        );
      },
    },
  },
  {
    id: 'discovery.code-flow-only',
    sentence: 'lists the code response type and the authorization_code and refresh_token grants in its discovery document',
    source: facts('Hosts and auth: Authorization-code flow only; offline_access is what yields refresh tokens'),
    request: discovery,
    expect: {
      status: 200,
      check: (body) => firstFailure(lacks(body, 'response_types_supported', ['code']), lacks(body, 'grant_types_supported', ['authorization_code', 'refresh_token'])),
    },
  },
  {
    id: 'discovery.pkce-and-client-auth',
    sentence: 'lists S256 for PKCE and both client_secret_basic and client_secret_post for the token endpoint',
    source: assumption('PKCE: only S256 (RFC 7636); the client authenticates with HTTP Basic or, as the Postman collection does, in the request body'),
    request: discovery,
    expect: {
      status: 200,
      check: (body) => firstFailure(lacks(body, 'code_challenge_methods_supported', ['S256']), lacks(body, 'token_endpoint_auth_methods_supported', ['client_secret_basic', 'client_secret_post'])),
    },
  },
  {
    id: 'discovery.jwks',
    sentence: "serves the public keys at the discovery document's jwks_uri: RSA signing keys, each with a kid",
    source: doc('Authentication'),
    before: async (ctx) => {
      const res = await ctx.send(discovery);
      const jwksUri = asObject(res.body).jwks_uri;
      const issuer = issuerOf(res);
      if (res.status !== 200 || typeof jwksUri !== 'string') throw new Error(`before: discovery answered ${res.status} without a jwks_uri`);
      if (!jwksUri.startsWith(`${issuer}/`)) throw new Error(`jwks_uri ${jwksUri} is not on the account origin ${issuer}`);
      ctx.state.remember('jwksPath', jwksUri.slice(issuer.length));
    },
    request: (ctx) => ({ origin: IDENTITY, method: 'GET', path: ctx.state.recall('jwksPath'), headers: { Accept: 'application/json' } }),
    expect: {
      status: 200,
      bodySchema: 'getJwks',
      check: (body) => {
        const keys = asArray(asObject(body).keys).map(asObject);
        if (keys.length === 0) return 'the JWKS has no keys';
        const bad = keys.find((k) => k.kty !== 'RSA' || typeof k.kid !== 'string' || typeof k.n !== 'string' || typeof k.e !== 'string' || (k.use !== undefined && k.use !== 'sig') || 'd' in k);
        return bad ? `a key is not a public RSA signing key with a kid: ${JSON.stringify(Object.keys(bad))}` : undefined;
      },
    },
  },
];
