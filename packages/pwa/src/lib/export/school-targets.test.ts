import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { defaultSettings } from '../programme/settings';
import {
  compareTargets,
  eligibilityPolicy,
  readSchoolTargets,
  sexOf,
  type TargetStudent,
} from './school-targets';
import {
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeExportProgramme,
} from './test-support/export-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-school-targets', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeExportProgramme(db);
});

afterEach(() => db.close());

function policy() {
  const made = eligibilityPolicy(defaultSettings('Perekaman SMA 2023', '2023-01-16'));
  if (!made.ok) throw new Error('refused');
  return made.value;
}

describe('readSchoolTargets', () => {
  it('lists the WAJIB and REKAM_DINI students by class, then name', async () => {
    const targets = await readSchoolTargets(db, PROGRAMME_ID, SCHOOL_A.npsn, policy());
    expect(targets.students.map((s) => [s.kelas, s.nama, s.category])).toEqual([
      ['XI IPA 2', 'CITRA DEWI', 'REKAM_DINI'],
      ['XII IPA 1', 'ANI LESTARI', 'REKAM_DINI'],
      ['XII IPA 1', 'BUDI SANTOSO', 'WAJIB'],
      ['XII IPA 2', 'KARTIKA SARI', 'WAJIB'],
      ['XII IPA 10', 'JOKO WIDODO', 'WAJIB'],
    ]);
    expect(targets).toMatchObject({ npsn: SCHOOL_A.npsn, wajib: 3, dini: 2 });
  });

  it('leaves out the too young, the recorded, the not found and a duplicate listing', async () => {
    const targets = await readSchoolTargets(db, PROGRAMME_ID, SCHOOL_A.npsn, policy());
    const names = targets.students.map((s) => s.nama);
    for (const left of ['DEWI ANGGRAINI', 'EKO PRASETYO', 'INDAH PERMATA', 'BUDI SANTOSA']) {
      expect(names).not.toContain(left);
    }
  });

  it('counts the students pending a match or a review apart', async () => {
    const targets = await readSchoolTargets(db, PROGRAMME_ID, SCHOOL_A.npsn, policy());
    expect(targets.pending).toBe(2);
    expect(targets.students.map((s) => s.nama)).not.toContain('FAJAR NUGROHO');
  });

  it('gives the registry birth date, sex, and the 17th birthday of early-recorded students only', async () => {
    const targets = await readSchoolTargets(db, PROGRAMME_ID, SCHOOL_A.npsn, policy());
    const byName = new Map(targets.students.map((s) => [s.nama, s]));
    expect(byName.get('ANI LESTARI')).toMatchObject({
      tanggalLahir: '2006-08-17',
      seventeenth: '2023-08-17',
      jenisKelamin: 'P',
    });
    expect(byName.get('BUDI SANTOSO')).toMatchObject({
      tanggalLahir: '2005-03-01',
      seventeenth: null,
      jenisKelamin: 'L',
    });
  });

  it('holds no NIK, mother’s name or address', async () => {
    const targets = await readSchoolTargets(db, PROGRAMME_ID, SCHOOL_A.npsn, policy());
    const text = JSON.stringify(targets);
    expect(text).not.toContain('RAHASIA');
    expect(text).not.toMatch(/3506170108\d{6}/);
  });

  it('gives an empty list for a school without targets or without students', async () => {
    const c = await readSchoolTargets(db, PROGRAMME_ID, SCHOOL_C.npsn, policy());
    expect(c).toEqual({ npsn: SCHOOL_C.npsn, students: [], wajib: 0, dini: 0, pending: 0 });
    const none = await readSchoolTargets(db, PROGRAMME_ID, '99999999', policy());
    expect(none.students).toEqual([]);
  });

  it('treats every student as pending before pemadanan', async () => {
    const fresh = new SahajaDatabase('sahaja-school-targets-2', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    await storeExportProgramme(fresh, { matches: false });
    const targets = await readSchoolTargets(fresh, PROGRAMME_ID, SCHOOL_B.npsn, policy());
    expect(targets).toMatchObject({ students: [], pending: 2 });
    fresh.close();
  });
});

describe('helpers', () => {
  it('reads sex however it is written', () => {
    expect(['L', 'LAKI-LAKI', ' laki laki', 'P', 'PEREMPUAN', 'PR', '', 'X'].map(sexOf)).toEqual([
      'L',
      'L',
      'L',
      'P',
      'P',
      'P',
      '',
      '',
    ]);
  });

  it('orders classes with numbers as numbers, then names without case', () => {
    const s = (kelas: string, nama: string): TargetStudent => ({
      idSiswa: nama,
      nisn: '',
      nama,
      kelas,
      jenisKelamin: '',
      tanggalLahir: null,
      category: 'WAJIB',
      seventeenth: null,
    });
    const sorted = [s('XII 10', 'a'), s('XII 2', 'b'), s('X', 'c'), s('XII 2', 'A')]
      .sort(compareTargets)
      .map((x) => `${x.kelas}/${x.nama}`);
    expect(sorted).toEqual(['X/c', 'XII 2/A', 'XII 2/b', 'XII 10/a']);
  });

  describe('invalid input', () => {
    it('returns the core’s reason for settings it refuses', () => {
      const made = eligibilityPolicy({ ...defaultSettings('x', '2023-01-16'), regions: ['99'] });
      expect(made.ok).toBe(false);
      expect(!made.ok && made.message.en).toMatch(/region|province/i);
    });
  });
});
