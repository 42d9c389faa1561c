import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

/** `@sahaja/core` publishes its TypeScript sources under the `source` export condition. */
const SOURCE_CONDITION = 'source';

/** Kept equal to `--colour-brand` in src/app.css and the theme-color meta tag in src/app.html. */
const THEME_COLOUR = '#0d5c63';
const BACKGROUND_COLOUR = '#f5f6f2';

export default defineConfig({
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      // The app registers the worker itself through `virtual:pwa-register` (see lib/platform).
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Sahaja',
        short_name: 'Sahaja',
        description:
          'Perekaman KTP-el di sekolah: pemadanan, kelayakan, jadwal kunjungan, dan hari kunjungan luring.',
        lang: 'id',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND_COLOUR,
        categories: ['government', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      kit: { adapterFallback: 'index.html', spa: true },
      workbox: {
        // Every built asset and static file is precached (globDirectory is .svelte-kit/output). An
        // explicit (empty) modifyURLPrefix keeps the SvelteKit integration from adding a pattern for
        // prerendered pages, which this client-only app does not have.
        globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest}'],
        modifyURLPrefix: {},
        // The worker bundle carries the whole core and the demo generator.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
});
