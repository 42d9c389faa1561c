/** Debian's Chromium driven by playwright-core: one browser per test file, a fresh context per test. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { reloadUnlocked, unlockApp } from './lock';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags every browser of the tests and benchmarks runs with (no sandbox, no network chatter). */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
}

/**
 * Registers the browser's life cycle in the current test file and returns a function that opens the
 * app (the built app served for the run, unless another URL is given) in a new, empty browser context
 * with its own IndexedDB, storage and service workers.
 */
export function useBrowser(): (baseUrl?: string) => Promise<AppSession> {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BROWSER_ARGS] });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    // An uncaught exception in the app fails the test that caused it, even if the page looked right.
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return async (baseUrl = inject('baseUrl')) => {
    if (!browser) throw new Error('The browser is not running: call useBrowser() at file level');
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(baseUrl);
    // A new laptop: its passphrase is set first, as the app asks.
    await unlockApp(page);
    return { context, page, baseUrl };
  };
}

/** Waits until a service worker controls the page, reloading once if it only became active. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) {
    await reloadUnlocked(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
