import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { fromExcelSerial, isValidDate, parseIsoDate, type PlainDate } from './plain-date.js';

/** Which written form a date was read from. */
export type DateFormat =
  | 'iso'
  | 'day-month-year'
  | 'month-day-year'
  | 'month-name'
  | 'compact'
  | 'excel-serial'
  | 'date-object';

/** Why a value could not be read as a date. The message never repeats the value (birth dates are personal data). */
export type DateIssueCode = 'date_empty' | 'date_unreadable' | 'date_impossible';

/** A date read from text, a number or a spreadsheet cell, with the form it was written in. */
export interface ParsedDate {
  readonly date: PlainDate;
  readonly format: DateFormat;
}

/** Options of {@link parseDate}. */
export interface ParseDateOptions {
  /**
   * A two-digit year is placed in the hundred years that end with this year. Default 2029, as Excel
   * does (00–29 → 2000s, 30–99 → 1900s). For birth dates pass the reference year.
   */
  readonly pivotYear?: number;
  /**
   * Read `08/17/2006` as 17 August when the day-first reading is impossible (the format is then
   * `month-day-year`). Default true; a day-first reading is always tried first.
   */
  readonly allowMonthFirst?: boolean;
}

const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'januari', 'january', 'jan'],
      [2, 'februari', 'pebruari', 'february', 'feb', 'peb'],
      [3, 'maret', 'march', 'mar', 'mrt'],
      [4, 'april', 'apr'],
      [5, 'mei', 'may'],
      [6, 'juni', 'june', 'jun'],
      [7, 'juli', 'july', 'jul'],
      [8, 'agustus', 'august', 'agu', 'agt', 'ags', 'agus', 'agust', 'aug'],
      [9, 'september', 'sep', 'sept', 'spt'],
      [10, 'oktober', 'october', 'okt', 'oct'],
      [11, 'november', 'nopember', 'nov', 'nop'],
      [12, 'desember', 'december', 'des', 'dec'],
    ] as const
  ).flatMap(([month, ...words]) => words.map((w) => [w, month] as const)),
);

const WEEKDAY_WORDS = new Set([
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  "jum'at",
  'sabtu',
  'minggu',
  'ahad',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** The month (1–12) named by an Indonesian or English month name or abbreviation, or `undefined`. */
export function monthFromName(word: string): number | undefined {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, ''));
}

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC =
  /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const DAY_NAME_YEAR = /^(\d{1,2})(?:\s*[-/.\s]\s*)([a-z']+)\.?(?:\s*[-/.,\s]\s*)(\d{4}|\d{2})$/;
const NAME_DAY_YEAR = /^([a-z']+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const COMPACT = /^\d{8}$/;
const SERIAL_TEXT = /^\d{5}(?:[.,]\d+)?$/;

/** Largest serial Excel shows as a date (31 December 9999). */
const MAX_EXCEL_SERIAL = 2958465;

const unreadable = (): Result<ParsedDate, Issue<DateIssueCode>> =>
  fail(
    'date_unreadable',
    'Tanggal tidak dikenali; tulis seperti 2006-08-17, 17/08/2006 atau 17 Agustus 2006.',
    'The date is not recognised; write it like 2006-08-17, 17/08/2006 or 17 August 2006.',
  );

const impossible = (): Result<ParsedDate, Issue<DateIssueCode>> =>
  fail(
    'date_impossible',
    'Tanggal tidak ada di kalender (misalnya 31 Februari atau bulan 13).',
    'The date does not exist in the calendar (for example 31 February or month 13).',
  );

function expandYear(yy: string, pivotYear: number): number {
  if (yy.length !== 2) return Number(yy);
  const n = Number(yy);
  const century = Math.floor(pivotYear / 100) * 100;
  const year = century + n;
  return year > pivotYear ? year - 100 : year;
}

function dateResult(
  year: number,
  month: number,
  day: number,
  format: DateFormat,
): Result<ParsedDate, Issue<DateIssueCode>> {
  return isValidDate(year, month, day) ? ok({ date: { year, month, day }, format }) : impossible();
}

/**
 * Reads a calendar date as people and spreadsheets write it, with no time-zone arithmetic:
 * ISO `2006-08-17` (a time part is ignored), day-first `17/08/2006`, `17-08-2006`, `17.8.06` (two-digit
 * years through `pivotYear`), month names in Indonesian or English, full or short (`17 Agustus 2006`,
 * `17 Agt 2006`, `17-Aug-2006`, `August 17, 2006`, with or without a weekday in front), compact
 * `17082006` or `20060817`, Excel serial numbers (`38946`, as a number or 5-digit text) and `Date`
 * objects from spreadsheet readers (read in UTC, as those readers build them).
 *
 * Never throws: empty, unreadable and impossible dates (31 February) come back as issues.
 *
 * @example
 * parseDate('17 Agt 2006') // { ok: true, value: { date: { year: 2006, month: 8, day: 17 }, format: 'month-name' } }
 * parseDate('31/02/2006')  // { ok: false, issues: [{ code: 'date_impossible', … }] }
 */
export function parseDate(
  input: string | number | Date | null | undefined,
  options: ParseDateOptions = {},
): Result<ParsedDate, Issue<DateIssueCode>> {
  const pivotYear = options.pivotYear ?? 2029;
  if (input === null || input === undefined || input === '') {
    return fail('date_empty', 'Tanggal kosong.', 'The date is empty.');
  }
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return unreadable();
    return dateResult(
      input.getUTCFullYear(),
      input.getUTCMonth() + 1,
      input.getUTCDate(),
      'date-object',
    );
  }
  if (typeof input === 'number') return fromSerial(input);
  const iso = parseIsoDate(input);
  if (iso) return ok({ date: iso, format: 'iso' });

  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return fail('date_empty', 'Tanggal kosong.', 'The date is empty.');

  let m = ISO.exec(text);
  if (m) return dateResult(Number(m[1]), Number(m[2]), Number(m[3]), 'iso');

  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = expandYear(m[3] as string, pivotYear);
    if (isValidDate(year, b, a))
      return ok({ date: { year, month: b, day: a }, format: 'day-month-year' });
    if (options.allowMonthFirst !== false && isValidDate(year, a, b)) {
      return ok({ date: { year, month: a, day: b }, format: 'month-day-year' });
    }
    return impossible();
  }

  const withoutWeekday = stripWeekday(text);
  m = DAY_NAME_YEAR.exec(withoutWeekday);
  if (m) {
    const month = monthFromName(m[2] as string);
    if (month === undefined) return unreadable();
    return dateResult(expandYear(m[3] as string, pivotYear), month, Number(m[1]), 'month-name');
  }
  m = NAME_DAY_YEAR.exec(withoutWeekday);
  if (m) {
    const month = monthFromName(m[1] as string);
    if (month === undefined) return unreadable();
    return dateResult(Number(m[3]), month, Number(m[2]), 'month-name');
  }

  if (COMPACT.test(text)) return fromCompact(text);
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text.replace(',', '.')));
  return unreadable();
}

function stripWeekday(text: string): string {
  const comma = text.indexOf(',');
  const head = comma > 0 ? text.slice(0, comma) : text.split(' ', 1)[0];
  if (head !== undefined && WEEKDAY_WORDS.has(head.trim())) {
    return text.slice(comma > 0 ? comma + 1 : head.length).trim();
  }
  return text;
}

function fromSerial(serial: number): Result<ParsedDate, Issue<DateIssueCode>> {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return unreadable();
  return ok({ date: fromExcelSerial(serial), format: 'excel-serial' });
}

function fromCompact(text: string): Result<ParsedDate, Issue<DateIssueCode>> {
  const plausible = (year: number): boolean => year >= 1900 && year <= 2100;
  const y1 = Number(text.slice(0, 4));
  const m1 = Number(text.slice(4, 6));
  const d1 = Number(text.slice(6, 8));
  if (plausible(y1) && isValidDate(y1, m1, d1)) {
    return ok({ date: { year: y1, month: m1, day: d1 }, format: 'compact' });
  }
  const d2 = Number(text.slice(0, 2));
  const m2 = Number(text.slice(2, 4));
  const y2 = Number(text.slice(4, 8));
  if (plausible(y2) && isValidDate(y2, m2, d2)) {
    return ok({ date: { year: y2, month: m2, day: d2 }, format: 'compact' });
  }
  return plausible(y1) || plausible(y2) ? impossible() : unreadable();
}
