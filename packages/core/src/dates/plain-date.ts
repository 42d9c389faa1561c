/**
 * Calendar dates as plain year/month/day values: no clocks and no time zones, so that a birth date never
 * moves by a day on a machine in another zone. Arithmetic goes through a day number (days since
 * 1970-01-01 in the proleptic Gregorian calendar).
 */

/** A calendar date. `month` is 1–12, `day` is 1–31. */
export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

/** True when year, month and day name a real date (years 1–9999). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 (negative before it). Algorithm from H. Hinnant's `days_from_civil`. */
export function toDayNumber(date: PlainDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(dayNumber: number): PlainDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: PlainDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Compares two dates: negative, zero or positive. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Formats as `YYYY-MM-DD`. */
export function formatIsoDate(date: PlainDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/**
 * Reads a strict `YYYY-MM-DD` date; returns `undefined` for anything else, including impossible dates
 * such as 2023-02-29.
 */
export function parseIsoDate(text: string): PlainDate | undefined {
  // Hand-rolled rather than a regular expression: registries hold millions of these.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year >= 0 && month >= 0 && day >= 0 && isValidDate(year, month, day)
    ? { year, month, day }
    : undefined;
}

/** True when `text` is a real date written strictly `YYYY-MM-DD` ({@link parseIsoDate} without the object). */
export function isIsoDateText(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  return isValidDate(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2));
}

/** The number written by `length` ASCII digits at `start`, or -1 when one of them is not a digit. */
export function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of Excel's serial 0 (1899-12-30), which absorbs Excel's 1900 leap-year bug for dates after 1 March 1900. */
const EXCEL_EPOCH = toDayNumber({ year: 1899, month: 12, day: 30 });

/** Excel's date serial number of a date (1900 date system). */
export function toExcelSerial(date: PlainDate): number {
  return toDayNumber(date) - EXCEL_EPOCH;
}

/** The date of an Excel serial number (1900 date system); the fractional part (time of day) is dropped. */
export function fromExcelSerial(serial: number): PlainDate {
  return fromDayNumber(Math.floor(serial) + EXCEL_EPOCH);
}

/** Indonesian month names, January first. */
export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** English month names, January first. */
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Formats a date as people read it: "17 Agustus 2006" (`id`) or "17 August 2006" (`en`). */
export function formatLongDate(date: PlainDate, locale: 'id' | 'en' = 'id'): string {
  const names = locale === 'id' ? MONTHS_ID : MONTHS_EN;
  return `${date.day} ${names[date.month - 1] ?? '?'} ${date.year}`;
}
