/**
 * The laptop's passphrase in the browser tests: every page load starts locked (the keys live only in
 * the page's memory), so a test opens the app with its passphrase after each load, as a person would.
 */
import type { Page } from 'playwright-core';

/** The passphrase the tests give each new laptop (browser context). */
export const E2E_PASSPHRASE = 'kata sandi uji coba';

const SETUP_HEADING = /^(Lindungi data laptop ini|Protect this laptop's data)$/;
const LOCKED_HEADING = /^(Data terkunci|The data is locked)$/;

/** Sets the first passphrase, or unlocks with it, whichever the page asks; waits until it is open. */
export async function unlockApp(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  const setup = page.getByRole('heading', { level: 1, name: SETUP_HEADING });
  const locked = page.getByRole('heading', { level: 1, name: LOCKED_HEADING });
  await setup.or(locked).waitFor({ timeout: 30_000 });
  const field = page.getByLabel(/^\s*(Kata sandi|Passphrase)\s*$/);
  await field.fill(passphrase);
  if (await setup.isVisible()) {
    await page.getByLabel(/^\s*(Ulangi kata sandi|Repeat the passphrase)\s*$/).fill(passphrase);
    await page.getByRole('button', { name: /^(Simpan kata sandi|Save the passphrase)$/ }).click();
  } else {
    await page.getByRole('button', { name: /^(Buka|Unlock)$/ }).click();
  }
  await page.getByRole('button', { name: /^(Kunci|Lock)$/ }).waitFor({ timeout: 60_000 });
}

/** `page.goto(url)`, then unlocks. */
export async function gotoUnlocked(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlockApp(page);
}

/** `page.reload()`, then unlocks. */
export async function reloadUnlocked(page: Page): Promise<void> {
  await page.reload();
  await unlockApp(page);
}
