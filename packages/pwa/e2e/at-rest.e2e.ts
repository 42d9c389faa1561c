/**
 * Encryption at rest (issue 9) in Chromium: after a laptop has worked — a demo programme stored,
 * pemadanan run, a plan made, students marked at a visit — IndexedDB, read straight from the browser
 * around the app, holds no NIK, KK number, name or birth date of any student or resident, neither while
 * the data is open nor after it is locked. Locking hides the screens; a wrong passphrase is refused
 * with a clear message; the right one opens the same data again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSummary } from './support/app';
import { useBrowser } from './support/browser';
import { markFirstStudents, prepareProgramme } from './support/field';
import { E2E_PASSPHRASE, unlockApp } from './support/lock';
import {
  backupTables,
  makeBackup,
  personalValues,
  personalValuesIn,
  storedText,
} from './support/stored';

const openApp = useBrowser();
const DEMO = '/?demo=1&schools=2&students=600&registry=6000';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sahaja-at-rest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('data at rest', () => {
  it('holds no NIK, name or birth date in plain text, open or locked; only the passphrase opens it', async () => {
    const { page, baseUrl } = await openApp();
    await prepareProgramme(page, baseUrl, DEMO);
    await markFirstStudents(page, ['t', 'h']);
    const visitList = await page.locator('main').innerText();

    // What must not be on disk: the personal values of every student and resident, as the app reads
    // them (a backup, opened here).
    const values = personalValues(await backupTables(await makeBackup(page, dir, 'isi.sahaja')));
    expect(values.numbers.size).toBeGreaterThan(6_000);
    expect(values.names.size).toBeGreaterThan(1_000);
    expect(values.birthDates.size).toBeGreaterThan(100);

    // The check itself finds them where they are: on the visit's list of students.
    expect(personalValuesIn(visitList, values).length).toBeGreaterThan(5);

    const open = await storedText(page);
    expect(open.length).toBeGreaterThan(100_000);
    expect(personalValuesIn(open, values)).toEqual([]);

    // Locked on demand: the screens go, and IndexedDB still holds nothing readable.
    await page.getByRole('button', { name: 'Kunci' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data terkunci' }).waitFor();
    expect(personalValuesIn(await page.locator('body').innerText(), values)).toEqual([]);
    expect(personalValuesIn(await storedText(page), values)).toEqual([]);
    const storage = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    );
    expect(storage).not.toContain(E2E_PASSPHRASE);
    expect(personalValuesIn(storage, values)).toEqual([]);

    // A wrong passphrase is refused and says so; the right one opens the same programme again.
    await page.getByLabel('Kata sandi', { exact: true }).fill('bukan kata sandinya');
    await page.getByRole('button', { name: 'Buka' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Kata sandi salah. Periksa huruf besar dan kecil, lalu coba lagi.' })
      .waitFor();
    await unlockApp(page);
    await page.getByRole('link', { name: 'Sahaja' }).click();
    expect(await readSummary(page, 'Ringkasan program')).toMatchObject({
      Siswa: '600',
      'Registri penduduk': '6.000',
    });
  });
});
