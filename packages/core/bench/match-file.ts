/**
 * Runs `sahaja match` once on the given files in this process and prints, as the last line, its wall
 * time and peak resident memory as JSON — for bench/matching.ts, which starts one process per size.
 */
import { run } from '../src/cli/main.js';

const [students, registry, out] = process.argv.slice(2);
if (!students || !registry || !out) {
  console.error('usage: match-file.ts STUDENTS REGISTRY OUT');
  process.exit(2);
}
let line = '';
const t0 = performance.now();
const status = await run(['match', '--students', students, '--registry', registry, '--out', out], {
  out: (text) => {
    if (line === '') line = text;
  },
  err: (text) => console.error(text),
});
const seconds = (performance.now() - t0) / 1000;
if (status !== 0) process.exit(status);
console.log(
  JSON.stringify({ seconds, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), line }),
);
