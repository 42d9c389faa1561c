import writeExcelFile from 'write-excel-file/universal';
import { formatDate, type Locale } from '../dates/format.js';
import { formatIsoDate, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import { formatCsv } from './csv-write.js';
import { encodeUtf8 } from './encoding.js';

/**
 * How a column is written:
 * - `text` — a text cell;
 * - `identifier` — always a text cell, even when all digits (NIK, No. KK, NISN, NPSN): Excel never turns
 *   it into a number, drops leading zeros or shows `3,50601E+15`;
 * - `number` — a number cell;
 * - `date` — from a `PlainDate` or `YYYY-MM-DD`, written as the table's `dates` option says.
 */
export type ColumnType = 'text' | 'identifier' | 'number' | 'date';

/** A column of an exported table. */
export interface ExportColumn<R> {
  readonly header: string;
  readonly type: ColumnType;
  readonly value: (record: R) => string | number | PlainDate | null | undefined;
  /** Width in characters (XLSX); by default fitted to the header and the values, 6 to 60. */
  readonly width?: number;
}

/**
 * How dates are written: `excel` — real Excel dates shown dd/mm/yyyy (XLSX; ISO text in CSV); `iso` —
 * `2006-08-17` text; `long` — "17 Agustus 2006" (or English with `locale: 'en'`).
 */
export type DateOutput = 'excel' | 'iso' | 'long';

/** A table to export: a sheet of an XLSX workbook, or a CSV file. */
export interface ExportTable<R> {
  /** Sheet name (XLSX); Excel allows at most 31 characters and no `[]:*?/\`. */
  readonly sheet: string;
  readonly columns: readonly ExportColumn<R>[];
  readonly rows: readonly R[];
  readonly dates?: DateOutput;
  readonly locale?: Locale;
}

type Value = string | number | PlainDate | null | undefined;

function toDate(value: Value): PlainDate | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'object') return value;
  if (typeof value === 'string') return parseIsoDate(value);
  return undefined;
}

/** A cell's text in CSV, or in XLSX for every type but real numbers and dates. */
function textOf(value: Value, type: ColumnType, dates: DateOutput, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (type === 'date') {
    const date = toDate(value);
    if (!date) return typeof value === 'object' ? formatIsoDate(value) : String(value);
    return dates === 'long' ? formatDate(date, 'long', locale) : formatIsoDate(date);
  }
  return typeof value === 'object' ? formatIsoDate(value) : String(value);
}

/**
 * Writes a table as CSV text for Excel: a header row, CRLF line ends, dates as the table says, and every
 * cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with
 * an apostrophe. `importRecords` removes that apostrophe again, so what is written reads back the same.
 */
export function tableToCsv<R>(table: ExportTable<R>, delimiter: ',' | ';' = ','): string {
  const dates = table.dates ?? 'iso';
  const locale = table.locale ?? 'id';
  const rows: string[][] = [table.columns.map((c) => c.header)];
  for (const record of table.rows) {
    rows.push(table.columns.map((c) => textOf(c.value(record), c.type, dates, locale)));
  }
  return formatCsv(rows, { delimiter });
}

/** {@link tableToCsv} as UTF-8 bytes with a byte-order mark, which Excel needs to read UTF-8. */
export function tableToCsvBytes<R>(table: ExportTable<R>, delimiter: ',' | ';' = ','): Uint8Array {
  return encodeUtf8(tableToCsv(table, delimiter), true);
}

interface XlsxCell {
  value: string | number | Date;
  type: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
  fontWeight?: 'bold';
}

const SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;

/**
 * Writes tables as the sheets of one XLSX workbook: a bold header row, identifiers as text cells, dates
 * as real Excel dates (`dd/mm/yyyy`) or text, fitted column widths. Every text is a typed string cell, so
 * a value such as `=HYPERLINK(…)` is shown, never run. Throws (a programmer error) for an invalid sheet
 * name or a number column holding a non-number.
 */
export async function tablesToXlsx(tables: readonly ExportTable<unknown>[]): Promise<Uint8Array> {
  const sheets = tables.map((table) => {
    if (!SHEET_NAME.test(table.sheet)) throw new RangeError(`invalid sheet name "${table.sheet}"`);
    const dates = table.dates ?? 'excel';
    const locale = table.locale ?? 'id';
    const widths = table.columns.map((c) => c.header.length);
    const header: XlsxCell[] = table.columns.map((c) => ({
      value: c.header,
      type: String,
      fontWeight: 'bold',
    }));
    const data: (XlsxCell | null)[][] = [header];
    for (const record of table.rows) {
      data.push(
        table.columns.map((c, i) => {
          const value = c.value(record);
          if (value === null || value === undefined || value === '') return null;
          let cell: XlsxCell;
          if (c.type === 'number') {
            if (typeof value !== 'number')
              throw new RangeError(`column "${c.header}" holds a non-number`);
            cell = { value, type: Number };
          } else if (c.type === 'date' && dates === 'excel' && toDate(value)) {
            const d = toDate(value) as PlainDate;
            cell = {
              value: new Date(Date.UTC(d.year, d.month - 1, d.day)),
              type: Date,
              format: 'dd/mm/yyyy',
            };
          } else {
            cell = { value: textOf(value, c.type, dates, locale), type: String };
          }
          const shown = cell.type === Date ? 10 : String(cell.value).length;
          widths[i] = Math.max(widths[i] ?? 0, shown);
          return cell;
        }),
      );
    }
    return {
      sheet: table.sheet,
      data,
      columns: table.columns.map((c, i) => ({
        width: c.width ?? Math.min(60, Math.max(6, (widths[i] ?? 0) + 2)),
      })),
    };
  });
  // write-excel-file's types describe one sheet or an array of sheets; both shapes are plain data.
  const blob = await (writeExcelFile as unknown as (s: unknown) => { toBlob(): Promise<Blob> })(
    sheets,
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
