import { describe, expect, it } from 'vitest';
import { isWeekend, weekdayName, weekdayOf } from './weekday';

describe('weekday', () => {
  it('finds the day of the week from the date text, whatever the time zone', () => {
    expect(weekdayOf('2024-02-14')).toBe(3);
    expect(weekdayName('2024-02-14', 'id')).toBe('Rabu');
    expect(weekdayName('2024-02-14', 'en')).toBe('Wednesday');
  });

  it('marks Saturdays and Sundays as weekend days', () => {
    expect(isWeekend('2023-01-22')).toBe(true);
    expect(isWeekend('2024-02-10')).toBe(true);
    expect(isWeekend('2024-02-09')).toBe(false);
  });

  describe('invalid input', () => {
    it('gives nothing for a date that does not exist or is not written YYYY-MM-DD', () => {
      expect(weekdayOf('2023-02-29')).toBeNull();
      expect(weekdayName('', 'id')).toBe('');
      expect(isWeekend('17-08-2006')).toBe(false);
    });
  });
});
