// Entrata's App Store page in headless Chromium (seeds/004, "OAuth Single Sign-On"): the app's URL loaded in an iframe with referrer and
// auth_code appended, read from inside the frame as the app would, then exchanged for a token that reaches getCustomers.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/sandbox.js';
import { browserTests, launchChromium } from './support/browser.js';
import { appOf, call, companyBase, MAPLE_COURT, rpc, RENT_INSIGHTS, SUNRISE, syncBase, tokenEnvelope } from './support/entrata.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const run = browserTests('test/entrata-browser.test.ts', 'the Entrata App Store in a browser');

describe.skipIf(run.skip)(run.title, () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!run.chromium) return; // CI without chromium: the test fails in beforeEach, so the count says so
    sandbox = await startSandbox({ providers: ['entrata'], logLevel: 'silent' });
    browser = await launchChromium(run.chromium);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  }, 60_000);
  beforeEach(() => {
    run.requireChromium();
    sandbox.reset();
  });

  it('loads the app in an iframe with referrer and auth_code, which the app exchanges for a token', async () => {
    const app = appOf(sandbox, RENT_INSIGHTS);
    const context = await browser!.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    // The app's own server, answered by the browser: a page that shows what Entrata sent it.
    await page.route((url) => url.href.startsWith(app.appUrl), (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Rent Insights</title><p id="query"></p><script>document.getElementById("query").textContent = location.search</script>' }),
    );
    await page.goto(`${companyBase(sandbox, SUNRISE)}/apps/${RENT_INSIGHTS}`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(app.appUrl))).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(app.appUrl))!;
    await frame.locator('#query').filter({ hasText: 'auth_code' }).waitFor();
    const seen = new URLSearchParams(await frame.locator('#query').innerText());
    expect(seen.get('referrer')).toBe('propertysolutions');
    const code = seen.get('auth_code')!;
    expect(code).toMatch(/^[A-Za-z0-9]{26}==$/);
    expect(await page.getByTitle('Rent Insights').getAttribute('src')).toBe(`${app.appUrl}?referrer=propertysolutions&auth_code=${code}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}entrata-app-store.png` });
    await context.close();

    const exchanged = await rpc(`${syncBase(sandbox)}/api/oauth`, tokenEnvelope(code, app));
    const token = exchanged.body.response.result.access_token as string;
    const customers = await rpc(`${companyBase(sandbox, SUNRISE)}/api/customers`, call('getCustomers', { propertyId: MAPLE_COURT }), { token });
    expect(customers.body.response.result.Customers.Customer).toHaveLength(8);
  });

  it('shows a page, not an iframe, for an app the company has not installed', async () => {
    const page = await browser!.newPage();
    const res = await page.goto(`${companyBase(sandbox, 'blueoak')}/apps/8c2e47b1a9f04d63b5e8c17a2f9d3e40`);
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: 'App not available' }).waitFor();
    expect(await page.locator('iframe').count()).toBe(0);
    await page.close();
  });
});
