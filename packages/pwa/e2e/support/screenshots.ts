/** Pictures of the screens for docs/screenshots, taken by the browser tests when asked for. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Saves a picture of the window when the run is asked for screenshots (`SCREENSHOTS_DIR`), scrolled
 * to `part` if given (the part of the screen the picture is about).
 */
export async function screenshot(page: Page, name: string, part?: Locator): Promise<void> {
  const target = process.env['SCREENSHOTS_DIR'];
  if (!target) return;
  await mkdir(target, { recursive: true });
  await part?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(target, `${name}.png`), fullPage: false });
  await page.evaluate(() => window.scrollTo(0, 0));
}
