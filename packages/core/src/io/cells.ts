import type { Message } from '../domain/result.js';
import { formatIsoDate, fromExcelSerial } from '../dates/plain-date.js';

/**
 * A cell of an input file. CSV cells are text. XLSX cells keep their type: a number keeps the exact text
 * the workbook stored (`{ number: '3506011501060000' }`), so that a 16-digit NIK Excel saved as a number
 * is recognised as one and no digit is changed by a float conversion; a date cell is a `Date` at UTC
 * midnight, as spreadsheet readers build it.
 */
export type Cell = string | NumberCell | Date | boolean | null;

/** A number cell of a workbook, as the text the workbook stored. */
export interface NumberCell {
  readonly number: string;
}

/** True for a number cell. */
export function isNumberCell(cell: Cell | undefined): cell is NumberCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** The text of a cell as a person would read it: trimmed text, a number's stored text, an ISO date. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    // Most cells have nothing to trim; checking both ends is much cheaper than trim() on millions.
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(cell.length - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? cell : cell.trim();
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  }
  return plainNumberText(cell.number);
}

/**
 * Removes the apostrophe that CSV exports put before text a spreadsheet would run as a formula
 * (`'=1+1` → `=1+1`, `''=x` → `'=x`; see `formatCsv`), so that exported files read back as they were.
 */
export function unneutralise(text: string): string {
  return text.charCodeAt(0) === 39 && /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * A workbook number written without an exponent when it is a whole number Excel could hold
 * (`3.506011501060001E15` → `3506011501060001`); other numbers as stored.
 */
export function plainNumberText(stored: string): string {
  if (!/e/i.test(stored)) return stored;
  const n = Number(stored);
  return Number.isSafeInteger(n) ? String(n) : stored;
}

/** True when a cell holds nothing but spaces. */
export function isBlank(cell: Cell | undefined): boolean {
  return cellText(cell) === '';
}

/**
 * What a value looks like, without the value itself (issues about personal data must not repeat it):
 * "kosong", "16 digit", "angka ilmiah", "angka di sel Excel", "tanggal Excel", "teks 12 karakter".
 */
export function describeShape(cell: Cell | undefined): Message {
  if (cell instanceof Date) return { id: 'tanggal Excel', en: 'an Excel date' };
  if (isNumberCell(cell)) {
    return /e/i.test(cell.number)
      ? { id: 'angka ilmiah di sel Excel', en: 'a scientific number in an Excel cell' }
      : {
          id: `angka ${cell.number.replace(/\D/g, '').length} digit di sel Excel`,
          en: `a ${cell.number.replace(/\D/g, '').length}-digit number in an Excel cell`,
        };
  }
  const text = cellText(cell);
  if (text === '') return { id: 'kosong', en: 'empty' };
  if (/^\d+$/.test(text)) return { id: `${text.length} digit`, en: `${text.length} digits` };
  if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(text))
    return { id: 'angka ilmiah', en: 'a scientific number' };
  if (/^[\d\s.,/-]+$/.test(text)) {
    return {
      id: `angka dan tanda baca, ${text.length} karakter`,
      en: `digits and punctuation, ${text.length} characters`,
    };
  }
  return { id: `teks ${text.length} karakter`, en: `text of ${text.length} characters` };
}

/** An Excel serial number cell read as an ISO date (used where a date column holds plain numbers). */
export function serialToIso(serial: number): string {
  return formatIsoDate(fromExcelSerial(serial));
}
