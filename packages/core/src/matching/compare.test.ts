import { describe, expect, it } from 'vitest';
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import { compareBirthDates } from './compare-dates.js';
import { compareNiks, nikFitsPerson } from './compare-nik.js';

const d = (iso: string): PlainDate => parseIsoDate(iso) as PlainDate;
const ON = d('2023-01-16');

describe('compareBirthDates', () => {
  it.each([
    ['2006-08-17', '2006-08-17', 'exact'],
    ['2006-08-07', '2006-07-08', 'day_month_swapped'],
    ['2006-08-17', '2006-08-27', 'one_digit'],
    ['2006-08-17', '2008-08-17', 'one_digit'],
    ['2006-08-17', '2005-08-17', 'year_off_by_one'],
    ['2006-08-17', '2006-09-17', 'month_off_by_one'],
    ['2006-12-17', '2007-01-17', 'month_off_by_one'],
    ['2006-08-17', '2001-03-02', 'different'],
  ])('reads %s against %s as %s', (a, b, level) => {
    expect(compareBirthDates(d(a), d(b))).toBe(level);
    expect(compareBirthDates(d(b), d(a))).toBe(level);
  });

  it('treats a missing date as missing, not as disagreement', () => {
    expect(compareBirthDates(undefined, d('2006-08-17'))).toBe('missing');
  });
});

describe('compareNiks', () => {
  it.each([
    ['3506011501060001', '3506011501060001', 'exact'],
    [" '3506 0115 0106 0001", '3506011501060001', 'exact'],
    ['3506011501060001', '3506011501060007', 'one_substitution'],
    ['3506011501060001', '3506011510060001', 'transposition'],
    ['3506011501060001', '3506011501060100', 'different'],
    ['3506011501060001', '350601150106001', 'different'],
    ['', '3506011501060001', 'missing'],
  ])('reads %s against %s as %s', (a, b, level) => {
    expect(compareNiks(a, b)).toBe(level);
  });
});

describe('nikFitsPerson', () => {
  it("accepts the student's own NIK and refuses a parent's borrowed one", () => {
    expect(nikFitsPerson('3506015506070002', d('2007-06-15'), 'P', ON)).toBe(true);
    // The mother's NIK: born 1980, a woman.
    expect(nikFitsPerson('3506014203800003', d('2007-06-15'), 'P', ON)).toBe(false);
    // A brother's NIK: the same parents, another date and sex.
    expect(nikFitsPerson('3506011204050004', d('2007-06-15'), 'P', ON)).toBe(false);
  });

  it("refuses an NIK whose sex disagrees with the record's", () => {
    expect(nikFitsPerson('3506011506070002', d('2007-06-15'), 'P', ON)).toBe(false);
    expect(nikFitsPerson('3506011506070002', d('2007-06-15'), '', ON)).toBe(true);
  });

  it('cannot tell without a valid NIK or a birth date', () => {
    expect(nikFitsPerson('12345', d('2007-06-15'), 'P', ON)).toBeUndefined();
    expect(nikFitsPerson('3506015506070002', undefined, 'P', ON)).toBeUndefined();
  });
});
