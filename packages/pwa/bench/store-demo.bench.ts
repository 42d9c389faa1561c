/**
 * Storing the demo programme (72 schools, 20,000 students, 150,000 residents) in IndexedDB: the app's
 * write (Dexie, chunked, with progress, in one transaction) against the same rows written by a bare
 * IndexedDB loop in the same browser, a fresh browser context per run. Prints the figures for
 * docs/benchmarks.md, and the longest main-thread task while the app stored the demo.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_PATH, BROWSER_ARGS } from '../e2e/support/browser';
import { DEMO_LOAD_TIMEOUT_MS } from '../e2e/support/app';
import { bareCopy, longestTask, measures, median, recordLongTasks } from './support';
import { gotoUnlocked } from '../e2e/support/lock';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const RECORD_STORES = ['schools', 'students', 'residents', 'teams', 'holidays'];

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BROWSER_ARGS] });
});

afterAll(async () => {
  await browser.close();
});

describe('storing the demo programme in IndexedDB', () => {
  it(`app write against a bare IndexedDB loop, ${RUNS} runs`, async () => {
    const rows: { app: number; bare: number; sealing: number; longest: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await recordLongTasks(context);
      const page = await context.newPage();
      await gotoUnlocked(page, `${inject('baseUrl')}/?demo=1`);
      await page.getByText('Program contoh tersimpan.').waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });

      const [app] = await measures(page, 'sahaja:store-programme');
      const longest = await longestTask(page);
      const bare = await bareCopy(page, RECORD_STORES);
      const sealing = await bareCopy(page, RECORD_STORES, { seal: true });
      // All wrote the same rows: the whole demo programme.
      for (const copy of [bare, sealing]) {
        expect(copy.rows).toEqual({
          schools: 72,
          students: 20_000,
          residents: 150_000,
          teams: expect.any(Number),
          holidays: expect.any(Number),
        });
      }
      expect(app).toBeGreaterThan(0);
      rows.push({ app: app as number, bare: bare.ms, sealing: sealing.ms, longest });
      console.log(
        `run ${run}: app ${(app as number).toFixed(0)} ms; bare loop ${bare.ms.toFixed(0)} ms, ` +
          `ratio ${((app as number) / bare.ms).toFixed(2)}; bare loop that seals ` +
          `${sealing.ms.toFixed(0)} ms, ratio ${((app as number) / sealing.ms).toFixed(2)}; ` +
          `longest main-thread task ${longest.toFixed(0)} ms`,
      );
      await context.close();
    }
    const app = median(rows.map((r) => r.app));
    const bare = median(rows.map((r) => r.bare));
    const sealing = median(rows.map((r) => r.sealing));
    console.log(
      `median of ${RUNS}: app ${app.toFixed(0)} ms; bare loop ${bare.toFixed(0)} ms, ratio ` +
        `${(app / bare).toFixed(2)}; bare loop that seals ${sealing.toFixed(0)} ms, ratio ` +
        `${(app / sealing).toFixed(2)}; longest main-thread task over all runs ` +
        `${Math.max(...rows.map((r) => r.longest)).toFixed(0)} ms`,
    );
  });
});
