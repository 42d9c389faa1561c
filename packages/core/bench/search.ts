/**
 * Benchmark of the student search (issue 8) over the default demo's 20,000 students: the index build,
 * then 200 queries typed letter by letter (`typingQueries`, seed 8: the first two words of students'
 * true registry names, 50 of them misspelled — 25 keyboard typos, 25 spelling variants), each keystroke
 * one `search(prefix, { limit: 50 })` call, timed, on a fresh search each pass.
 * Quality, untimed, from each whole query with no limit: whether the sought student's row is found at
 * all, in the first 10, in the first 50, and among the best-scoring hits (rows that tie with the best
 * are ordered by the written-as-typed and length tie-breaks, then by name, so a common name's row may
 * sit below others that match as well). Then recall over every listed student in the registry, sought
 * by the first two words of the true name.
 *
 *   cd packages/core && node --expose-gc --import tsx bench/search.ts [passes]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { generateProgramme } from '../src/generator/programme.js';
import { buildStudentSearchIndex } from '../src/search/build.js';
import { openStudentSearch, type StudentSearch } from '../src/search/search.js';
import { typingQueries, type Misspelling, type TypingQuery } from '../src/search/typing-queries.js';

const LIMIT = 50;
const passes = Number(process.argv[2] ?? 3);

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const ms = (x: number): string => `${x.toFixed(2)} ms`;

/** Replays every query letter by letter; returns each keystroke's time. */
function replay(search: StudentSearch, queries: readonly TypingQuery[]): number[] {
  const times: number[] = [];
  let total = 0;
  for (const q of queries) {
    for (let k = 1; k <= q.text.length; k++) {
      const t = performance.now();
      total += search.search(q.text.slice(0, k), { limit: LIMIT }).total;
      times.push(performance.now() - t);
    }
    search.search('');
  }
  if (total === 0) throw new Error('no query found anyone');
  return times;
}

interface Outcome {
  readonly query: TypingQuery;
  /** Place of the first row of the person among all hits; -1 when not found. */
  readonly rank: number;
  /** Whether that row scores as high as the first hit. */
  readonly best: boolean;
}

function outcomes(search: StudentSearch, queries: readonly TypingQuery[]): Outcome[] {
  return queries.map((query) => {
    const { hits } = search.search(query.text, { limit: Infinity });
    const rank = hits.findIndex((h) => query.targets.includes(h.index));
    return { query, rank, best: rank >= 0 && hits[rank]?.score === hits[0]?.score };
  });
}

function timesLine(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted[sorted.length - 1] as number)}, mean ${ms(mean)} over ${times.length} keystrokes`;
}

function qualityLine(all: readonly Outcome[], kind: Misspelling): string {
  const chosen = all.filter((o) => o.query.misspelling === kind);
  const within = (n: number): number => chosen.filter((o) => o.rank >= 0 && o.rank < n).length;
  const label = { none: 'spelled right', typo: 'typo', spelling: 'spelling variant' }[kind];
  return `${label} (${chosen.length}): found ${within(Infinity)}, top 10 ${within(10)}, top ${LIMIT} ${within(LIMIT)}, among the best-scoring ${chosen.filter((o) => o.best).length}`;
}

console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0]?.toFixed(2)}`,
);
const programme = generateProgramme({});
const queries = typingQueries(programme, { count: 200, misspelled: 50, seed: 8 });

collectGarbage();
let t = performance.now();
const index = buildStudentSearchIndex(programme.students);
const cold = performance.now() - t;
const warm: number[] = [];
for (let i = 0; i < 4; i++) {
  collectGarbage();
  t = performance.now();
  buildStudentSearchIndex(programme.students);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
console.log(
  `index build, ${programme.students.length} students: first ${ms(cold)} (names normalised from scratch); again with the matcher's name memory warm: median ${ms(percentile(warm, 50))} of 4`,
);
console.log(
  `vocabulary ${index.terms.length} terms, ${index.aliases.length} written spellings; ${queries.length} queries, ${queries.reduce((a, q) => a + q.text.length, 0)} keystrokes per pass`,
);

const all: number[] = [];
for (let pass = 1; pass <= passes; pass++) {
  collectGarbage();
  const times = replay(openStudentSearch(index), queries);
  all.push(...times);
  console.log(`pass ${pass}: ${timesLine(times)}`);
}
console.log(`all ${passes} passes: ${timesLine(all)}`);
const quality = outcomes(openStudentSearch(index), queries);
for (const kind of ['none', 'typo', 'spelling'] as const) console.log(qualityLine(quality, kind));

// Recall over the whole list: every row whose person is in the registry, sought by the first two words
// of the true registry name (the school may have written it otherwise: SPEC §4's corruptions).
const search = openStudentSearch(index);
const byNik = new Map(programme.registry.map((r) => [r.nik, r.nama]));
let rows = 0;
let found = 0;
let best = 0;
programme.truth.forEach((truth, i) => {
  const trueName = byNik.get(truth.nik);
  if (trueName === undefined) return;
  rows++;
  const { hits } = search.search(trueName.split(' ').slice(0, 2).join(' '), { limit: Infinity });
  const rank = hits.findIndex((h) => h.index === i);
  if (rank >= 0) found++;
  if (rank >= 0 && hits[rank]?.score === hits[0]?.score) best++;
});
console.log(
  `recall by true name's first two words: ${found} of ${rows} rows found (${(found / rows).toFixed(4)}), ${best} among the best-scoring (${(best / rows).toFixed(4)})`,
);
