import { describe, expect, it } from 'vitest';
import { matchColumns, normaliseHeader, PEOPLE_COLUMNS } from './columns.js';

describe('header matching', () => {
  it('folds case, punctuation and spaces', () => {
    expect(normaliseHeader(' Tgl. Lahir ')).toBe('tgl_lahir');
    expect(normaliseHeader('Status KTP-el')).toBe('status_ktp_el');
  });

  it('finds the people columns in their common spellings, in any order', () => {
    const headers = [
      'No',
      'NIK',
      'Tgl Lahir',
      'Status Perkawinan',
      'Warga Negara',
      'Status KTP-el',
      'Kode Desa',
    ];
    expect(matchColumns(headers, PEOPLE_COLUMNS)).toEqual({
      index: {
        nik: 1,
        tanggal_lahir: 2,
        status_kawin: 3,
        kewarganegaraan: 4,
        status_rekam: 5,
        kode_wilayah: 6,
      },
      missing: [],
    });
  });

  it('lists the required columns it cannot find, but not the optional ones', () => {
    expect(matchColumns(['nik', 'tanggal_lahir'], PEOPLE_COLUMNS).missing).toEqual([
      'status_kawin',
      'kewarganegaraan',
      'status_rekam',
      'kode_wilayah',
    ]);
  });
});
