import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../programme/settings';
import { SahajaDatabase } from './database';
import { countProgrammeRows, createProgramme, getProgramme, replaceProgramme } from './programmes';
import {
  listSchoolsWithCounts,
  readHolidays,
  readTeams,
  saveHolidays,
  saveSchool,
  saveTeams,
} from './setup';
import { programmeFixture } from './test-support/programme-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-setup-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await replaceProgramme(db, 'a', programmeFixture('A'));
  await replaceProgramme(db, 'b', programmeFixture('B'));
});

afterEach(() => db.close());

/** Makes every write to `table` after the first `allowed` rows fail, as a full disk would. */
function failWritesAfter(table: 'teams' | 'holidays' | 'schools', allowed: number): void {
  let written = 0;
  db.table(table).hook('creating', () => {
    written += 1;
    if (written > allowed) throw new Error('disk full');
  });
}

describe('teams', () => {
  const teams = [
    { tim: 'Tim Utara', jumlahAlat: 3, kapasitasPerAlat: 50 },
    { tim: 'Tim Selatan', jumlahAlat: 2, kapasitasPerAlat: 45 },
    { tim: 'Tim Barat', jumlahAlat: 1, kapasitasPerAlat: 60 },
  ];

  it('reads a programme’s teams in name order without the programme id', async () => {
    const read = await readTeams(db, 'a');
    expect(read).toEqual({ ok: true, value: programmeFixture('A').teams });
  });

  it('replaces the teams, refreshes the counts and returns the updated row', async () => {
    const saved = await saveTeams(db, 'a', teams);

    expect(saved.ok && saved.value.counts.teams).toBe(3);
    expect((await getProgramme(db, 'a'))?.counts.teams).toBe(3);
    expect(await readTeams(db, 'a')).toEqual({
      ok: true,
      value: [teams[2], teams[1], teams[0]],
    });
    // The other programme's teams stay.
    expect(await readTeams(db, 'b')).toEqual({ ok: true, value: programmeFixture('B').teams });
  });

  it('stores names trimmed and accepts an empty list', async () => {
    await saveTeams(db, 'a', [{ tim: '  Tim 9 ', jumlahAlat: 1, kapasitasPerAlat: 1 }]);
    expect(await readTeams(db, 'a')).toEqual({
      ok: true,
      value: [{ tim: 'Tim 9', jumlahAlat: 1, kapasitasPerAlat: 1 }],
    });

    const emptied = await saveTeams(db, 'a', []);
    expect(emptied.ok && emptied.value.counts.teams).toBe(0);
  });

  it('does not modify the list it is given', async () => {
    const given = [{ tim: ' Tim 1 ', jumlahAlat: 2, kapasitasPerAlat: 50 }];
    const copy = structuredClone(given);
    await saveTeams(db, 'a', given);
    expect(given).toEqual(copy);
  });

  describe('when the write fails', () => {
    it('leaves the old teams and counts exactly as they were', async () => {
      failWritesAfter('teams', 1);

      const saved = await saveTeams(db, 'a', teams);

      expect(saved).toMatchObject({ ok: false, error: { code: 'storage' } });
      expect(await readTeams(db, 'a')).toEqual({ ok: true, value: programmeFixture('A').teams });
      expect((await getProgramme(db, 'a'))?.counts.teams).toBe(2);
    });

    it('says so, writing nothing, when the programme is no longer stored', async () => {
      expect(await saveTeams(db, 'gone', teams)).toMatchObject({
        ok: false,
        error: { code: 'missing' },
      });
      expect((await countProgrammeRows(db, 'gone')).teams).toBe(0);
    });
  });

  describe('invalid input', () => {
    it('throws naming the field, and stores nothing', async () => {
      await expect(
        saveTeams(db, 'a', [{ tim: 'Tim 1', jumlahAlat: 0, kapasitasPerAlat: 50 }]),
      ).rejects.toThrow(/0\.jumlahAlat/);
      await expect(
        saveTeams(db, 'a', [{ tim: ' ', jumlahAlat: 1, kapasitasPerAlat: 50 }]),
      ).rejects.toThrow(/0\.tim/);
      await expect(
        saveTeams(db, 'a', [{ tim: 'Tim 1', jumlahAlat: 1, kapasitasPerAlat: 2.5 }]),
      ).rejects.toThrow(/0\.kapasitasPerAlat/);
      expect(await readTeams(db, 'a')).toEqual({ ok: true, value: programmeFixture('A').teams });
    });

    it('refuses two teams whose names differ only in case or spacing', async () => {
      await expect(
        saveTeams(db, 'a', [
          { tim: 'Tim 1', jumlahAlat: 1, kapasitasPerAlat: 50 },
          { tim: 'tim  1', jumlahAlat: 1, kapasitasPerAlat: 50 },
        ]),
      ).rejects.toThrow(TypeError);
      expect((await getProgramme(db, 'a'))?.counts.teams).toBe(2);
    });
  });
});

describe('holidays', () => {
  const holidays = [
    { tanggal: '2024-02-14', keterangan: 'Pemilihan Umum' },
    { tanggal: '2024-01-01', keterangan: 'Tahun Baru 2024 Masehi' },
  ];

  it('replaces the holidays in one go, read back in date order', async () => {
    const saved = await saveHolidays(db, 'a', holidays);

    expect(saved.ok && saved.value.counts.holidays).toBe(2);
    expect(await readHolidays(db, 'a')).toEqual({
      ok: true,
      value: [holidays[1], holidays[0]],
    });
    expect(await readHolidays(db, 'b')).toEqual({
      ok: true,
      value: programmeFixture('B').holidays,
    });
  });

  it('keeps two holidays on one date when their descriptions differ', async () => {
    await saveHolidays(db, 'a', [
      { tanggal: '2024-03-11', keterangan: 'Hari Suci Nyepi' },
      { tanggal: '2024-03-11', keterangan: 'Acara kantor' },
    ]);
    expect((await getProgramme(db, 'a'))?.counts.holidays).toBe(2);
  });

  it('leaves the old holidays when the write fails half way', async () => {
    failWritesAfter('holidays', 1);

    const saved = await saveHolidays(db, 'a', holidays);

    expect(saved.ok).toBe(false);
    expect(await readHolidays(db, 'a')).toEqual({
      ok: true,
      value: programmeFixture('A').holidays,
    });
    expect((await getProgramme(db, 'a'))?.counts.holidays).toBe(2);
  });

  describe('invalid input', () => {
    it('refuses an impossible date or an empty description, naming the field', async () => {
      await expect(
        saveHolidays(db, 'a', [{ tanggal: '2023-02-29', keterangan: 'x' }]),
      ).rejects.toThrow(/0\.tanggal/);
      await expect(
        saveHolidays(db, 'a', [{ tanggal: '2023-02-28', keterangan: '  ' }]),
      ).rejects.toThrow(/0\.keterangan/);
    });

    it('refuses the same holiday twice', async () => {
      await expect(
        saveHolidays(db, 'a', [holidays[0]!, { ...holidays[0]!, keterangan: 'pemilihan umum ' }]),
      ).rejects.toThrow(TypeError);
      expect(await readHolidays(db, 'a')).toEqual({
        ok: true,
        value: programmeFixture('A').holidays,
      });
    });
  });
});

describe('schools', () => {
  const npsn = programmeFixture('A').schools[1]!.npsn;
  const changes = {
    kecamatan: '35.06.01',
    waktuTempuhMenit: 75,
    tanggalTidakBisa: ['2023-02-01', '2023-02-02'],
  };

  it('lists the schools with the number of students listed for each', async () => {
    const listed = await listSchoolsWithCounts(db, 'a');

    expect(listed.ok).toBe(true);
    const schools = listed.ok ? listed.value : [];
    expect(schools.map((s) => [s.npsn, s.students])).toEqual([
      ['20510000', 9],
      ['20510001', 8],
      ['20510002', 8],
    ]);
    expect(schools[0]).not.toHaveProperty('programmeId');
    expect(schools[0]?.nama).toBe('SMA A 1');
  });

  it('lists nothing for a programme without schools', async () => {
    await createProgramme(db, defaultSettings('Baru', '2024-01-15'), 'p-new');
    expect(await listSchoolsWithCounts(db, 'p-new')).toEqual({ ok: true, value: [] });
  });

  it('writes a school’s kecamatan, travel time and blackout dates, keeping the rest', async () => {
    const saved = await saveSchool(db, 'a', npsn, changes);
    const before = programmeFixture('A').schools[1]!;

    expect(saved).toEqual({ ok: true, value: { ...before, ...changes } });
    expect(await db.schools.get(['a', npsn])).toEqual({ ...before, ...changes, programmeId: 'a' });
    // The same school of the other programme is untouched.
    expect((await db.schools.get(['b', npsn]))?.waktuTempuhMenit).toBe(before.waktuTempuhMenit);
  });

  it('says so when the school is not stored, creating nothing', async () => {
    expect(await saveSchool(db, 'a', '99999999', changes)).toMatchObject({
      ok: false,
      error: { code: 'missing' },
    });
    expect(await db.schools.get(['a', '99999999'])).toBeUndefined();
  });

  it('allows an unknown (empty) kecamatan', async () => {
    const saved = await saveSchool(db, 'a', npsn, { ...changes, kecamatan: '' });
    expect(saved.ok && saved.value.kecamatan).toBe('');
  });

  describe('invalid input', () => {
    it.each([
      ['kecamatan', { ...changes, kecamatan: '3506' }],
      ['kecamatan', { ...changes, kecamatan: '99.06.01' }],
      ['waktuTempuhMenit', { ...changes, waktuTempuhMenit: 601 }],
      ['waktuTempuhMenit', { ...changes, waktuTempuhMenit: -1 }],
      ['tanggalTidakBisa', { ...changes, tanggalTidakBisa: ['2023-02-02', '2023-02-01'] }],
      ['tanggalTidakBisa', { ...changes, tanggalTidakBisa: ['2023-02-01', '2023-02-01'] }],
      ['tanggalTidakBisa', { ...changes, tanggalTidakBisa: ['2023-02-30'] }],
    ])('refuses a bad %s, naming it, and writes nothing', async (field, bad) => {
      await expect(saveSchool(db, 'a', npsn, bad)).rejects.toThrow(new RegExp(field));
      expect((await db.schools.get(['a', npsn]))?.waktuTempuhMenit).toBe(21);
    });
  });
});
