// How the fuzz authenticates at each origin: the suite's one per-provider table of credentials.
// A table, because how a client obtains a credential is each provider's own (an OAuth client-credentials grant, a manual token). A provider
// without an entry is still fuzzed, unauthenticated only; header parameters an operation requires (rezStream's API version) come from its
// OpenAPI document, not from here.
import type { RunningSandbox } from '../../../src/sandbox.js';
import { accessToken, SYNC_ORIGIN } from '../entrata.js';
import { guestyCredentials, openApiToken } from '../guesty.js';
import { API_ORIGIN as HOSPITABLE_API, seededToken } from '../hospitable.js';
import { API_ORIGIN as OWNERREZ_API, APP_ORIGIN as OWNERREZ_APP, EXAMPLE_ACCESS_TOKEN, EXAMPLE_USER_AGENT } from '../ownerrez.js';
import { CLOUD_ORIGIN, manualToken } from '../rezstream.js';

/** Real origin → the headers that authenticate a request there. */
export type OriginCredentials = Record<string, Array<[string, string]>>;

/** Guesty allows five tokens a client in 24 hours: each is fetched once a sandbox and reused. */
async function bookingEngineToken(sandbox: RunningSandbox): Promise<string> {
  const { clientId, clientSecret } = guestyCredentials(sandbox, 'bookingEngine');
  const res = await fetch(`${sandbox.origins['https://booking.guesty.com']}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'booking_engine:api', client_id: clientId, client_secret: clientSecret }),
  });
  if (res.status !== 200) throw new Error(`Booking Engine token request answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

const bearer = (token: string): Array<[string, string]> => [['Authorization', `Bearer ${token}`]];

const authenticators: Record<string, (sandbox: RunningSandbox) => Promise<OriginCredentials>> = {
  guesty: async (sandbox) => {
    const booking = bearer(await bookingEngineToken(sandbox));
    return { 'https://open-api.guesty.com': bearer(await openApiToken(sandbox)), 'https://booking.guesty.com': booking, 'https://booking-api.guesty.com': booking };
  },
  // A seeded manual token reaches one business, so no X-RezStream-Tenant-ID is needed.
  rezstream: async (sandbox) => ({ [CLOUD_ORIGIN]: bearer(manualToken(sandbox)) }),
  // An App Store token from a headless launch. The fuzz's company origin uses the subdomain `fuzz`, which names no company: its services
  // answer the envelope's "no management company" after reading the body, so the codecs and the envelope are fuzzed, the services less.
  entrata: async (sandbox) => {
    const token = bearer(await accessToken(sandbox));
    return { [SYNC_ORIGIN]: token, 'https://{subdomain}.entrata.com': token };
  },
  // The seed document's at_ token with its User-Agent: the app's bearer token reaches both hosts' API routes.
  ownerrez: async () => {
    const app: Array<[string, string]> = [['Authorization', `bearer ${EXAMPLE_ACCESS_TOKEN}`], ['User-Agent', EXAMPLE_USER_AGENT]];
    return { [OWNERREZ_API]: app, [OWNERREZ_APP]: app };
  },
  // Hospitable: a seeded personal access token with Read and Write reaches v2. v1's tokens come from the token endpoint and a reset revokes
  // them, so v1 is fuzzed unauthenticated.
  hospitable: async (sandbox) => ({ [HOSPITABLE_API]: bearer(seededToken(sandbox, 'read,write')) }),
};

export async function originCredentials(sandbox: RunningSandbox): Promise<OriginCredentials> {
  const all: OriginCredentials = {};
  for (const provider of sandbox.sandbox.providers) Object.assign(all, await authenticators[provider.id]?.(sandbox));
  return all;
}
