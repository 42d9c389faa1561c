import type { Holiday, IsoDate } from '../domain/records.js';
import {
  parseIsoDate,
  toDayNumber,
  fromDayNumber,
  isoDayOfWeek,
  type PlainDate,
} from '../dates/plain-date.js';

/**
 * Which days an office works: a set of weekdays (ISO numbering, 1 = Monday … 7 = Sunday) minus public
 * holidays and cuti bersama. Build one with {@link workingCalendar}.
 */
export interface WorkingCalendar {
  readonly weekdays: ReadonlySet<number>;
  /** Holidays as day numbers (see `toDayNumber`). */
  readonly holidays: ReadonlySet<number>;
}

/** Options of {@link workingCalendar}. */
export interface WorkingCalendarOptions {
  /** Working weekdays, ISO numbering; default Monday–Friday `[1, 2, 3, 4, 5]`. */
  readonly weekdays?: readonly number[];
  /** Non-working dates: holiday records or ISO dates. */
  readonly holidays?: readonly (Holiday | IsoDate | PlainDate)[];
}

/**
 * Builds a working calendar. Throws (a programmer error) when no weekday is a working day or a holiday
 * is not a valid ISO date; validate user files before calling.
 *
 * @example
 * const cal = workingCalendar({ holidays: HOLIDAYS_2023 });
 * addWorkingDays(cal, { year: 2023, month: 1, day: 20 }, 1) // 2023-01-24 (weekend, then Imlek cuti on the 23rd)
 */
export function workingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const weekdays = new Set(options.weekdays ?? [1, 2, 3, 4, 5]);
  for (const d of weekdays) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`weekday ${d} is not 1–7`);
  }
  if (weekdays.size === 0)
    throw new RangeError('a working calendar needs at least one working weekday');
  const holidays = new Set<number>();
  for (const h of options.holidays ?? []) {
    const text = typeof h === 'string' ? h : 'tanggal' in h ? h.tanggal : undefined;
    const date = text === undefined ? (h as PlainDate) : parseIsoDate(text);
    if (!date) throw new RangeError(`holiday "${String(text)}" is not a YYYY-MM-DD date`);
    holidays.add(toDayNumber(date));
  }
  return { weekdays, holidays };
}

/** True when the office works on `date`: a working weekday that is not a holiday. */
export function isWorkingDay(calendar: WorkingCalendar, date: PlainDate): boolean {
  return calendar.weekdays.has(isoDayOfWeek(date)) && !calendar.holidays.has(toDayNumber(date));
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(calendar: WorkingCalendar, date: PlainDate): PlainDate {
  let day = toDayNumber(date);
  while (!isWorkingDay(calendar, fromDayNumber(day))) day++;
  return fromDayNumber(day);
}

/**
 * The `n`th working day after `date` (before it when `n` is negative); `date` itself when `n` is 0,
 * whether or not it is a working day.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: PlainDate, n: number): PlainDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDay(calendar, fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

/** Number of working days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function countWorkingDays(
  calendar: WorkingCalendar,
  from: PlainDate,
  to: PlainDate,
): number {
  let count = 0;
  for (let day = toDayNumber(from), end = toDayNumber(to); day <= end; day++) {
    if (isWorkingDay(calendar, fromDayNumber(day))) count++;
  }
  return count;
}

/** The working days from `from` to `to`, both included, in order. */
export function workingDaysIn(
  calendar: WorkingCalendar,
  from: PlainDate,
  to: PlainDate,
): PlainDate[] {
  const days: PlainDate[] = [];
  for (let day = toDayNumber(from), end = toDayNumber(to); day <= end; day++) {
    const date = fromDayNumber(day);
    if (isWorkingDay(calendar, date)) days.push(date);
  }
  return days;
}
