import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Resident, SchoolTarget, StudentRecord } from '../core/types';
import { defaultSettings } from '../programme/settings';
import { PROGRAMME_TABLES, SahajaDatabase } from './database';
import {
  DEFAULT_TRAVEL_MINUTES,
  importHolidays,
  importRegistry,
  importSchools,
  importStudentList,
  importTeams,
  listImports,
  studentRows,
  type ImportWriteResult,
} from './imports';
import { createProgramme, replaceProgramme, rowsOf } from './programmes';
import { programmeFixture } from './test-support/programme-fixture';

const P = 'p-test';
let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-imports-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await createProgramme(db, defaultSettings('Program 2023', '2023-01-16'), P);
});

afterEach(() => {
  db.close();
});

function student(npsn: string, i: number, extra: Partial<StudentRecord> = {}): StudentRecord {
  return {
    idSiswa: `${npsn}-${String(i).padStart(4, '0')}`,
    npsn,
    nisn: `00${String(6_000_000 + i).padStart(8, '0')}`,
    nik: '',
    nama: `SISWA ${npsn} ${i}`,
    jenisKelamin: i % 2 ? 'L' : 'P',
    tempatLahir: 'KEDIRI',
    tanggalLahir: '2006-08-17',
    namaIbu: `IBU ${i}`,
    alamat: 'DSN. KRAJAN',
    kelas: 'XII',
    ...extra,
  };
}

const list = (npsn: string, count: number, from = 1): StudentRecord[] =>
  Array.from({ length: count }, (_, i) => student(npsn, from + i));

function resident(i: number, nama = `WARGA ${i}`): Resident {
  return {
    nik: `350601${String(170806).padStart(6, '0')}${String(i).padStart(4, '0')}`,
    noKk: `3506011501${String(i).padStart(6, '0')}`,
    nama,
    jenisKelamin: 'L',
    tempatLahir: 'KEDIRI',
    tanggalLahir: '2006-08-17',
    namaIbu: `IBU ${i}`,
    alamat: 'DSN. KRAJAN',
    kodeWilayah: '3506172001',
    statusKawin: 'BELUM KAWIN',
    kewarganegaraan: 'WNI',
    statusRekam: 'BELUM REKAM',
  };
}

/** Everything the database holds, table by table, to compare before and after. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = ['programmes', ...PROGRAMME_TABLES] as const;
  const rows = await Promise.all(tables.map((t) => db.table(t).toArray()));
  return Object.fromEntries(tables.map((t, i) => [t, rows[i] ?? []]));
}

function value(result: ImportWriteResult) {
  if (!result.ok) throw new Error(`write failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const students = async (npsn?: string): Promise<StudentRecord[]> =>
  npsn === undefined
    ? rowsOf(db, 'students', P).toArray()
    : db.students.where('[programmeId+npsn]').equals([P, npsn]).toArray();

describe('studentRows', () => {
  it("prefixes ids with the school's NPSN unless they carry it, so two schools' lists never collide", () => {
    const rows = studentRows([
      student('20512345', 1, { idSiswa: '12' }),
      student('20599999', 1, { idSiswa: '12' }),
      student('20512345', 2),
    ]);
    expect(rows.map((r) => r.idSiswa)).toEqual(['20512345-12', '20599999-12', '20512345-0002']);
  });

  it('numbers a student listed twice under one id from the second listing on, in file order', () => {
    const twice = student('20512345', 1, { idSiswa: '0061234567' });
    const rows = studentRows([twice, student('20512345', 2), twice, twice]);
    expect(rows.map((r) => r.idSiswa)).toEqual([
      '20512345-0061234567',
      '20512345-0002',
      '20512345-0061234567~2',
      '20512345-0061234567~3',
    ]);
  });

  it('does not modify the records', () => {
    const records = [student('20512345', 1, { idSiswa: '7' })];
    studentRows(records);
    expect(records[0]?.idSiswa).toBe('7');
  });
});

describe('importStudentList', () => {
  it('stores the students, creates their schools, logs the file and refreshes the counts', async () => {
    const result = value(
      await importStudentList(db, P, [...list('20512345', 3), ...list('20599999', 2)], {
        fileName: 'gabungan.xlsx',
        rejected: 2,
        warnings: 1,
        importedAt: '2023-01-09T08:00:00.000Z',
        schools: [{ npsn: '20512345', nama: 'SMA NEGERI 1 PARE' }],
      }),
    );
    expect(result).toMatchObject({ added: 5, updated: 0, removed: 0, schoolsCreated: 2 });
    expect(result.programme.counts).toMatchObject({ students: 5, schools: 2 });
    expect(result.log).toMatchObject({
      fileName: 'gabungan.xlsx',
      kind: 'student',
      accepted: 5,
      rejected: 2,
      warnings: 1,
      schools: ['20512345', '20599999'],
    });
    expect(await rowsOf(db, 'schools', P).toArray()).toEqual([
      {
        programmeId: P,
        npsn: '20512345',
        nama: 'SMA NEGERI 1 PARE',
        kecamatan: '',
        waktuTempuhMenit: DEFAULT_TRAVEL_MINUTES,
        tanggalTidakBisa: [],
      },
      {
        programmeId: P,
        npsn: '20599999',
        nama: 'Sekolah 20599999',
        kecamatan: '',
        waktuTempuhMenit: DEFAULT_TRAVEL_MINUTES,
        tanggalTidakBisa: [],
      },
    ]);
    expect(await listImports(db, P)).toEqual([result.log]);
  });

  it('gives the same rows when the same list is imported again', async () => {
    const records = [...list('20512345', 40), student('20512345', 1, { idSiswa: '20512345-0001' })];
    value(await importStudentList(db, P, records, { fileName: 'a.csv', chunkSize: 7 }));
    const first = await snapshot();
    const again = value(
      await importStudentList(db, P, records, { fileName: 'a.csv', chunkSize: 7 }),
    );
    expect(again).toMatchObject({ added: 41, removed: 41, schoolsCreated: 0 });
    const second = await snapshot();
    expect(second.students).toEqual(first.students);
    expect(second.schools).toEqual(first.schools);
    expect(second.students).toHaveLength(41);
    expect(await listImports(db, P)).toHaveLength(2);
  });

  it("replaces a school's list when it is sent again, and keeps the other schools' students", async () => {
    value(await importStudentList(db, P, list('20512345', 10), { fileName: 'a.csv' }));
    value(await importStudentList(db, P, list('20599999', 6), { fileName: 'b.csv' }));
    const otherBefore = await students('20599999');

    const resent = value(
      await importStudentList(db, P, list('20512345', 4, 100), { fileName: 'a-revisi.csv' }),
    );
    expect(resent).toMatchObject({ added: 4, removed: 10 });
    expect((await students('20512345')).map((s) => s.idSiswa)).toEqual([
      '20512345-0100',
      '20512345-0101',
      '20512345-0102',
      '20512345-0103',
    ]);
    expect(await students('20599999')).toEqual(otherBefore);
    expect(resent.programme.counts.students).toBe(10);
  });

  it('keeps a stored school as it is (the user may have edited it)', async () => {
    await replaceProgramme(db, 'demo', programmeFixture('A'));
    const edited = { ...(await db.schools.get(['demo', '20510000'])) } as Record<string, unknown>;
    value(
      await importStudentList(db, 'demo', list('20510000', 2), {
        fileName: 'a.csv',
        schools: [{ npsn: '20510000', nama: 'NAMA DARI BERKAS' }],
      }),
    );
    expect(await db.schools.get(['demo', '20510000'])).toEqual(edited);
  });

  it('leaves the database exactly as it was when a chunk fails mid-file', async () => {
    value(await importStudentList(db, P, list('20512345', 10), { fileName: 'a.csv' }));
    const before = await snapshot();
    let calls = 0;
    const result = await importStudentList(db, P, list('20512345', 30, 50), {
      fileName: 'a.csv',
      chunkSize: 5,
      onProgress: () => {
        calls += 1;
        if (calls === 3) throw new Error('disk on fire');
      },
    });
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: 'disk on fire' } });
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the database exactly as it was when cancelled mid-file', async () => {
    value(await importStudentList(db, P, list('20512345', 10), { fileName: 'a.csv' }));
    const before = await snapshot();
    const abort = new AbortController();
    const result = await importStudentList(db, P, list('20599999', 30), {
      fileName: 'b.csv',
      chunkSize: 5,
      signal: abort.signal,
      onProgress: ({ done }) => {
        if (done >= 10) abort.abort();
      },
    });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled' } });
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing for a programme that is not stored', async () => {
    const before = await snapshot();
    const result = await importStudentList(db, 'p-gone', list('20512345', 3), {
      fileName: 'a.csv',
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('missing');
    expect(await snapshot()).toEqual(before);
  });

  describe('invalid input', () => {
    it('throws for a chunk size that is not a positive integer, before writing', async () => {
      await expect(
        importStudentList(db, P, list('20512345', 1), { fileName: 'a.csv', chunkSize: 0 }),
      ).rejects.toThrow(RangeError);
      expect(await students()).toEqual([]);
    });
  });
});

describe('importRegistry', () => {
  it('upserts by NIK and says how many rows were new and how many updated', async () => {
    const first = value(
      await importRegistry(db, P, [resident(1), resident(2), resident(3)], {
        fileName: 'registri-kec-pare.csv',
      }),
    );
    expect(first).toMatchObject({ added: 3, updated: 0 });
    const second = value(
      await importRegistry(db, P, [resident(3, 'NAMA BARU'), resident(4)], {
        fileName: 'registri-kec-kandangan.csv',
        chunkSize: 1,
      }),
    );
    expect(second).toMatchObject({ added: 1, updated: 1 });
    expect(second.programme.counts.residents).toBe(4);
    expect((await db.residents.get([P, resident(3).nik]))?.nama).toBe('NAMA BARU');
    expect(second.log).toMatchObject({ kind: 'resident', accepted: 2, schools: [] });
  });

  it('gives the same rows when the same extract is imported again', async () => {
    const records = Array.from({ length: 25 }, (_, i) => resident(i + 1));
    value(await importRegistry(db, P, records, { fileName: 'r.csv', chunkSize: 4 }));
    const before = (await snapshot()).residents;
    const again = value(await importRegistry(db, P, records, { fileName: 'r.csv', chunkSize: 4 }));
    expect(again).toMatchObject({ added: 0, updated: 25 });
    expect((await snapshot()).residents).toEqual(before);
  });

  it('leaves the previous registry exactly as it was when cancelled', async () => {
    value(await importRegistry(db, P, [resident(1)], { fileName: 'r.csv' }));
    const before = await snapshot();
    const abort = new AbortController();
    abort.abort();
    const result = await importRegistry(db, P, [resident(1, 'X'), resident(2)], {
      fileName: 'r.csv',
      signal: abort.signal,
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('cancelled');
    expect(await snapshot()).toEqual(before);
  });
});

describe('importSchools', () => {
  const target = (npsn: string, extra: Partial<SchoolTarget> = {}): SchoolTarget => ({
    npsn,
    nama: `SMA ${npsn}`,
    kecamatan: '35.06.17',
    waktuTempuhMenit: 45,
    jumlahWajib: 10,
    jumlahDini: 20,
    tanggalTidakBisa: ['2023-01-20'],
    ...extra,
  });

  it('changes of a stored school only what the file has a column for, and adds new schools', async () => {
    value(await importStudentList(db, P, list('20512345', 1), { fileName: 'a.csv' }));
    const result = value(
      await importSchools(
        db,
        P,
        [target('20512345', { latitude: -7.7, longitude: 112.2 }), target('20599999')],
        {
          fileName: 'sekolah.csv',
          columns: ['npsn', 'nama_sekolah', 'kecamatan', 'lintang', 'bujur'],
        },
      ),
    );
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect(await rowsOf(db, 'schools', P).toArray()).toEqual([
      {
        programmeId: P,
        npsn: '20512345',
        nama: 'SMA 20512345',
        kecamatan: '35.06.17',
        waktuTempuhMenit: DEFAULT_TRAVEL_MINUTES,
        tanggalTidakBisa: [],
        latitude: -7.7,
        longitude: 112.2,
      },
      {
        programmeId: P,
        npsn: '20599999',
        nama: 'SMA 20599999',
        kecamatan: '35.06.17',
        waktuTempuhMenit: DEFAULT_TRAVEL_MINUTES,
        tanggalTidakBisa: [],
      },
    ]);
    const all = value(
      await importSchools(db, P, [target('20599999')], {
        fileName: 'sekolah.csv',
        columns: ['npsn', 'nama_sekolah', 'waktu_tempuh_menit', 'tanggal_tidak_bisa'],
      }),
    );
    expect(all).toMatchObject({ added: 0, updated: 1 });
    expect(await db.schools.get([P, '20599999'])).toMatchObject({
      kecamatan: '35.06.17',
      waktuTempuhMenit: 45,
      tanggalTidakBisa: ['2023-01-20'],
    });
  });
});

describe('importTeams and importHolidays', () => {
  it('take a name that differs only in case or spacing for the stored one, as the setup screens do', async () => {
    value(
      await importTeams(db, P, [{ tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 }], {
        fileName: 'tim.csv',
      }),
    );
    const renamed = value(
      await importTeams(db, P, [{ tim: 'TIM  1', jumlahAlat: 2, kapasitasPerAlat: 40 }], {
        fileName: 'tim.csv',
      }),
    );
    expect(renamed).toMatchObject({ added: 0, updated: 1 });
    expect(await rowsOf(db, 'teams', P).toArray()).toEqual([
      { programmeId: P, tim: 'TIM  1', jumlahAlat: 2, kapasitasPerAlat: 40 },
    ]);
  });

  it('upsert by their keys, so a repeat adds nothing', async () => {
    const teams = [
      { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
      { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
    ];
    const at = (minute: number) => ({ importedAt: `2023-01-09T08:0${minute}:00.000Z` });
    expect(value(await importTeams(db, P, teams, { fileName: 'tim.csv', ...at(1) }))).toMatchObject(
      {
        added: 2,
        updated: 0,
      },
    );
    const changed = value(
      await importTeams(db, P, [{ tim: 'Tim 2', jumlahAlat: 4, kapasitasPerAlat: 40 }], {
        fileName: 'tim.csv',
        ...at(2),
      }),
    );
    expect(changed).toMatchObject({ added: 0, updated: 1 });
    expect(changed.programme.counts.teams).toBe(2);
    expect((await db.teams.get([P, 'Tim 2']))?.jumlahAlat).toBe(4);

    const holidays = [
      { tanggal: '2023-01-22', keterangan: 'Tahun Baru Imlek' },
      { tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' },
    ];
    value(await importHolidays(db, P, holidays, { fileName: 'libur.csv', ...at(3) }));
    const again = value(await importHolidays(db, P, holidays, { fileName: 'libur.csv', ...at(4) }));
    expect(again).toMatchObject({ added: 0, updated: 2 });
    expect(again.programme.counts.holidays).toBe(2);
    expect((await listImports(db, P)).map((l) => l.kind)).toEqual([
      'holiday',
      'holiday',
      'team',
      'team',
    ]);
  });
});
