/**
 * Reading a file to store it: {@link importRecords} with the records handed over in batches, plus the
 * checks a store keyed by the records needs — a student belongs to a school (a valid NPSN), a key
 * (NIK, NPSN, team, holiday) appears once in a file — and, for student lists, the schools they name.
 */
import { fail, type Issue, type Message, type Result } from '../domain/result.js';
import { parseNpsn } from '../identifiers/school-ids.js';
import { cellText, describeShape, isNumberCell, plainNumberText, type Cell } from './cells.js';
import { parseCsv } from './csv-read.js';
import {
  importRecords,
  type ImportIssueCode,
  type ImportOptions,
  type ImportReport,
  type IssueSummary,
  type RowIssue,
} from './import.js';
import type { ImportKind } from './inspect.js';
import type { RecordOf } from './records.js';
import { decodeText } from './text-stream.js';
import { readXlsxSheets } from './xlsx-read.js';

/** Why a file could not be read for storing: the importer's reasons, or an invalid school NPSN. */
export type BatchImportIssueCode = ImportIssueCode | 'npsn_invalid';

/** Options of {@link importInBatches}. */
export interface BatchImportOptions<K extends ImportKind> extends Omit<
  ImportOptions<K>,
  'onRecords' | 'kind'
> {
  readonly kind: K;
  /** Receives the accepted records, in file order, in batches, with their 1-based row numbers. */
  readonly onRecords: (
    records: readonly RecordOf[K][],
    rows: readonly number[],
  ) => void | Promise<void>;
  /** How many of the first accepted records the report keeps as a preview (default 20). */
  readonly previewRows?: number;
  /**
   * The most records handed over in one `onRecords` call (default 1,000): across a worker boundary each
   * call is one message, and a page copies a message in one task, so batches stay small.
   */
  readonly batchSize?: number;
}

/** A school a student list names: its NPSN, its name when the file has a school column, its rows. */
export interface ListedSchool {
  readonly npsn: string;
  /** From the file's school-name column; empty when the file has none. */
  readonly nama: string;
  /** Accepted student rows of this school. */
  readonly students: number;
}

/** {@link ImportReport} without the records (they went to `onRecords`), with a preview and the schools. */
export interface BatchImportReport<R> extends Omit<ImportReport<R>, 'records' | 'recordRows'> {
  /** The first accepted records and their row numbers. */
  readonly preview: readonly { readonly row: number; readonly record: R }[];
  /** Student lists: every school with accepted rows, in order of first appearance; else empty. */
  readonly schools: readonly ListedSchool[];
}

/** A row the store checks turned away, or warned about, after the importer accepted it. */
interface Finding {
  readonly row: number;
  readonly field: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: Message;
  readonly shape: Message;
}

const KEY_FIELD: Readonly<Record<Exclude<ImportKind, 'student'>, string>> = {
  resident: 'nik',
  school: 'npsn',
  team: 'tim',
  holiday: 'tanggal',
};

/** A name as people tell names apart: spacing and case ignored (`Tim  1` and `TIM 1` are one). */
const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/**
 * The key under which two rows of a kind are the same row: a student's id (repeats are only warned
 * about), a NIK, an NPSN, a team's name, a holiday's date and description (names as {@link fold}s).
 */
function keyOf<K extends ImportKind>(kind: K, record: RecordOf[K]): string {
  switch (kind) {
    case 'student':
      return (record as RecordOf['student']).idSiswa;
    case 'resident':
      return (record as RecordOf['resident']).nik;
    case 'school':
      return (record as RecordOf['school']).npsn;
    case 'team':
      return fold((record as RecordOf['team']).tim);
    default: {
      const holiday = record as RecordOf['holiday'];
      return `${holiday.tanggal}\u0000${fold(holiday.keterangan)}`;
    }
  }
}

function repeatedKey(kind: ImportKind, first: number): Message {
  switch (kind) {
    case 'student':
      return {
        id: `ID siswa sama dengan baris ${first} (siswa tercatat dua kali?); keduanya diimpor dan pemadanan akan menandainya.`,
        en: `Same student id as row ${first} (listed twice?); both are imported and pemadanan will flag them.`,
      };
    case 'resident':
      return {
        id: `NIK sama dengan baris ${first}; hanya baris pertama yang diimpor.`,
        en: `Same NIK as row ${first}; only the first row is imported.`,
      };
    case 'school':
      return {
        id: `NPSN sama dengan baris ${first}; hanya baris pertama yang diimpor.`,
        en: `Same NPSN as row ${first}; only the first row is imported.`,
      };
    case 'team':
      return {
        id: `Nama tim sama dengan baris ${first}; hanya baris pertama yang diimpor.`,
        en: `Same team name as row ${first}; only the first row is imported.`,
      };
    case 'holiday':
      return {
        id: `Tanggal dan keterangan sama dengan baris ${first}; hanya baris pertama yang diimpor.`,
        en: `Same date and description as row ${first}; only the first row is imported.`,
      };
  }
}

const NO_SCHOOL: Message = {
  id: 'Siswa tanpa NPSN sekolah yang sah tidak dapat diimpor: isi kolom NPSN (8 digit).',
  en: 'A student without a valid school NPSN cannot be imported: fill in the NPSN column (8 digits).',
};

/**
 * Reads a CSV or XLSX file of one kind like {@link importRecords}, handing the accepted records to
 * `onRecords` in batches (the report keeps only a preview), and applies the checks a store keyed by the
 * records needs, so what is handed over can be written as it is:
 * - a student row without a valid NPSN (from its column or `npsn`) is rejected: a student belongs to a
 *   school; a student id seen earlier in the file is a warning (a student listed twice);
 * - a registry NIK, school NPSN, team name or holiday (date and description) seen earlier in the file
 *   is rejected, naming the first row: the first one is kept.
 * Those rows are counted, listed and summed up as the importer's own issues are. A student list's
 * report also lists the schools it names (NPSN, name from a school-name column, students).
 *
 * Fails as a whole like `importRecords`, and with `npsn_invalid` when `npsn` is not an NPSN.
 *
 * @example
 * const stored: Resident[] = [];
 * const read = await importInBatches(bytes, {
 *   kind: 'resident',
 *   onRecords: (batch) => void stored.push(...batch),
 * });
 */
export async function importInBatches<K extends ImportKind>(
  bytes: Uint8Array,
  options: BatchImportOptions<K>,
): Promise<Result<BatchImportReport<RecordOf[K]>, Issue<BatchImportIssueCode>>> {
  const { onRecords, previewRows = 20, batchSize = 1000, npsn: givenNpsn, ...rest } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`importInBatches: batchSize must be a positive integer, got ${batchSize}`);
  }
  const kind: ImportKind = options.kind;
  let npsn: string | undefined;
  if (givenNpsn !== undefined && givenNpsn.trim() !== '') {
    const parsed = parseNpsn(givenNpsn);
    if (!parsed.ok) {
      return fail(
        'npsn_invalid',
        'NPSN sekolah harus 8 digit (atau K/P diikuti 7 digit).',
        "The school's NPSN must have 8 digits (or K/P and 7 digits).",
      );
    }
    npsn = parsed.value;
  }
  const preview: { row: number; record: RecordOf[K] }[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const schools = new Map<string, { students: number }>();

  const result = await importRecords<K>(bytes, {
    totalBytes: bytes.length,
    ...rest,
    ...(npsn !== undefined ? { npsn } : {}),
    onRecords: async (records, rows) => {
      const kept: RecordOf[K][] = [];
      const keptRows: number[] = [];
      for (let i = 0; i < records.length; i++) {
        const record = records[i] as RecordOf[K];
        const row = rows[i] as number;
        if (kind === 'student') {
          const school = (record as RecordOf['student']).npsn;
          if (!parseNpsn(school).ok) {
            findings.push({
              row,
              field: 'npsn',
              code: school === '' ? 'student_school_missing' : 'student_school_invalid',
              severity: 'error',
              message: NO_SCHOOL,
              shape: describeShape(school),
            });
            continue;
          }
          const entry = schools.get(school);
          if (entry) entry.students++;
          else schools.set(school, { students: 1 });
        }
        const key = keyOf(options.kind, record);
        const first = seen.get(key);
        if (first !== undefined) {
          const student = kind === 'student';
          findings.push({
            row,
            field: student ? 'id_siswa' : KEY_FIELD[kind as Exclude<ImportKind, 'student'>],
            code: student ? 'student_id_repeated' : 'key_repeated',
            severity: student ? 'warning' : 'error',
            message: repeatedKey(kind, first),
            shape: { id: 'sama dengan baris sebelumnya', en: 'same as an earlier row' },
          });
          if (!student) continue;
        } else {
          seen.set(key, row);
        }
        kept.push(record);
        keptRows.push(row);
        if (preview.length < previewRows) preview.push({ row, record });
      }
      for (let start = 0; start < kept.length; start += batchSize) {
        await onRecords(
          kept.slice(start, start + batchSize),
          keptRows.slice(start, start + batchSize),
        );
      }
    },
  });
  if (!result.ok) return result;
  const report = withFindings(result.value, findings, options.maxIssues ?? 10_000);
  const names =
    kind === 'student' && schools.size > 0 ? await schoolNames(bytes, result.value) : new Map();
  const { records: _records, recordRows: _rows, ...counted } = report;
  return {
    ok: true,
    value: {
      ...counted,
      preview,
      schools: [...schools].map(([id, { students }]) => ({
        npsn: id,
        nama: names.get(id) ?? '',
        students,
      })),
    },
  };
}

/**
 * The report with the store checks' findings counted in: a rejected row moves from accepted to
 * rejected (and leaves the rows with warnings when it was one), a warned row joins them; each finding
 * is listed (up to `maxIssues`) and summed up by reason.
 */
function withFindings<R>(
  report: ImportReport<R>,
  findings: readonly Finding[],
  maxIssues: number,
): ImportReport<R> {
  if (findings.length === 0) return report;
  const column = (field: string): string | undefined =>
    report.mapping.find((m) => m.field === field)?.header;
  const warned = new Set(report.issues.filter((i) => i.severity === 'warning').map((i) => i.row));
  const counts = { ...report.counts };
  const issues: RowIssue[] = [...report.issues];
  const summary = new Map<string, IssueSummary & { rows: number[] }>(
    report.summary.map((s) => [`${s.field}\u0000${s.code}`, { ...s, rows: [...s.rows] }]),
  );
  for (const f of findings) {
    if (f.severity === 'error') {
      counts.accepted--;
      counts.rejected++;
      if (warned.has(f.row)) {
        counts.warnings--;
        warned.delete(f.row);
      }
    } else if (!warned.has(f.row)) {
      counts.warnings++;
      warned.add(f.row);
    }
    if (issues.length < maxIssues) issues.push({ ...f, column: column(f.field) });
    const key = `${f.field}\u0000${f.code}`;
    const s = summary.get(key);
    if (s) {
      summary.set(key, {
        ...s,
        count: s.count + 1,
        rows: s.rows.length < 10 ? [...s.rows, f.row] : s.rows,
      });
    } else {
      summary.set(key, {
        code: f.code,
        severity: f.severity,
        field: f.field,
        message: f.message,
        count: 1,
        rows: [f.row],
      });
    }
  }
  issues.sort((a, b) => a.row - b.row);
  return {
    ...report,
    counts,
    issues,
    summary: [...summary.values()].sort((a, b) => b.count - a.count),
  };
}

/**
 * NPSN → school name from a student list's school-name column (the first name given for each NPSN),
 * read again from the sheet the import used. Empty when the file has no such column.
 */
async function schoolNames(
  bytes: Uint8Array,
  report: ImportReport<unknown>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const npsnColumn = report.mapping.find((m) => m.field === 'npsn')?.column;
  const nameColumn = report.mapping.find((m) => m.field === 'nama_sekolah')?.column;
  if (npsnColumn === undefined || nameColumn === undefined) return names;
  let rows: readonly (readonly Cell[])[];
  if (report.source.format === 'xlsx') {
    const book = await readXlsxSheets(bytes);
    rows = (book.ok && book.value.find((s) => s.name === report.source.sheet)?.rows) || [];
  } else {
    const text = decodeText(bytes).text;
    rows = parseCsv(
      text,
      report.source.delimiter ? { delimiter: report.source.delimiter } : {},
    ).rows;
  }
  for (let r = report.header.row - 1 + report.header.depth; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cell = row[npsnColumn];
    const parsed = parseNpsn(isNumberCell(cell) ? plainNumberText(cell.number) : cellText(cell));
    const name = cellText(row[nameColumn]).replace(/\s+/g, ' ');
    if (parsed.ok && name !== '' && !names.has(parsed.value)) names.set(parsed.value, name);
  }
  return names;
}
