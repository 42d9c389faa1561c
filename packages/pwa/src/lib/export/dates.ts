/**
 * Dates and times as the printouts and files write them. Dates stay `YYYY-MM-DD` text until shown:
 * no `Date` object, so no time zone can shift a day.
 */
import { formatDate, isoDayOfWeek, parseIsoDate, WEEKDAYS_EN, WEEKDAYS_ID } from '@sahaja/core';
import type { Locale } from '../i18n/format';

/** The weekday of `YYYY-MM-DD` ("Senin" / "Monday"); the input itself when it is not a date. */
export function weekdayOf(iso: string, locale: Locale): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return (locale === 'id' ? WEEKDAYS_ID : WEEKDAYS_EN)[isoDayOfWeek(date) - 1] ?? iso;
}

/** `YYYY-MM-DD` with its weekday: "Senin, 16 Januari 2023"; the input itself when not a date. */
export function fullDate(iso: string, locale: Locale): string {
  const date = parseIsoDate(iso);
  return date ? formatDate(date, 'full', locale) : iso;
}

/**
 * A clock time `HH:MM` as Indonesian letters write it, `08.15`; English keeps `08:15`. Anything else
 * is returned unchanged.
 */
export function clockText(time: string, locale: Locale): string {
  return locale === 'id' && /^\d{2}:\d{2}$/.test(time) ? time.replace(':', '.') : time;
}

/** Minutes after midnight as `HH:MM`. */
export function clock(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** `HH:MM` as minutes after midnight; null for anything else. */
export function minutesOf(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
