/**
 * Benchmarks of the core, run with `pnpm bench [name]` from the repository root. Each benchmark runs its
 * work several times and reports the median and the fastest run; results go in docs/benchmarks.md with
 * the machine and the command. Timed work is the real work: no caching between runs.
 */
import { cpus, totalmem } from 'node:os';
import { generateProgramme } from '../src/generator/programme.js';
import { programmeFiles } from '../src/io/demo-files.js';

interface Benchmark {
  readonly name: string;
  readonly runs: number;
  /** Does the work once; returns a figure to print so the work cannot be optimised away. */
  run(): Promise<string> | string;
}

const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'generator',
    runs: 3,
    run: () => {
      const p = generateProgramme({});
      return `${p.students.length} students, ${p.registry.length} registry people, ${p.files.length} files`;
    },
  },
  {
    name: 'demo-files',
    runs: 3,
    run: async () => {
      const files = await programmeFiles(generateProgramme({}));
      const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
      return `${files.length} files, ${(bytes / 1e6).toFixed(1)} MB (generation included)`;
    },
  },
];

const wanted = process.argv[2];
const selected = BENCHMARKS.filter((b) => !wanted || b.name === wanted);
if (selected.length === 0) {
  console.error(
    `unknown benchmark "${wanted}"; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
for (const b of selected) {
  const times: number[] = [];
  let figure = '';
  for (let i = 0; i < b.runs; i++) {
    const t0 = performance.now();
    figure = await b.run();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] as number;
  console.log(
    `${b.name.padEnd(12)} median ${(median / 1000).toFixed(2)} s, fastest ${((times[0] as number) / 1000).toFixed(2)} s over ${b.runs} runs — ${figure}`,
  );
}
