import { formatCsv } from '../io/csv-write.js';
import { encodeUtf8 } from '../io/encoding.js';
import { importRecords, type ImportReport } from '../io/import.js';
import { readTable } from '../io/table.js';
import type { Resident, StudentRecord } from '../domain/records.js';
import type { ExplanationEntry } from '../matching/engine.js';
import {
  DEFAULT_THRESHOLDS,
  matchStudents,
  type MatchReason,
  type ReviewDecision,
} from '../matching/students.js';
import type { ParsedArgs } from './args.js';
import { CliError, type Io } from './io.js';
import { openInput, readInput } from './read-file.js';
import { AtomicFileWriter } from './write-file.js';

export const MATCH_HELP = `sahaja match --students S --registry R --out M.csv [--decisions D.csv]
             [--threshold 0.999] [--review-threshold 0.2] [--lang id|en]

Matches every student row to the registry (pemadanan, SPEC §4): one output row per student with
id_siswa,nik_cocok,probabilitas,status and alasan, duplikat_dari, penjelasan (field by field).
  --students S    school list(s) as one CSV or XLSX (SPEC §7 student columns and common variants)
  --registry R    the registry extract (CSV or XLSX); read once, in batches
  --out M.csv     status COCOK (automatic), PERLU_REVIEW (a person decides) or TIDAK_COCOK
  --decisions D   review decisions to respect: columns id_siswa, nik, keputusan (terima/tolak or
                  accept/reject); a rejected pair is never proposed, an accepted one is COCOK
  --threshold P   match probability for COCOK (default ${DEFAULT_THRESHOLDS.match})
  --review-threshold P  probability from which a pair goes to review (default ${DEFAULT_THRESHOLDS.review})
  --lang          language of alasan and penjelasan (default id)`;

const HEADER = [
  'id_siswa',
  'nik_cocok',
  'probabilitas',
  'status',
  'alasan',
  'duplikat_dari',
  'penjelasan',
] as const;

/** Why, in words, for the `alasan` column. */
export const REASON_TEXT: Readonly<
  Record<MatchReason, { readonly id: string; readonly en: string }>
> = {
  accepted: { id: 'Diterima saat review.', en: 'Accepted in review.' },
  confident: { id: 'Cocok dengan yakin.', en: 'A confident match.' },
  uncertain: {
    id: 'Mungkin cocok, tetapi belum cukup yakin: periksa.',
    en: 'Probably a match, but not sure enough: check it.',
  },
  ambiguous: {
    id: 'Ada calon lain yang hampir sama kuatnya (kembar? nama sama?): pilih yang benar.',
    en: 'Another candidate scores almost as high (a twin? a namesake?): choose the right one.',
  },
  weak_identity: {
    id: 'Nama atau tanggal lahir terlalu berbeda untuk dicocokkan otomatis: periksa.',
    en: 'The name or birth date differ too much for an automatic match: check it.',
  },
  taken: {
    id: 'Calon terbaik sudah cocok dengan siswa lain yang lebih sesuai: periksa keduanya.',
    en: 'The best candidate already matches another student better: check both.',
  },
  duplicate: {
    id: 'Siswa yang sama tercatat dua kali (lihat duplikat_dari).',
    en: 'The same student is listed twice (see duplikat_dari).',
  },
  rejected: {
    id: 'Calon sebelumnya ditolak saat review; calon berikutnya perlu diputuskan.',
    en: 'An earlier candidate was rejected in review; the next one needs a decision.',
  },
  not_found: {
    id: 'Tidak ditemukan di data kependudukan (TIDAK_DITEMUKAN): keluarga perlu memperbarui KK di Dukcapil.',
    en: 'Not found in the registry (TIDAK_DITEMUKAN): the family should update its KK at Dukcapil.',
  },
};

const formatWeight = (w: number, lang: 'id' | 'en'): string => {
  const text = `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(1)}`;
  return lang === 'id' ? text.replace('.', ',') : text;
};

/** One line of field-by-field explanation: `nama: sama persis (+13,5); …`. */
export function explanationText(entries: readonly ExplanationEntry[], lang: 'id' | 'en'): string {
  return entries
    .map((e) => `${e.comparison}: ${e.text[lang]} (${formatWeight(e.weight, lang)})`)
    .join('; ');
}

/** Reads a decisions file: id_siswa, nik (or nik_cocok), keputusan (terima/tolak, accept/reject). */
export async function readDecisions(path: string): Promise<ReviewDecision[]> {
  const table = await readTable(await readInput(path));
  if (!table.ok) throw new CliError(`${path}: ${table.issues[0].message.en}`);
  const find = (...names: string[]): string | undefined =>
    table.value.columns.find((c) => names.includes(c.toLowerCase().replace(/\s+/g, '_')));
  const id = find('id_siswa', 'id');
  const nik = find('nik', 'nik_cocok');
  const decision = find('keputusan', 'decision');
  if (!id || !nik || !decision) {
    throw new CliError(`${path}: needs the columns id_siswa, nik and keputusan (terima/tolak)`);
  }
  return table.value.rows.map((row, i) => {
    const value = (row[decision] ?? '').trim().toLowerCase();
    const accept = ['terima', 'accept', 'ya', 'yes', 'cocok'].includes(value);
    const reject = ['tolak', 'reject', 'tidak', 'no', 'tidak_cocok', 'bukan'].includes(value);
    if (!accept && !reject) {
      throw new CliError(
        `${path}: row ${i + 2}: keputusan must be terima or tolak (accept or reject), got "${row[decision] ?? ''}"`,
      );
    }
    return { idSiswa: row[id] ?? '', nik: row[nik] ?? '', decision: accept ? 'accept' : 'reject' };
  });
}

function probability(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(value > 0 && value < 1)) {
    throw new CliError(`--${name} must be a probability between 0 and 1 (got "${text}")`);
  }
  return value;
}

/** Hands batches from a producer (the registry import) to a consumer (the matcher), one at a time. */
class BatchChannel<T> implements AsyncIterable<readonly T[]> {
  #items: (readonly T[])[] = [];
  #done = false;
  #abandoned = false;
  #wake: (() => void) | undefined;
  #space: (() => void) | undefined;

  async push(batch: readonly T[]): Promise<void> {
    while (this.#items.length >= 2 && !this.#abandoned)
      await new Promise<void>((r) => (this.#space = r));
    if (this.#abandoned) return;
    this.#items.push(batch);
    this.#wake?.();
  }

  /** The consumer stopped: drop what is queued and let a waiting producer go on (and finish). */
  abandon(): void {
    this.#abandoned = true;
    this.#items = [];
    this.#space?.();
  }

  close(): void {
    this.#done = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<readonly T[]> {
    for (;;) {
      const next = this.#items.shift();
      if (next) {
        this.#space?.();
        yield next;
        continue;
      }
      if (this.#done) return;
      await new Promise<void>((r) => (this.#wake = r));
    }
  }
}

function reportRowIssues(io: Io, path: string, report: ImportReport<unknown>): void {
  for (const s of report.summary) {
    io.out(
      `${path}: ${s.count} rows (first: row ${s.rows.join(', ')}) — ${s.severity === 'error' ? 'left out' : 'note'}: ${s.message.en}`,
    );
  }
}

/** `sahaja match`: students against the registry, one row per student. */
export async function matchCommand(args: ParsedArgs, io: Io): Promise<void> {
  const studentsPath = args.options.get('students');
  const registryPath = args.options.get('registry');
  const out = args.options.get('out');
  if (!studentsPath) throw new CliError('--students FILE is required');
  if (!registryPath) throw new CliError('--registry FILE is required');
  if (!out) throw new CliError('--out FILE is required');
  const lang = args.options.get('lang') ?? 'id';
  if (lang !== 'id' && lang !== 'en') throw new CliError(`--lang must be id or en (got "${lang}")`);
  const thresholds = {
    match: probability(args.options.get('threshold'), 'threshold', DEFAULT_THRESHOLDS.match),
    review: probability(
      args.options.get('review-threshold'),
      'review-threshold',
      DEFAULT_THRESHOLDS.review,
    ),
  };
  if (thresholds.review > thresholds.match) {
    throw new CliError('--review-threshold must not be above --threshold');
  }
  const decisionsPath = args.options.get('decisions');
  const decisions = decisionsPath ? await readDecisions(decisionsPath) : [];

  const studentFile = await openInput(studentsPath);
  const students = await importRecords(studentFile.chunks, {
    kind: 'student',
    totalBytes: studentFile.size,
  });
  if (!students.ok) throw new CliError(`${studentsPath}: ${students.issues[0].message.en}`);
  if (students.value.records.length === 0) throw new CliError(`${studentsPath}: no student rows`);

  const registryFile = await openInput(registryPath);
  const channel = new BatchChannel<Resident>();
  const stopReading = new AbortController();
  const reading = importRecords(registryFile.chunks, {
    kind: 'resident',
    totalBytes: registryFile.size,
    signal: stopReading.signal,
    onRecords: (records) => channel.push(records),
  }).finally(() => channel.close());
  const matching = matchStudents(students.value.records as readonly StudentRecord[], channel, {
    thresholds,
    decisions,
  }).then((result) => {
    // Matching that stops early (too many pairs) must not leave the reader waiting for room.
    if (!result.ok) {
      stopReading.abort();
      channel.abandon();
    }
    return result;
  });
  const [registry, matched] = await Promise.all([reading, matching]);
  if (!matched.ok) throw new CliError(matched.issues[0].message.en);
  if (!registry.ok) throw new CliError(`${registryPath}: ${registry.issues[0].message.en}`);
  if (registry.value.counts.accepted === 0) throw new CliError(`${registryPath}: no registry rows`);

  const result = matched.value;
  const rows = result.matches.map((m) => [
    m.idSiswa,
    m.nik,
    m.probability.toFixed(6),
    m.status,
    REASON_TEXT[m.reason][lang],
    m.duplicateOf,
    explanationText(m.explanation, lang),
  ]);
  const output = await AtomicFileWriter.open(out);
  try {
    await output.write(encodeUtf8(formatCsv([HEADER, ...rows], { newline: '\n' })));
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  const s = result.summary;
  io.out(
    `Wrote ${s.students} rows to ${out}: COCOK ${s.byStatus.COCOK}, PERLU_REVIEW ${s.byStatus.PERLU_REVIEW}, TIDAK_COCOK ${s.byStatus.TIDAK_COCOK} (registry ${s.registry} people, ${s.candidatePairs} candidate pairs, ${s.duplicateGroups} students listed more than once).`,
  );
  if (s.unusedDecisions > 0) {
    io.out(
      `${s.unusedDecisions} decisions could not be applied (student id or NIK not found among the candidates, or contradicting another decision).`,
    );
  }
  reportRowIssues(io, studentsPath, students.value);
  reportRowIssues(io, registryPath, registry.value);
}
