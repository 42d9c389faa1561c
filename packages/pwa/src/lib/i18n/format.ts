/**
 * Formatting of dates, numbers and sizes for the two UI languages. Dates are formatted from their ISO
 * text, never through `new Date(string)`, which would bring in a time zone and shift the day.
 */

/** The UI languages. */
export type Locale = 'id' | 'en';

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  id: [
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
  ],
  en: [
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
  ],
};

const NUMBER_LOCALES: Readonly<Record<Locale, string>> = { id: 'id-ID', en: 'en-GB' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date `YYYY-MM-DD` as people write it: "17 Agustus 2006" / "17 August 2006".
 * Returns the input unchanged when it is not a real calendar date, so bad data stays visible.
 *
 * @example formatIsoDate('2006-08-17', 'id') // '17 Agustus 2006'
 */
export function formatIsoDate(iso: string, locale: Locale): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const monthName = MONTHS[locale][month - 1];
  if (monthName === undefined || day < 1 || day > daysInMonth(year, month)) return iso;
  return `${day} ${monthName} ${year}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Formats a count with the language's digit grouping: 20.000 (id) / 20,000 (en). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { maximumFractionDigits: 0 }).format(value);
}

/**
 * Formats a size in bytes as megabytes (1 MB = 1,000,000 bytes) with one decimal: "12,3 MB" (id).
 * Sizes of 10 GB and more drop the decimal.
 */
export function formatMegabytes(bytes: number, locale: Locale): string {
  const megabytes = bytes / 1_000_000;
  const digits = megabytes >= 10_000 ? 0 : 1;
  const text = new Intl.NumberFormat(NUMBER_LOCALES[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(megabytes);
  return `${text} MB`;
}
