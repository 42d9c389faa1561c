import { formatIsoDate, isoDayOfWeek, MONTHS_EN, MONTHS_ID, type PlainDate } from './plain-date.js';

/** A language of the product: Bahasa Indonesia (the default) or English. */
export type Locale = 'id' | 'en';

/**
 * How {@link formatDate} writes a date:
 * - `iso` — `2006-08-17` (files and exchange);
 * - `short` — `17/08/2006` (day first, as Indonesians write it);
 * - `medium` — `17 Agu 2006` / `17 Aug 2006`;
 * - `long` — `17 Agustus 2006` / `17 August 2006`;
 * - `full` — `Kamis, 17 Agustus 2006` / `Thursday, 17 August 2006` (day sheets and letters).
 */
export type DateStyle = 'iso' | 'short' | 'medium' | 'long' | 'full';

/** Indonesian weekday names, Monday first (ISO order). */
export const WEEKDAYS_ID = [
  'Senin',
  'Selasa',
  'Rabu',
  'Kamis',
  'Jumat',
  'Sabtu',
  'Minggu',
] as const;

/** English weekday names, Monday first (ISO order). */
export const WEEKDAYS_EN = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const SHORT_MONTHS_ID = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
];
const SHORT_MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Writes a date for people or files, in Indonesian (default) or English; see {@link DateStyle}.
 *
 * @example
 * formatDate({ year: 2023, month: 1, day: 16 }, 'full')        // 'Senin, 16 Januari 2023'
 * formatDate({ year: 2023, month: 1, day: 16 }, 'medium', 'en') // '16 Jan 2023'
 */
export function formatDate(
  date: PlainDate,
  style: DateStyle = 'long',
  locale: Locale = 'id',
): string {
  switch (style) {
    case 'iso':
      return formatIsoDate(date);
    case 'short':
      return `${pad2(date.day)}/${pad2(date.month)}/${String(date.year).padStart(4, '0')}`;
    case 'medium': {
      const names = locale === 'id' ? SHORT_MONTHS_ID : SHORT_MONTHS_EN;
      return `${date.day} ${names[date.month - 1] ?? '?'} ${date.year}`;
    }
    case 'long': {
      const names = locale === 'id' ? MONTHS_ID : MONTHS_EN;
      return `${date.day} ${names[date.month - 1] ?? '?'} ${date.year}`;
    }
    case 'full': {
      const days = locale === 'id' ? WEEKDAYS_ID : WEEKDAYS_EN;
      return `${days[isoDayOfWeek(date) - 1] ?? '?'}, ${formatDate(date, 'long', locale)}`;
    }
  }
}
