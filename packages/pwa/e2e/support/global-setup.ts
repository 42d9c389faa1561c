/**
 * Serves the built app for the browser tests. Builds it first when build/ is missing (CI builds it
 * beforehand with `pnpm --filter @sahaja/pwa run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = fileURLToPath(new URL('../../build', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${buildDir}/index.html`)) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
      cwd: packageDir,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite resolve the `development` export conditions.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const server = await startStaticServer(buildDir);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
