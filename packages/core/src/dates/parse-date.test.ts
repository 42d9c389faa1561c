import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from './format.js';
import { monthFromName, parseDate } from './parse-date.js';
import { formatIsoDate, isValidDate, toExcelSerial, type PlainDate } from './plain-date.js';

const AUG_17_2006: PlainDate = { year: 2006, month: 8, day: 17 };

const birthDate = fc
  .record({
    year: fc.integer({ min: 1930, max: 2029 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter((d) => isValidDate(d.year, d.month, d.day));

function read(input: Parameters<typeof parseDate>[0], options?: Parameters<typeof parseDate>[1]) {
  const r = parseDate(input, options);
  return r.ok ? { date: formatIsoDate(r.value.date), format: r.value.format } : r.issues[0].code;
}

describe('parseDate', () => {
  describe('the forms schools and registries write', () => {
    it.each([
      ['2006-08-17', 'iso'],
      ['2006/08/17', 'iso'],
      ['2006-8-17', 'iso'],
      ['2006-08-17 00:00:00', 'iso'],
      ['2006-08-17T00:00:00.000Z', 'iso'],
      ['17/08/2006', 'day-month-year'],
      ['17-08-2006', 'day-month-year'],
      ['17.08.2006', 'day-month-year'],
      ['17/8/06', 'day-month-year'],
      ['17/08/2006 00:00', 'day-month-year'],
      ['17 Agustus 2006', 'month-name'],
      ['17 agustus 2006', 'month-name'],
      ['17 AGUSTUS 2006', 'month-name'],
      ['17 Agt 2006', 'month-name'],
      ['17 Agu 2006', 'month-name'],
      ['17 Agust. 2006', 'month-name'],
      ['17-Aug-2006', 'month-name'],
      ['17-Agt-06', 'month-name'],
      ['17 August 2006', 'month-name'],
      ['August 17, 2006', 'month-name'],
      ['Kamis, 17 Agustus 2006', 'month-name'],
      ['Thursday 17 August 2006', 'month-name'],
      ['  17   Agustus   2006 ', 'month-name'],
      ['17082006', 'compact'],
      ['20060817', 'compact'],
      ['38946', 'excel-serial'],
    ])('reads "%s" as 17 August 2006 (%s)', (text, format) => {
      expect(read(text)).toEqual({ date: '2006-08-17', format });
    });

    it('reads every Indonesian month name and its old spellings', () => {
      const names = [
        'Januari',
        'Pebruari',
        'Maret',
        'April',
        'Mei',
        'Juni',
        'Juli',
        'Agustus',
        'September',
        'Oktober',
        'Nopember',
        'Desember',
      ];
      names.forEach((name, i) => {
        expect(monthFromName(name)).toBe(i + 1);
      });
      expect(monthFromName('Okt.')).toBe(10);
      expect(monthFromName('Des')).toBe(12);
      expect(monthFromName('Smarch')).toBeUndefined();
    });

    it('reads Excel serial numbers, dropping the time of day', () => {
      expect(read(38946)).toEqual({ date: '2006-08-17', format: 'excel-serial' });
      expect(read(38946.75)).toEqual({ date: '2006-08-17', format: 'excel-serial' });
    });

    it('reads Date objects from spreadsheet readers in UTC', () => {
      expect(read(new Date(Date.UTC(2006, 7, 17)))).toEqual({
        date: '2006-08-17',
        format: 'date-object',
      });
    });

    it('falls back to month-first only when day-first is impossible', () => {
      expect(read('08/17/2006')).toEqual({ date: '2006-08-17', format: 'month-day-year' });
      expect(read('05/06/2006')).toEqual({ date: '2006-06-05', format: 'day-month-year' });
      expect(read('08/17/2006', { allowMonthFirst: false })).toBe('date_impossible');
    });

    it('places two-digit years through the pivot year', () => {
      expect(read('17/08/29')).toEqual({ date: '2029-08-17', format: 'day-month-year' });
      expect(read('17/08/30')).toEqual({ date: '1930-08-17', format: 'day-month-year' });
      expect(read('17/08/24', { pivotYear: 2023 })).toEqual({
        date: '1924-08-17',
        format: 'day-month-year',
      });
      expect(read('17/08/23', { pivotYear: 2023 })).toEqual({
        date: '2023-08-17',
        format: 'day-month-year',
      });
    });

    it('knows 29 February only in leap years', () => {
      expect(read('29/02/2008')).toEqual({ date: '2008-02-29', format: 'day-month-year' });
      expect(read('29/02/2007')).toBe('date_impossible');
      expect(read('29 Februari 2000')).toEqual({ date: '2000-02-29', format: 'month-name' });
      expect(read('1900-02-29')).toBe('date_impossible');
    });
  });

  describe('invalid input', () => {
    it.each([
      ['', 'date_empty'],
      ['   ', 'date_empty'],
      [null, 'date_empty'],
      [undefined, 'date_empty'],
      ['kemarin', 'date_unreadable'],
      ['17 Smarch 2006', 'date_unreadable'],
      ['2006', 'date_unreadable'],
      ['2006-13-01', 'date_impossible'],
      ['31/04/2006', 'date_impossible'],
      ['32 Agustus 2006', 'date_impossible'],
      ['31022006', 'date_impossible'],
      [0, 'date_unreadable'],
      [-5, 'date_unreadable'],
      [Number.NaN, 'date_unreadable'],
      [new Date(Number.NaN), 'date_unreadable'],
    ] as const)('refuses %j with %s', (input, code) => {
      expect(read(input)).toBe(code);
    });

    it('never repeats the value in its message', () => {
      const r = parseDate('31/04/2006');
      expect(JSON.stringify(r)).not.toContain('2006');
    });

    it('never throws, whatever the text', () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          expect(typeof parseDate(text).ok).toBe('boolean');
        }),
      );
    });
  });

  describe('round trips (property)', () => {
    it('reads back every date written in every style and language', () => {
      fc.assert(
        fc.property(
          birthDate,
          fc.constantFrom('iso', 'short', 'medium', 'long', 'full'),
          fc.constantFrom('id', 'en'),
          (date, style, locale) => {
            const r = parseDate(formatDate(date, style, locale));
            expect(r.ok && r.value.date).toEqual(date);
          },
        ),
      );
    });

    it('reads back two-digit-year and serial forms', () => {
      fc.assert(
        fc.property(birthDate, (date) => {
          const yy = String(date.year % 100).padStart(2, '0');
          const short = parseDate(`${date.day}/${date.month}/${yy}`);
          expect(short.ok && short.value.date).toEqual(date);
          const serial = parseDate(toExcelSerial(date));
          expect(serial.ok && serial.value.date).toEqual(date);
          const compact = parseDate(formatIsoDate(date).replaceAll('-', ''));
          expect(compact.ok && compact.value.date).toEqual(date);
        }),
      );
    });
  });

  it('reads the documented example', () => {
    expect(parseDate('17 Agt 2006')).toEqual({
      ok: true,
      value: { date: AUG_17_2006, format: 'month-name' },
    });
  });
});
