/**
 * Formatting of dates, numbers and sizes for the two UI languages. Dates are formatted from their ISO
 * text, never through `new Date(string)`, which would bring in a time zone and shift the day.
 */
import { formatLongDate, parseIsoDate } from '@sahaja/core';

/** The UI languages. */
export type Locale = 'id' | 'en';

const NUMBER_LOCALES: Readonly<Record<Locale, string>> = { id: 'id-ID', en: 'en-GB' };

/**
 * Formats a calendar date `YYYY-MM-DD` as people write it: "17 Agustus 2006" / "17 August 2006".
 * Returns the input unchanged when it is not a real calendar date, so bad data stays visible.
 *
 * @example formatIsoDate('2006-08-17', 'id') // '17 Agustus 2006'
 */
export function formatIsoDate(iso: string, locale: Locale): string {
  const date = parseIsoDate(iso);
  return date ? formatLongDate(date, locale) : iso;
}

/** One formatter per language: building an `Intl.NumberFormat` costs more than using one. */
const COUNT_FORMATS: Readonly<Record<Locale, Intl.NumberFormat>> = {
  id: new Intl.NumberFormat(NUMBER_LOCALES.id, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(NUMBER_LOCALES.en, { maximumFractionDigits: 0 }),
};

/** Formats a count with the language's digit grouping: 20.000 (id) / 20,000 (en). */
export function formatNumber(value: number, locale: Locale): string {
  return COUNT_FORMATS[locale].format(value);
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
