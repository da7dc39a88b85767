// rezStream's sign-in and consent pages in headless Chromium with multiTenant=true, following seeds/001 (rezStream, "OAuth API Authorization and Token Generation").
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as client from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { captureCallback, browserTests, launchChromium } from './support/browser.js';
import { cloud, identityBase, rezCredentials, severalTenantsUser } from './support/rezstream.js';

const REDIRECT_URI = 'http://localhost:3000/callback';
const SCOPE = 'openid reservations';
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const run = browserTests('test/rezstream-browser.test.ts', 'rezStream consent in a browser');

interface Authorization {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

describe.skipIf(run.skip)(run.title, () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;
  let config: client.Configuration;
  let context: BrowserContext;
  let page: Page;

  /** openid-client's authorization URL for a multi-tenant request, with PKCE S256, state and nonce. */
  const authorizationUrl = async (): Promise<Authorization> => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      multiTenant: 'true',
    });
    return { url, verifier, state, nonce };
  };

  /** Opens the authorize URL and signs in as the user who manages three businesses; leaves the page on the consent form. */
  const signIn = async (url: URL): Promise<void> => {
    const user = severalTenantsUser(sandbox);
    await page.goto(url.href);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Approve / }).waitFor();
  };

  beforeAll(async () => {
    if (!run.chromium) return; // CI without chromium: each test fails in beforeEach, so the count says so
    sandbox = await startSandbox({ validateResponses: true });
    const { clientId, clientSecret } = rezCredentials(sandbox).client;
    config = await client.discovery(new URL(identityBase(sandbox)), clientId, clientSecret, client.ClientSecretBasic(clientSecret), { execute: [client.allowInsecureRequests] });
    browser = await launchChromium(run.chromium);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  }, 60_000);
  beforeEach(async () => {
    run.requireChromium();
    sandbox.reset();
    context = await browser!.newContext({ viewport: { width: 800, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  it('signs in, picks two businesses and approves; the token reaches both and only with a tenant id', async () => {
    const a = await authorizationUrl();
    await signIn(a.url);
    const boxes = page.locator('input[type=checkbox][name=tenants]');
    expect(await boxes.count()).toBe(3);
    const managed = severalTenantsUser(sandbox).tenants;
    const picked = [managed[0]!, managed[2]!];
    for (const id of picked) await page.locator(`input[type=checkbox][name=tenants][value="${id}"]`).check();
    expect(await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => (e as HTMLInputElement).value))).toEqual(picked);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}rezstream-consent.png`, fullPage: true });

    const callback = await captureCallback(page, REDIRECT_URI, () => page.getByRole('button', { name: 'Approve' }).click());
    expect(callback.searchParams.get('state')).toBe(a.state);
    expect(callback.searchParams.get('iss')).toBe(identityBase(sandbox));
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: a.verifier, expectedState: a.state, expectedNonce: a.nonce });
    expect(tokens.scope).toBe(SCOPE);

    const details = await cloud(sandbox, '/auth/tokendetails', { token: tokens.access_token });
    expect(details.status).toBe(200);
    const body = (await details.json()) as { multiTenant: boolean; tenants: Array<{ id: string }> };
    expect(body.multiTenant).toBe(true);
    expect(body.tenants.map((t) => t.id).sort()).toEqual([...picked].sort());

    const stays = '/reservations/byDate?from=2026-11-01&to=2026-12-01';
    const ambiguous = await cloud(sandbox, stays, { token: tokens.access_token });
    expect(ambiguous.status).toBe(401);
    expect(ambiguous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forOne = await cloud(sandbox, stays, { token: tokens.access_token, tenantId: picked[1]! });
    expect(forOne.status).toBe(200);
    expect(Array.isArray(await forOne.json())).toBe(true);
  });

  it('signs in and denies; the browser is sent back with access_denied and the state', async () => {
    const a = await authorizationUrl();
    await signIn(a.url);
    const callback = await captureCallback(page, REDIRECT_URI, () => page.getByRole('button', { name: 'Deny' }).click());
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(a.state);
    expect(callback.searchParams.has('code')).toBe(false);
  });
});
