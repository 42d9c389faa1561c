import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser';
import { reloadUnlocked } from './support/lock';

const openApp = useBrowser();

describe('language', () => {
  it('is Bahasa Indonesia by default and switches to English, remembered after a reload', async () => {
    const { page } = await openApp();
    await page.getByRole('heading', { name: 'Program perekaman' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');

    await page.getByRole('button', { name: 'English' }).click();

    await page.getByRole('heading', { name: 'Recording programme' }).waitFor();
    await page.getByRole('button', { name: 'Load demo programme' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await reloadUnlocked(page);
    await page.getByRole('heading', { name: 'Recording programme' }).waitFor();

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Program perekaman' }).waitFor();
  });
});
