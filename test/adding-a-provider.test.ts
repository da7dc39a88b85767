// docs/adding-a-provider.md walked for real: a sixth provider (test/fixtures/acme, built from the recipe alone) registered by one line and served.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { registry } from '../src/mocks/registry.js';
import { listen } from '../src/sandbox.js';
import { createSandbox, type Sandbox } from '../src/server.js';
import { acme } from './fixtures/acme/index.js';

const basic = (email: string, token: string): string => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

describe('a sixth provider added by the recipe', () => {
  let sandbox: Sandbox;
  let server: Server;
  let url: string;
  let base: string;

  beforeAll(async () => {
    // The one line: the registry's list, and the new provider.
    sandbox = createSandbox(loadConfig({ port: 0, logLevel: 'silent' }), { providers: [...registry, acme] });
    server = await listen(sandbox);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    base = sandbox.origins(url)['https://api.acme-pms.example']!;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('has the files every provider folder has', () => {
    const files = readdirSync(join(import.meta.dirname, 'fixtures', 'acme'));
    for (const file of ['index.ts', 'auth.ts', 'routes.ts', 'data.ts', 'errors.ts', 'admin.ts']) expect(files).toContain(file);
  });

  it('is served at its origin beside the others, and listed in the origin map and credentials', async () => {
    expect(base).toBe(`${url}/api.acme-pms.example`);
    expect(Object.keys(sandbox.origins(url))).toEqual(expect.arrayContaining(['https://open-api.guesty.com', 'https://api.acme-pms.example']));
    const credentials = (await (await fetch(`${url}/__sandbox/credentials`)).json()) as { acme: { personalAccessTokens: Array<{ email: string; token: string }> } };
    const [{ email, token }] = credentials.acme.personalAccessTokens as [{ email: string; token: string }];
    const res = await fetch(`${base}/v1/properties`, { headers: { Authorization: basic(email, token) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ properties: [expect.objectContaining({ id: 'prop_1' }), expect.objectContaining({ id: 'prop_2' })] });
  });

  it('refuses a missing or wrong personal access token in its own words', async () => {
    const attempts: Array<Record<string, string>> = [{}, { Authorization: basic('owner@acme.example', 'acme_pat_wrong') }, { Authorization: 'Bearer acme_pat_seeded1' }];
    for (const headers of attempts) {
      const res = await fetch(`${base}/v1/properties`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="acme"');
      expect(await res.json()).toEqual({ error: { type: 'authentication_failed', message: 'Send your e-mail and a personal access token with HTTP Basic.' } });
    }
  });

  it('answers an unknown path of its origin with its own 404, and the rest of the sandbox is unchanged', async () => {
    const res = await fetch(`${base}/v1/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { type: 'not_found', message: 'No route GET /v1/nothing.' } });
    expect((await fetch(`${url}/__sandbox/health`)).status).toBe(200);
    expect(((await (await fetch(`${url}/__sandbox/health`)).json()) as { providers: string[] }).providers).toEqual([...registry.map((d) => d.id), 'acme']);
  });

  it('makes a token over its admin route, described in the admin document, and forgets it on reset', async () => {
    const made = await fetch(`${url}/__sandbox/acme/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'owner@acme.example' }) });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    expect(token).toMatch(/^acme_pat_[A-Za-z0-9]{24}$/);
    expect((await fetch(`${base}/v1/properties`, { headers: { Authorization: basic('owner@acme.example', token) } })).status).toBe(200);
    const adminDoc = (await (await fetch(`${url}/__sandbox/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(adminDoc.paths)).toContain('/__sandbox/acme/tokens');
    await fetch(`${url}/__sandbox/reset`, { method: 'POST' });
    expect((await fetch(`${base}/v1/properties`, { headers: { Authorization: basic('owner@acme.example', token) } })).status).toBe(401);
  });
});
