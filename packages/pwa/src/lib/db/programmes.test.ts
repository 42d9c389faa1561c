import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from './database';
import {
  countProgrammeRows,
  DEMO_PROGRAMME_ID,
  getProgramme,
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
