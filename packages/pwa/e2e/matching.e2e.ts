import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readSummary } from './support/app';
import { useBrowser } from './support/browser';

const openApp = useBrowser();

/** A small demo programme: generating, storing and matching it takes seconds on two cores. */
const SMALL_DEMO = '/?demo=1&students=2000&registry=20000';
const LOAD_TIMEOUT_MS = 60_000;
const MATCH_TIMEOUT_MS = 60_000;

/** A count as the page shows it in Bahasa Indonesia ("1.933"), as a number. */
const count = (text: string | undefined): number => Number((text ?? '').replaceAll('.', ''));

describe('pemadanan', () => {
  it('shows its progress, can be cancelled, and matches almost every student of a small demo', async () => {
    const { page, baseUrl } = await openApp();
    await page.goto(`${baseUrl}${SMALL_DEMO}`);
    await page.getByText('Program contoh tersimpan.').waitFor({ timeout: LOAD_TIMEOUT_MS });
    expect(await readSummary(page, 'Ringkasan program')).toMatchObject({
      Siswa: '2.000',
      'Registri penduduk': '20.000',
    });

    const panel = page.getByRole('region', { name: 'Pemadanan', exact: true });
    const run = panel.getByRole('button', { name: 'Jalankan pemadanan' });
    const bar = panel.getByRole('progressbar', { name: 'Kemajuan pemadanan' });

    // A first run: the bar names the phase in words and moves; then it is cancelled.
    await run.click();
    await bar.waitFor();
    expect(await run.isDisabled()).toBe(true);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Langkah [1-4] dari 4 — \p{L}/u);
    const values = new Set<string>();
    const deadline = Date.now() + 20_000;
    while (values.size < 2 && Date.now() < deadline) {
      const value = await bar.getAttribute('aria-valuenow', { timeout: 5_000 });
      if (value !== null) values.add(value);
    }
    expect(values.size).toBeGreaterThanOrEqual(2);
    await panel.getByRole('button', { name: 'Batalkan' }).click();

    await panel.getByText('Pemadanan dibatalkan. Tidak ada yang berubah.').waitFor();
    expect(await bar.count()).toBe(0);
    expect(await run.isEnabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Batalkan' }).count()).toBe(0);

    // A second run, to the end.
    await run.click();
    await panel
      .getByText('Pemadanan selesai: 2.000 siswa dengan 20.000 penduduk di registri.')
      .waitFor({ timeout: MATCH_TIMEOUT_MS });
    const results = await readSummary(page, 'Pemadanan');
    const matched = count(results['Cocok']);
    const review = count(results['Perlu review']);
    const notMatched = count(results['Tidak cocok']);
    expect(matched).toBeGreaterThan(1_900);
    expect(matched + review + notMatched).toBe(2_000);
    expect(count(results['Cocok dengan yakin'])).toBeGreaterThan(0);

    const blocking = panel.getByRole('table', { name: 'Pasangan calon per aturan blocking' });
    await blocking.getByRole('rowheader', { name: 'NIK', exact: true }).waitFor();
    expect(await blocking.getByRole('row').count()).toBeGreaterThan(2);

    // The results as CSV: a header and one row per student.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Unduh hasil (CSV)' }).click(),
    ]);
    const lines = (await readFile(await download.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id_siswa,nik_cocok,probabilitas,status,alasan,duplikat_dari');
    expect(lines).toHaveLength(2_001);
    expect(lines.filter((line) => line.includes(',COCOK,'))).toHaveLength(matched);
  });
});
