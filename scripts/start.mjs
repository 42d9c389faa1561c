// `npm start`: installs what is missing, builds the app and serves it at http://localhost:4173.
import { pnpm, setup } from './lib.mjs';

if (!setup()) process.exit(1);
console.log('» Building the app…');
if (pnpm(['--filter', '@sahaja/pwa', 'run', 'build']) !== 0) process.exit(1);
console.log('\n  Sahaja is running at http://localhost:4173/?demo=1');
console.log('  (the ?demo=1 link loads the synthetic demo programme; Ctrl+C stops the server)\n');
process.exitCode = pnpm(['--filter', '@sahaja/pwa', 'run', 'preview']);
