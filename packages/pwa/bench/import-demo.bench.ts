/**
 * The demo programme's files (72 schools' own lists in 70 files, and the 150,000-row registry extract)
 * imported through the import screen into a new programme, then matched on the matching screen, as a
 * staff member would, in a fresh browser context per run. Prints:
 * - reading: picking the files until every one is read and checked (the worker parses them);
 * - writing: the app's write transactions (Dexie, one per file, in the worker, every row sealed),
 *   summed, against the same rows written by a bare IndexedDB loop in the same browser — once as they
 *   are stored (already sealed) and once sealed by the loop first, as an import must (`bareCopy`);
 * - pemadanan of 20,000 students against 150,000 residents, read, matched and stored in the worker;
 * - the longest main-thread task during each step (the page must stay under 200 ms).
 * Set BENCH_RUNS (default 1) for more runs; `BENCH_MATCH=0` leaves out the pemadanan.
 */
import { generateProgramme } from '@sahaja/core';
import { programmeFiles } from '@sahaja/core/io';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countStoredRows } from '../e2e/support/app';
import { BROWSER_ARGS, CHROMIUM_PATH } from '../e2e/support/browser';
import {
  bareCopy,
  longTasksBetween,
  mainThreadIdle,
  measures,
  median,
  recordLongTasks,
} from './support';
import { gotoUnlocked } from '../e2e/support/lock';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 1);
const MATCH = process.env['BENCH_MATCH'] !== '0';
const STEP_TIMEOUT_MS = 1_200_000;

let browser: Browser;
let dir = '';
let files: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BROWSER_ARGS] });
  dir = await mkdtemp(join(tmpdir(), 'sahaja-import-bench-'));
  const schoolFiles: string[] = [];
  for (const file of await programmeFiles(generateProgramme({}))) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
    if (file.path.startsWith('daftar-siswa/')) schoolFiles.push(path);
  }
  files = [join(dir, 'registri.csv'), ...schoolFiles.sort()];
});

afterAll(async () => {
  await browser.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const now = (page: Page) => page.evaluate(() => performance.now());

async function longestBetween(page: Page, from: number, to: number): Promise<number> {
  return Math.max(0, ...(await longTasksBetween(page, from, to)).map((t) => t.duration));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('importing the demo programme through the import screen', () => {
  it(`reads, writes (against a bare IndexedDB loop) and matches it, ${RUNS} run(s)`, async () => {
    const rows: { write: number; bare: number; sealing: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await recordLongTasks(context);
      const page = await context.newPage();
      await gotoUnlocked(page, `${inject('baseUrl')}/programme`);
      await page.getByLabel('Nama program').fill('Benchmark impor');
      await page.getByLabel('Tanggal acuan').fill('2023-01-16');
      await page.getByLabel('Hari kunjungan pertama').fill('2023-01-16');
      await page.getByRole('button', { name: 'Buat program' }).click();
      await page.getByText('Program «Benchmark impor» dibuat', { exact: false }).waitFor();
      await gotoUnlocked(page, `${inject('baseUrl')}/import`);
      await page.getByRole('heading', { level: 1, name: 'Impor data' }).waitFor();
      // The screen has finished appearing: its start is not the reading's.
      await mainThreadIdle(page);

      const readFrom = await now(page);
      const readStart = Date.now();
      await page.locator('input[type=file]').setInputFiles(files);
      const importAll = page.getByRole('button', {
        name: `Impor semua berkas yang siap (${files.length} berkas, 170.000 baris)`,
      });
      await importAll.waitFor({ timeout: STEP_TIMEOUT_MS });
      const readMs = Date.now() - readStart;
      const readLongest = await longestBetween(page, readFrom, await now(page));

      const writeFrom = await now(page);
      const writeStart = Date.now();
      await importAll.click();
      const last = basename(files.at(-1) ?? '');
      await page
        .getByRole('region', { name: 'Kemajuan impor' })
        .getByText(`${last}: `, { exact: false })
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      const writeWall = Date.now() - writeStart;
      const writeLongest = await longestBetween(page, writeFrom, await now(page));
      const written = await measures(page, 'sahaja:import-file');
      expect(written).toHaveLength(files.length);
      const write = written.reduce((a, b) => a + b, 0);
      expect(await countStoredRows(page, 'students')).toBe(20_000);
      expect(await countStoredRows(page, 'residents')).toBe(150_000);

      const stores = ['schools', 'students', 'residents'];
      const bare = await bareCopy(page, stores);
      const sealing = await bareCopy(page, stores, { seal: true });
      for (const copy of [bare, sealing]) {
        expect(copy.rows).toEqual({ schools: 72, students: 20_000, residents: 150_000 });
      }
      rows.push({ write, bare: bare.ms, sealing: sealing.ms });
      console.log(
        `run ${run}: reading ${files.length} files ${seconds(readMs)} (longest task ` +
          `${readLongest.toFixed(0)} ms); writing ${seconds(writeWall)} wall, app write ` +
          `transactions ${write.toFixed(0)} ms; bare loop ${bare.ms.toFixed(0)} ms, ratio ` +
          `${(write / bare.ms).toFixed(2)}; bare loop that seals ${sealing.ms.toFixed(0)} ms, ` +
          `ratio ${(write / sealing.ms).toFixed(2)} (longest task ${writeLongest.toFixed(0)} ms)`,
      );

      if (MATCH) {
        await gotoUnlocked(page, `${inject('baseUrl')}/matching`);
        const panel = page.getByRole('region', { name: 'Jalankan pemadanan', exact: true });
        const matchFrom = await now(page);
        const matchStart = Date.now();
        await panel.getByRole('button', { name: 'Jalankan pemadanan' }).click();
        await panel
          .getByText('Pemadanan selesai: 20.000 siswa dengan 150.000 penduduk di registri.')
          .waitFor({ timeout: STEP_TIMEOUT_MS });
        const matchMs = Date.now() - matchStart;
        const matchLongest = await longestBetween(page, matchFrom, await now(page));
        expect(await countStoredRows(page, 'matches')).toBe(20_000);
        console.log(
          `run ${run}: pemadanan 20,000 × 150,000 ${seconds(matchMs)} (read, match, store; ` +
            `longest task ${matchLongest.toFixed(0)} ms)`,
        );
      }
      await context.close();
    }
    const write = median(rows.map((r) => r.write));
    const bare = median(rows.map((r) => r.bare));
    const sealing = median(rows.map((r) => r.sealing));
    console.log(
      `median of ${RUNS}: app write ${write.toFixed(0)} ms; bare loop ${bare.toFixed(0)} ms, ` +
        `ratio ${(write / bare).toFixed(2)}; bare loop that seals ${sealing.toFixed(0)} ms, ` +
        `ratio ${(write / sealing).toFixed(2)}`,
    );
  });
});
