// OwnerRez's authorize, sign-in and consent pages in headless Chromium (provider-facts §1, "OAuth App Guide"): a user signs in with their
// e-mail address, sees what the app's scope grants, and approves or declines; the app then exchanges the code.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { captureCallback, browserTests, launchChromium } from './support/browser.js';
import { appBase, apiBase, awesomeApp, basic, ownerrezCredentials, readOnlyApp, v2, WYLIE } from './support/ownerrez.js';

const REDIRECT_URI = 'http://localhost:3000/callback';
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const run = browserTests('test/ownerrez-browser.test.ts', 'OwnerRez consent in a browser');

describe.skipIf(run.skip)(run.title, () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;

  const authorizeUrl = (clientId: string, state: string): string => `${appBase(sandbox)}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT_URI, state })}`;

  /** Opens the authorize page and signs in as `email`; leaves the page on the consent form. */
  const signIn = async (url: string, email: string, password: string): Promise<void> => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Approve / }).waitFor();
  };

  beforeAll(async () => {
    if (!run.chromium) return; // CI without chromium: each test fails in beforeEach, so the count says so
    sandbox = await startSandbox({ validateResponses: true });
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

  it("signs in, shows the app's full access and approves; the code gives a token for the user's account", async () => {
    const app = awesomeApp(sandbox);
    const wylie = ownerrezCredentials(sandbox).users[0]!;
    await signIn(authorizeUrl(app.clientId, 'st-approve'), WYLIE, wylie.password);
    await expect(page.locator('ul.scopes').innerText()).resolves.toContain('Full read & write access to your OwnerRez account');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}ownerrez-consent.png`, fullPage: true });

    const callback = await captureCallback(page, REDIRECT_URI, () => page.getByRole('button', { name: 'Approve' }).click());
    expect(callback.searchParams.get('state')).toBe('st-approve');
    const res = await fetch(`${apiBase(sandbox)}/oauth/access_token`, {
      method: 'POST',
      headers: { Authorization: basic(app.clientId, app.clientSecret), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: REDIRECT_URI }),
    });
    expect(res.status).toBe(200);
    const token = (await res.json()) as { access_token: string; user_id: number };
    const me = await v2(sandbox, 'users/me', { token: token.access_token });
    expect(((await me.json()) as { id: number }).id).toBe(token.user_id);
  });

  it('refuses a wrong password on the sign-in page', async () => {
    await page.goto(authorizeUrl(awesomeApp(sandbox).clientId, 'st-wrong'));
    await page.getByLabel('Email').fill(WYLIE);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Invalid username or password.').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(WYLIE);
  });

  it("shows a read-only app's access and sends access_denied when the user declines", async () => {
    const rosa = ownerrezCredentials(sandbox).users[1]!;
    await signIn(authorizeUrl(readOnlyApp(sandbox).clientId, 'st-deny'), rosa.email, rosa.password);
    await expect(page.locator('ul.scopes').innerText()).resolves.toContain('Read only access to your OwnerRez account (GET requests only)');
    const callback = await captureCallback(page, REDIRECT_URI, () => page.getByRole('button', { name: 'Deny' }).click());
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('st-deny');
    expect(callback.searchParams.has('code')).toBe(false);
  });
});
