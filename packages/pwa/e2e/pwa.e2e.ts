import { describe, expect, it } from 'vitest';
import { useBrowser, waitForServiceWorkerControl } from './support/browser';
import { reloadUnlocked } from './support/lock';

const openApp = useBrowser();

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

describe('installable app', () => {
  it('is controlled by its service worker after a reload', async () => {
    const { page } = await openApp();
    await waitForServiceWorkerControl(page);
    await reloadUnlocked(page);

    const controller = await page.evaluate(
      () => navigator.serviceWorker.controller?.scriptURL ?? null,
    );
    expect(controller).toMatch(/\/sw\.js$/);
  });

  it('says it is ready for offline use on the first visit, once the service worker is active', async () => {
    const { page } = await openApp();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByText('Ya, aplikasi tersimpan di perangkat ini.').waitFor({ timeout: 30_000 });
  });

  it('links a valid web manifest whose icons load at their declared sizes', async () => {
    const { page, baseUrl } = await openApp();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();

    const response = await page.request.get(new URL(href ?? '', baseUrl).href);
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'Sahaja',
      short_name: 'Sahaja',
      lang: 'id',
      id: '/',
      start_url: '/',
      display: 'standalone',
      theme_color: '#0d5c63',
    });

    const icons = manifest['icons'] as ManifestIcon[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) {
      const size = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
    }
  });
});
