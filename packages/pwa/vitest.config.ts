import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Unit tests: plain modules and runes classes in Node, IndexedDB from fake-indexeddb. */
export default defineConfig({
  plugins: [svelte({ compilerOptions: { runes: true } })],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
  },
  // Tests run in Vite's server (SSR) module graph, which resolves with its own conditions.
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    environment: 'node',
    // Run the core from its TypeScript sources through Vite (the `source` condition), as the app
    // does: an external package would be loaded by Node from its built dist/, which may be stale.
    server: { deps: { inline: ['@sahaja/core'] } },
  },
});
