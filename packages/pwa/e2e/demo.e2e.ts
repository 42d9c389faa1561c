import { describe, expect, it } from 'vitest';
import { countStoredRows, loadDemo, readSummary } from './support/app';
import { useBrowser, waitForServiceWorkerControl } from './support/browser';

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

  it('still shows the stored summary after going offline and reloading', async () => {
    const { context, page } = await openApp();
    await loadDemo(page);
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    await page.reload();

    await page.getByRole('status').filter({ hasText: 'Luring' }).waitFor();
    expect(await readSummary(page, 'Ringkasan program')).toMatchObject(DEFAULT_DEMO_SUMMARY);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  });
});
