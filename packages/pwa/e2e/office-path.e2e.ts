/**
 * The whole office path on a generated programme, as a staff member walks it: set up a programme, import
 * the schools' own files and the registry extract through the import screen, run pemadanan, review
 * pairs by keyboard, see eligibility, make the visit plan, pin and move visits, export — then go
 * offline and do part of it again. The page's long tasks are recorded all along and checked while the
 * 70 files are picked and read, while they are written and during the matching. With `SCREENSHOTS_DIR`
 * set, it saves a picture of each main screen there (`pnpm --filter @sahaja/pwa run screenshots` puts
 * them in docs/screenshots).
 */
import { generateProgramme } from '@sahaja/core';
import { programmeFiles } from '@sahaja/core/io';
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoredRows, readSummary } from './support/app';
import { useBrowser, waitForServiceWorkerControl } from './support/browser';
import { screenshot } from './support/screenshots';
import {
  LONG_TASK_LIMIT_MS,
  longTasksBetween,
  mainThreadIdle,
  recordLongTasks,
  type LongTask,
} from './support/long-tasks';
import { gotoUnlocked, reloadUnlocked } from './support/lock';

const openApp = useBrowser();

/**
 * The programme's size: the demo's (72 schools in every file shape, 20,000 students, 150,000 residents;
 * about 3 minutes), or a tenth of its people with `OFFICE_PATH_SMALL=1` (about 1 minute).
 */
const FULL = process.env['OFFICE_PATH_SMALL'] !== '1';
const STUDENTS = FULL ? 20_000 : 2_000;
const REGISTRY = FULL ? 150_000 : 20_000;
const STEP_TIMEOUT_MS = FULL ? 600_000 : 120_000;

/** A number as the page writes it in Bahasa Indonesia (`22.000`). */
const id = (n: number) => n.toLocaleString('id-ID');

let dir = '';
let schoolFiles: string[] = [];
let registryFile = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sahaja-office-path-'));
  const programme = generateProgramme({ students: STUDENTS, registry: REGISTRY });
  for (const file of await programmeFiles(programme)) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
    if (file.path.startsWith('daftar-siswa/')) schoolFiles.push(path);
  }
  schoolFiles = schoolFiles.sort();
  registryFile = join(dir, 'registri.csv');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A count as the page shows it in Bahasa Indonesia ("1.933"), as a number. */
const count = (text: string | null | undefined): number => Number((text ?? '').replaceAll('.', ''));

async function openScreen(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

/** The saved download's bytes, after checking its name. */
async function download(page: Page, click: () => Promise<void>, name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(file.suggestedFilename()).toMatch(name);
  const path = await file.path();
  expect((await stat(path)).size).toBeGreaterThan(0);
  return readFile(path);
}

/** Prints how long each step took since the last mark (the figures go in docs/benchmarks.md). */
function stopwatch(): (step: string) => void {
  let last = Date.now();
  return (step) => {
    const at = Date.now();
    console.warn(`office path: ${step} ${((at - last) / 1000).toFixed(1)} s`);
    last = at;
  };
}

function expectResponsive(tasks: readonly LongTask[], what: string): void {
  // Printed so that the margin under the bound is on record, not only whether it held.
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.warn(`office path: longest main-thread task during ${what} ${longest.toFixed(0)} ms`);
  const over = tasks.filter((t) => t.duration > LONG_TASK_LIMIT_MS);
  expect(over, `main-thread tasks over ${LONG_TASK_LIMIT_MS} ms during ${what}`).toEqual([]);
}

describe('the office path', () => {
  it('goes from set-up to an exported plan, and works offline', async () => {
    const { page, context, baseUrl } = await openApp();
    await recordLongTasks(context);
    await reloadUnlocked(page);
    await waitForServiceWorkerControl(page);
    const lap = stopwatch();

    // 1. Set up the programme year: settings, two teams, the 2023 holidays.
    await openScreen(page, 'Program', 'Program');
    await page.getByLabel('Nama program').fill('Perekaman KTP-el SMA 2023');
    await page.getByLabel('Tanggal acuan').fill('2023-01-16');
    await page.getByLabel('Hari kunjungan pertama').fill('2023-01-16');
    await page.getByRole('button', { name: 'Buat program' }).click();
    await page.getByText('Program «Perekaman KTP-el SMA 2023» dibuat', { exact: false }).waitFor();
    const teams = page.getByRole('region', { name: 'Tim perekaman' });
    await teams.getByRole('button', { name: 'Tambah tim' }).click();
    await teams.getByRole('button', { name: 'Tambah tim' }).click();
    await teams.getByLabel('Jumlah alat, baris 1').fill('3');
    await teams.getByLabel('Jumlah alat, baris 2').fill('3');
    await teams.getByRole('button', { name: 'Simpan tim' }).click();
    await teams.getByText('Ada perubahan yang belum disimpan.').waitFor({ state: 'detached' });
    const calendar = page.getByRole('region', { name: 'Kalender kerja' });
    await calendar.getByRole('button', { name: 'Tambahkan libur nasional 2023' }).click();
    await calendar.getByRole('button', { name: 'Simpan hari libur' }).click();
    await calendar.getByText('Ada perubahan yang belum disimpan.').waitFor({ state: 'detached' });
    expect(await countStoredRows(page, 'teams')).toBe(2);
    expect(await countStoredRows(page, 'holidays')).toBeGreaterThan(20);
    await screenshot(page, 'program');
    lap('set-up');

    // 2. Import every school's own file and the registry extract, all at once.
    await openScreen(page, 'Impor', 'Impor data');
    // The screen has finished appearing: its start is not the picking's.
    await mainThreadIdle(page);
    const pickStart = await now(page);
    await page.locator('input[type=file]').setInputFiles([registryFile, ...schoolFiles]);
    const files = schoolFiles.length + 1;
    const importAll = page.getByRole('button', {
      name: `Impor semua berkas yang siap (${files} berkas, ${id(STUDENTS + REGISTRY)} baris)`,
    });
    await importAll.waitFor({ timeout: STEP_TIMEOUT_MS });
    expectResponsive(
      await longTasksBetween(page, pickStart, await now(page)),
      'picking and reading',
    );
    await screenshot(page, 'impor');
    const importStart = await now(page);
    await importAll.click();
    // Files are written in the order picked: the last one's line closes the import.
    const progress = page.getByRole('region', { name: 'Kemajuan impor' });
    const last = basename(schoolFiles.at(-1) ?? '');
    await progress
      .getByText(new RegExp(`^${escape(last)}: [\\d.]+ siswa dari \\d+ sekolah disimpan\\.$`))
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    const importEnd = await now(page);
    await progress
      .getByText('Data siswa atau registri berubah: jalankan pemadanan lagi.', { exact: false })
      .waitFor();
    await progress
      .getByText(`registri.csv: ${id(REGISTRY)} penduduk baru, 0 diperbarui.`)
      .waitFor();
    expect(await countStoredRows(page, 'students')).toBe(STUDENTS);
    expect(await countStoredRows(page, 'residents')).toBe(REGISTRY);
    expect(await countStoredRows(page, 'schools')).toBe(72);
    expectResponsive(await longTasksBetween(page, importStart, importEnd), 'the import write');
    lap('import');

    // The same registry again: every row is updated, none added.
    await page.locator('input[type=file]').setInputFiles([registryFile]);
    await page
      .getByRole('button', {
        name: `Impor semua berkas yang siap (1 berkas, ${id(REGISTRY)} baris)`,
      })
      .click();
    await progress
      .getByText(`registri.csv: 0 penduduk baru, ${id(REGISTRY)} diperbarui.`)
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await countStoredRows(page, 'residents')).toBe(REGISTRY);
    lap('registry again');

    // 3. Pemadanan, then two pairs reviewed by keyboard.
    await openScreen(page, 'Pemadanan', 'Pemadanan');
    const run = page.getByRole('region', { name: 'Jalankan pemadanan', exact: true });
    const matchStart = await now(page);
    await run.getByRole('button', { name: 'Jalankan pemadanan' }).click();
    await run
      .getByText(
        `Pemadanan selesai: ${id(STUDENTS)} siswa dengan ${id(REGISTRY)} penduduk di registri.`,
      )
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    const matchEnd = await now(page);
    expectResponsive(await longTasksBetween(page, matchStart, matchEnd), 'pemadanan');
    lap('pemadanan');
    const matched = count((await readSummary(page, 'Ringkasan'))['Cocok']);
    expect(matched).toBeGreaterThan(0.95 * STUDENTS);
    await screenshot(page, 'pemadanan');

    await page
      .getByRole('navigation', { name: 'Bagian pemadanan' })
      .getByRole('button', { name: /^Antrean review/ })
      .click();
    const queue = page.getByRole('region', { name: 'Antrean review', exact: true });
    await queue.getByText(/^Siswa 1 dari \d+$/).waitFor();
    await screenshot(page, 'review', queue);
    await page.keyboard.press('a');
    await queue.getByText(/^Diterima: siswa /).waitFor();
    await queue.getByText(/^Siswa 2 dari \d+$/).waitFor();
    await page.keyboard.press('r');
    await queue.getByText(/^Ditolak\./).waitFor();
    expect(await countStoredRows(page, 'decisions')).toBe(2);
    lap('review');

    // 4. Eligibility of the whole programme.
    await openScreen(page, 'Kelayakan', 'Kelayakan');
    await page
      .getByText(`Kelayakan ${id(STUDENTS)} siswa sudah dihitung.`)
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    const wajib = page.getByRole('button', { name: /siswa “Wajib rekam” di daftar siswa$/ });
    const wajibCount = count(await wajib.textContent());
    expect(wajibCount).toBeGreaterThan(0);
    await screenshot(page, 'kelayakan');
    lap('eligibility');

    // 5. The visit plan: made, one visit pinned, one move refused and one made.
    await openScreen(page, 'Jadwal', 'Jadwal kunjungan');
    const make = page.getByRole('region', { name: 'Buat jadwal' });
    await make.getByRole('button', { name: 'Buat jadwal' }).click();
    const planned = make.getByText(/^Jadwal tersimpan: \d+ kunjungan\.$/);
    await planned.waitFor({ timeout: STEP_TIMEOUT_MS });
    const figures = await readSummary(page, 'Ringkasan jadwal');
    expect(count(figures['Hari kerja'])).toBeGreaterThanOrEqual(count(figures['Batas bawah']));
    await screenshot(page, 'jadwal', page.getByRole('region', { name: 'Kalender per tim' }));
    lap('plan');

    const visitsOnMonday = page.getByRole('button', { name: /^16 Januari 2023, Tim 1: / });
    const first = (await visitsOnMonday.first().getAttribute('aria-label')) ?? '';
    const firstSchool = /Tim 1: (.+?), \d+ WAJIB/.exec(first)?.[1] ?? '';
    await visitsOnMonday.first().click();
    const dialog = page.getByRole('dialog', { name: `Kunjungan ke ${firstSchool}` });
    await dialog.getByRole('button', { name: 'Sematkan' }).click();
    await dialog.getByText('Disematkan: tetap di tempatnya saat jadwal dibuat lagi.').waitFor();
    await dialog.getByRole('button', { name: 'Tutup' }).click();

    const second = page.getByRole('button', { name: /^17 Januari 2023, Tim 1: / }).first();
    const secondSchool = /Tim 1: (.+?), \d+ WAJIB/.exec(
      (await second.getAttribute('aria-label')) ?? '',
    )?.[1];
    await second.click();
    const moving = page.getByRole('dialog', { name: `Kunjungan ke ${secondSchool}` });
    // 23 January 2023 is a cuti bersama (Imlek): refused, with the reason.
    await moving.getByLabel('Tanggal baru').fill('2023-01-23');
    await moving.getByRole('button', { name: 'Periksa dan pindahkan' }).click();
    await moving.getByText('Tidak dapat dipindahkan:').waitFor();
    await moving.getByText(/libur/i).first().waitFor();
    // A Monday in June, well after the plan's last day, with team 2: accepted, and pinned there.
    await moving.getByLabel('Tanggal baru').fill('2023-06-05');
    await moving.getByRole('combobox', { name: 'Tim' }).selectOption('Tim 2');
    await moving.getByRole('button', { name: 'Periksa dan pindahkan' }).click();
    await moving.getByText('Disematkan: tetap di tempatnya saat jadwal dibuat lagi.').waitFor();
    expect(await moving.getByRole('definition').allTextContents()).toEqual(
      expect.arrayContaining(['5 Juni 2023', 'Tim 2']),
    );
    await moving.getByRole('button', { name: 'Tutup' }).click();
    lap('pin and move');

    // 6. Exports: target lists, the plan as XLSX and as a calendar.
    await openScreen(page, 'Ekspor', 'Ekspor dan cetak');
    const xlsx = /\.xlsx$/;
    await download(
      page,
      () => page.getByRole('button', { name: 'Unduh semua sekolah' }).click(),
      xlsx,
    );
    await download(
      page,
      () => page.getByRole('button', { name: 'Unduh jadwal (XLSX)' }).click(),
      xlsx,
    );
    const ics = (
      await download(
        page,
        () => page.getByRole('button', { name: 'Unduh kalender (.ics)' }).click(),
        /\.ics$/,
      )
    ).toString('utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20230605');
    await screenshot(page, 'ekspor');
    lap('exports');

    // 7. Offline: the app reloads from its service worker and the stored data. A third team joins;
    // the plan says it no longer fits and is made again (the pinned and moved visits stay, as more
    // capacity cannot break them), then exported.
    await context.setOffline(true);
    await gotoUnlocked(page, `${baseUrl}/programme`);
    await page.getByRole('heading', { level: 1, name: 'Program' }).waitFor();
    await teams.getByRole('button', { name: 'Tambah tim' }).click();
    await teams.getByRole('button', { name: 'Simpan tim' }).click();
    // Straight to the menu, as a person would: leaving waits for the save under way, asking nothing.
    await openScreen(page, 'Jadwal', 'Jadwal kunjungan');
    expect(await countStoredRows(page, 'teams')).toBe(3);
    const stale = make.getByRole('status').filter({
      hasText: 'Jadwal ini mungkin sudah tidak sesuai: data berubah sejak jadwal dibuat.',
    });
    await stale.getByText('Tim perekaman berubah', { exact: false }).waitFor();
    await make.getByRole('button', { name: 'Buat jadwal lagi' }).click();
    await make
      .getByText(
        /^Jadwal tersimpan: \d+ kunjungan; 2 kunjungan yang disematkan tetap di tempatnya\.$/,
      )
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await stale.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Tim yang ditampilkan' }).selectOption('Semua tim');
    await page
      .getByRole('button', { name: new RegExp(`^16 Januari 2023, Tim 1: ${escape(firstSchool)},`) })
      .waitFor();
    await page
      .getByRole('button', {
        name: new RegExp(`^5 Juni 2023, Tim 2: ${escape(secondSchool ?? '')}`),
      })
      .waitFor();
    await openScreen(page, 'Ekspor', 'Ekspor dan cetak');
    await download(
      page,
      () => page.getByRole('button', { name: 'Unduh jadwal (XLSX)' }).click(),
      xlsx,
    );
    await context.setOffline(false);
    lap('offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  }, 3_600_000);
});

/** `text` as a literal inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The page's clock (`performance.now()`), to bound a step's long tasks. */
function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}
