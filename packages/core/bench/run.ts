/**
 * Benchmarks of the core, run with `pnpm bench [name]` from the repository root. Each benchmark runs its
 * work several times and reports the median and the fastest run; results go in docs/benchmarks.md with
 * the machine and the command. Timed work is the real work: no caching between runs.
 */
import { cpus, totalmem } from 'node:os';
import type { Resident } from '../src/domain/records.js';
import {
  evaluateBatch,
  type CategoryCounts,
  type EligibilityEntry,
} from '../src/eligibility/batch.js';
import { ELIGIBILITY_CATEGORIES } from '../src/eligibility/evaluate.js';
import { explainEligibility } from '../src/eligibility/explain.js';
import { parseCsv } from '../src/io/csv-read.js';
import { formatCsv } from '../src/io/csv-write.js';
import { createEligibilityPolicy, type EligibilityPolicy } from '../src/eligibility/policy.js';
import { generateProgramme } from '../src/generator/programme.js';
import { programmeFiles } from '../src/io/demo-files.js';
import { importRecords } from '../src/io/import.js';
import Papa from 'papaparse';
import talismanDamerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';
import talismanJaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { jaroWinkler, osaDistance } from '../src/matching/strings.js';
import { MATCHING_BENCHMARKS } from './matching.js';
import { SCHEDULING_BENCHMARKS } from './scheduling.js';
import { Random } from '../src/random/prng.js';

interface Benchmark {
  readonly name: string;
  readonly runs: number;
  /** Builds the inputs, untimed. */
  prepare?(): Promise<void> | void;
  /** Does the work once; returns a figure to print so the work cannot be optimised away. */
  run(): Promise<string> | string;
}

const MILLION = 1_000_000;

/** A copy of `name` with one character changed, dropped or doubled. */
function typo(random: Random, name: string): string {
  if (name.length < 2) return name;
  const i = random.int(0, name.length - 1);
  const kind = random.int(0, 2);
  if (kind === 0)
    return `${name.slice(0, i)}${random.pick([...'AIUEONRSTMKH'])}${name.slice(i + 1)}`;
  if (kind === 1) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + (name[i] ?? '') + name.slice(i);
}

/** Starts a timing from a collected heap when Node runs with --expose-gc (as `pnpm bench` does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
let registryCsv: Uint8Array = new Uint8Array();
let millionCsv: Uint8Array = new Uint8Array();

async function prepareRegistryCsv(): Promise<void> {
  if (registryCsv.length > 0) return;
  const files = await programmeFiles(generateProgramme({}));
  registryCsv = files.find((f) => f.path === 'registri.csv')?.bytes ?? new Uint8Array();
}

async function prepareMillionCsv(): Promise<void> {
  if (millionCsv.length > 0) return;
  await prepareRegistryCsv();
  const text = new TextDecoder().decode(registryCsv);
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline + 1);
  const body = text
    .slice(newline + 1)
    .split('\n')
    .filter((l) => l !== '');
  const lines = Array.from({ length: MILLION }, (_, i) => body[i % body.length]);
  millionCsv = new TextEncoder().encode(header + lines.join('\n') + '\n');
}

/** Reads the registry CSV into validated residents; returns the number accepted. */
async function importRegistry(
  bytes: Uint8Array,
  keep: boolean,
): Promise<{ accepted: number; peakHeap: number }> {
  let peakHeap = 0;
  const result = await importRecords(bytes, {
    kind: 'resident',
    pivotYear: 2023,
    ...(!keep && {
      onRecords: () => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      },
    }),
  });
  if (!result.ok) throw new Error(result.issues[0].message.en);
  return { accepted: result.value.counts.accepted, peakHeap };
}
let entries: EligibilityEntry[] = [];
let policy: EligibilityPolicy | undefined;

function prepareMillion(): void {
  if (entries.length === MILLION) return;
  const registry = generateProgramme({}).registry;
  const header = [
    'nik',
    'tanggal_lahir',
    'status_kawin',
    'kewarganegaraan',
    'status_rekam',
    'kode_wilayah',
  ];
  const rows = Array.from({ length: MILLION }, (_, i) => {
    const r = registry[i % registry.length] as Resident;
    return [r.nik, r.tanggalLahir, r.statusKawin, r.kewarganegaraan, r.statusRekam, r.kodeWilayah];
  });
  const parsed = parseCsv(formatCsv([header, ...rows])).rows.slice(1);
  entries = parsed.map(
    ([nik, tanggalLahir, statusKawin, kewarganegaraan, statusRekam, kodeWilayah]) => ({
      person: {
        nik: nik ?? '',
        tanggalLahir: tanggalLahir ?? '',
        statusKawin: statusKawin ?? '',
        kewarganegaraan: kewarganegaraan ?? '',
        statusRekam: statusRekam ?? '',
        kodeWilayah: kodeWilayah ?? '',
      },
    }),
  );
  const p = createEligibilityPolicy({ referenceDate: '2023-01-16', regions: ['3506'] });
  if (!p.ok) throw new Error(p.issues[0].message.en);
  policy = p.value;
}

/** A fresh policy object per run, so that no memoised lookup survives from one run to the next. */
function currentPolicy(): EligibilityPolicy {
  return { ...(policy as EligibilityPolicy) };
}

function countsText(c: CategoryCounts): string {
  return ELIGIBILITY_CATEGORIES.map((k) => `${k} ${c[k]}`).join(', ');
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
  {
    // SPEC §3 on a million registry people, as a file reader hands them over: the demo registry's
    // 150,000 rows written as CSV about seven times over and parsed back (untimed), so every value is its
    // own string. Timed: NIK checks, birth-date parsing, ages and dates, status, citizenship, marital and
    // region recognition, one decision per person kept, counts per category.
    name: 'eligibility',
    runs: 5,
    prepare: prepareMillion,
    run: () => {
      const { decisions, summary } = evaluateBatch(entries, currentPolicy());
      return `${decisions.length} decisions: ${countsText(summary.counts)}`;
    },
  },
  {
    // The same, plus each decision's reason written in Indonesian (what `sahaja eligibility` adds before
    // writing its file).
    name: 'eligibility-reasons',
    runs: 3,
    prepare: prepareMillion,
    run: () => {
      const policy = currentPolicy();
      const { decisions } = evaluateBatch(entries, policy);
      let chars = 0;
      for (const d of decisions) chars += explainEligibility(d, policy).id.length;
      return `${decisions.length} decisions, ${(chars / 1e6).toFixed(0)} M characters of reasons`;
    },
  },
  {
    // Reading the demo's 150,000-row registry CSV (23 MB) into validated Resident records, against
    // papaparse's raw parse of the same bytes (UTF-8 decoding included for both). Each run times both,
    // alternating which goes first; the figure is the ratio of the medians over the runs.
    name: 'import-registry',
    runs: 1,
    prepare: prepareRegistryCsv,
    run: async () => {
      const ours: number[] = [];
      const papa: number[] = [];
      let accepted = 0;
      for (let i = 0; i < 7; i++) {
        const timePapa = (): void => {
          collectGarbage();
          const t = performance.now();
          const raw = Papa.parse<string[]>(new TextDecoder().decode(registryCsv), {
            skipEmptyLines: false,
          });
          papa.push(performance.now() - t);
          if (raw.data.length < 150_000) throw new Error('papaparse read too few rows');
        };
        if (i % 2 === 0) timePapa();
        collectGarbage();
        const t = performance.now();
        accepted = (await importRegistry(registryCsv, true)).accepted;
        ours.push(performance.now() - t);
        if (i % 2 === 1) timePapa();
      }
      const median = (xs: number[]): number =>
        [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
      return `${accepted} residents: median ${(median(ours) / 1000).toFixed(2)} s; papaparse raw parse median ${(median(papa) / 1000).toFixed(2)} s; ratio ${(median(ours) / median(papa)).toFixed(2)} (7 runs each)`;
    },
  },
  {
    // A million-row registry CSV (the 150,000 rows repeated, 155 MB) streamed in 1 MiB chunks into
    // validated records handed over in batches: time and peak heap while reading.
    name: 'import-million',
    runs: 1,
    prepare: prepareMillionCsv,
    run: async () => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const { accepted, peakHeap } = await importRegistry(millionCsv, false);
      return `${accepted} residents from ${(millionCsv.length / 1e6).toFixed(0)} MB; JS heap ${(before / 1e6).toFixed(0)} MB before, at most ${(peakHeap / 1e6).toFixed(0)} MB while reading (the file's bytes are held outside the heap)`;
    },
  },
  {
    // Jaro-Winkler and the OSA distance on 300,000 pairs of name-like strings (the demo's names, half of
    // them with a typo), ours against talisman's on the same pairs in the same run; results must agree.
    name: 'string-kernels',
    runs: 1,
    run: () => {
      const random = new Random(7);
      const names = generateProgramme({
        students: 2000,
        registry: 12_000,
        schools: 12,
      }).registry.map((r) => r.nama);
      const pairs: [string, string][] = Array.from({ length: 300_000 }, () => {
        const a = random.pick(names);
        const b = random.chance(0.5) ? random.pick(names) : typo(random, a);
        return [a, b];
      });
      type Metric = (a: string, b: string) => number;
      const unwrap = (m: Metric & { default?: Metric }): Metric => m.default ?? m;
      const theirs = { jw: unwrap(talismanJaroWinkler), osa: unwrap(talismanDamerauLevenshtein) };
      const time = (f: Metric): { ms: number; sum: number } => {
        collectGarbage();
        const t = performance.now();
        let sum = 0;
        for (const [a, b] of pairs) sum += f(a, b);
        return { ms: performance.now() - t, sum };
      };
      const results: string[] = [];
      for (const [label, ours, other] of [
        ['Jaro-Winkler', (a: string, b: string) => jaroWinkler(a, b), theirs.jw],
        ['OSA distance', osaDistance, theirs.osa],
      ] as const) {
        for (const [a, b] of pairs) {
          if (ours(a, b) !== other(a, b))
            throw new Error(`${label} differs from talisman on a pair`);
        }
        const o = time(ours);
        const t = time(other);
        results.push(
          `${label}: ours ${(((pairs.length / o.ms) * 1000) / 1e6).toFixed(2)} M pairs/s, talisman ${(((pairs.length / t.ms) * 1000) / 1e6).toFixed(2)} M pairs/s`,
        );
      }
      return `${pairs.length} pairs, identical results; ${results.join('; ')}`;
    },
  },
  ...MATCHING_BENCHMARKS,
  ...SCHEDULING_BENCHMARKS,
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
  await b.prepare?.();
  const times: number[] = [];
  let figure = '';
  for (let i = 0; i < b.runs; i++) {
    collectGarbage();
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
