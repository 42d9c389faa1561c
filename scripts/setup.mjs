// `npm run setup`: installs dependencies and builds the core, so that `npx sahaja` works.
import { setup } from './lib.mjs';

process.exitCode = setup() ? 0 : 1;
