import { compareDates, type PlainDate } from '../dates/plain-date.js';

/**
 * How two birth dates agree — the mistakes SPEC §4 says school lists make: day and month swapped, the
 * year or the month off by one, one digit wrong (anywhere else). A missing date is
 * `missing` (neutral in the model), never disagreement.
 */
export type DateLevel =
  | 'exact'
  | 'day_month_swapped'
  | 'one_digit'
  | 'year_off_by_one'
  | 'month_off_by_one'
  | 'different'
  | 'missing';

/**
 * Compares two dates by the levels of {@link DateLevel}, the first that applies.
 *
 * @example
 * compareBirthDates({ year: 2006, month: 8, day: 7 }, { year: 2006, month: 7, day: 8 }) // 'day_month_swapped'
 */
export function compareBirthDates(a: PlainDate | undefined, b: PlainDate | undefined): DateLevel {
  if (!a || !b) return 'missing';
  if (compareDates(a, b) === 0) return 'exact';
  if (a.year === b.year && a.day === b.month && a.month === b.day) return 'day_month_swapped';
  if (a.month === b.month && a.day === b.day && Math.abs(a.year - b.year) === 1)
    return 'year_off_by_one';
  const months = a.year * 12 + a.month - (b.year * 12 + b.month);
  if (a.day === b.day && Math.abs(months) === 1) return 'month_off_by_one';
  const differing =
    differentDigits(a.year, b.year, 4) +
    differentDigits(a.month, b.month, 2) +
    differentDigits(a.day, b.day, 2);
  return differing === 1 ? 'one_digit' : 'different';
}

/** How many of the last `width` decimal digits of two numbers differ. */
function differentDigits(x: number, y: number, width: number): number {
  let count = 0;
  for (let i = 0; i < width; i++) {
    if (x % 10 !== y % 10) count++;
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  return count;
}
