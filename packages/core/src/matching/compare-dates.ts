import { compareDates, formatIsoDate, type PlainDate } from '../dates/plain-date.js';

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
  const x = formatIsoDate(a);
  const y = formatIsoDate(b);
  let differing = 0;
  for (let i = 0; i < x.length && differing < 2; i++)
    if (x.charCodeAt(i) !== y.charCodeAt(i)) differing++;
  if (differing === 1) return 'one_digit';
  return 'different';
}
