import { describe, expect, it } from 'vitest';
import { countStoredRows, DEMO_LOAD_TIMEOUT_MS, loadDemo, readSummary } from './support/app';
import { useBrowser, waitForServiceWorkerControl } from './support/browser';
import { gotoUnlocked, reloadUnlocked } from './support/lock';

const openApp = useBrowser();

const DEFAULT_DEMO_SUMMARY = {
  Sekolah: '72',
  Siswa: '20.000',
  'Registri penduduk': '150.000',
  'Tanggal acuan': '16 Januari 2023',
};

describe('loading the demo programme', () => {
  it('generates it in the worker, stores it and shows 72 schools, 20,000 students, 150,000 residents', async () => {
    const { page } = await openApp();
    await page.getByText('Belum ada program di perangkat ini.').waitFor();

    await loadDemo(page);

    expect(await readSummary(page, 'Ringkasan program')).toMatchObject(DEFAULT_DEMO_SUMMARY);
    expect(await countStoredRows(page, 'schools')).toBe(72);
    expect(await countStoredRows(page, 'students')).toBe(20_000);
    expect(await countStoredRows(page, 'residents')).toBe(150_000);
    expect(await countStoredRows(page, 'programmes')).toBe(1);
  });

  it('loads by itself from the ?demo=1 link, and shows the stored summary offline after a reload', async () => {
    const { context, page, baseUrl } = await openApp();
    await gotoUnlocked(page, `${baseUrl}/?demo=1`);
    await page.getByRole('progressbar', { name: 'Kemajuan memuat program contoh' }).waitFor();
    await page.getByText('Program contoh tersimpan.').waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    await reloadUnlocked(page);

    await page.getByRole('status').filter({ hasText: 'Luring' }).waitFor();
    expect(await readSummary(page, 'Ringkasan program')).toMatchObject(DEFAULT_DEMO_SUMMARY);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The link still says ?demo=1, but a stored programme is never replaced by it.
    expect(await page.getByRole('progressbar').count()).toBe(0);
  });

  it('keeps the stored demo when a new load is cancelled while the worker writes it', async () => {
    const { page, baseUrl } = await openApp();
    await gotoUnlocked(page, `${baseUrl}/?demo=1&students=2000&registry=20000`);
    await page.getByText('Program contoh tersimpan.').waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });

    // The default demo (150,000 residents) takes long enough to write that the cancel lands mid-write.
    await gotoUnlocked(page, baseUrl);
    await page.getByRole('button', { name: 'Muat program contoh' }).click();
    await page.getByText(/Langkah 2 dari 2 — menyimpan/).waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByText('Pemuatan dibatalkan. Data yang tersimpan tidak berubah.').waitFor();

    expect(await countStoredRows(page, 'students')).toBe(2_000);
    expect(await countStoredRows(page, 'residents')).toBe(20_000);
    expect(await countStoredRows(page, 'programmes')).toBe(1);
  });
});
