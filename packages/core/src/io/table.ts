import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { cellText } from './cells.js';
import { parseCsv } from './csv-read.js';
import { sniffFile, unreadableFileMessage } from './sniff.js';
import { decodeText } from './text-stream.js';
import { readXlsxSheets } from './xlsx-read.js';

/** A table read with its first row as the header: header text → cell text, every cell trimmed. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/** Why a file could not be read as a table. */
export type TableIssueCode =
  'file_unreadable' | 'xlsx_unreadable' | 'no_header' | 'duplicate_column';

/**
 * Reads any CSV (separator and encoding detected) or XLSX (first sheet) whose first row names the
 * columns — the generic files `sahaja link` works on. Cells are trimmed (FEBRL separates fields with
 * ", "). Blank rows are skipped. A header naming the same column twice is refused, as the rows would
 * be ambiguous.
 */
export async function readTable(bytes: Uint8Array): Promise<Result<Table, Issue<TableIssueCode>>> {
  const kind = sniffFile(bytes);
  const problem = unreadableFileMessage(kind);
  if (problem) return fail('file_unreadable', problem.id, problem.en);
  let grid: string[][];
  if (kind === 'xlsx') {
    const book = await readXlsxSheets(bytes);
    if (!book.ok) return book;
    grid = (book.value[0]?.rows ?? []).map((row) => row.map((cell) => cellText(cell)));
  } else {
    grid = parseCsv(decodeText(bytes).text).rows as string[][];
  }
  const nonBlank = grid.filter((row) => row.some((cell) => cell.trim() !== ''));
  const header = (nonBlank[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === '')) {
    return fail(
      'no_header',
      'Baris pertama (judul kolom) kosong.',
      'The first row (column names) is empty.',
    );
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name)) {
      return fail(
        'duplicate_column',
        `Kolom "${name}" muncul dua kali di baris judul.`,
        `Column "${name}" appears twice in the header row.`,
      );
    }
    seen.add(name);
  }
  const rows = nonBlank.slice(1).map((row) => {
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== '') record[name] = (row[i] ?? '').trim();
    });
    return record;
  });
  return ok({ columns: header.filter((h) => h !== ''), rows });
}
