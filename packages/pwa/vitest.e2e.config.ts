import { defineConfig } from 'vitest/config';

/**
 * Browser tests of the built app (packages/pwa/build) in Debian's Chromium. Files run one after another:
 * the demo programme is generated in the browser, and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
