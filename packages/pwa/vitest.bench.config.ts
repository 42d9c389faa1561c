import { defineConfig } from 'vitest/config';

/**
 * Benchmarks of the built app in Debian's Chromium (`pnpm --filter @sahaja/pwa run bench`). They print
 * figures for docs/benchmarks.md; they check that what was measured is right, never how fast it was.
 */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
  },
});
