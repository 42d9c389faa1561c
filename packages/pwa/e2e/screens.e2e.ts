import { describe, expect, it } from 'vitest';
import { DEMO_LOAD_TIMEOUT_MS } from './support/app';
import { useBrowser } from './support/browser';
import { gotoUnlocked } from './support/lock';

const openApp = useBrowser();

/** Each menu entry, the heading its screen shows in Indonesian and in English. */
const SCREENS = [
  { id: 'Beranda', en: 'Home', heading: ['Program perekaman', 'Recording programme'] },
  { id: 'Program', en: 'Programme', heading: ['Program', 'Programme'] },
  { id: 'Sekolah', en: 'Schools', heading: ['Sekolah', 'Schools'] },
  { id: 'Impor', en: 'Import', heading: ['Impor data', 'Import data'] },
  { id: 'Pemadanan', en: 'Matching', heading: ['Pemadanan', 'Matching'] },
  { id: 'Kelayakan', en: 'Eligibility', heading: ['Kelayakan', 'Eligibility'] },
  { id: 'Jadwal', en: 'Plan', heading: ['Jadwal kunjungan', 'Visit plan'] },
  { id: 'Ekspor', en: 'Export', heading: ['Ekspor dan cetak', 'Export and print'] },
  { id: 'Hari kunjungan', en: 'Visit day', heading: ['Hari kunjungan', 'Visit day'] },
  { id: 'Kemajuan', en: 'Progress', heading: ['Kemajuan', 'Progress'] },
  { id: 'Penyerahan', en: 'Handover', heading: ['Penyerahan KTP-el', 'Card handover'] },
  {
    id: 'Tukar data',
    en: 'Exchange',
    heading: ['Tukar data antar laptop', 'Exchange between laptops'],
  },
  { id: 'Jejak audit', en: 'Audit trail', heading: ['Jejak audit', 'Audit trail'] },
] as const;

describe('the screens of the app', () => {
  it('are all in the menu, open without errors, and speak Indonesian and English', async () => {
    const { page, baseUrl } = await openApp();
    await gotoUnlocked(page, `${baseUrl}/?demo=1&students=2000&registry=20000`);
    await page.getByText('Program contoh tersimpan.').waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });
    const menu = page.getByRole('navigation', { name: 'Menu utama' });

    for (const screen of SCREENS) {
      await menu.getByRole('link', { name: screen.id, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: screen.heading[0], exact: true }).waitFor();
      expect(
        await menu.getByRole('link', { name: screen.id, exact: true }).getAttribute('aria-current'),
      ).toBe('page');
    }
    // Every menu entry is a screen checked here.
    const links = await menu.getByRole('link').allTextContents();
    expect(links.map((l) => l.trim())).toEqual(SCREENS.map((s) => s.id));

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('navigation', { name: 'Main menu' });
    for (const screen of SCREENS) {
      await english.getByRole('link', { name: screen.en, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: screen.heading[1], exact: true }).waitFor();
    }
  });
});
