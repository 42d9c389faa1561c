import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from './database';
import { importHolidays, importStudentList, importTeams } from './imports';
import { replaceProgramme } from './programmes';
import { saveTeams } from './setup';
import { programmeFixture } from './test-support/programme-fixture';
import {
  addLostDay,
  readPlan,
  readTargetsMark,
  removeLostDay,
  setPinned,
  visitKeyOf,
  writePlan,
  type PlanFigures,
  type PlanVisit,
} from './visits';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-visits-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

const VISITS: PlanVisit[] = [
  { date: '2023-01-17', team: 'Tim 1', npsn: '20510001', wajib: 40, dini: 60, order: 0 },
  { date: '2023-01-16', team: 'Tim 2', npsn: '20510002', wajib: 30, dini: 0, order: 1 },
  { date: '2023-01-16', team: 'Tim 2', npsn: '20510003', wajib: 50, dini: 0, order: 0 },
];

function figures(extra: Partial<PlanFigures> = {}): PlanFigures {
  return {
    mode: 'normal',
    madeAt: '2023-01-10T08:00:00.000Z',
    start: '2023-01-16',
    end: null,
    dayMinutes: 480,
    fridayMinutes: null,
    workingDays: 2,
    workingDaysWajib: 2,
    lowerBound: 1,
    lowerBoundWajib: 1,
    gap: 1,
    finish: '2023-01-17',
    finishWajib: '2023-01-17',
    visitsPerSchool: 1,
    teams: [{ team: 'Tim 1', students: 100, days: 1, utilisation: 0.33 }],
    unserved: [],
    earliestEnd: null,
    targets: [{ npsn: '20510001', wajib: 40, dini: 60 }],
    pending: { notMatched: 3, review: 2 },
    released: [],
    change: { kind: 'plan', at: '2023-01-10T08:00:00.000Z', removed: [], added: [], lostDay: null },
    ...extra,
  };
}

describe('the stored plan', () => {
  it('reads as empty before a plan is made', async () => {
    const read = await readPlan(db, 'p');
    expect(read).toEqual({ ok: true, value: { visits: [], figures: null, lostDays: [] } });
  });

  it('stores visits and figures together and reads them back in date, team and day order', async () => {
    const pinned = new Set([visitKeyOf(VISITS[0]!)]);
    const written = await writePlan(db, 'p', VISITS, figures(), { pinned });
    if (!written.ok) throw new Error(written.error.message);

    const { visits, figures: stored } = written.value;
    expect(visits.map((v) => [v.date, v.team, v.npsn, v.pinned])).toEqual([
      ['2023-01-16', 'Tim 2', '20510003', false],
      ['2023-01-16', 'Tim 2', '20510002', false],
      ['2023-01-17', 'Tim 1', '20510001', true],
    ]);
    expect(visits.every((v) => v.programmeId === 'p')).toBe(true);
    expect(stored).toEqual(figures());
    expect(await readPlan(db, 'p')).toEqual(written);
  });

  it("replaces the previous plan's visits and keeps other programmes' plans", async () => {
    await writePlan(db, 'p', VISITS, figures(), { pinned: new Set() });
    await writePlan(db, 'q', VISITS, figures(), { pinned: new Set() });
    const next = await writePlan(db, 'p', VISITS.slice(0, 1), figures({ workingDays: 1 }), {
      pinned: new Set(),
    });
    expect(next.ok && next.value.visits).toHaveLength(1);
    expect(next.ok && next.value.figures?.workingDays).toBe(1);
    const other = await readPlan(db, 'q');
    expect(other.ok && other.value.visits).toHaveLength(3);
  });

  it('stores a lost day with the re-plan made for it', async () => {
    const lostDay = { programmeId: 'p', team: 'Tim 1', date: '2023-01-18', note: 'Alat rusak' };
    const written = await writePlan(db, 'p', VISITS, figures(), { pinned: new Set(), lostDay });
    expect(written.ok && written.value.lostDays).toEqual([lostDay]);
  });

  it('keeps what the plan was made from with its figures', async () => {
    const basis: NonNullable<PlanFigures['basis']> = {
      referenceDate: '2023-01-16',
      minimumAge: 16,
      regions: ['3506'],
      teams: [{ tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 }],
      holidays: ['2023-01-23'],
      schools: [
        {
          npsn: '20510001',
          kecamatan: '',
          waktuTempuhMenit: 30,
          tanggalTidakBisa: [],
          latitude: null,
          longitude: null,
        },
      ],
      targetsMark: 'mark',
    };
    const written = await writePlan(db, 'p', VISITS, figures({ basis }), { pinned: new Set() });
    expect(written.ok && written.value.figures?.basis).toEqual(basis);
  });

  describe('the mark of what the targets come from', () => {
    const P = 'demo';
    const mark = async (): Promise<string> => {
      const read = await readTargetsMark(db, P);
      if (!read.ok) throw new Error(read.error.message);
      return read.value;
    };

    beforeEach(async () => {
      const stored = await replaceProgramme(db, P, programmeFixture('A'));
      if (!stored.ok) throw new Error(stored.error.message);
    });

    it('is the same while nothing eligibility reads is written (a plan, teams, holidays)', async () => {
      const before = await mark();
      expect(before).toBe(await mark());
      await writePlan(db, P, VISITS, figures(), { pinned: new Set() });
      await saveTeams(db, P, [{ tim: 'Tim 9', jumlahAlat: 1, kapasitasPerAlat: 50 }]);
      await importTeams(db, P, [{ tim: 'Tim 8', jumlahAlat: 1, kapasitasPerAlat: 50 }], {
        fileName: 'tim.csv',
      });
      await importHolidays(db, P, [{ tanggal: '2023-02-18', keterangan: 'Isra Mikraj' }], {
        fileName: 'libur.csv',
      });
      expect(await mark()).toBe(before);
    });

    it('changes with a student list imported again, even with as many students', async () => {
      const before = await mark();
      const { students } = programmeFixture('A');
      const school = students.filter((s) => s.npsn === students[0]!.npsn);
      const imported = await importStudentList(db, P, school, {
        fileName: 'daftar.xlsx',
        importedAt: '2023-01-11T08:00:00.000Z',
      });
      if (!imported.ok) throw new Error(imported.error.message);
      expect(imported.value.removed).toBe(school.length);
      expect(imported.value.programme.counts.students).toBe(students.length);
      expect(await mark()).not.toBe(before);
    });

    it('changes with a matching run, a review decision and a duplicate decision', async () => {
      const seen = new Set([await mark()]);
      await db.runs.put({
        programmeId: P,
        kind: 'matching',
        finishedAt: '2023-01-11T08:00:00.000Z',
        result: {},
      });
      seen.add(await mark());
      await db.decisions.put({
        programmeId: P,
        idSiswa: 'S1',
        nik: '3506011708060001',
        decision: 'accept',
        decidedAt: '2023-01-11T09:00:00.000Z',
      });
      seen.add(await mark());
      // The same pair decided again, the other way: the count stays, the time does not.
      await db.decisions.put({
        programmeId: P,
        idSiswa: 'S1',
        nik: '3506011708060001',
        decision: 'reject',
        decidedAt: '2023-01-11T09:05:00.000Z',
      });
      seen.add(await mark());
      await db.duplicateDecisions.put({
        programmeId: P,
        idSiswa: 'S2',
        duplicateOf: 'S1',
        decision: 'different',
        decidedAt: '2023-01-11T10:00:00.000Z',
      });
      seen.add(await mark());
      expect(seen.size).toBe(5);
    });

    it("is not changed by another programme's writes", async () => {
      const before = await mark();
      await db.runs.put({ programmeId: 'other', kind: 'matching', finishedAt: 'x', result: {} });
      expect(await mark()).toBe(before);
    });
  });

  describe('pinning', () => {
    it('pins and unpins one visit at once', async () => {
      await writePlan(db, 'p', VISITS, figures(), { pinned: new Set() });
      const key = VISITS[1]!;
      expect(await setPinned(db, 'p', key, true)).toEqual({ ok: true, value: true });
      let read = await readPlan(db, 'p');
      expect(read.ok && read.value.visits.filter((v) => v.pinned).map((v) => v.npsn)).toEqual([
        key.npsn,
      ]);
      await setPinned(db, 'p', key, false);
      read = await readPlan(db, 'p');
      expect(read.ok && read.value.visits.some((v) => v.pinned)).toBe(false);
    });

    it('says so, and stores nothing, for a visit that is not in the plan', async () => {
      const result = await setPinned(db, 'p', VISITS[0]!, true);
      expect(result).toEqual({ ok: true, value: false });
      expect(await db.visits.count()).toBe(0);
    });
  });

  describe('lost days', () => {
    it('are added, listed in date order and removed', async () => {
      await addLostDay(db, { programmeId: 'p', team: 'Tim 2', date: '2023-01-20', note: '' });
      await addLostDay(db, { programmeId: 'p', team: 'Tim 1', date: '2023-01-18', note: 'Sakit' });
      let read = await readPlan(db, 'p');
      expect(read.ok && read.value.lostDays.map((d) => d.date)).toEqual([
        '2023-01-18',
        '2023-01-20',
      ]);
      await removeLostDay(db, 'p', { team: 'Tim 1', date: '2023-01-18' });
      read = await readPlan(db, 'p');
      expect(read.ok && read.value.lostDays.map((d) => d.team)).toEqual(['Tim 2']);
    });
  });

  describe('invalid input', () => {
    it('writes nothing when two visits share a team, day and school: the previous plan stays', async () => {
      await writePlan(db, 'p', VISITS, figures(), { pinned: new Set() });
      const lostDay = { programmeId: 'p', team: 'Tim 1', date: '2023-01-18', note: '' };
      const result = await writePlan(db, 'p', [VISITS[0]!, VISITS[0]!], figures({ gap: 9 }), {
        pinned: new Set(),
        lostDay,
      });
      expect(result.ok).toBe(false);
      const read = await readPlan(db, 'p');
      expect(read.ok && read.value.visits).toHaveLength(3);
      expect(read.ok && read.value.figures?.gap).toBe(1);
      expect(read.ok && read.value.lostDays).toEqual([]);
    });

    it('refuses figures that do not match the schema, naming the field', async () => {
      const bad = { ...figures(), gap: 'one' } as unknown as PlanFigures;
      await expect(writePlan(db, 'p', VISITS, bad, { pinned: new Set() })).rejects.toThrow(/gap/);
      expect(await db.visits.count()).toBe(0);
    });

    it('reads stored figures it cannot understand as none, keeping the visits', async () => {
      await writePlan(db, 'p', VISITS, figures(), { pinned: new Set() });
      await db.runs.put({ programmeId: 'p', kind: 'plan', finishedAt: '', result: { old: true } });
      const read = await readPlan(db, 'p');
      expect(read.ok && read.value.figures).toBeNull();
      expect(read.ok && read.value.visits).toHaveLength(3);
    });
  });
});
