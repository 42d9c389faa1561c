import { describe, expect, it } from 'vitest';
import { parseNisn, parseNpsn } from './school-ids.js';

describe('parseNisn', () => {
  it('accepts 10 digits, keeping leading zeros, and treats them as opaque', () => {
    expect(parseNisn('0061234567')).toEqual({ ok: true, value: '0061234567' });
    expect(parseNisn(" '9990000001 ")).toEqual({ ok: true, value: '9990000001' });
  });

  describe('invalid input', () => {
    it.each([
      ['', 'nisn_empty'],
      ['00612345A7', 'nisn_not_digits'],
      ['61234567', 'nisn_leading_zero_lost'],
      ['061234567', 'nisn_leading_zero_lost'],
      ['1234567', 'nisn_length'],
      ['00612345678', 'nisn_length'],
    ])('refuses "%s" with %s', (text, code) => {
      const r = parseNisn(text);
      expect(r.ok ? 'ok' : r.issues[0].code).toBe(code);
    });
  });
});

describe('parseNpsn', () => {
  it('accepts 8 digits, and K or P with 7 digits (upper-cased)', () => {
    expect(parseNpsn('20512345')).toEqual({ ok: true, value: '20512345' });
    expect(parseNpsn('k1234567')).toEqual({ ok: true, value: 'K1234567' });
    expect(parseNpsn('P9876543')).toEqual({ ok: true, value: 'P9876543' });
  });

  describe('invalid input', () => {
    it.each([
      ['', 'npsn_empty'],
      ['2051234', 'npsn_format'],
      ['205123456', 'npsn_format'],
      ['X1234567', 'npsn_format'],
    ])('refuses "%s" with %s', (text, code) => {
      const r = parseNpsn(text);
      expect(r.ok ? 'ok' : r.issues[0].code).toBe(code);
    });
  });
});
