import { describe, expect, it } from 'vitest';
import { parseNoKk } from './no-kk.js';

const ON = { year: 2023, month: 1, day: 16 };

describe('parseNoKk', () => {
  it('decodes the issuing kecamatan, the registration date and the serial', () => {
    expect(parseNoKk('3506010101100001', ON)).toEqual({
      ok: true,
      value: {
        noKk: '3506010101100001',
        kecamatanCode: '35.06.01',
        registeredOn: { year: 2010, month: 1, day: 1 },
        serial: 1,
      },
    });
  });

  it('places a registration year after the reference date in the previous century', () => {
    const r = parseNoKk('3506011203980007', ON);
    expect(r.ok && r.value.registeredOn.year).toBe(1998);
  });

  describe('invalid input', () => {
    const cases: [string, string, string][] = [
      ['empty', '', 'kk_empty'],
      ['scientific notation', '3,50601E+15', 'kk_scientific'],
      ['letters', '350601010110000A', 'kk_not_digits'],
      ['14 digits', '35060101011000', 'kk_length'],
      ['an unknown province', '0006010101100001', 'kk_province'],
      ['a 00 kecamatan', '3506000101100001', 'kk_region'],
      ["a woman's NIK (day 41–71)", '3506015506070002', 'kk_looks_like_nik'],
      ['an impossible date', '3506013102100001', 'kk_date'],
      ['serial 0000', '3506010101100000', 'kk_serial'],
    ];
    it.each(cases)('refuses %s', (_, text, code) => {
      const r = parseNoKk(text, ON);
      expect(r.ok ? 'ok' : r.issues[0].code).toBe(code);
    });
  });
});
