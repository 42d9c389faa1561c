/** What the tests read from and do on the home page, by role and label as a person would find them. */
import type { Page } from 'playwright-core';

/** Generous: the default demo (150,000 registry rows) is generated and stored on a 2-core machine. */
export const DEMO_LOAD_TIMEOUT_MS = 150_000;

/** The summary figures as shown: term → value, e.g. `{ Sekolah: '72' }`. */
export async function readSummary(page: Page, heading: string): Promise<Record<string, string>> {
  const summary = page.getByRole('region', { name: heading });
  await summary.getByRole('definition').first().waitFor();
  const terms = await summary.getByRole('term').allTextContents();
  const values = await summary.getByRole('definition').allTextContents();
  return Object.fromEntries(terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]));
}

/** Clicks "Muat program contoh", checks that progress shows, and waits until the demo is stored. */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Muat program contoh' }).click();
  await page.getByRole('progressbar', { name: 'Kemajuan memuat program contoh' }).waitFor();
  await page.getByText('Program contoh tersimpan.').waitFor({ timeout: DEMO_LOAD_TIMEOUT_MS });
}

/** Counts the rows of an IndexedDB object store of the app's database, straight from IndexedDB. */
export function countStoredRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sahaja');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    store,
  );
}
