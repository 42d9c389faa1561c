import { STUDENT_FIELDS } from '@sahaja/core/io';
import { describe, expect, it } from 'vitest';
import {
  cellValue,
  columnLetter,
  effectiveMapping,
  FIELD_KEYS,
  isFieldKey,
  KIND_FIELDS,
  KINDS,
  missingOf,
  PREVIEW_COLUMNS,
} from './fields';

describe('effectiveMapping', () => {
  const guess = { nama: 1, tanggal_lahir: 2, nik: 3 };

  it('puts the user’s columns over the guess; a column taken leaves the field that had it', () => {
    expect(effectiveMapping(guess, { nisn: 3 })).toEqual({ nama: 1, tanggal_lahir: 2, nisn: 3 });
    expect(effectiveMapping(guess, { nama: 0 })).toEqual({ nama: 0, tanggal_lahir: 2, nik: 3 });
  });

  it('removes a field the user says is not in the file', () => {
    expect(effectiveMapping(guess, { nik: null })).toEqual({ nama: 1, tanggal_lahir: 2 });
  });

  it('does not modify the guess', () => {
    const copy = { ...guess };
    effectiveMapping(guess, { nik: null, nama: 3 });
    expect(guess).toEqual(copy);
  });
});

describe('missingOf', () => {
  it('names the required fields and one-of groups without a column', () => {
    expect(missingOf('student', { nama: 0 })).toEqual(['tanggal_lahir / tempat_tanggal_lahir']);
    expect(missingOf('student', { nama: 0, tempat_tanggal_lahir: 1 })).toEqual([]);
    expect(missingOf('resident', { nik: 0 })).toEqual(['nama', 'tanggal_lahir']);
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('field labels and preview columns', () => {
  it('have a label for every field of every kind, and preview fields that exist', () => {
    for (const kind of KINDS) {
      for (const field of KIND_FIELDS[kind]) expect(isFieldKey(field.key), field.key).toBe(true);
      for (const column of PREVIEW_COLUMNS[kind]) expect(FIELD_KEYS).toContain(column.field);
    }
    expect(KIND_FIELDS.student).toBe(STUDENT_FIELDS);
    expect(isFieldKey('hobi')).toBe(false);
  });

  it('shows lists joined and missing values empty', () => {
    const school = { npsn: '20512345', tanggalTidakBisa: ['2023-01-20', '2023-01-21'] };
    expect(cellValue(school, 'tanggalTidakBisa')).toBe('2023-01-20; 2023-01-21');
    expect(cellValue(school, 'latitude')).toBe('');
    expect(cellValue({ jumlahAlat: 3 }, 'jumlahAlat')).toBe('3');
  });
});
