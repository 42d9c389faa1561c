import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSummary } from './support/app';
import { useBrowser } from './support/browser';
import { gotoUnlocked, reloadUnlocked } from './support/lock';

const openApp = useBrowser();

/** A small demo programme: generating, storing and matching it takes seconds on two cores. */
const SMALL_DEMO = '/?demo=1&students=2000&registry=20000';
const LOAD_TIMEOUT_MS = 60_000;
const MATCH_TIMEOUT_MS = 60_000;

/** A count as the page shows it in Bahasa Indonesia ("1.933"), as a number. */
const count = (text: string | undefined): number => Number((text ?? '').replaceAll('.', ''));

/** The figure in a section button's name, e.g. 12 of "Antrean review (12)". */
async function sectionCount(page: Page, name: string): Promise<number> {
  const button = page
    .getByRole('navigation', { name: 'Bagian pemadanan' })
    .getByRole('button', { name: new RegExp(`^${name} \\(`) });
  const text = (await button.textContent()) ?? '';
  return count(/\(([\d.]+)\)/.exec(text)?.[1]);
}

/** Opens a part of the matching screen by its button in the section menu. */
async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Bagian pemadanan' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
}

/** Loads the small demo on the home page and goes to the matching screen through the main menu. */
async function openMatching(page: Page, baseUrl: string): Promise<void> {
  await gotoUnlocked(page, `${baseUrl}${SMALL_DEMO}`);
  await page.getByText('Program contoh tersimpan.').waitFor({ timeout: LOAD_TIMEOUT_MS });
  expect(await readSummary(page, 'Ringkasan program')).toMatchObject({
    Siswa: '2.000',
    'Registri penduduk': '20.000',
  });
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: 'Pemadanan' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Pemadanan' }).waitFor();
}

describe('pemadanan', () => {
  it('shows its progress, can be cancelled, matches almost every student and keeps the result', async () => {
    const { page, baseUrl } = await openApp();
    await openMatching(page, baseUrl);

    const panel = page.getByRole('region', { name: 'Jalankan pemadanan', exact: true });
    const run = panel.getByRole('button', { name: 'Jalankan pemadanan' });
    const bar = panel.getByRole('progressbar', { name: 'Kemajuan pemadanan' });
    await panel
      .getByText('Pemadanan belum pernah dijalankan untuk program ini.', { exact: false })
      .waitFor();

    // A first run: the bar names the phase in words and moves; then it is cancelled.
    await run.click();
    await bar.waitFor();
    expect(await run.isDisabled()).toBe(true);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Langkah [1-5] dari 5 — \p{L}/u);
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

    // A second run, to the end: the result is stored and shown.
    await run.click();
    await panel
      .getByText('Pemadanan selesai: 2.000 siswa dengan 20.000 penduduk di registri.')
      .waitFor({ timeout: MATCH_TIMEOUT_MS });
    await panel.getByText(/^Pemadanan terakhir selesai /).waitFor();
    const results = await readSummary(page, 'Ringkasan');
    const matched = count(results['Cocok']);
    const review = count(results['Perlu review']);
    const notMatched = count(results['Tidak cocok']);
    expect(matched).toBeGreaterThan(1_900);
    expect(matched + review + notMatched).toBe(2_000);
    expect(count(results['Cocok dengan yakin'])).toBeGreaterThan(0);

    const summary = page.getByRole('region', { name: 'Ringkasan', exact: true });
    const blocking = summary.getByRole('table', { name: 'Pasangan calon per aturan blocking' });
    await blocking.getByRole('rowheader', { name: 'NIK', exact: true }).waitFor();
    expect(await blocking.getByRole('row').count()).toBeGreaterThan(2);

    // The results as CSV: a header and one row per student.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      summary.getByRole('button', { name: 'Unduh hasil (CSV)' }).click(),
    ]);
    const lines = (await readFile(await download.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id_siswa,nik_cocok,probabilitas,status,alasan,duplikat_dari');
    expect(lines).toHaveLength(2_001);
    expect(lines.filter((line) => line.includes(',COCOK,'))).toHaveLength(matched);

    // The result outlives a reload: it comes from IndexedDB, not from memory.
    await reloadUnlocked(page);
    await page.getByText(/^Pemadanan terakhir selesai /).waitFor();
    expect(count((await readSummary(page, 'Ringkasan'))['Cocok'])).toBe(matched);
  });

  it('reviews students by keyboard, keeps the decisions over a reload, and lists who was not found', async () => {
    const { page, baseUrl } = await openApp();
    await openMatching(page, baseUrl);
    const panel = page.getByRole('region', { name: 'Jalankan pemadanan', exact: true });
    await panel.getByRole('button', { name: 'Jalankan pemadanan' }).click();
    await panel
      .getByText('Pemadanan selesai: 2.000 siswa dengan 20.000 penduduk di registri.')
      .waitFor({ timeout: MATCH_TIMEOUT_MS });

    // The review queue: one student beside the candidate, decided with A, moved with the arrows.
    const open = await sectionCount(page, 'Antrean review');
    expect(open).toBeGreaterThan(1);
    await openSection(page, 'Antrean review');
    const queue = page.getByRole('region', { name: 'Antrean review', exact: true });
    const bar = queue.getByRole('progressbar', { name: 'Antrean review' });
    expect(await bar.getAttribute('aria-valuetext')).toBe(`0 dari ${open} sudah diputuskan`);
    await queue.getByText(`Siswa 1 dari ${open}`).waitFor();
    await queue
      .getByRole('table', { name: 'Data siswa di samping data calon, per kolom' })
      .waitFor();
    expect(await queue.getByRole('radio').count()).toBeGreaterThan(0);

    await page.keyboard.press('a');
    await queue.getByText(/^Diterima: siswa /).waitFor();
    // Accepting a NIK another student held automatically sends that student back to the queue, so the
    // queue may grow by the students it displaced.
    const progress = /^1 dari (\d+) sudah diputuskan$/.exec(
      (await bar.getAttribute('aria-valuetext')) ?? '',
    );
    const total = Number(progress?.[1]);
    expect(total).toBeGreaterThanOrEqual(open);
    await queue.getByText(`Siswa 2 dari ${total}`).waitFor();
    await page.keyboard.press('ArrowLeft');
    await queue.getByText(`Siswa 1 dari ${total}`).waitFor();
    await page.keyboard.press('ArrowRight');
    await queue.getByText(`Siswa 2 dari ${total}`).waitFor();
    await page.keyboard.press('r');
    await queue.getByText(/^Ditolak\./).waitFor();
    // Focus never falls out of the page while deciding: it stays on a control that is still there.
    expect(
      await page.evaluate(
        () => document.activeElement !== document.body && document.activeElement?.isConnected,
      ),
    ).toBe(true);

    // The decisions are stored at once: a reload shows them.
    await reloadUnlocked(page);
    await page.getByText(/^Pemadanan terakhir selesai /).waitFor();
    const results = await readSummary(page, 'Ringkasan');
    expect(count(results['Diterima saat review'])).toBe(1);
    await openSection(page, 'Antrean review');
    const again = page.getByRole('region', { name: 'Antrean review', exact: true });
    expect(
      await again
        .getByRole('progressbar', { name: 'Antrean review' })
        .getAttribute('aria-valuetext'),
    ).toMatch(new RegExp(`^[12] dari ${total} sudah diputuskan$`));
    await again
      .getByRole('list', { name: 'Siswa di antrean review' })
      .getByText('Diterima', { exact: true })
      .first()
      .waitFor();

    // Students listed twice are a pair to decide.
    if ((await sectionCount(page, 'Tercatat dua kali')) > 0) {
      await openSection(page, 'Tercatat dua kali');
      const pairs = page.getByRole('region', { name: 'Siswa yang tercatat dua kali' });
      await pairs.getByRole('table', { name: 'Dua baris siswa berdampingan, per kolom' }).waitFor();
      await page.keyboard.press('a');
      await pairs.getByText(/^Disimpan: satu siswa/).waitFor();
    }

    // Students not found: the reason and what the family should do.
    await openSection(page, 'Tidak ditemukan');
    const notFound = page.getByRole('region', { name: 'Tidak ditemukan di registri' });
    await notFound.getByText(/Keluarga perlu memperbarui KK di Dukcapil/).waitFor();
    const list = notFound.getByRole('list', { name: 'Siswa yang tidak ditemukan' });
    expect(await list.getByRole('listitem').count()).toBeGreaterThan(0);
    await list.getByText('TIDAK_DITEMUKAN: perbarui KK di Dukcapil').first().waitFor();
  });
});
