// `npm test`: every check and test — format, lint, types, unit tests, the app build and the browser tests.
// Runs every step even after a failure, so that all problems show at once, then prints a summary and
// exits non-zero when anything failed.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, pnpm, POLYFILLS, ROOT, setup, sh } from './lib.mjs';

const reports = mkdtempSync(join(tmpdir(), 'sahaja-test-'));
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${POLYFILLS}`.trim(),
};
const results = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(pkg, name, extra = []) {
  const json = join(reports, `${name}.json`);
  const status = pnpm(
    [
      '--filter',
      pkg,
      'exec',
      'vitest',
      'run',
      ...extra,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${json}`,
    ],
    { env },
  );
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if ((report.numTotalTests ?? 0) === 0) return 1;
  }
  return status;
}

function step(name, run) {
  console.log(`\n━━ ${name} ━━`);
  const status = run();
  results.push({ name, ok: status === 0 || status === true });
}

step('set-up (install, build core)', () => setup());
step('format (prettier --check)', () =>
  sh(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--check', '.', '--log-level', 'warn']),
);
step('lint (eslint, zero warnings)', () =>
  sh(join(ROOT, 'node_modules', '.bin', 'eslint'), ['.', '--max-warnings', '0']),
);
step('types: core (tsc --noEmit)', () => pnpm(['--filter', '@sahaja/core', 'run', 'typecheck']));
step('types: app (svelte-check --fail-on-warnings)', () =>
  pnpm(['--filter', '@sahaja/pwa', 'run', 'typecheck']),
);
step('unit tests: core', () => vitest('@sahaja/core', 'core'));
step('unit tests: app', () => vitest('@sahaja/pwa', 'pwa'));
step('build: app', () => pnpm(['--filter', '@sahaja/pwa', 'run', 'build']));
step('browser tests: app (Chromium)', () =>
  ensureChromium() ? vitest('@sahaja/pwa', 'e2e', ['--config', 'vitest.e2e.config.ts']) : 1,
);

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'ok    ' : 'FAILED'}  ${r.name}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
