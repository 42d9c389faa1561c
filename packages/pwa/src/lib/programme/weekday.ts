/**
 * The day of the week of a calendar date, computed from its `YYYY-MM-DD` text in UTC so that no time
 * zone can shift it.
 */
import type { Locale } from '../i18n/format';
import { isoDate } from './settings';

const WEEKDAY_LOCALES: Readonly<Record<Locale, string>> = { id: 'id-ID', en: 'en-GB' };

/** 0 for Sunday to 6 for Saturday, or null when `iso` is not a real date. */
export function weekdayOf(iso: string): number | null {
  if (!isoDate.safeParse(iso).success) return null;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whether `iso` falls on a Saturday or Sunday (not a working day; a holiday there changes nothing). */
export function isWeekend(iso: string): boolean {
  const day = weekdayOf(iso);
  return day === 0 || day === 6;
}

/**
 * The weekday's name in the language: "Senin" / "Monday"; empty when `iso` is not a real date.
 *
 * @example weekdayName('2024-02-14', 'id') // 'Rabu'
 */
export function weekdayName(iso: string, locale: Locale): string {
  if (weekdayOf(iso) === null) return '';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(WEEKDAY_LOCALES[locale], {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
