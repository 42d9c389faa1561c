import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgramme, SahajaDatabase } from '../db';
import { defaultSettings } from '../programme/settings';
import { storedKecamatan, storeFile } from './store';
import type { ReadReport } from './types';

describe('storedKecamatan', () => {
  it('stores a kecamatan as its dotted code, from a code or a Kabupaten Kediri name', () => {
    expect(storedKecamatan('Pare')).toBe('35.06.17');
    expect(storedKecamatan('Kec. Pare')).toBe('35.06.17');
    expect(storedKecamatan('KECAMATAN KAYEN KIDUL')).toBe('35.06.24');
    expect(storedKecamatan('350617')).toBe('35.06.17');
    expect(storedKecamatan('35.71.01')).toBe('35.71.01');
  });

  it('leaves empty what is neither', () => {
    expect(storedKecamatan('Mojoroto')).toBe('');
    expect(storedKecamatan('3506')).toBe('');
    expect(storedKecamatan('')).toBe('');
  });
});

describe('storeFile', () => {
  let db: SahajaDatabase;
  beforeEach(async () => {
    db = new SahajaDatabase('sahaja-store-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await createProgramme(db, defaultSettings('Program 2023', '2023-01-16'), 'p');
  });
  afterEach(() => db.close());

  function report(fields: string[], rejected = 0): ReadReport<'school'> {
    return {
      source: { format: 'csv', encoding: 'utf-8', delimiter: ',', sheet: undefined, sheets: [] },
      header: { row: 1, depth: 1, headers: fields },
      mapping: fields.map((field, column) => ({ field, column, header: field })),
      unusedColumns: [],
      duplicateColumns: [],
      issues: [],
      summary: [],
      counts: { dataRows: 1 + rejected, accepted: 1, rejected, notData: 0, warnings: 0 },
      preview: [],
      schools: [],
    };
  }

  it("writes a schools file with its kecamatan as a code and only the file's columns", async () => {
    const school = {
      npsn: '20512345',
      nama: 'SMA NEGERI 1 PARE',
      kecamatan: 'Pare',
      waktuTempuhMenit: 0,
      jumlahWajib: 10,
      jumlahDini: 5,
      tanggalTidakBisa: [],
    };
    const fields = ['npsn', 'nama_sekolah', 'kecamatan', 'jumlah_wajib', 'jumlah_dini'];
    const result = await storeFile(db, 'p', {
      name: 'sekolah.csv',
      kind: 'school',
      report: report(fields, 2),
      records: [school],
      school: null,
    });
    expect(result.ok && result.value.log).toMatchObject({
      kind: 'school',
      accepted: 1,
      rejected: 2,
    });
    expect(await db.schools.get(['p', '20512345'])).toEqual({
      programmeId: 'p',
      npsn: '20512345',
      nama: 'SMA NEGERI 1 PARE',
      kecamatan: '35.06.17',
      waktuTempuhMenit: 30,
      tanggalTidakBisa: [],
    });
  });

  it('names the school of a one-school list as the user gave it', async () => {
    const student = {
      idSiswa: '7',
      npsn: '20512345',
      nisn: '',
      nik: '',
      nama: 'SITI',
      jenisKelamin: 'P',
      tempatLahir: '',
      tanggalLahir: '2006-08-17',
      namaIbu: '',
      alamat: '',
      kelas: '',
    };
    const result = await storeFile(db, 'p', {
      name: 'siswa.csv',
      kind: 'student',
      report: {
        ...report(['nama', 'tanggal_lahir']),
        schools: [{ npsn: '20512345', nama: '', students: 1 }],
      },
      records: [student],
      school: { npsn: '20512345', nama: 'SMA PGRI 1 PARE' },
    });
    expect(result.ok).toBe(true);
    expect((await db.schools.get(['p', '20512345']))?.nama).toBe('SMA PGRI 1 PARE');
    expect((await db.students.get(['p', '20512345-7']))?.nama).toBe('SITI');
  });
});
