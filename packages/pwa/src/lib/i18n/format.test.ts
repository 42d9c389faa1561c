import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatMegabytes, formatNumber } from './format';

describe('formatIsoDate', () => {
  it('writes dates the Indonesian way in Bahasa Indonesia', () => {
    expect(formatIsoDate('2006-08-17', 'id')).toBe('17 Agustus 2006');
    expect(formatIsoDate('2023-01-16', 'id')).toBe('16 Januari 2023');
    expect(formatIsoDate('2024-12-01', 'id')).toBe('1 Desember 2024');
  });

  it('writes English month names in English', () => {
    expect(formatIsoDate('2006-08-17', 'en')).toBe('17 August 2006');
    expect(formatIsoDate('2023-05-09', 'en')).toBe('9 May 2023');
  });

  it('accepts 29 February only in leap years', () => {
    expect(formatIsoDate('2024-02-29', 'id')).toBe('29 Februari 2024');
    expect(formatIsoDate('2000-02-29', 'en')).toBe('29 February 2000');
    expect(formatIsoDate('1900-02-29', 'en')).toBe('1900-02-29');
    expect(formatIsoDate('2023-02-29', 'id')).toBe('2023-02-29');
  });

  it('does not depend on the time zone (no Date parsing): the first and last day stay put', () => {
    expect(formatIsoDate('2023-01-01', 'id')).toBe('1 Januari 2023');
    expect(formatIsoDate('2023-12-31', 'id')).toBe('31 Desember 2023');
  });

  describe('invalid input', () => {
    it.each([
      '',
      '17-08-2006',
      '2006-8-17',
      '2006-13-01',
      '2006-00-10',
      '2006-04-31',
      '2006-08-17T00:00',
    ])('returns %j unchanged', (input) => {
      expect(formatIsoDate(input, 'id')).toBe(input);
    });
  });
});

describe('formatNumber', () => {
  it('groups thousands with a dot in Bahasa Indonesia and a comma in English', () => {
    expect(formatNumber(150000, 'id')).toBe('150.000');
    expect(formatNumber(20000, 'en')).toBe('20,000');
    expect(formatNumber(72, 'id')).toBe('72');
  });
});

describe('formatMegabytes', () => {
  it('shows megabytes with one decimal and the language decimal sign', () => {
    expect(formatMegabytes(12_345_678, 'id')).toBe('12,3 MB');
    expect(formatMegabytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatMegabytes(0, 'en')).toBe('0.0 MB');
  });

  it('drops the decimal for very large sizes', () => {
    expect(formatMegabytes(123_456_789_012, 'id')).toBe('123.457 MB');
  });
});
