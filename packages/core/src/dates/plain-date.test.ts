import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  formatLongDate,
  fromDayNumber,
  fromExcelSerial,
  isLeapYear,
  isoDayOfWeek,
  isValidDate,
  parseIsoDate,
  toDayNumber,
  toExcelSerial,
} from './plain-date.js';

const plainDate = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter((d) => isValidDate(d.year, d.month, d.day));

describe('plain calendar dates', () => {
  describe('leap years and month lengths', () => {
    it('follows the Gregorian rules for century years', () => {
      expect([1900, 2000, 2004, 2023, 2024, 2100].map(isLeapYear)).toEqual([
        false,
        true,
        true,
        false,
        true,
        false,
      ]);
      expect(daysInMonth(2024, 2)).toBe(29);
      expect(daysInMonth(2023, 2)).toBe(28);
      expect(daysInMonth(2023, 4)).toBe(30);
    });
  });

  describe('day numbers', () => {
    it('counts from 1970-01-01', () => {
      expect(toDayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
      expect(toDayNumber({ year: 2000, month: 3, day: 1 })).toBe(11017);
      expect(fromDayNumber(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    });

    it('round-trips every valid date (property)', () => {
      fc.assert(
        fc.property(plainDate, (d) => {
          expect(fromDayNumber(toDayNumber(d))).toEqual(d);
        }),
      );
    });

    it('adds days consistently with the difference between dates (property)', () => {
      fc.assert(
        fc.property(plainDate, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
          const later = addDays(d, n);
          fc.pre(later.year >= 1 && later.year <= 9999);
          expect(daysBetween(d, later)).toBe(n);
        }),
      );
    });
  });

  describe('days of the week', () => {
    it('knows that 17 August 1945 was a Friday and 16 January 2023 a Monday', () => {
      expect(isoDayOfWeek({ year: 1945, month: 8, day: 17 })).toBe(5);
      expect(isoDayOfWeek({ year: 2023, month: 1, day: 16 })).toBe(1);
    });
  });

  describe('ISO text', () => {
    it('round-trips through format and parse (property)', () => {
      fc.assert(
        fc.property(plainDate, (d) => {
          expect(parseIsoDate(formatIsoDate(d))).toEqual(d);
        }),
      );
    });

    describe('invalid input', () => {
      it('rejects impossible dates and other shapes', () => {
        for (const text of [
          '2023-02-29',
          '2023-13-01',
          '2023-00-10',
          '2023-1-5',
          '17/08/2006',
          '',
          '2006-08-17T00:00',
        ]) {
          expect(parseIsoDate(text), text).toBeUndefined();
        }
      });
    });
  });

  describe('Excel serial numbers', () => {
    it('maps 17 August 2006 to 38946 and back', () => {
      expect(toExcelSerial({ year: 2006, month: 8, day: 17 })).toBe(38946);
      expect(fromExcelSerial(38946.75)).toEqual({ year: 2006, month: 8, day: 17 });
    });
  });

  describe('long format', () => {
    it('writes "17 Agustus 2006" in Indonesian and "17 August 2006" in English', () => {
      expect(formatLongDate({ year: 2006, month: 8, day: 17 })).toBe('17 Agustus 2006');
      expect(formatLongDate({ year: 2006, month: 8, day: 17 }, 'en')).toBe('17 August 2006');
    });
  });
});
