import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from './database';
import Dexie from 'dexie';
import { defaultSettings } from '../programme/settings';
import {
  countProgrammeRows,
  createProgramme,
  deleteProgramme,
  DEMO_PROGRAMME_ID,
  getProgramme,
  listProgrammes,
  refreshCounts,
  updateSettings,
  localToday,
  readRecords,
  replaceProgramme,
  type ReadProgress,
  type StoreProgress,
} from './programmes';
import { programmeFixture } from './test-support/programme-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  // A fresh IndexedDB per test: nothing leaks from one test to the next.
  db = new SahajaDatabase('sahaja-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => {
  db.close();
});

describe('replaceProgramme', () => {
  describe('writing a programme', () => {
    it('stores every record under the programme id and returns the programme row', async () => {
      const data = programmeFixture('A');
      const result = await replaceProgramme(db, DEMO_PROGRAMME_ID, data, {
        storedOn: '2025-11-28',
      });

      expect(result).toEqual({
        ok: true,
        value: {
          id: DEMO_PROGRAMME_ID,
          kind: 'demo',
          settings: {
            name: 'Program contoh',
            referenceDate: '2023-01-16',
            regions: ['3506'],
            minimumAge: 16,
            start: '2023-01-16',
            end: null,
            dayMinutes: 480,
            fridayMinutes: null,
          },
          summary: data.summary,
          counts: { schools: 3, students: 25, residents: 40, teams: 2, holidays: 2 },
          storedOn: '2025-11-28',
        },
      });
      expect(await countProgrammeRows(db, DEMO_PROGRAMME_ID)).toEqual({
        schools: 3,
        students: 25,
        residents: 40,
        teams: 2,
        holidays: 2,
      });
      expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toEqual(result.ok && result.value);
    });

    it('keys students by programme and student id, and residents by programme and NIK', async () => {
      const data = programmeFixture('A');
      await replaceProgramme(db, DEMO_PROGRAMME_ID, data);

      const resident = data.registry[7];
      const student = data.students[3];
      expect(resident && student).toBeTruthy();
      expect(await db.residents.get([DEMO_PROGRAMME_ID, resident?.nik ?? ''])).toEqual({
        ...resident,
        programmeId: DEMO_PROGRAMME_ID,
      });
      expect(await db.students.get([DEMO_PROGRAMME_ID, student?.idSiswa ?? ''])).toEqual({
        ...student,
        programmeId: DEMO_PROGRAMME_ID,
      });
    });

    it('reports progress after each chunk, ending at the total number of rows', async () => {
      const progress: StoreProgress[] = [];
      await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), {
        chunkSize: 10,
        onProgress: (p) => progress.push(p),
      });

      const total = 3 + 25 + 40 + 2 + 2;
      expect(progress.map((p) => p.done)).toEqual([0, 3, 13, 23, 28, 38, 48, 58, 68, 70, 72]);
      expect(progress.every((p) => p.total === total)).toBe(true);
      expect(progress.map((p) => p.table)).toEqual([
        'schools',
        'schools',
        'students',
        'students',
        'students',
        'residents',
        'residents',
        'residents',
        'residents',
        'teams',
        'holidays',
      ]);
    });

    it('does not modify the data it is given', async () => {
      const data = programmeFixture('A');
      const before = structuredClone(data);
      await replaceProgramme(db, DEMO_PROGRAMME_ID, data);
      expect(data).toEqual(before);
    });

    it('keeps programmes with other ids apart', async () => {
      await replaceProgramme(db, 'other', programmeFixture('O', { students: 4 }));
      await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));

      expect((await countProgrammeRows(db, 'other')).students).toBe(4);
      expect((await countProgrammeRows(db, DEMO_PROGRAMME_ID)).students).toBe(25);
    });
  });

  describe('replacing a programme', () => {
    it('replaces the previous rows without duplicates or leftovers', async () => {
      await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A', { students: 30 }));
      const second = programmeFixture('B', { students: 12 });
      await replaceProgramme(db, DEMO_PROGRAMME_ID, second);

      expect(await countProgrammeRows(db, DEMO_PROGRAMME_ID)).toEqual({
        schools: 3,
        students: 12,
        residents: 40,
        teams: 2,
        holidays: 2,
      });
      const names = (await db.students.toArray()).map((s) => s.nama);
      expect(names.every((name) => name.startsWith('SISWA B'))).toBe(true);
      expect(await db.programmes.count()).toBe(1);
    });

    it('gives the same result when the same programme is loaded twice', async () => {
      const data = programmeFixture('A');
      await replaceProgramme(db, DEMO_PROGRAMME_ID, data);
      await replaceProgramme(db, DEMO_PROGRAMME_ID, data);

      expect(await db.residents.count()).toBe(40);
      expect(await db.students.count()).toBe(25);
    });
  });

  describe('all or nothing', () => {
    it('leaves the previous programme untouched when a record cannot be written', async () => {
      const first = programmeFixture('A');
      const stored = await replaceProgramme(db, DEMO_PROGRAMME_ID, first, {
        storedOn: '2025-01-02',
      });
      const broken = programmeFixture('B');
      const duplicated = { ...broken, registry: [...broken.registry, broken.registry[0]!] };

      const result = await replaceProgramme(db, DEMO_PROGRAMME_ID, duplicated, { chunkSize: 10 });

      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('storage');
      expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toEqual(stored.ok && stored.value);
      expect(await countProgrammeRows(db, DEMO_PROGRAMME_ID)).toEqual({
        schools: 3,
        students: 25,
        residents: 40,
        teams: 2,
        holidays: 2,
      });
      const names = (await db.residents.toArray()).map((r) => r.nama);
      expect(names.every((name) => name.startsWith('WARGA A'))).toBe(true);
    });

    it('rolls back a write cancelled half-way and says it was cancelled', async () => {
      await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
      const controller = new AbortController();

      const result = await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('B'), {
        chunkSize: 10,
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done >= 30) controller.abort();
        },
      });

      expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled' } });
      const names = (await db.students.toArray()).map((s) => s.nama);
      expect(names).toHaveLength(25);
      expect(names.every((name) => name.startsWith('SISWA A'))).toBe(true);
    });

    it('writes nothing when the first programme fails, so no half programme is ever visible', async () => {
      const broken = programmeFixture('B');
      const duplicated = { ...broken, students: [...broken.students, broken.students[1]!] };

      const result = await replaceProgramme(db, DEMO_PROGRAMME_ID, duplicated);

      expect(result.ok).toBe(false);
      expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toBeNull();
      expect(await countProgrammeRows(db, DEMO_PROGRAMME_ID)).toEqual({
        schools: 0,
        students: 0,
        residents: 0,
        teams: 0,
        holidays: 0,
      });
    });
  });

  describe('invalid input', () => {
    it('throws on a chunk size that is not a positive integer', async () => {
      await expect(
        replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), { chunkSize: 0 }),
      ).rejects.toThrow(RangeError);
    });

    it('returns cancelled without writing when the signal is already aborted', async () => {
      const result = await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), {
        signal: AbortSignal.abort(),
      });
      expect(result.ok).toBe(false);
      expect(await db.programmes.count()).toBe(0);
    });
  });
});

describe('readRecords', () => {
  const byKey =
    <T>(key: (row: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : 1;

  it('reads the programme records of each table asked for, in key order, without programmeId', async () => {
    const data = programmeFixture('A');
    await replaceProgramme(db, DEMO_PROGRAMME_ID, data);

    const result = await readRecords(db, DEMO_PROGRAMME_ID, ['students', 'residents']);

    expect(result).toEqual({
      ok: true,
      value: {
        students: [...data.students].sort(byKey((s) => s.idSiswa)),
        residents: [...data.registry].sort(byKey((r) => r.nik)),
      },
    });
  });

  it('reads a chunk at a time and reports progress over all the tables after each', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    const progress: ReadProgress[] = [];

    const result = await readRecords(db, DEMO_PROGRAMME_ID, ['students', 'residents'], {
      chunkSize: 10,
      onProgress: (p) => progress.push(p),
    });

    expect(result.ok && result.value.students).toHaveLength(25);
    expect(result.ok && result.value.residents).toHaveLength(40);
    expect(progress.map((p) => p.done)).toEqual([0, 10, 20, 25, 35, 45, 55, 65]);
    expect(progress.every((p) => p.total === 65)).toBe(true);
    expect(progress.map((p) => p.table)).toEqual([
      ...Array<string>(4).fill('students'),
      ...Array<string>(4).fill('residents'),
    ]);
  });

  it('reads only the rows of the programme asked for', async () => {
    await replaceProgramme(db, 'other', programmeFixture('O', { students: 4 }));
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A', { students: 7 }));

    const result = await readRecords(db, DEMO_PROGRAMME_ID, ['students'], { chunkSize: 3 });

    const names = result.ok ? result.value.students.map((s) => s.nama) : [];
    expect(names).toHaveLength(7);
    expect(names.every((name) => name.startsWith('SISWA A'))).toBe(true);
  });

  it('reads empty lists when the programme is not stored', async () => {
    expect(await readRecords(db, DEMO_PROGRAMME_ID, ['students', 'residents'])).toEqual({
      ok: true,
      value: { students: [], residents: [] },
    });
  });

  it('stops between chunks when the signal aborts and says it was cancelled', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    const controller = new AbortController();

    const result = await readRecords(db, DEMO_PROGRAMME_ID, ['students', 'residents'], {
      chunkSize: 10,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 20) controller.abort();
      },
    });

    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled' } });
  });

  describe('invalid input', () => {
    it('throws on a chunk size that is not a positive integer', async () => {
      await expect(
        readRecords(db, DEMO_PROGRAMME_ID, ['students'], { chunkSize: 1.5 }),
      ).rejects.toThrow(RangeError);
    });
  });
});

describe('getProgramme', () => {
  it('returns null when nothing is stored', async () => {
    expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toBeNull();
  });
});

describe('localToday', () => {
  it('writes the local calendar date with zero padding', () => {
    expect(localToday(new Date(2023, 0, 5, 23, 59))).toBe('2023-01-05');
  });
});

describe('programmes the user sets up', () => {
  const settings = defaultSettings('Perekaman SMA 2024', '2024-01-15');

  it('creates an empty programme with its settings, listed with the others newest first', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), {
      storedOn: '2023-01-01',
    });
    const created = await createProgramme(db, settings, 'p-1');

    expect(created).toMatchObject({ id: 'p-1', kind: 'programme', settings, summary: null });
    expect(created.counts).toEqual({
      schools: 0,
      students: 0,
      residents: 0,
      teams: 0,
      holidays: 0,
    });
    expect((await listProgrammes(db)).map((p) => p.id)).toEqual(['p-1', DEMO_PROGRAMME_ID]);
  });

  it('updates settings, and refuses invalid ones naming the field without storing anything', async () => {
    await createProgramme(db, settings, 'p-1');
    const changed = { ...settings, minimumAge: 15, end: '2024-06-28' };

    expect(await updateSettings(db, 'p-1', changed)).toMatchObject({ settings: changed });
    await expect(updateSettings(db, 'p-1', { ...settings, minimumAge: 9 })).rejects.toThrow(
      /minimumAge/,
    );
    await expect(updateSettings(db, 'p-1', { ...settings, end: '2024-01-01' })).rejects.toThrow(
      /end/,
    );
    expect((await getProgramme(db, 'p-1'))?.settings).toEqual(changed);
    expect(await updateSettings(db, 'nothing', settings)).toBeNull();
  });

  it('refreshes the stored counts from the rows', async () => {
    await createProgramme(db, settings, 'p-1');
    await db.schools.add({ ...programmeFixture('A').schools[0]!, programmeId: 'p-1' });

    expect((await refreshCounts(db, 'p-1'))?.counts.schools).toBe(1);
    expect((await getProgramme(db, 'p-1'))?.counts.schools).toBe(1);
  });

  it('counts again only the tables it is given, and keeps the others as stored', async () => {
    await createProgramme(db, settings, 'p-1');
    const { schools, teams } = programmeFixture('A');
    await db.schools.add({ ...schools[0]!, programmeId: 'p-1' });
    await db.teams.add({ ...teams[0]!, programmeId: 'p-1' });

    const refreshed = await refreshCounts(db, 'p-1', ['teams']);

    expect(refreshed?.counts).toMatchObject({ teams: 1, schools: 0 });
    expect((await refreshCounts(db, 'p-1'))?.counts).toMatchObject({ teams: 1, schools: 1 });
  });

  it('deletes a programme with its records and its work, and nothing of another', async () => {
    await replaceProgramme(db, 'a', programmeFixture('A'));
    await replaceProgramme(db, 'b', programmeFixture('B'));
    const decision = { idSiswa: 'S1', nik: '3506', decision: 'accept', decidedAt: 'now' } as const;
    await db.decisions.bulkAdd([
      { ...decision, programmeId: 'a' },
      { ...decision, programmeId: 'b' },
    ]);

    await deleteProgramme(db, 'a');

    expect(await getProgramme(db, 'a')).toBeNull();
    expect(await countProgrammeRows(db, 'a')).toEqual({
      schools: 0,
      students: 0,
      residents: 0,
      teams: 0,
      holidays: 0,
    });
    expect(await db.decisions.count()).toBe(1);
    expect((await countProgrammeRows(db, 'b')).students).toBe(25);
  });

  it('clears the decisions of a programme it replaces', async () => {
    await replaceProgramme(db, 'a', programmeFixture('A'));
    await db.decisions.add({
      programmeId: 'a',
      idSiswa: 'S1',
      nik: '3506',
      decision: 'reject',
      decidedAt: 'now',
    });
    await replaceProgramme(db, 'a', programmeFixture('A'));
    expect(await db.decisions.count()).toBe(0);
  });
});

describe('schema upgrade', () => {
  it('gives a demo programme stored by version 1 its settings, keeping its records', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('sahaja-upgrade', { indexedDB, IDBKeyRange });
    old.version(1).stores({
      programmes: 'id, kind',
      schools: '[programmeId+npsn], [programmeId+kecamatan]',
      students: '[programmeId+idSiswa], [programmeId+npsn]',
      residents: '[programmeId+nik]',
      teams: '[programmeId+tim]',
      holidays: '[programmeId+tanggal+keterangan]',
    });
    const data = programmeFixture('A');
    const { summary } = data;
    await old.table('programmes').add({
      id: 'demo',
      kind: 'demo',
      summary,
      counts: { schools: 3, students: 25, residents: 40, teams: 2, holidays: 2 },
      storedOn: '2025-11-01',
    });
    await old.table('students').add({ ...data.students[0]!, programmeId: 'demo' });
    old.close();

    const upgraded = new SahajaDatabase('sahaja-upgrade', { indexedDB, IDBKeyRange });
    await upgraded.open();
    expect((await getProgramme(upgraded, 'demo'))?.settings).toEqual(
      defaultSettings('Program contoh', '2023-01-16'),
    );
    expect(await upgraded.students.count()).toBe(1);
    upgraded.close();
  });
});
