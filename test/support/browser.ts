// Test helpers for browser tests: finding Debian's chromium (toolchain.md: playwright-core cannot download a browser here), launching it
// headless, and catching the redirect to a client's callback URL, where nothing listens.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `CHROMIUM_PATH`, else `chromium` (or `chromium-browser`) on PATH or in /usr/bin; undefined when there is none. */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const name of ['chromium', 'chromium-browser']) {
    const found = dirs.map((dir) => join(dir, name)).find(executable);
    if (found) return found;
  }
  return undefined;
}

const NO_CHROMIUM = "no chromium found: set CHROMIUM_PATH or install Debian's chromium (apt-get install chromium); .ci/run installs it in CI";

/** What a browser test file needs to know about chromium before its tests run. */
export interface BrowserTests {
  /** The chromium to launch; undefined when there is none. */
  chromium: string | undefined;
  /** Without chromium outside CI the file is skipped, with a warning; in CI each test fails instead, so the count says so. */
  skip: boolean;
  /** The describe title, saying why when the file is skipped. */
  title: string;
  /** The first step of each test: throws in CI when there is no chromium. */
  requireChromium(): void;
}

export function browserTests(file: string, title: string): BrowserTests {
  const chromium = findChromium();
  const skip = !chromium && !process.env.CI;
  if (skip) console.warn(`${file} skipped: ${NO_CHROMIUM}`);
  return {
    chromium,
    skip,
    title: skip ? `${title} (skipped: ${NO_CHROMIUM})` : title,
    requireChromium: () => {
      if (!chromium) throw new Error(`CI is set but ${NO_CHROMIUM}`);
    },
  };
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/**
 * Runs `action` (a click that ends in a redirect to `callbackUrl`) and returns the URL the browser was sent to. The callback is answered
 * by the browser itself (`page.route`), so no server needs to listen there.
 */
export async function captureCallback(page: Page, callbackUrl: string, action: () => Promise<void>): Promise<URL> {
  const isCallback = (url: URL | string): boolean => {
    const u = new URL(url);
    return `${u.origin}${u.pathname}` === callbackUrl;
  };
  await page.route(isCallback, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>callback received</p>' }));
  const [request] = await Promise.all([page.waitForRequest((r) => isCallback(r.url())), action()]);
  return new URL(request.url());
}
