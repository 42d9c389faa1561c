import { fail, ok, type Issue, type Message, type Result } from '../domain/result.js';
import { unneutralise, type Cell } from './cells.js';
import { CsvParser, detectDelimiter, type CsvDelimiter } from './csv-read.js';
import { normaliseHeader } from './fields.js';
import { findHeader, missingFields, type HeaderMatch } from './header.js';
import {
  fieldsOf,
  rowReader,
  type FieldProblem,
  type RecordKind,
  type RecordOf,
} from './records.js';
import { sniffFile, unreadableFileMessage } from './sniff.js';
import { TextStreamDecoder, type TextEncoding } from './text-stream.js';
import { readXlsxSheets, type RawSheet } from './xlsx-read.js';

/** Options of {@link importRecords}. */
export interface ImportOptions<K extends RecordKind> {
  readonly kind: K;
  /**
   * The user's column mapping: field → header text (compared case- and punctuation-insensitively),
   * 0-based column index, or `null` for "not in this file" (the guessed column is not used). Overrides
   * the guess for those fields.
   */
  readonly mapping?: Readonly<Record<string, string | number | null>>;
  /** XLSX: the sheet's name or 0-based index; default the sheet whose header names the most fields. */
  readonly sheet?: string | number;
  /** CSV: the separator; detected when absent. */
  readonly delimiter?: CsvDelimiter;
  /** Two-digit years are placed in the hundred years ending with this one (default 2029). */
  readonly pivotYear?: number;
  /** NPSN for a one-school student list that has no NPSN column (Dapodik exports). */
  readonly npsn?: string;
  /** The file's size, for progress when the source is a stream. */
  readonly totalBytes?: number;
  /**
   * Receives the accepted records in batches as they are read. When given, the report does not keep
   * them — how a million-row file is read in bounded memory.
   */
  readonly onRecords?: (
    records: readonly RecordOf[K][],
    rows: readonly number[],
  ) => void | Promise<void>;
  /** Called after each batch of rows. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Stops the import; it then ends with a `cancelled` issue. */
  readonly signal?: AbortSignal;
  /** Row issues kept in the report (default 10,000); the summary counts them all. */
  readonly maxIssues?: number;
}

/** How far an import has come. */
export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number | undefined;
  readonly rows: number;
}

/** A problem in one row: the field, the column as the file names it, and what the value looked like. */
export interface RowIssue extends FieldProblem {
  readonly row: number;
  readonly column: string | undefined;
}

/** Row issues counted by reason. */
export interface IssueSummary {
  readonly code: string;
  readonly severity: FieldProblem['severity'];
  readonly field: string;
  readonly message: Message;
  readonly count: number;
  /** The first rows with this issue (up to 10). */
  readonly rows: readonly number[];
}

/** Everything an import found: where the data was, how columns were read, the records and the issues. */
export interface ImportReport<R> {
  readonly source: {
    readonly format: 'csv' | 'xlsx';
    readonly encoding: TextEncoding | undefined;
    readonly delimiter: CsvDelimiter | undefined;
    readonly sheet: string | undefined;
    readonly sheets: readonly string[];
  };
  /** The header row (1-based), its depth and every column's header text. */
  readonly header: {
    readonly row: number;
    readonly depth: 1 | 2;
    readonly headers: readonly string[];
  };
  readonly mapping: readonly {
    readonly field: string;
    readonly column: number;
    readonly header: string;
  }[];
  /** Columns that were not used, by header text. */
  readonly unusedColumns: readonly string[];
  /** Columns left unused because an earlier column has the same meaning (e.g. a second "NIK"). */
  readonly duplicateColumns: readonly { readonly field: string; readonly header: string }[];
  /** The accepted records in file order; empty when an `onRecords` callback took them. */
  readonly records: readonly R[];
  /** The 1-based row number in the file or sheet of each record (the same positions as `records`). */
  readonly recordRows: readonly number[];
  readonly issues: readonly RowIssue[];
  readonly summary: readonly IssueSummary[];
  readonly counts: {
    /** Rows under the header that hold data. */
    readonly dataRows: number;
    readonly accepted: number;
    readonly rejected: number;
    /** Blank rows, rows with no key field (class separators) and signature blocks under a list. */
    readonly notData: number;
    readonly warnings: number;
  };
}

/** Why a whole file could not be imported. */
export type ImportIssueCode =
  | 'file_empty'
  | 'file_xls'
  | 'file_not_spreadsheet'
  | 'xlsx_unreadable'
  | 'sheet_not_found'
  | 'no_header'
  | 'missing_columns'
  | 'mapping_unknown'
  | 'cancelled';

/** Bytes of a file, whole or as a stream of chunks. */
export type ImportSource = Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

const CHUNK = 1 << 20;
/** An apostrophe before a formula character: a cell escaped by a CSV export. */
const ESCAPE = /'[=+\-@\t\r]/;
const BATCH = 5000;
const HEADER_ROWS = 31;

async function* chunksOf(source: ImportSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += CHUNK) yield source.subarray(i, i + CHUNK);
    return;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array>) if (chunk.length > 0) yield chunk;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const cancelled = () =>
  fail(
    'cancelled',
    'Impor dibatalkan; tidak ada data yang disimpan.',
    'Import cancelled; nothing was saved.',
  );

/**
 * Reads a CSV or XLSX file of one kind (students, residents, people, schools, teams, holidays) into
 * validated records, safely: the file type is read from its bytes (a renamed file is recognised), the
 * header row is found below title rows (two-row Dapodik headers included), columns are mapped from their
 * headers or the user's mapping, and each row becomes a typed record or a list of issues with its row
 * number, column and reason. CSV is read as a stream (any separator; UTF-8 with or without BOM or
 * Windows-1252); with `onRecords` the records are handed over in batches instead of kept.
 *
 * Fails as a whole (`{ ok: false }`) only when the file cannot be read, has no header naming the required
 * columns, or is cancelled; never throws for bad data.
 *
 * @example
 * const result = await importRecords(bytes, { kind: 'student', pivotYear: 2023 });
 * if (!result.ok) show(result.issues[0].message.id);
 * else result.value.records.forEach((record, i) => show(result.value.recordRows[i], record));
 */
export async function importRecords<K extends RecordKind>(
  source: ImportSource,
  options: ImportOptions<K>,
): Promise<Result<ImportReport<RecordOf[K]>, Issue<ImportIssueCode>>> {
  const chunks = chunksOf(source);
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 64 * 1024) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = concat(head);
  const kind = sniffFile(first);
  if (kind === 'xlsx') {
    const rest: Uint8Array[] = [first];
    for await (const chunk of chunks) rest.push(chunk);
    return importXlsx(concat(rest), options);
  }
  const refusal = unreadableFileMessage(kind);
  if (refusal) {
    const code =
      kind === 'empty' ? 'file_empty' : kind === 'xls' ? 'file_xls' : 'file_not_spreadsheet';
    return fail(code, refusal.id, refusal.en);
  }
  return importCsv(first, chunks, options);
}

/** Collects rows, their issues and counts for one import. */
class Collector<K extends RecordKind> {
  readonly records: RecordOf[K][] = [];
  readonly recordRows: number[] = [];
  readonly issues: RowIssue[] = [];
  readonly summary = new Map<
    string,
    { -readonly [P in keyof IssueSummary]: IssueSummary[P] } & { rows: number[] }
  >();
  counts = { dataRows: 0, accepted: 0, rejected: 0, notData: 0, warnings: 0 };
  #batch: RecordOf[K][] = [];
  #batchRows: number[] = [];
  readonly #read: ReturnType<typeof rowReader<K>>;
  readonly #columns: ReadonlyMap<string, number>;
  #cells: readonly Cell[] = [];
  readonly #raw = (field: string): Cell | undefined => {
    const column = this.#columns.get(field);
    return column === undefined ? undefined : this.#cells[column];
  };

  constructor(
    readonly options: ImportOptions<K>,
    readonly match: HeaderMatch,
  ) {
    this.#read = rowReader(options.kind, {
      pivotYear: options.pivotYear ?? 2029,
      npsn: options.npsn,
      mapped: new Set(Object.keys(match.mapping)),
    });
    this.#columns = new Map(Object.entries(match.mapping));
  }

  /** Reads one row (1-based `row`); returns true when a batch is ready to flush. */
  add(cells: readonly Cell[], row: number): boolean {
    this.#cells = cells;
    const outcome = this.#read(this.#raw, row, cells);
    if (outcome.kind === 'not-data') {
      this.counts.notData++;
      return false;
    }
    this.counts.dataRows++;
    const problems = outcome.problems;
    for (let i = 0; i < problems.length; i++) this.#issue(problems[i] as FieldProblem, row);
    if (outcome.kind === 'rejected') {
      this.counts.rejected++;
      return false;
    }
    this.counts.accepted++;
    if (problems.length > 0) this.counts.warnings++;
    this.#batch.push(outcome.record);
    this.#batchRows.push(row);
    return this.#batch.length >= BATCH;
  }

  #issue(p: FieldProblem, row: number): void {
    const column = this.match.mapping[p.field];
    if (this.issues.length < (this.options.maxIssues ?? 10_000)) {
      this.issues.push({
        ...p,
        row,
        column: column === undefined ? undefined : this.match.headers[column],
      });
    }
    const key = `${p.field}\u0000${p.code}`;
    const s = this.summary.get(key);
    if (s) {
      s.count++;
      if (s.rows.length < 10) s.rows.push(row);
    } else {
      this.summary.set(key, {
        code: p.code,
        severity: p.severity,
        field: p.field,
        message: p.message,
        count: 1,
        rows: [row],
      });
    }
  }

  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    const rows = this.#batchRows;
    this.#batch = [];
    this.#batchRows = [];
    if (this.options.onRecords) await this.options.onRecords(batch, rows);
    else {
      for (const r of batch) this.records.push(r);
      for (const r of rows) this.recordRows.push(r);
    }
  }

  report(source: ImportReport<RecordOf[K]>['source']): ImportReport<RecordOf[K]> {
    const { match } = this;
    const used = new Set(Object.values(match.mapping));
    return {
      source,
      header: { row: match.row + 1, depth: match.depth, headers: match.headers },
      mapping: Object.entries(match.mapping)
        .map(([field, column]) => ({ field, column, header: match.headers[column] ?? '' }))
        .sort((a, b) => a.column - b.column),
      unusedColumns: match.headers.filter((h, i) => h !== '' && !used.has(i)),
      duplicateColumns: match.duplicates.map((d) => ({
        field: d.field,
        header: match.headers[d.column] ?? '',
      })),
      records: this.records,
      recordRows: this.recordRows,
      issues: this.issues,
      summary: [...this.summary.values()].sort((a, b) => b.count - a.count),
      counts: { ...this.counts },
    };
  }
}

/** Applies the user's mapping over the guessed one; fails on a field or column that does not exist. */
function withUserMapping<K extends RecordKind>(
  match: HeaderMatch,
  options: ImportOptions<K>,
): Result<HeaderMatch, Issue<ImportIssueCode>> {
  if (!options.mapping) return ok(match);
  const fields = fieldsOf(options.kind);
  const mapping: Record<string, number> = { ...match.mapping };
  for (const [field, target] of Object.entries(options.mapping)) {
    if (!fields.some((f) => f.key === field)) {
      return fail(
        'mapping_unknown',
        `Kolom tujuan "${field}" tidak dikenal.`,
        `Unknown field "${field}".`,
      );
    }
    if (target === null) {
      delete mapping[field];
      continue;
    }
    const column =
      typeof target === 'number'
        ? target
        : match.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(target));
    if (column < 0 || column >= match.headers.length || !Number.isInteger(column)) {
      return fail(
        'mapping_unknown',
        `Kolom "${String(target)}" untuk ${field} tidak ada di baris judul kolom.`,
        `Column "${String(target)}" for ${field} is not in the header row.`,
      );
    }
    for (const [k, c] of Object.entries(mapping))
      if (c === column && k !== field) delete mapping[k];
    mapping[field] = column;
  }
  return ok({ ...match, mapping, missing: missingFields(mapping, fields) });
}

function headerFailure<K extends RecordKind>(
  match: HeaderMatch | undefined,
  options: ImportOptions<K>,
): Issue<ImportIssueCode> {
  const required = fieldsOf(options.kind)
    .filter((f) => f.required)
    .map((f) => f.key);
  if (!match) {
    const list = required.join(', ');
    return {
      code: 'no_header',
      message: {
        id: `Baris judul kolom tidak ditemukan di 30 baris pertama; kolom yang diperlukan: ${list}.`,
        en: `No header row found in the first 30 rows; the required columns are: ${list}.`,
      },
    };
  }
  const found = match.headers.filter((h) => h !== '').join(', ');
  const missing = match.missing.join(', ');
  return {
    code: 'missing_columns',
    message: {
      id: `Kolom ${missing} tidak ditemukan (baris judul ke-${match.row + 1} berisi: ${found}). Ganti judul kolomnya atau pilih kolomnya di pemetaan kolom.`,
      en: `Column${match.missing.length > 1 ? 's' : ''} ${missing} not found (header row ${match.row + 1} has: ${found}). Rename the headers or map the columns.`,
    },
  };
}

async function importXlsx<K extends RecordKind>(
  bytes: Uint8Array,
  options: ImportOptions<K>,
): Promise<Result<ImportReport<RecordOf[K]>, Issue<ImportIssueCode>>> {
  const book = await readXlsxSheets(bytes);
  if (!book.ok) return book;
  const sheets = book.value;
  const names = sheets.map((s) => s.name);
  let candidates: RawSheet[] = sheets;
  if (options.sheet !== undefined) {
    const chosen =
      typeof options.sheet === 'number'
        ? sheets[options.sheet]
        : sheets.find((s) => s.name === options.sheet);
    if (!chosen) {
      return fail(
        'sheet_not_found',
        `Lembar "${String(options.sheet)}" tidak ada; lembar yang ada: ${names.join(', ')}.`,
        `There is no sheet "${String(options.sheet)}"; the sheets are: ${names.join(', ')}.`,
      );
    }
    candidates = [chosen];
  }
  const fields = fieldsOf(options.kind);
  let best: { sheet: RawSheet; match: HeaderMatch | undefined } | undefined;
  for (const sheet of candidates) {
    const match = findHeader(sheet.rows, fields);
    const better =
      !best ||
      (match !== undefined &&
        (!best.match ||
          match.missing.length < best.match.missing.length ||
          (match.missing.length === best.match.missing.length &&
            Object.keys(match.mapping).length > Object.keys(best.match.mapping).length)));
    if (better) best = { sheet, match };
  }
  if (!best || sheets.every((s) => s.rows.length === 0)) {
    return fail('file_empty', 'Buku kerja ini tidak berisi data.', 'The workbook holds no data.');
  }
  const { sheet, match } = best;
  if (!match) return { ok: false, issues: [headerFailure(undefined, options)] };
  const mapped = withUserMapping(match, options);
  if (!mapped.ok) return mapped;
  if (mapped.value.missing.length > 0)
    return { ok: false, issues: [headerFailure(mapped.value, options)] };

  const collector = new Collector(options, mapped.value);
  const start = mapped.value.row + mapped.value.depth;
  for (let r = start; r < sheet.rows.length; r++) {
    if (collector.add(sheet.rows[r] ?? [], r + 1)) {
      await collector.flush();
      options.onProgress?.({ bytesRead: bytes.length, totalBytes: bytes.length, rows: r + 1 });
      if (options.signal?.aborted) return cancelled();
    }
  }
  await collector.flush();
  options.onProgress?.({
    bytesRead: bytes.length,
    totalBytes: bytes.length,
    rows: sheet.rows.length,
  });
  if (options.signal?.aborted) return cancelled();
  return ok(
    collector.report({
      format: 'xlsx',
      encoding: undefined,
      delimiter: undefined,
      sheet: sheet.name,
      sheets: names,
    }),
  );
}

async function importCsv<K extends RecordKind>(
  first: Uint8Array,
  rest: AsyncGenerator<Uint8Array>,
  options: ImportOptions<K>,
): Promise<Result<ImportReport<RecordOf[K]>, Issue<ImportIssueCode>>> {
  const decoder = new TextStreamDecoder();
  let text = decoder.decode(first);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const parser = new CsvParser(delimiter);
  let bytesRead = first.length;
  let rowNumber = 0;
  // Cells escaped by an export (`'=…`) are unescaped; the per-cell check runs only once an escape has
  // been seen in the text (checked per chunk with one regular expression).
  let escapes = false;
  let lastChar = -1;
  const decoded = (chunkText: string): string => {
    if (!escapes) escapes = ESCAPE.test(chunkText) || (lastChar === 39 && chunkText.length > 0);
    if (chunkText.length > 0) lastChar = chunkText.charCodeAt(chunkText.length - 1);
    return chunkText;
  };
  // Rows are held until the header is found, then read as they come.
  const pending: string[][] = parser.push(decoded(text));
  let ended = false;
  while (pending.length < HEADER_ROWS && !ended) {
    const next = await rest.next();
    if (next.done) {
      for (const row of parser.push(decoded(decoder.decode(new Uint8Array(0), true))))
        pending.push(row);
      for (const row of parser.finish()) pending.push(row);
      ended = true;
    } else {
      bytesRead += next.value.length;
      for (const row of parser.push(decoded(decoder.decode(next.value)))) pending.push(row);
    }
  }
  const fields = fieldsOf(options.kind);
  const found = findHeader(pending, fields);
  if (!found) {
    if (pending.every((r) => r.every((c) => c.trim() === ''))) {
      return fail('file_empty', 'Berkas kosong.', 'The file is empty.');
    }
    return { ok: false, issues: [headerFailure(undefined, options)] };
  }
  const mapped = withUserMapping(found, options);
  if (!mapped.ok) return mapped;
  if (mapped.value.missing.length > 0)
    return { ok: false, issues: [headerFailure(mapped.value, options)] };
  const match = mapped.value;
  const collector = new Collector(options, match);
  const progress = (): void =>
    options.onProgress?.({
      bytesRead,
      totalBytes: options.totalBytes ?? (ended ? bytesRead : undefined),
      rows: rowNumber,
    });

  const feed = async (rows: readonly string[][]): Promise<boolean> => {
    for (const row of rows) {
      rowNumber++;
      if (rowNumber <= match.row + match.depth) continue;
      if (escapes) {
        for (let i = 0; i < row.length; i++) {
          if ((row[i] as string).charCodeAt(0) === 39) row[i] = unneutralise(row[i] as string);
        }
      }
      if (collector.add(row, rowNumber)) {
        await collector.flush();
        progress();
        if (options.signal?.aborted) return false;
      }
    }
    return true;
  };
  if (!(await feed(pending))) return cancelled();
  if (!ended) {
    for await (const chunk of rest) {
      bytesRead += chunk.length;
      if (!(await feed(parser.push(decoded(decoder.decode(chunk)))))) return cancelled();
    }
    const tail = [
      ...parser.push(decoded(decoder.decode(new Uint8Array(0), true))),
      ...parser.finish(),
    ];
    ended = true;
    if (!(await feed(tail))) return cancelled();
  }
  await collector.flush();
  progress();
  if (options.signal?.aborted) return cancelled();
  return ok(
    collector.report({
      format: 'csv',
      encoding: decoder.encoding ?? 'utf-8',
      delimiter,
      sheet: undefined,
      sheets: [],
    }),
  );
}
