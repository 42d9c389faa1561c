import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, nthBirthday } from './age.js';
import { addDays, compareDates, formatIsoDate, isValidDate, type PlainDate } from './plain-date.js';

const d = (iso: string): PlainDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

const anyDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter((x) => isValidDate(x.year, x.month, x.day));

describe('ageOn', () => {
  it('turns 17 on the 17th birthday itself, not the day after', () => {
    expect(ageOn(d('2006-01-15'), d('2023-01-14'))).toBe(16);
    expect(ageOn(d('2006-01-15'), d('2023-01-15'))).toBe(17);
    expect(ageOn(d('2006-01-15'), d('2023-01-16'))).toBe(17);
  });

  it('is 0 on the birth date and negative before it', () => {
    expect(ageOn(d('2006-01-15'), d('2006-01-15'))).toBe(0);
    expect(ageOn(d('2006-01-15'), d('2006-01-14'))).toBe(-1);
  });

  describe('a 29 February birthday', () => {
    const leapling = d('2008-02-29');
    it('falls on 1 March in non-leap years by default', () => {
      expect(ageOn(leapling, d('2025-02-28'))).toBe(16);
      expect(ageOn(leapling, d('2025-03-01'))).toBe(17);
    });
    it('falls on 28 February under the february-28 rule', () => {
      expect(ageOn(leapling, d('2025-02-27'), 'february-28')).toBe(16);
      expect(ageOn(leapling, d('2025-02-28'), 'february-28')).toBe(17);
    });
    it('falls on 29 February itself in leap years under either rule', () => {
      expect(ageOn(leapling, d('2024-02-28'))).toBe(15);
      expect(ageOn(leapling, d('2024-02-29'))).toBe(16);
      expect(ageOn(leapling, d('2024-02-28'), 'february-28')).toBe(15);
      expect(ageOn(leapling, d('2024-02-29'), 'february-28')).toBe(16);
    });
  });
});

describe('nthBirthday', () => {
  it('moves 29 February by the rule only in non-leap years', () => {
    const leapling = d('2008-02-29');
    expect(formatIsoDate(nthBirthday(leapling, 17))).toBe('2025-03-01');
    expect(formatIsoDate(nthBirthday(leapling, 17, 'february-28'))).toBe('2025-02-28');
    expect(formatIsoDate(nthBirthday(leapling, 16))).toBe('2024-02-29');
    expect(formatIsoDate(nthBirthday(leapling, 92))).toBe('2100-03-01'); // 2100 is not a leap year
  });

  it('keeps other dates', () => {
    expect(formatIsoDate(nthBirthday(d('2006-03-20'), 17))).toBe('2023-03-20');
  });
});

describe('age arithmetic (properties)', () => {
  it('the age on a date is the last birthday on or before it', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyDate,
        fc.constantFrom('march-1', 'february-28'),
        (birth, on, rule) => {
          const age = ageOn(birth, on, rule);
          expect(compareDates(nthBirthday(birth, age, rule), on)).toBeLessThanOrEqual(0);
          expect(compareDates(nthBirthday(birth, age + 1, rule), on)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('never decreases as the date moves on, and grows by one on each birthday', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: 0, max: 800 }), (birth, on, days) => {
        expect(ageOn(birth, addDays(on, days))).toBeGreaterThanOrEqual(ageOn(birth, on));
      }),
    );
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('march-1', 'february-28'),
        (birth, n, rule) => {
          const birthday = nthBirthday(birth, n, rule);
          expect(ageOn(birth, birthday, rule)).toBe(n);
          expect(ageOn(birth, addDays(birthday, -1), rule)).toBe(n - 1);
        },
      ),
    );
  });

  it('the two leap-day rules differ only on 28 February of non-leap years', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (birth, on) => {
        const a = ageOn(birth, on, 'march-1');
        const b = ageOn(birth, on, 'february-28');
        if (a !== b) {
          expect(birth.month === 2 && birth.day === 29).toBe(true);
          expect(on.month === 2 && on.day === 28).toBe(true);
          expect(b).toBe(a + 1);
        }
      }),
    );
  });
});
