// Hospitable's sign-in and consent pages in headless Chromium (provider-facts.md §2, "Auth": partners send the host to
// https://auth.hospitable.com/oauth/authorize), the code then exchanged by openid-client and used on the v2 API.
import * as client from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { captureCallback, browserTests, launchChromium } from './support/browser.js';
import { authBase, call, hospitableCredentials, owner } from './support/hospitable.js';

const REDIRECT_URI = 'http://localhost:3000/callback';
const run = browserTests('test/hospitable-browser.test.ts', 'Hospitable consent in a browser');

describe.skipIf(run.skip)(run.title, () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;
  let config: client.Configuration;
  let context: BrowserContext;
  let page: Page;

  const signIn = async (url: URL, email: string, password: string): Promise<void> => {
    await page.goto(url.href);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => {
    if (!run.chromium) return;
    sandbox = await startSandbox({ validateResponses: true });
    const { clientId, clientSecret } = hospitableCredentials(sandbox).oauthClient;
    const issuer = authBase(sandbox);
    config = new client.Configuration({ issuer, authorization_endpoint: `${issuer}/oauth/authorize`, token_endpoint: `${issuer}/oauth/token` }, clientId, clientSecret, client.ClientSecretPost(clientSecret));
    client.allowInsecureRequests(config);
    browser = await launchChromium(run.chromium);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  }, 60_000);
  beforeEach(async () => {
    run.requireChromium();
    sandbox.reset();
    context = await browser!.newContext();
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  it('signs the owner in, shows the scopes, approves; the code becomes a token that reads the account', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT_URI, state, code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' });
    const { email, password } = owner(sandbox);
    await signIn(url, email, password);
    await page.getByRole('heading', { name: /^Approve / }).waitFor();
    expect(await page.getByText('calendar:write').count()).toBe(1);
    const callback = await captureCallback(page, REDIRECT_URI, () => page.getByRole('button', { name: 'Approve' }).click());
    expect(callback.searchParams.get('state')).toBe(state);
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    const res = await call(sandbox, '/v2/user', { token: tokens.access_token });
    expect(((await res.json()) as { data: { email: string } }).data.email).toBe(email);
  });

  it('keeps a wrong password on the sign-in page, and a denial returns access_denied', async () => {
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT_URI, state: 'abc' });
    const { email, password } = owner(sandbox);
    await signIn(url, email, 'not-the-password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Invalid username or password.');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const callback = await captureCallback(page, REDIRECT_URI, () => page.getByRole('button', { name: 'Deny' }).click());
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('abc');
  });
});
