import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../dates/plain-date.js';
import { centuryYear, cleanIdentifier, isValidNik, nikBirthCode, parseNik } from './nik.js';

const ON = { year: 2023, month: 1, day: 16 };

describe('parseNik', () => {
  describe('a valid NIK', () => {
    it('decodes the region of first registration, the birth date, sex and serial of a man', () => {
      const r = parseNik('3506011501060001', ON);
      expect(r).toEqual({
        ok: true,
        value: {
          nik: '3506011501060001',
          provinceCode: '35',
          regencyCode: '35.06',
          kecamatanCode: '35.06.01',
          birthDate: { year: 2006, month: 1, day: 15 },
          sex: 'L',
          serial: 1,
        },
      });
    });

    it('reads a woman by the day plus 40', () => {
      const r = parseNik('3506015506070002', ON);
      expect(r.ok && r.value.sex).toBe('P');
      expect(r.ok && formatIsoDate(r.value.birthDate)).toBe('2007-06-15');
    });

    it('accepts the first and last days a woman can have (41 and 71)', () => {
      expect(parseNik('3506014101060001', ON).ok).toBe(true);
      expect(parseNik('3506017101060001', ON).ok).toBe(true);
    });

    it('ignores spaces and the apostrophe Excel users type in front', () => {
      expect(parseNik(" '3506 0115 0106 0001 ", ON).ok).toBe(true);
    });

    it('places the two-digit year in the century that keeps the birth date on or before the reference date', () => {
      const born1990 = parseNik('3506011501900001', ON);
      expect(born1990.ok && born1990.value.birthDate.year).toBe(1990);
      const born2023 = parseNik('3506011501230001', ON);
      expect(born2023.ok && born2023.value.birthDate.year).toBe(2023);
      // 17 January 2023 is after the reference date, so it is 1923.
      const born1923 = parseNik('3506011701230001', ON);
      expect(born1923.ok && born1923.value.birthDate.year).toBe(1923);
    });

    it('accepts 29 February in a leap year', () => {
      const r = parseNik('3506012902080001', ON);
      expect(r.ok && formatIsoDate(r.value.birthDate)).toBe('2008-02-29');
    });
  });

  describe('invalid input', () => {
    const cases: [string, string, string][] = [
      ['empty', '', 'nik_empty'],
      ['only spaces', '   ', 'nik_empty'],
      ['scientific notation from Excel', '3,50601E+15', 'nik_scientific'],
      ['scientific notation with a dot', '3.50601150106E15', 'nik_scientific'],
      ['letters', '35060115O1060001', 'nik_not_digits'],
      ['15 digits', '350601150106001', 'nik_length'],
      ['17 digits', '35060115010600011', 'nik_length'],
      ['an unknown province', '9906011501060001', 'nik_province'],
      ['a 00 regency', '3500011501060001', 'nik_region'],
      ['a 00 kecamatan', '3506001501060001', 'nik_region'],
      ['day 00', '3506010001060001', 'nik_birth_date'],
      ['day 32', '3506013201060001', 'nik_birth_date'],
      ['day 40', '3506014001060001', 'nik_birth_date'],
      ['day 72', '3506017201060001', 'nik_birth_date'],
      ['month 13', '3506011513060001', 'nik_birth_date'],
      ['month 00', '3506011500060001', 'nik_birth_date'],
      ['31 April', '3506013104060001', 'nik_birth_date'],
      ['29 February of a non-leap year', '3506012902070001', 'nik_birth_date'],
      ['serial 0000', '3506011501060000', 'nik_serial'],
    ];
    it.each(cases)('refuses %s with its reason', (_, text, code) => {
      const r = parseNik(text, ON);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues[0].code).toBe(code);
        expect(r.issues[0].message.id.length).toBeGreaterThan(5);
        expect(r.issues[0].message.en.length).toBeGreaterThan(5);
      }
    });

    it('never repeats the number in its message', () => {
      const r = parseNik('3506013201060001', ON);
      expect(JSON.stringify(r)).not.toContain('3506013201060001');
    });

    it('never throws, whatever the text', () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          const r = parseNik(text, ON);
          expect(typeof r.ok).toBe('boolean');
        }),
      );
    });
  });

  it('round-trips every NIK built from a valid date, sex and serial', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1924, 0, 17)),
          max: new Date(Date.UTC(2023, 0, 16)),
          noInvalidDate: true,
        }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9999 }),
        (date, female, serial) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const dd = String(female ? d + 40 : d).padStart(2, '0');
          const nik = `350601${dd}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
          const r = parseNik(nik, ON);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.birthDate).toEqual({ year: y, month: m, day: d });
            expect(r.value.sex).toBe(female ? 'P' : 'L');
            expect(r.value.serial).toBe(serial);
          }
        },
      ),
    );
  });
});

describe('isValidNik', () => {
  it('says whether parseNik accepts the text', () => {
    expect(isValidNik('3506011501060001', ON)).toBe(true);
    expect(isValidNik('12345', ON)).toBe(false);
  });
});

describe('centuryYear', () => {
  it('keeps the date on the reference day itself in this century', () => {
    expect(centuryYear(23, 1, 16, ON)).toBe(2023);
    expect(centuryYear(23, 1, 17, ON)).toBe(1923);
  });
});

describe('cleanIdentifier', () => {
  it('removes whitespace anywhere and one leading apostrophe', () => {
    expect(cleanIdentifier(" '0061 234567\t")).toBe('0061234567');
  });
});

describe('nikBirthCode', () => {
  it('packs the birth date of a valid NIK as YYMMDD, the day without the +40 of women', () => {
    expect(nikBirthCode('3506011501060001', ON)).toBe(60115);
    expect(nikBirthCode('3506015506070002', ON)).toBe(70615);
    expect(nikBirthCode('3506011501060000', ON)).toBe(-1);
    expect(nikBirthCode(' 3506011501060001', ON)).toBe(-1);
  });

  it('agrees with parseNik on every 16-character text (property)', () => {
    const digit = fc.constantFrom(...'0123456789');
    const nikLike = fc.oneof(
      fc.array(digit, { minLength: 16, maxLength: 16 }).map((d) => d.join('')),
      fc
        .tuple(
          fc.constantFrom('35', '31', '99', '00', '3X'),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 75 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 9999 }),
        )
        .map(
          ([p, r, k, d, m, y, s]) =>
            [p, r, k, d, m, y].map((n) => String(n).padStart(2, '0')).join('') +
            String(s).padStart(4, '0'),
        ),
    );
    fc.assert(
      fc.property(nikLike, (text) => {
        const parsed = parseNik(text, ON);
        const code = nikBirthCode(text, ON);
        if (parsed.ok) {
          const b = parsed.value.birthDate;
          expect(code).toBe((b.year % 100) * 10000 + b.month * 100 + b.day);
        } else {
          expect(code).toBe(-1);
        }
      }),
    );
  });
});
