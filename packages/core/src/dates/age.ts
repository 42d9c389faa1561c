import { isLeapYear, type PlainDate } from './plain-date.js';

/**
 * Where a 29 February birthday falls in a non-leap year: on 1 March (the default, as most registries
 * count it) or on 28 February. A policy setting.
 */
export type LeapDayRule = 'march-1' | 'february-28';

/**
 * The date of the `n`th birthday of a person born on `birth` (the 0th is the birth date itself).
 *
 * @example
 * nthBirthday({ year: 2008, month: 2, day: 29 }, 17)                  // 2025-03-01
 * nthBirthday({ year: 2008, month: 2, day: 29 }, 17, 'february-28')   // 2025-02-28
 */
export function nthBirthday(birth: PlainDate, n: number, rule: LeapDayRule = 'march-1'): PlainDate {
  const year = birth.year + n;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) {
    return rule === 'march-1' ? { year, month: 3, day: 1 } : { year, month: 2, day: 28 };
  }
  return { year, month: birth.month, day: birth.day };
}

/**
 * Age in whole years on a date: the number of birthdays (per `rule`) from `birth` up to and including
 * `on`. A person is 17 on their 17th birthday, not the day after. Negative when `on` is before `birth`.
 *
 * @example
 * ageOn({ year: 2006, month: 1, day: 15 }, { year: 2023, month: 1, day: 14 }) // 16
 * ageOn({ year: 2006, month: 1, day: 15 }, { year: 2023, month: 1, day: 15 }) // 17
 */
export function ageOn(birth: PlainDate, on: PlainDate, rule: LeapDayRule = 'march-1'): number {
  // nthBirthday without the allocation: this runs once per person in batches of millions.
  let month = birth.month;
  let day = birth.day;
  if (month === 2 && day === 29 && !isLeapYear(on.year)) {
    if (rule === 'march-1') {
      month = 3;
      day = 1;
    } else day = 28;
  }
  const years = on.year - birth.year;
  return on.month < month || (on.month === month && on.day < day) ? years - 1 : years;
}
