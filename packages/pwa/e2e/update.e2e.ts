import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useBrowser, waitForServiceWorkerControl } from './support/browser';
import { openScreen } from './support/field';
import { unlockApp } from './support/lock';
import { startStaticServer, type StaticServer } from './support/static-server';

const openApp = useBrowser();
const buildDir = fileURLToPath(new URL('../build', import.meta.url));

let copy: { root: string; server: StaticServer } | null = null;

afterEach(async () => {
  await copy?.server.close();
  if (copy) await rm(copy.root, { recursive: true, force: true });
  copy = null;
});

/** Serves a private copy of the build, so the test can publish a "new version" of it. */
async function serveCopyOfBuild(): Promise<{ root: string; server: StaticServer }> {
  const root = await mkdtemp(join(tmpdir(), 'sahaja-build-'));
  await cp(buildDir, root, { recursive: true });
  copy = { root, server: await startStaticServer(root) };
  return copy;
}

describe('updating the app', () => {
  it('prompts for a new version, waits for running work, and reloads only when asked', async () => {
    const { root, server } = await serveCopyOfBuild();
    const { page } = await openApp(server.url);
    await waitForServiceWorkerControl(page);
    await page.evaluate(() => Reflect.set(window, 'sahajaSameDocument', true));

    // Unsaved work in progress: a demo load.
    await page.getByRole('button', { name: 'Muat program contoh' }).click();
    // A new version is published and the browser finds it.
    await appendFile(join(root, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    const banner = page.getByRole('status').filter({ hasText: 'Versi baru tersedia' });
    await banner.waitFor();
    const reload = banner.getByRole('button', { name: 'Muat ulang' });
    expect(await reload.isDisabled()).toBe(true);
    await banner.getByText('Tunggu sampai proses yang berjalan selesai').waitFor();

    await page.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByText('Pemuatan dibatalkan.').waitFor();
    expect(await reload.isEnabled()).toBe(true);

    // Unsaved edits hold it too: a name typed for a new programme, until it is taken back.
    await openScreen(page, 'Program', 'Program');
    const name = page.getByLabel('Nama program');
    const typed = await name.inputValue();
    await name.fill('Program yang belum disimpan');
    await banner.getByText('Tunggu sampai proses yang berjalan selesai').waitFor();
    expect(await reload.isDisabled()).toBe(true);
    await name.fill(typed);
    await expect.poll(() => reload.isEnabled()).toBe(true);
    expect(await page.evaluate(() => Reflect.get(window, 'sahajaSameDocument'))).toBe(true);

    await Promise.all([page.waitForEvent('load'), reload.click()]);

    expect(await page.evaluate(() => Reflect.get(window, 'sahajaSameDocument'))).toBeUndefined();
    // A new page starts locked, as every page load does.
    await unlockApp(page);
    // The same screen again, the Program screen the reload was asked from.
    await page.getByRole('heading', { level: 1, name: 'Program', exact: true }).waitFor();
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
    );
    expect(waiting).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });
});
