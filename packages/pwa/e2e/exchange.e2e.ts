/**
 * Two laptops (issue 9) in Chromium, as two separate browser contexts with their own IndexedDB. The
 * office laptop prepares a small demo programme and makes a backup; the team's new laptop restores it
 * and holds exactly the same data. Then, offline from there on, both mark students at the same visit
 * — differently for two of them — and swap files of changes both ways through the Tukar data screen.
 * Both end with the same changes and events; the disagreement is shown; a wrong passphrase is refused
 * and merging a file again adds nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoredRows } from './support/app';
import { useBrowser, waitForServiceWorkerControl } from './support/browser';
import { markFirstStudents, openScreen, prepareProgramme } from './support/field';
import { screenshot } from './support/screenshots';
import { comparableBackup, makeBackup, TEAM_PASSPHRASE } from './support/stored';

const openApp = useBrowser();
const DEMO = '/?demo=1&schools=2&students=600&registry=6000';
const PASSPHRASE = TEAM_PASSPHRASE;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sahaja-exchange-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Makes a file of every change on the exchange screen and saves it; returns its path. */
async function makeFile(page: Page, name: string): Promise<string> {
  await openScreen(page, 'Tukar data', 'Tukar data antar laptop');
  const send = page.getByRole('region', { name: 'Buat berkas perubahan' });
  await send.getByLabel('Frasa sandi tim').fill(PASSPHRASE);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    send.getByRole('button', { name: 'Buat berkas' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sahaja-perubahan-\d{12}\.sahaja$/);
  const path = join(dir, name);
  await download.saveAs(path);
  await send.getByText(/^Berkas sahaja-perubahan-\d+\.sahaja berisi \d+ perubahan\./).waitFor();
  return path;
}

/** Merges the file at `path` on the exchange screen with `passphrase`. */
async function merge(page: Page, path: string, passphrase = PASSPHRASE): Promise<void> {
  await openScreen(page, 'Tukar data', 'Tukar data antar laptop');
  const receive = page.getByRole('region', { name: 'Gabungkan berkas dari laptop lain' });
  await receive.getByLabel('Berkas perubahan (.sahaja)').setInputFiles(path);
  await receive.getByLabel('Frasa sandi tim').fill(passphrase);
  await receive.getByRole('button', { name: 'Gabungkan' }).click();
}

describe('two laptops', () => {
  it('restore the office backup exactly, work offline, swap files both ways and agree; a conflict shows', async () => {
    const a = await openApp();
    const b = await openApp();
    await prepareProgramme(a.page, a.baseUrl, DEMO);
    await waitForServiceWorkerControl(b.page);

    // The new laptop has no programme: it restores the office's backup, and then holds the same data.
    const backup = await makeBackup(a.page, dir, 'kantor.sahaja');
    await b.page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Tukar data', exact: true })
      .click();
    await b.page.getByText(/^Belum ada program di perangkat ini\./).waitFor();
    const restore = b.page.getByRole('form', { name: 'Pulihkan cadangan' });
    await restore.getByLabel('Berkas cadangan (.sahaja)').setInputFiles(backup);
    await restore.getByLabel('Frasa sandi cadangan').fill('bukan frasa sandinya');
    await restore.getByRole('button', { name: 'Pulihkan' }).click();
    await restore.getByText(/^Frasa sandi salah untuk berkas ini\./).waitFor();
    await restore.getByLabel('Frasa sandi cadangan').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Pulihkan' }).click();
    await b.page
      .getByText(/^Program "Program contoh" dipulihkan: [\d.]+ baris dari cadangan /)
      .waitFor();
    await b.page.getByRole('heading', { level: 1, name: 'Tukar data antar laptop' }).waitFor();
    // The same data, as each laptop reads it (on disk each is sealed with its own key).
    expect(await comparableBackup(await makeBackup(b.page, dir, 'baru.sahaja'))).toEqual(
      await comparableBackup(backup),
    );

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    // What both hold already: the office's changes so far (its pemadanan run, its plan …).
    const shared = await countStoredRows(a.page, 'changes');
    expect(await countStoredRows(b.page, 'changes')).toBe(shared);

    // The same visit on both: laptop A records the first three students, laptop B (later) marks the
    // first two absent.
    await markFirstStudents(a.page, ['t', 't', 't']);
    await markFirstStudents(b.page, ['h', 'h']);

    const fromA = await makeFile(a.page, 'dari-a.sahaja');
    await merge(b.page, fromA, 'frasa yang keliru sekali');
    await b.page.getByText(/^Frasa sandi salah untuk berkas ini\./).waitFor();
    expect(await countStoredRows(b.page, 'visitEvents')).toBe(2);

    await merge(b.page, fromA);
    await b.page.getByText(new RegExp(`: 3 perubahan baru, ${shared} sudah ada\\.$`)).waitFor();
    await b.page.getByText('Baru: 3 tanda kunjungan.').waitFor();
    const conflicts = b.page.getByRole('region', { name: 'Perbedaan antar laptop (2)' });
    await conflicts.getByRole('row').nth(2).waitFor();
    // The recording stands; the absence is listed beside it.
    expect(await conflicts.getByRole('cell', { name: /^Terekam — / }).count()).toBe(2);
    expect(await conflicts.getByRole('cell', { name: /^Tidak hadir — / }).count()).toBe(2);
    await screenshot(
      b.page,
      'tukar-data',
      b.page.getByRole('region', { name: 'Gabungkan berkas dari laptop lain' }),
    );

    const fromB = await makeFile(b.page, 'dari-b.sahaja');
    await merge(a.page, fromB);
    await a.page.getByText(new RegExp(`: 2 perubahan baru, ${shared + 3} sudah ada\\.$`)).waitFor();
    await a.page.getByRole('region', { name: 'Perbedaan antar laptop (2)' }).waitFor();

    // Merging the same file again adds nothing.
    await merge(a.page, fromB);
    await a.page
      .getByText('Tidak ada yang baru: semua perubahan di berkas ini sudah ada.')
      .waitFor();

    // Both laptops hold the same changes and the same visit events, and say the same on the visit.
    const [onA, onB] = [
      await comparableBackup(await makeBackup(a.page, dir, 'a-akhir.sahaja')),
      await comparableBackup(await makeBackup(b.page, dir, 'b-akhir.sahaja')),
    ];
    for (const table of ['changes', 'visitEvents']) expect(onB[table]).toEqual(onA[table]);
    expect(await countStoredRows(a.page, 'changes')).toBe(shared + 5);
    expect(await a.page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await b.page.evaluate(() => navigator.onLine)).toBe(false);
  });
});
