import type { OutcomeMark, VisitEvent, VisitKey, VisitOutcome } from '@sahaja/core/field';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { eligibilityPolicy, readSchoolTargets } from '../export/school-targets';
import { createProgressApi } from '../worker/progress';
import type { ProgressDashboard } from './dashboard';
import { gatherProgress } from './gather';
import {
  A1,
  A2,
  B1,
  EventLog,
  KECAMATAN_B,
  PLAN,
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeProgressProgramme,
  TARGETS,
} from './test-support/progress-fixture';

let db: SahajaDatabase;
let api: ReturnType<typeof createProgressApi>;
let log: EventLog;

const TODAY = '2023-01-18';

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-progress', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  api = createProgressApi(() => db);
  log = new EventLog(db);
});

afterEach(() => db.close());

async function dashboard(today = TODAY): Promise<ProgressDashboard> {
  const outcome = await api.dashboard({ programmeId: PROGRAMME_ID, today });
  if (!outcome.ok)
    throw new Error(`dashboard failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value;
}

// ------------------------------------------------------------------------------------------------
// An independent recount, written as plainly as possible from the raw events and the fixture's own
// list of targets: it shares no code with the gatherer or the core.
// ------------------------------------------------------------------------------------------------

/** Each student's standing mark: undone marks out; a recording beats any other; else the latest. */
function standingMarks(events: readonly VisitEvent[]): Map<string, OutcomeMark> {
  const undone = new Set(events.flatMap((e) => (e.kind === 'undo' ? [e.undoes] : [])));
  const marks = events
    .filter((e): e is OutcomeMark => e.kind === 'mark' && !undone.has(e.id))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
  const standing = new Map<string, OutcomeMark>();
  for (const m of marks) {
    const before = standing.get(m.idSiswa);
    if (before?.outcome === 'recorded' && m.outcome !== 'recorded') continue;
    standing.set(m.idSiswa, m);
  }
  return standing;
}

interface Counted {
  targets: number;
  targetsWajib: number;
  recorded: number;
  recordedWajib: number;
  absent: number;
  refused: number;
  failed: number;
  notEligible: number;
  unmarked: number;
  remaining: number;
  remainingWajib: number;
  done: number;
  planned: number;
  plannedByNow: number;
}

const FIELD: Record<VisitOutcome, keyof Counted> = {
  recorded: 'recorded',
  absent: 'absent',
  refused: 'refused',
  failed: 'failed',
  not_eligible: 'notEligible',
};

/** The figures of the targets at `schools`, counted one by one. */
function count(
  schools: readonly string[],
  standing: ReadonlyMap<string, OutcomeMark>,
  today: string,
): Counted {
  const c: Counted = {
    targets: 0,
    targetsWajib: 0,
    recorded: 0,
    recordedWajib: 0,
    absent: 0,
    refused: 0,
    failed: 0,
    notEligible: 0,
    unmarked: 0,
    remaining: 0,
    remainingWajib: 0,
    done: 0,
    planned: 0,
    plannedByNow: 0,
  };
  for (const [id, npsn, category] of TARGETS) {
    if (!schools.includes(npsn)) continue;
    const wajib = category === 'WAJIB' ? 1 : 0;
    c.targets++;
    c.targetsWajib += wajib;
    const mark = standing.get(id);
    if (!mark) c.unmarked++;
    else c[FIELD[mark.outcome]]++;
    if (mark?.outcome === 'recorded') c.recordedWajib += wajib;
    if (!mark || mark.outcome === 'absent' || mark.outcome === 'failed') {
      c.remaining++;
      c.remainingWajib += wajib;
    } else c.done++;
  }
  for (const v of PLAN) {
    if (!schools.includes(v.npsn)) continue;
    c.planned += v.wajib + v.dini;
    if (v.date <= today) c.plannedByNow += v.wajib + v.dini;
  }
  return c;
}

/** The fixture's schools by kecamatan and by team (the team planned for most of a school's students). */
const KECAMATAN: Record<string, string[]> = {
  '35.06.17': [SCHOOL_A.npsn],
  [KECAMATAN_B]: [SCHOOL_B.npsn],
  '': [SCHOOL_C.npsn],
};
const TEAMS: Record<string, string[]> = { 'Tim 1': [SCHOOL_A.npsn], 'Tim 2': [SCHOOL_B.npsn] };

/** Every group's figures recounted, and compared with the dashboard's. */
function expectRecount(d: ProgressDashboard, events: readonly VisitEvent[], today = TODAY): void {
  const standing = standingMarks(events);
  const all = [SCHOOL_A.npsn, SCHOOL_B.npsn, SCHOOL_C.npsn];
  const expected = count(all, standing, today);
  expect(pick(d.total, expected)).toEqual(expected);

  expect(d.schools.map((s) => s.npsn)).toEqual(all);
  for (const row of d.schools) {
    const counted = count([row.npsn], standing, today);
    expect(pick(row, counted), `school ${row.npsn}`).toEqual(counted);
  }
  expect(d.kecamatan.map((k) => k.kecamatan)).toEqual(['', KECAMATAN_B, '35.06.17']);
  for (const row of d.kecamatan) {
    const counted = count(KECAMATAN[row.kecamatan ?? ''] ?? [], standing, today);
    expect(pick(row, counted), `kecamatan ${row.kecamatan}`).toEqual(counted);
  }
  // School C has no planned visit: its (empty) figures are in the team-less group.
  expect(d.teams.map((t) => t.team)).toEqual(['Tim 1', 'Tim 2', undefined]);
  for (const row of d.teams) {
    const counted = count(row.team ? (TEAMS[row.team] ?? []) : [SCHOOL_C.npsn], standing, today);
    expect(pick(row, counted), `team ${row.team}`).toEqual(counted);
  }

  // Per day: planned by the plan's dates, outcomes on the date of the visit they were marked at.
  const targetIds = new Set(TARGETS.map(([id]) => id));
  const dates = [
    ...new Set([
      ...PLAN.map((v) => v.date),
      ...[...standing.values()].filter((m) => targetIds.has(m.idSiswa)).map((m) => m.visit.date),
    ]),
  ].sort();
  let plannedToDate = 0;
  let doneToDate = 0;
  const days = dates.map((date) => {
    const marks = [...standing.values()].filter(
      (m) => targetIds.has(m.idSiswa) && m.visit.date === date,
    );
    const n = (o: VisitOutcome) => marks.filter((m) => m.outcome === o).length;
    const planned = PLAN.filter((v) => v.date === date).reduce((s, v) => s + v.wajib + v.dini, 0);
    const done = n('recorded') + n('refused') + n('not_eligible');
    plannedToDate += planned;
    doneToDate += done;
    return {
      date,
      planned,
      recorded: n('recorded'),
      absent: n('absent'),
      refused: n('refused'),
      failed: n('failed'),
      notEligible: n('not_eligible'),
      done,
      plannedToDate,
      doneToDate,
    };
  });
  expect(d.days).toEqual(days);

  const untracked = [...standing.keys()].filter((id) => !targetIds.has(id)).length;
  expect(d.untracked).toBe(untracked);
}

function pick<T extends object>(row: object, like: T): T {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(like)) picked[key] = (row as Record<string, unknown>)[key];
  return picked as T;
}

/** A seeded pseudo-random generator (mulberry32): the same events on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the progress dashboard', () => {
  beforeEach(() => storeProgressProgramme(db));

  it('equals a plain recount of the raw outcome events, undo and conflicts included', async () => {
    await log.mark(A1, 'S01', 'absent', 0);
    await log.mark(A1, 'S02', 'recorded', 1);
    await log.mark(A1, 'S03', 'failed', 2);
    const refusal = await log.mark(A1, 'S10', 'refused', 3);
    await log.undo(refusal, A1, 4); // S10 is unmarked again
    await log.mark(A1, 'S11', 'recorded', 5);
    await log.mark(A1, 'S11', 'absent', 6); // recorded, then marked absent: the recording stands
    await log.mark(A1, 'S04', 'recorded', 7); // too young: not a target
    const walkIn = await log.walkIn(A1, 8);
    await log.mark(A1, walkIn, 'recorded', 9);
    await log.mark(A2, 'S01', 'recorded', 0); // absent yesterday, recorded at the mop-up: no conflict
    await log.mark(A2, 'S03', 'not_eligible', 1);
    await log.mark(B1, 'S12', 'recorded', 0);
    await log.mark(B1, 'S13', 'absent', 1);

    const d = await dashboard();
    expectRecount(d, log.events);
    // And the same figures written out by hand, so that the recount cannot be wrong with them.
    expect(d.total).toMatchObject({
      targets: 7,
      targetsWajib: 4,
      recorded: 4,
      recordedWajib: 2,
      absent: 1,
      refused: 0,
      failed: 0,
      notEligible: 1,
      unmarked: 1,
      remaining: 2,
      remainingWajib: 2,
      done: 5,
      planned: 7,
      plannedByNow: 7,
      plannedFinish: '2023-01-17',
    });
    expect(d.untracked).toBe(2);
    expect(d.conflicts).toBe(1);
    expect(d.marked).toBe(true);
    expect(d.hasPlan).toBe(true);
    // 4 recorded over 2 working days; 2 remaining need 1 more day, from today (Wednesday).
    expect(d.total.forecast).toEqual({
      status: 'projected',
      finish: '2023-01-18',
      perDay: 2,
      daysWorked: 2,
      daysNeeded: 1,
      versusPlan: { verdict: 'behind', workingDays: 1 },
    });
  });

  it('equals the recount for many random logs from several laptops', async () => {
    const ids = [...TARGETS.map(([id]) => id), 'S04', 'S05'];
    const outcomes: VisitOutcome[] = ['recorded', 'absent', 'refused', 'failed', 'not_eligible'];
    const visits: VisitKey[] = [A1, A2, B1];
    for (const seed of [1, 2, 3]) {
      // The log of changes goes with the events: both start empty for each seed.
      await Promise.all([db.visitEvents.clear(), db.changes.clear()]);
      log = new EventLog(db);
      const next = random(seed);
      const pickOne = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const undoable: { id: string; visit: VisitKey }[] = [];
      for (let i = 0; i < 40; i++) {
        // Laptops' clocks differ: events are stored out of time order.
        const minute = Math.floor(next() * 300);
        if (undoable.length > 0 && next() < 0.2) {
          const target = undoable.splice(Math.floor(next() * undoable.length), 1)[0]!;
          await log.undo(target.id, target.visit, minute);
          continue;
        }
        const visit = pickOne(visits);
        const id = await log.mark(visit, pickOne(ids), pickOne(outcomes), minute);
        undoable.push({ id, visit });
      }
      expectRecount(await dashboard(), log.events);
    }
  });

  it('counts the targets as the exports decide them, school by school', async () => {
    const policy = eligibilityPolicy((await db.programmes.get(PROGRAMME_ID))!.settings);
    if (!policy.ok) throw new Error('policy refused');
    const d = await dashboard();
    for (const row of d.schools) {
      const decided = await readSchoolTargets(db, PROGRAMME_ID, row.npsn, policy.value);
      expect(row.targets).toBe(decided.students.length);
      expect(row.targetsWajib).toBe(decided.wajib);
    }
    // Two of school A's students wait for pemadanan or review: not targets, but said.
    expect(d.pending).toBe(2);
  });

  it('names the schools and kecamatan, and keeps schools without a kecamatan apart', async () => {
    const d = await dashboard();
    expect(d.schools.map((s) => [s.npsn, s.nama, s.team])).toEqual([
      [SCHOOL_A.npsn, SCHOOL_A.nama, 'Tim 1'],
      [SCHOOL_B.npsn, SCHOOL_B.nama, 'Tim 2'],
      [SCHOOL_C.npsn, SCHOOL_C.nama, undefined],
    ]);
    expect(d.schools[0]!.kecamatanName).toBe('Pare');
    expect(d.schools[2]!.kecamatanName).toBe('');
    expect(d.kecamatan.find((k) => k.kecamatan === '35.06.17')?.name).toBe('Pare');
    expect(d.kecamatan.find((k) => k.kecamatan === '')?.name).toBe('');
  });

  it('does not change what is stored', async () => {
    await log.mark(A1, 'S01', 'recorded', 0);
    const before = await db.visitEvents.toArray();
    await dashboard();
    expect(await db.visitEvents.toArray()).toEqual(before);
  });

  describe('empty cases', () => {
    it('has zeros and no forecast before any outcome, and says why', async () => {
      const d = await dashboard();
      expect(d.marked).toBe(false);
      expect(d.total).toMatchObject({
        targets: 7,
        recorded: 0,
        absent: 0,
        refused: 0,
        failed: 0,
        notEligible: 0,
        unmarked: 7,
        remaining: 7,
        done: 0,
        planned: 7,
      });
      expect(d.total.forecast).toEqual({ status: 'none', reason: 'no_work_yet' });
      expect(d.days.map((day) => [day.date, day.planned, day.done])).toEqual([
        ['2023-01-16', 5, 0],
        ['2023-01-17', 2, 0],
      ]);
      expectRecount(d, []);
    });

    it('has no forecast when days were worked but nobody was recorded', async () => {
      await log.mark(A1, 'S01', 'absent', 0);
      await log.mark(B1, 'S13', 'refused', 0);
      const d = await dashboard();
      expect(d.marked).toBe(true);
      expect(d.total.forecast).toEqual({ status: 'none', reason: 'nothing_recorded' });
      expectRecount(d, log.events);
    });

    it('counts outcomes marked after today on their day, without a pace from them', async () => {
      await log.mark(A2, 'S02', 'recorded', 0);
      const d = await dashboard('2023-01-16');
      expect(d.total.recorded).toBe(1);
      expect(d.total.plannedByNow).toBe(5);
      expect(d.total.forecast).toEqual({ status: 'none', reason: 'no_work_yet' });
      expectRecount(d, log.events, '2023-01-16');
    });

    it('says when every target is done', async () => {
      for (const [id, npsn] of TARGETS) {
        await log.mark(npsn === SCHOOL_A.npsn ? A1 : B1, id, 'recorded', 0);
      }
      const d = await dashboard();
      expect(d.total.remaining).toBe(0);
      expect(d.total.forecast).toEqual({
        status: 'finished',
        finish: '2023-01-16',
        versusPlan: { verdict: 'ahead', workingDays: 1 },
      });
    });
  });
});

describe('a programme without a plan or without targets', () => {
  it('has no plan: figures of the targets only, nothing planned', async () => {
    await storeProgressProgramme(db, { plan: false });
    const d = await dashboard();
    expect(d.hasPlan).toBe(false);
    expect(d.total).toMatchObject({ targets: 7, planned: 0, remaining: 7 });
    expect(d.days).toEqual([]);
    expect(d.teams.map((t) => t.team)).toEqual([undefined]);
  });

  it('has no targets before pemadanan: every student pending, nothing to do', async () => {
    await storeProgressProgramme(db, { matches: false });
    const d = await dashboard();
    expect(d.total.targets).toBe(0);
    expect(d.pending).toBe(14);
    expect(d.total.forecast).toMatchObject({ status: 'finished', finish: undefined });
  });
});

describe('invalid input', () => {
  it('refuses a programme that is not stored', async () => {
    expect(await api.dashboard({ programmeId: 'nope', today: TODAY })).toEqual({
      ok: false,
      error: { code: 'missing', message: 'missing' },
    });
    expect(await gatherProgress(db, 'nope', TODAY)).toEqual({
      ok: false,
      error: { code: 'missing' },
    });
  });

  it('passes on the core’s reason for refused settings', async () => {
    await storeProgressProgramme(db);
    const row = await db.programmes.get(PROGRAMME_ID);
    await db.programmes.put({ ...row!, settings: { ...row!.settings, regions: ['99'] } });
    const outcome = await api.dashboard({ programmeId: PROGRAMME_ID, today: TODAY });
    expect(!outcome.ok && outcome.error.code).toBe('settings');
    expect(!outcome.ok && outcome.error.localized?.en).toBeTruthy();
  });

  it('fails as internal, naming the field, for a today that is not a date', async () => {
    await storeProgressProgramme(db);
    const outcome = await api.dashboard({ programmeId: PROGRAMME_ID, today: '18/01/2023' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('internal');
    expect(!outcome.ok && outcome.error.message).toContain('today');
  });

  it('turns a database failure into a storage error', async () => {
    await storeProgressProgramme(db);
    db.close();
    expect(await api.dashboard({ programmeId: PROGRAMME_ID, today: TODAY })).toMatchObject({
      ok: false,
      error: { code: 'storage' },
    });
  });
});
