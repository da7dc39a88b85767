// pms-sandbox used the way a user's own vitest suite would: import startSandbox, point a client at the origin map, move the clock, reset, close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/index.js';

interface TokenResponse {
  access_token: string;
  expires_in: number;
}

/** A small integration of the kind the sandbox is for: caches its Guesty token and refreshes when told it expired. */
class GuestyClient {
  private token: string | undefined;
  tokenRequests = 0;

  constructor(private readonly base: string, private readonly clientId: string, private readonly clientSecret: string) {}

  private async fetchToken(): Promise<string> {
    this.tokenRequests += 1;
    const res = await fetch(`${this.base}/oauth2/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', client_id: this.clientId, client_secret: this.clientSecret }),
    });
    return ((await res.json()) as TokenResponse).access_token;
  }

  async listings(): Promise<{ results: unknown[]; count: number }> {
    this.token ??= await this.fetchToken();
    let res = await fetch(`${this.base}/v1/listings?limit=5`, { headers: { Authorization: `Bearer ${this.token}` } });
    if (res.status === 403) {
      this.token = await this.fetchToken();
      res = await fetch(`${this.base}/v1/listings?limit=5`, { headers: { Authorization: `Bearer ${this.token}` } });
    }
    return (await res.json()) as { results: unknown[]; count: number };
  }
}

describe('startSandbox in a user suite', () => {
  let sandbox: RunningSandbox;
  let client: GuestyClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const { clientId, clientSecret } = (sandbox.credentials.guesty as { openApi: { clientId: string; clientSecret: string } }).openApi;
    client = new GuestyClient(sandbox.origins['https://open-api.guesty.com']!, clientId, clientSecret);
  });
  afterAll(() => sandbox.close());

  it('starts on a free port and hands out its URLs and credentials', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.origins['https://open-api.guesty.com']).toBe(`${sandbox.url}/open-api.guesty.com`);
  });

  it("lets a client's token expire on demand, and the client recovers by requesting one more", async () => {
    expect((await client.listings()).results).toHaveLength(5);
    expect(client.tokenRequests).toBe(1);
    sandbox.clock.advance(86_400);
    expect((await client.listings()).results).toHaveLength(5);
    expect(client.tokenRequests).toBe(2);
  });

  it('closes, after which its port refuses connections', async () => {
    const other = await startSandbox();
    await other.close();
    await expect(fetch(`${other.url}/__sandbox/health`)).rejects.toThrow();
  });
});
