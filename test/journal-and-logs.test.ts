// The request journal records every request and response with secrets redacted, is queryable and bounded; logs never carry secrets either.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/core/log.js';
import { listen } from '../src/sandbox.js';
import { createSandbox, type Sandbox } from '../src/server.js';

describe('the journal and the logs', () => {
  const lines: string[] = [];
  let sandbox: Sandbox;
  let server: Server;
  let url: string;
  let secret: string;
  let clientId: string;
  const tokens: string[] = [];

  beforeAll(async () => {
    sandbox = createSandbox(loadConfig({ port: 0, journalSize: 6, logLevel: 'info' }), { logger: createLogger('info', { write: (l: string) => void lines.push(l) }) });
    server = await listen(sandbox);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const creds = (sandbox.credentials(url).guesty as { openApi: { clientId: string; clientSecret: string } }).openApi;
    ({ clientSecret: secret, clientId } = creds);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function token(viaBasic: boolean): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'open-api', ...(viaBasic ? {} : { client_id: clientId, client_secret: secret }) });
    const res = await fetch(`${url}/open-api.guesty.com/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(viaBasic ? { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` } : {}) },
      body: form,
    });
    const body = (await res.json()) as { access_token: string };
    tokens.push(body.access_token);
    return body.access_token;
  }

  it('records requests and responses with every secret redacted', async () => {
    const bearer = await token(false);
    await token(true);
    await fetch(`${url}/open-api.guesty.com/v1/listings?limit=2`, { headers: { Authorization: `Bearer ${bearer}`, Cookie: 'session=abc123' } });
    const res = await fetch(`${url}/__sandbox/journal?provider=guesty`);
    const { entries } = (await res.json()) as { entries: Array<{ method: string; url: string; status: number; requestBody: unknown; responseBody: unknown; requestHeaders: Record<string, string> }> };
    expect(entries.map((e) => `${e.method} ${e.url} ${e.status}`)).toEqual(['POST /open-api.guesty.com/oauth2/token 200', 'POST /open-api.guesty.com/oauth2/token 200', 'GET /open-api.guesty.com/v1/listings?limit=2 200']);
    expect(entries[0]!.requestBody).toMatchObject({ client_id: clientId, client_secret: '[REDACTED]' });
    expect(entries[0]!.responseBody).toMatchObject({ access_token: '[REDACTED]', token_type: 'Bearer' });
    expect(entries[1]!.requestHeaders.authorization).toBe('[REDACTED]');
    expect(entries[2]!.requestHeaders.cookie).toBe('[REDACTED]');
    const text = JSON.stringify(entries);
    for (const s of [secret, ...tokens, Buffer.from(`${clientId}:${secret}`).toString('base64'), 'abc123']) expect(text).not.toContain(s);
  });

  it('answers queries by method, path and status, and keeps at most its capacity', async () => {
    for (let i = 0; i < 8; i += 1) await fetch(`${url}/open-api.guesty.com/v1/listings`);
    const all = (await (await fetch(`${url}/__sandbox/journal`)).json()) as { entries: unknown[]; size: number };
    expect(all.entries).toHaveLength(6);
    const unauthorized = (await (await fetch(`${url}/__sandbox/journal?status=401&method=get&path=/v1/listings&limit=2`)).json()) as { entries: Array<{ status: number }> };
    expect(unauthorized.entries).toHaveLength(2);
    expect(unauthorized.entries.every((e) => e.status === 401)).toBe(true);
  });

  it('empties on DELETE and leaves admin requests out', async () => {
    expect((await fetch(`${url}/__sandbox/journal`, { method: 'DELETE' })).status).toBe(204);
    await fetch(`${url}/__sandbox/health`);
    const after = (await (await fetch(`${url}/__sandbox/journal`)).json()) as { entries: unknown[] };
    expect(after.entries).toEqual([]);
  });

  it('logs one line a request at info, and no secret in any line', () => {
    const requestLines = lines.filter((l) => l.includes('"msg":"request"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(11);
    const all = lines.join('\n');
    for (const s of [secret, ...tokens]) expect(all).not.toContain(s);
  });

  it('answers a malformed journal query with problem+json', async () => {
    const res = await fetch(`${url}/__sandbox/journal?status=abc`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
