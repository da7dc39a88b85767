// Test helpers for Guesty over real HTTP: the seeded Open API credentials and a token, as a client would get them.
import { startSandbox, type RunningSandbox } from '../../src/sandbox.js';

export interface GuestyClientCredentials {
  clientId: string;
  clientSecret: string;
}

export function guestyCredentials(sandbox: RunningSandbox, api: 'openApi' | 'bookingEngine' = 'openApi'): GuestyClientCredentials {
  return (sandbox.credentials.guesty as Record<typeof api, GuestyClientCredentials>)[api];
}

export function openApiBase(sandbox: RunningSandbox): string {
  return sandbox.origins['https://open-api.guesty.com']!;
}

export async function openApiToken(sandbox: RunningSandbox): Promise<string> {
  const { clientId, clientSecret } = guestyCredentials(sandbox);
  const res = await fetch(`${openApiBase(sandbox)}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: clientId, client_secret: clientSecret }),
  });
  if (res.status !== 200) throw new Error(`token request answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** What most Guesty tests start from: a sandbox that checks its own responses against the document, the Open API base URL, the seeded client. */
export async function startGuestySandbox(): Promise<{ sandbox: RunningSandbox; base: string; primary: GuestyClientCredentials }> {
  const sandbox = await startSandbox({ validateResponses: true });
  return { sandbox, base: openApiBase(sandbox), primary: guestyCredentials(sandbox) };
}
