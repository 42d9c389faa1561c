import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import { HOLIDAYS_2023 } from './holidays.js';
import {
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingCalendar,
  workingDaysIn,
} from './working-days.js';

const d = (iso: string): PlainDate => parseIsoDate(iso) as PlainDate;
const kediri2023 = workingCalendar({ holidays: HOLIDAYS_2023 });

describe('working days', () => {
  it('skips weekends and holidays (the Imlek cuti bersama of 23 January 2023)', () => {
    expect(isWorkingDay(kediri2023, d('2023-01-20'))).toBe(true); // Friday
    expect(isWorkingDay(kediri2023, d('2023-01-21'))).toBe(false); // Saturday
    expect(isWorkingDay(kediri2023, d('2023-01-23'))).toBe(false); // cuti bersama
    expect(formatIsoDate(nextWorkingDay(kediri2023, d('2023-01-21')))).toBe('2023-01-24');
    expect(formatIsoDate(nextWorkingDay(kediri2023, d('2023-01-24')))).toBe('2023-01-24');
  });

  it('adds and subtracts working days', () => {
    expect(formatIsoDate(addWorkingDays(kediri2023, d('2023-01-20'), 1))).toBe('2023-01-24');
    expect(formatIsoDate(addWorkingDays(kediri2023, d('2023-01-24'), -1))).toBe('2023-01-20');
    expect(formatIsoDate(addWorkingDays(kediri2023, d('2023-01-21'), 0))).toBe('2023-01-21');
    // Idulfitri 2023: 21–26 April are holidays or cuti bersama.
    expect(formatIsoDate(addWorkingDays(kediri2023, d('2023-04-20'), 1))).toBe('2023-04-27');
  });

  it('counts working days with both ends included', () => {
    expect(countWorkingDays(kediri2023, d('2023-01-16'), d('2023-01-27'))).toBe(9);
    expect(countWorkingDays(kediri2023, d('2023-01-27'), d('2023-01-16'))).toBe(0);
    expect(workingDaysIn(kediri2023, d('2023-01-19'), d('2023-01-24')).map(formatIsoDate)).toEqual([
      '2023-01-19',
      '2023-01-20',
      '2023-01-24',
    ]);
  });

  it('supports a six-day week', () => {
    const sixDays = workingCalendar({ weekdays: [1, 2, 3, 4, 5, 6] });
    expect(isWorkingDay(sixDays, d('2023-01-21'))).toBe(true);
    expect(isWorkingDay(sixDays, d('2023-01-22'))).toBe(false);
  });

  describe('invalid input', () => {
    it('refuses a week without working days, a weekday outside 1–7 and a malformed holiday', () => {
      expect(() => workingCalendar({ weekdays: [] })).toThrow(/at least one/);
      expect(() => workingCalendar({ weekdays: [0] })).toThrow(/1–7/);
      expect(() => workingCalendar({ holidays: ['23/01/2023'] })).toThrow(/YYYY-MM-DD/);
      expect(() => addWorkingDays(kediri2023, d('2023-01-20'), 1.5)).toThrow(/whole/);
    });
  });
});
