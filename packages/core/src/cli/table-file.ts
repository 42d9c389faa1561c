import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import { decodeText } from '../io/decode-text.js';
import { parseCsv } from '../io/csv-read.js';
import { matchColumns, type ColumnMatch, type ColumnSpec } from '../io/columns.js';
import { CliError } from './io.js';

/**
 * A cell of an input file. CSV cells are text; XLSX cells keep their type, and a number keeps the exact
 * text the workbook stored (`{ number: '3506011501060000' }`) — so a 16-digit NIK that Excel saved as a
 * number can be recognised as such, and no digit is changed by a float conversion here.
 */
export type Cell = string | { readonly number: string } | Date | boolean | null;

/** The data rows of a person file under its header row, and where they came from. */
export interface TableFile<Key extends string> {
  readonly columns: ColumnMatch<Key>['index'];
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The 1-based row number in the file (or sheet) of each data row. */
  readonly rowNumbers: readonly number[];
  readonly sheet: string | undefined;
}

/** The text of a cell, as a person would read it (`''` for an empty cell; a number's stored text). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell.number;
}

const HEADER_SEARCH_ROWS = 30;

function findHeader<Key extends string>(
  rows: readonly (readonly Cell[])[],
  specs: readonly ColumnSpec<Key>[],
): { at: number; match: ColumnMatch<Key> } {
  let best = {
    at: -1,
    match: {
      index: {},
      missing: specs.filter((s) => s.required).map((s) => s.key),
    } as ColumnMatch<Key>,
  };
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const match = matchColumns((rows[r] ?? []).map(cellText), specs);
    if (match.missing.length === 0) return { at: r, match };
    if (match.missing.length < best.match.missing.length) best = { at: r, match };
  }
  return best;
}

/**
 * Reads a CSV (any common separator, UTF-8 with or without BOM, or Windows-1252) or XLSX file and finds
 * its header row (within the first 30 rows; on the first sheet that has one) holding the wanted columns.
 * Fully empty rows are skipped. Throws a {@link CliError} with a one-line reason when the file cannot be
 * read or lacks a required column.
 */
export async function readTableFile<Key extends string>(
  path: string,
  specs: readonly ColumnSpec<Key>[],
): Promise<TableFile<Key>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path} (${code ?? 'error'})`,
    );
  }
  const sheets: { name: string | undefined; rows: Cell[][] }[] = [];
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new CliError(`${path}: old Excel .xls files are not supported; save it as .xlsx or CSV`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const book = await readXlsxFile(Buffer.from(bytes), {
        parseNumber: (text: string) => ({ number: text }),
      });
      for (const s of book) sheets.push({ name: s.sheet, rows: s.data as Cell[][] });
    } catch (error) {
      throw new CliError(`${path}: not a readable XLSX workbook (${(error as Error).message})`);
    }
  } else {
    sheets.push({ name: undefined, rows: parseCsv(decodeText(bytes).text).rows });
  }

  let closest:
    { sheet: string | undefined; missing: readonly Key[]; headers: string[] } | undefined;
  for (const sheet of sheets) {
    const { at, match } = findHeader(sheet.rows, specs);
    if (at >= 0 && match.missing.length === 0) {
      const rows: Cell[][] = [];
      const rowNumbers: number[] = [];
      for (let r = at + 1; r < sheet.rows.length; r++) {
        const row = sheet.rows[r] as Cell[];
        if (row.every((c) => cellText(c) === '')) continue;
        rows.push(row);
        rowNumbers.push(r + 1);
      }
      return {
        columns: match.index,
        headers: (sheet.rows[at] ?? []).map(cellText),
        rows,
        rowNumbers,
        sheet: sheet.name,
      };
    }
    if (!closest || match.missing.length < closest.missing.length) {
      closest = {
        sheet: sheet.name,
        missing: match.missing,
        headers: at >= 0 ? (sheet.rows[at] ?? []).map(cellText) : [],
      };
    }
  }
  if (!closest || sheets.every((s) => s.rows.length === 0))
    throw new CliError(`${path}: the file is empty`);
  const found = closest.headers.filter((h) => h !== '');
  throw new CliError(
    `${path}${closest.sheet ? ` (sheet "${closest.sheet}")` : ''}: missing column${closest.missing.length > 1 ? 's' : ''} ` +
      `${closest.missing.join(', ')}` +
      (found.length > 0
        ? `; the header row has: ${found.join(', ')}`
        : '; no header row was found'),
  );
}
