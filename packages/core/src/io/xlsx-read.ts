import readXlsxFile from 'read-excel-file/universal';
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import type { Cell } from './cells.js';

/** One sheet of a workbook: its name and its rows of cells. */
export interface RawSheet {
  readonly name: string;
  readonly rows: Cell[][];
}

/**
 * Reads every sheet of an XLSX workbook (read-excel-file, in Node, a page or a worker). Numbers come back
 * as the text the workbook stored and dates as `Date` values (see {@link Cell}). A damaged or
 * non-XLSX ZIP comes back as an issue.
 */
export async function readXlsxSheets(
  bytes: Uint8Array,
): Promise<Result<RawSheet[], Issue<'xlsx_unreadable'>>> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const book = await readXlsxFile(buffer as ArrayBuffer, {
      parseNumber: (text: string) => ({ number: text }),
    });
    return ok(book.map((s) => ({ name: s.sheet, rows: s.data as unknown as Cell[][] })));
  } catch {
    return fail(
      'xlsx_unreadable',
      'Berkas XLSX ini rusak atau bukan buku kerja Excel; buka di Excel dan simpan ulang sebagai .xlsx.',
      'This XLSX file is damaged or not an Excel workbook; open it in Excel and save it again as .xlsx.',
    );
  }
}
