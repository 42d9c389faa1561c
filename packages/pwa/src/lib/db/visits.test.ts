import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from './database';
import {
  addLostDay,
  readPlan,
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
