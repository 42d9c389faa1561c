import { describe, expect, it } from 'vitest';
import type { Resident, StudentRecord } from '../core/types';
import { COMPARED_FIELDS, comparisonRows, listingRows, type ExplanationEntry } from './comparison';

const student: StudentRecord = {
  idSiswa: 'S1',
  npsn: '20510001',
  nisn: '0061111111',
  nik: '',
  nama: 'Dewi Anggraeni',
  jenisKelamin: 'P',
  tempatLahir: 'Kediri',
  tanggalLahir: '2007-02-03',
  namaIbu: 'Sri Wahyuni',
  alamat: 'Dsn. Krajan RT 01/RW 02',
  kelas: 'XI',
};

const resident: Resident = {
  nik: '3506994302070004',
  noKk: '3506990101010001',
  nama: 'DEWI ANGGRAENI',
  jenisKelamin: 'P',
  tempatLahir: 'KEDIRI',
  tanggalLahir: '2007-02-03',
  namaIbu: 'SRI WAHYUNI',
  alamat: 'DSN KRAJAN RT 001 RW 002',
  kodeWilayah: '3506012001',
  statusKawin: 'BELUM KAWIN',
  kewarganegaraan: 'WNI',
  statusRekam: 'BELUM REKAM',
};

const entry = (comparison: string, weight: number): ExplanationEntry => ({
  comparison,
  level: 'exact',
  weight,
  text: { id: 'sama persis', en: 'identical' },
});

describe('comparisonRows', () => {
  it("puts each of the core's comparisons beside the field it compared", () => {
    const explanation = ['NIK', 'nama', 'tanggal lahir', 'nama ibu', 'jenis kelamin'].map((c, k) =>
      entry(c, k),
    );
    const { rows, others } = comparisonRows(student, resident, explanation);
    expect(rows.map((r) => r.field)).toEqual([...COMPARED_FIELDS]);
    const byField = new Map(rows.map((r) => [r.field, r]));
    expect(byField.get('nama')).toEqual({
      field: 'nama',
      student: 'Dewi Anggraeni',
      resident: 'DEWI ANGGRAENI',
      entry: explanation[1],
    });
    expect(byField.get('nik')?.entry?.comparison).toBe('NIK');
    expect(byField.get('alamat')?.entry).toBeNull();
    expect(byField.get('wilayah')).toMatchObject({
      student: '',
      resident: '3506012001',
      entry: null,
    });
    expect(others).toEqual([]);
  });

  it('keeps a comparison no field shows apart instead of dropping it', () => {
    const extra = entry('NISN', 3);
    expect(comparisonRows(student, resident, [extra]).others).toEqual([extra]);
  });

  describe('invalid input', () => {
    it('gives empty values for a person that is missing', () => {
      const { rows } = comparisonRows(undefined, null, []);
      expect(rows.every((r) => r.student === '' && r.resident === '' && r.entry === null)).toBe(
        true,
      );
    });
  });
});

describe('listingRows', () => {
  it('marks fields that differ beyond case, spacing and punctuation', () => {
    const other: StudentRecord = {
      ...student,
      idSiswa: 'S9',
      nama: 'DEWI  ANGGRAENI',
      alamat: 'DSN KRAJAN RT 01 RW 02',
      kelas: 'XII',
      nik: '3506994302070004',
    };
    const rows = new Map(listingRows(student, other).map((r) => [r.field, r]));
    expect(rows.get('nama')?.differs).toBe(false);
    expect(rows.get('alamat')?.differs).toBe(false);
    expect(rows.get('kelas')).toEqual({
      field: 'kelas',
      listing: 'XI',
      other: 'XII',
      differs: true,
    });
    // The ids always differ; an empty value says nothing.
    expect(rows.get('idSiswa')?.differs).toBe(false);
    expect(rows.get('nik')?.differs).toBe(false);
  });
});
