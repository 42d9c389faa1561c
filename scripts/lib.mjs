// Helpers shared by the set-up, start and test scripts. Plain Node: they run before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.4.2';
export const POLYFILLS = join(ROOT, 'scripts', 'node20-polyfills.mjs');

/** Runs a command in the repository root with inherited output; returns its exit status. */
export function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) {
    console.error(`cannot run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** Runs pnpm at the pinned version through npx (corepack's signature check fails on these machines). */
export function pnpm(args, options = {}) {
  return sh('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args], options);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Installs dependencies when missing or older than the lock file, then builds the core (its CLI and types). */
export function setup() {
  const installed = mtime(join(ROOT, 'node_modules', '.modules.yaml'));
  if (installed === 0 || installed < mtime(join(ROOT, 'pnpm-lock.yaml'))) {
    console.log('» Installing dependencies (pnpm install --frozen-lockfile)…');
    if (pnpm(['install', '--frozen-lockfile']) !== 0) return false;
  }
  console.log('» Building @sahaja/core…');
  return pnpm(['--filter', '@sahaja/core', 'run', 'build']) === 0;
}

/** True when Debian's Chromium is present; installs it with apt-get when running as root and it is not. */
export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      'Browser tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium`.',
    );
    return false;
  }
  console.log('» Installing Debian chromium for the browser tests…');
  if (sh('apt-get', ['update', '-qq']) !== 0) return false;
  return (
    sh('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }) === 0 && existsSync('/usr/bin/chromium')
  );
}
