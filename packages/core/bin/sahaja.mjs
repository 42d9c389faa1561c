#!/usr/bin/env node
// The `sahaja` command. It runs the compiled CLI; `npm start`, `npm test` and `npm run setup` build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'sahaja: the core is not built yet; run `npm run setup` at the repository root first.\n',
  );
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
