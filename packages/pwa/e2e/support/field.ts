/** What the field-side browser tests share: the demo prepared through the screens, figures as shown. */
import type { Page } from 'playwright-core';
import { waitForServiceWorkerControl } from './browser';
import { expect } from 'vitest';
import { countStoredRows } from './app';
import { gotoUnlocked } from './lock';

export const STEP_TIMEOUT_MS = 120_000;

/** A count as the page shows it in Bahasa Indonesia ("1.933"), as a number. */
export const count = (text: string | null | undefined): number =>
  Number((text ?? '').replaceAll('.', ''));

/** The first figure under `term` in the region named `region` ("Terekam" → 12). */
export async function figure(page: Page, region: string, term: string): Promise<number> {
  const counts = page.getByRole('region', { name: region, exact: true });
  const box = counts.locator('div', {
    has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }),
  });
  return count(await box.getByRole('definition').first().textContent());
}

/** The figure of a count box of the visit ("Terekam" → 12). */
export const visitCount = (page: Page, term: string) => figure(page, 'Hitungan kunjungan', term);

/** Opens a screen from the main menu and waits for its heading. */
export async function openScreen(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

/** Loads the demo at `demo` (a URL path with its options), runs pemadanan and makes the plan. */
export async function prepareProgramme(page: Page, baseUrl: string, demo: string): Promise<void> {
  await gotoUnlocked(page, `${baseUrl}${demo}`);
  await page.getByText('Program contoh tersimpan.').waitFor({ timeout: STEP_TIMEOUT_MS });
  await waitForServiceWorkerControl(page);
  await openScreen(page, 'Pemadanan', 'Pemadanan');
  const run = page.getByRole('region', { name: 'Jalankan pemadanan', exact: true });
  await run.getByRole('button', { name: 'Jalankan pemadanan' }).click();
  await run.getByText(/^Pemadanan selesai/).waitFor({ timeout: STEP_TIMEOUT_MS });
  await openScreen(page, 'Jadwal', 'Jadwal kunjungan');
  const make = page.getByRole('region', { name: 'Buat jadwal' });
  await make.getByRole('button', { name: 'Buat jadwal' }).click();
  await make.getByText(/^Jadwal tersimpan: \d+ kunjungan\.$/).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Opens the first visit of the visit-day screen and presses `keys` on its list, one stored at a time. */
export async function markFirstStudents(page: Page, keys: readonly string[]): Promise<void> {
  await openScreen(page, 'Hari kunjungan', 'Hari kunjungan');
  const visits = page.getByRole('link', { name: /\d+ wajib · \d+ rekam dini$/ });
  await visits.first().click();
  const list = page.getByRole('region', { name: 'Siswa sasaran' });
  await list.getByRole('button').first().waitFor();
  await list.focus();
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await expect.poll(() => countStoredRows(page, 'visitEvents')).toBe(i + 1);
  }
}
