// Moving the sandbox's clock with real client libraries, as the README's "Testing your integration" shows: tokens carry the virtual clock's
// times, and openid-client and jose judge them by their own clock unless told the sandbox's (openid-client's clockSkew, jose's currentDate).
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { ASPEN, codeFlowTokens, identityBase, rezCredentials } from './support/rezstream.js';

const TWO_HOURS = 2 * 3600;
const SCOPE = 'openid offline_access reservations';

describe("a client's clock and the sandbox's", () => {
  let sandbox: RunningSandbox;
  let config: client.Configuration;

  /** openid-client's configuration for the seeded client, its "now" `skewSeconds` from the wall clock. */
  const configured = async (skewSeconds = 0): Promise<client.Configuration> => {
    const { clientId, clientSecret } = rezCredentials(sandbox).client;
    const metadata: Partial<client.ClientMetadata> = { client_secret: clientSecret, ...(skewSeconds ? { [client.clockSkew]: skewSeconds } : {}) };
    return client.discovery(new URL(identityBase(sandbox)), clientId, metadata, client.ClientSecretBasic(clientSecret), { execute: [client.allowInsecureRequests] });
  };
  /** The sandbox's time less the wall clock's, in whole seconds: what a client adds to its own clock to read the sandbox's. */
  const skewOf = async (): Promise<number> => {
    const { now } = (await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { now: string };
    return Math.round((Date.parse(now) - performance.timeOrigin - performance.now()) / 1000);
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    sandbox.clock.reset();
    config = await configured();
  });

  it("has openid-client refuse a refreshed ID token issued two hours ahead of its clock, and take it once told the sandbox's time", async () => {
    const refused = await codeFlowTokens(sandbox, { scope: SCOPE, tenants: [ASPEN] });
    const accepted = await codeFlowTokens(sandbox, { scope: SCOPE, tenants: [ASPEN] });
    sandbox.clock.advance(TWO_HOURS);

    // The new ID token's nbf and iat are the sandbox's now, two hours past the client's.
    await expect(client.refreshTokenGrant(config, refused.refresh_token!)).rejects.toMatchObject({ code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' });

    const skew = await skewOf();
    expect(skew).toBeGreaterThanOrEqual(TWO_HOURS - 1);
    const tokens = await client.refreshTokenGrant(await configured(skew), accepted.refresh_token!);
    expect(tokens.claims()?.iat).toBeGreaterThan(Math.floor((performance.timeOrigin + performance.now()) / 1000) + TWO_HOURS - 60);
  });

  it("has jose refuse an ID token from the sandbox's future, and verify it at the sandbox's time (currentDate)", async () => {
    sandbox.clock.advance(TWO_HOURS);
    const { id_token: idToken } = await codeFlowTokens(sandbox, { scope: SCOPE, tenants: [ASPEN] });
    const jwks = createRemoteJWKSet(new URL(`${identityBase(sandbox)}/.well-known/openid-configuration/jwks`));
    const expected = { issuer: identityBase(sandbox), audience: rezCredentials(sandbox).client.clientId };
    await expect(jwtVerify(idToken!, jwks, expected)).rejects.toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'nbf' });
    const { payload } = await jwtVerify(idToken!, jwks, { ...expected, currentDate: sandbox.clock.now() });
    expect(payload.sub).toEqual(expect.any(String));
  });
});
