/**
 * A first look at a file before it is imported: which sheets it has, where each kind of data's header
 * row is, how its columns would be mapped, which kind of data it most likely holds, and — for a
 * one-school student list — which school the title rows or the file name name. The import screen shows
 * this as the mapping step; the import itself is {@link importRecords}.
 */
import { parseNpsn } from '../identifiers/school-ids.js';
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { cellText, type Cell } from './cells.js';
import { CsvParser, detectDelimiter, type CsvDelimiter } from './csv-read.js';
import { findHeader } from './header.js';
import type { ImportIssueCode } from './import.js';
import { fieldsOf } from './records.js';
import { sniffFile, unreadableFileMessage } from './sniff.js';
import { TextStreamDecoder, type TextEncoding } from './text-stream.js';
import { readXlsxSheets } from './xlsx-read.js';

/** The kinds of file the office app imports (the eligibility `people` file is the command line's). */
export type ImportKind = 'student' | 'resident' | 'school' | 'team' | 'holiday';

/** Every {@link ImportKind}, in the order a tie between guesses is settled. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  'student',
  'resident',
  'school',
  'team',
  'holiday',
];

/** The school a one-school student list names, as far as its title rows and file name tell. */
export interface SchoolHint {
  /** The NPSN, when a title row says "NPSN: …" or the file name holds exactly one NPSN-like number. */
  readonly npsn: string | undefined;
  readonly npsnSource: 'title' | 'file-name' | undefined;
  /** The school's name, when a title row holds one ("SMA NEGERI 1 PARE", "DATA SISWA MAN 2 KEDIRI"). */
  readonly name: string | undefined;
}

/** Where one kind of data's header is in a sheet and how its columns would be read. */
export interface KindGuess {
  readonly kind: ImportKind;
  /** The header row (1-based), its depth, and every column's header text. */
  readonly header: {
    readonly row: number;
    readonly depth: 1 | 2;
    readonly headers: readonly string[];
  };
  /** Field → 0-based column, as guessed from the headers. */
  readonly mapping: Readonly<Record<string, number>>;
  /** Required fields (and `oneOf` groups) that no column provides. */
  readonly missing: readonly string[];
  /** The text of each non-blank row above the header (titles), cells joined by spaces. */
  readonly title: readonly string[];
  /** For a student list: the school its titles or file name name. */
  readonly school: SchoolHint | undefined;
}

/** One sheet (the whole text of a CSV file) and the kinds of data whose header it holds. */
export interface SheetInspection {
  /** The sheet's name; `undefined` for CSV. */
  readonly name: string | undefined;
  /** Rows in the sheet (XLSX); `undefined` for CSV, which is read only as far as its header. */
  readonly rows: number | undefined;
  /** One guess per kind whose fields some header names, the likeliest first. */
  readonly guesses: readonly KindGuess[];
}

/** What {@link inspectFile} found. */
export interface FileInspection {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: TextEncoding | undefined;
  readonly delimiter: CsvDelimiter | undefined;
  readonly sheets: readonly SheetInspection[];
  /** The likeliest kind and the sheet that holds it; `undefined` when no header names any field. */
  readonly guess: { readonly kind: ImportKind; readonly sheet: number } | undefined;
}

/** Options of {@link inspectFile}. */
export interface InspectOptions {
  /** The file's name: a one-school list's NPSN is often in it (`07_20512345_sma-negeri-1-pare.xlsx`). */
  readonly fileName?: string;
}

/** Rows read from a CSV file to find its header (the importer searches the first 30). */
const HEADER_ROWS = 31;
const CSV_HEAD_BYTES = 256 * 1024;

/**
 * Looks at a CSV or XLSX file without importing it: for every sheet, the header row of each kind of
 * data and its guessed mapping; the likeliest kind (a header with every required field first, then the
 * one naming the most fields; ties go to the order of {@link IMPORT_KINDS}); and for student lists the
 * school named by the title rows or the file name. A CSV file is read only as far as its header.
 *
 * Fails (`{ ok: false }`) only when the file cannot be read as a spreadsheet; never throws.
 *
 * @example
 * const seen = await inspectFile(bytes, { fileName: 'daftar_20512345.csv' });
 * if (seen.ok && seen.value.guess) show(seen.value.guess.kind); // 'student'
 */
export async function inspectFile(
  bytes: Uint8Array,
  options: InspectOptions = {},
): Promise<Result<FileInspection, Issue<ImportIssueCode>>> {
  const kind = sniffFile(bytes.subarray(0, 64 * 1024));
  if (kind === 'xlsx') {
    const book = await readXlsxSheets(bytes);
    if (!book.ok) return book;
    if (book.value.every((s) => s.rows.length === 0)) {
      return fail('file_empty', 'Buku kerja ini tidak berisi data.', 'The workbook holds no data.');
    }
    const sheets = book.value.map((sheet): SheetInspection => ({
      name: sheet.name,
      rows: sheet.rows.length,
      guesses: guessesOf(sheet.rows, options.fileName),
    }));
    return ok({
      format: 'xlsx',
      encoding: undefined,
      delimiter: undefined,
      sheets,
      guess: bestGuess(sheets),
    });
  }
  const refusal = unreadableFileMessage(kind);
  if (refusal) {
    const code =
      kind === 'empty' ? 'file_empty' : kind === 'xls' ? 'file_xls' : 'file_not_spreadsheet';
    return fail(code, refusal.id, refusal.en);
  }
  const decoder = new TextStreamDecoder();
  const whole = bytes.length <= CSV_HEAD_BYTES;
  let text = decoder.decode(bytes.subarray(0, CSV_HEAD_BYTES), whole);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = detectDelimiter(text);
  const parser = new CsvParser(delimiter);
  const rows: Cell[][] = parser.push(text);
  if (whole) for (const row of parser.finish()) rows.push(row);
  if (rows.every((r) => r.every((c) => cellText(c) === ''))) {
    return fail('file_empty', 'Berkas kosong.', 'The file is empty.');
  }
  const sheets: SheetInspection[] = [
    {
      name: undefined,
      rows: undefined,
      guesses: guessesOf(rows.slice(0, HEADER_ROWS), options.fileName),
    },
  ];
  return ok({
    format: 'csv',
    encoding: decoder.encoding ?? 'utf-8',
    delimiter,
    sheets,
    guess: bestGuess(sheets),
  });
}

/** The header of every kind in a sheet, the likeliest first. */
function guessesOf(rows: readonly (readonly Cell[])[], fileName: string | undefined): KindGuess[] {
  const guesses: KindGuess[] = [];
  for (const kind of IMPORT_KINDS) {
    const match = findHeader(rows, fieldsOf(kind));
    if (!match) continue;
    const title = rows
      .slice(0, match.row)
      .map((row) =>
        row
          .map(cellText)
          .filter((t) => t !== '')
          .join(' '),
      )
      .filter((line) => line !== '');
    guesses.push({
      kind,
      header: { row: match.row + 1, depth: match.depth, headers: match.headers },
      mapping: match.mapping,
      missing: match.missing,
      title,
      school: kind === 'student' ? schoolHint(rows.slice(0, match.row), fileName) : undefined,
    });
  }
  return guesses.sort(compareGuesses);
}

/** Complete headers first, then the one naming more fields, then the order of the kinds. */
function compareGuesses(a: KindGuess, b: KindGuess): number {
  const complete = Number(a.missing.length > 0) - Number(b.missing.length > 0);
  if (complete !== 0) return complete;
  const mapped = Object.keys(b.mapping).length - Object.keys(a.mapping).length;
  if (mapped !== 0) return mapped;
  return IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind);
}

function bestGuess(sheets: readonly SheetInspection[]): FileInspection['guess'] {
  let best: { guess: KindGuess; sheet: number } | undefined;
  sheets.forEach((s, sheet) => {
    const guess = s.guesses[0];
    if (guess && (!best || compareGuesses(guess, best.guess) < 0)) best = { guess, sheet };
  });
  return best && { kind: best.guess.kind, sheet: best.sheet };
}

const TITLE_NPSN = /\bNPSN\b\s*[:=.]?\s*([0-9]{8}|[KP][0-9]{7})\b/i;
/** A school's name: a kind of school, then at least one more word; cut before a school year. */
const SCHOOL_NAME =
  /(?:^|[\s:])((?:SMAN?|SMAS|SMKN?|SMKS|SMALB|SLB|MAN?|MAS|MAK|MADRASAH\s+ALIYAH|SEKOLAH\s+MENENGAH)\s+\S.*)$/i;
const AFTER_NAME = /\s+(?:TAHUN|TH\.|T\.?P\.?|SEMESTER|KELAS)\b.*$/i;

/**
 * The school named by a one-school list's title rows, or its NPSN by the file name. A title cell names
 * a school when it holds a kind of school followed by a name ("SMA NEGERI 1 PARE", "DATA SISWA MAN 2
 * KEDIRI"); a cell listing kinds ("SMA/SMK/MA SEDERAJAT") names none. The file name gives an NPSN only
 * when it holds exactly one 8-digit number that is not a date (`20230109`).
 */
export function schoolHint(
  titleRows: readonly (readonly Cell[])[],
  fileName: string | undefined,
): SchoolHint {
  let npsn: string | undefined;
  let npsnSource: SchoolHint['npsnSource'];
  let name: string | undefined;
  for (const row of titleRows) {
    for (const cell of row) {
      const text = cellText(cell).replace(/\s+/g, ' ');
      if (text === '') continue;
      const id = TITLE_NPSN.exec(text)?.[1];
      if (id && npsn === undefined && parseNpsn(id).ok) {
        npsn = id.toUpperCase();
        npsnSource = 'title';
      }
      if (name === undefined) {
        const found = SCHOOL_NAME.exec(text)?.[1]?.replace(AFTER_NAME, '').trim();
        if (found && found.split(' ').length >= 2 && !/[/]|SEDERAJAT/i.test(found)) name = found;
      }
    }
  }
  if (npsn === undefined && fileName !== undefined) {
    const base = fileName.replace(/\.[^.]*$/, '');
    const numbers = [...new Set(base.match(/(?<![0-9])[0-9]{8}(?![0-9])/g) ?? [])];
    const only = numbers.length === 1 ? numbers[0] : undefined;
    if (only !== undefined && !looksLikeDate(only)) {
      npsn = only;
      npsnSource = 'file-name';
    }
  }
  return { npsn, npsnSource, name };
}

/** An 8-digit number that reads as a recent date, YYYYMMDD or DDMMYYYY. */
function looksLikeDate(digits: string): boolean {
  const valid = (year: number, month: number, day: number): boolean =>
    year >= 1990 && year <= 2040 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  const n = (from: number, to: number): number => Number(digits.slice(from, to));
  return valid(n(0, 4), n(4, 6), n(6, 8)) || valid(n(4, 8), n(2, 4), n(0, 2));
}
