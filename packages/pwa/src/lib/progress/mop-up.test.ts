import { studentOutcomes } from '@sahaja/core/field';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addLostDay, rowsOf, SahajaDatabase } from '../db';
import { createProgressApi, type MopUpRequest } from '../worker/progress';
import {
  computeMopUp,
  defaultMopUpStart,
  readMopUpChoice,
  type MopUpPlan,
  type MopUpResult,
} from './mop-up';
import { gatherMopUp } from './mop-up-data';
import {
  A1,
  A2,
  B1,
  EventLog,
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  storeProgressProgramme,
} from './test-support/progress-fixture';

let db: SahajaDatabase;
let api: ReturnType<typeof createProgressApi>;
let log: EventLog;

const TODAY = '2023-01-18';

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-mop-up', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeProgressProgramme(db);
  api = createProgressApi(() => db);
  log = new EventLog(db);
});

afterEach(() => db.close());

/**
 * The visit days as the teams marked them: at school A, S01 absent; S02 absent, then recorded on
 * the second day; S10 marked absent by mistake and the mark undone; S11 refused; S03's capture
 * failed on the second day. At school B, S12 absent (S13 not marked yet), and a walk-in absent.
 */
async function markVisitDays(): Promise<void> {
  await log.mark(A1, 'S01', 'absent', 0);
  await log.mark(A1, 'S02', 'absent', 1);
  const mistake = await log.mark(A1, 'S10', 'absent', 2);
  await log.undo(mistake, A1, 3);
  await log.mark(A1, 'S11', 'refused', 4);
  await log.mark(A2, 'S02', 'recorded', 0);
  await log.mark(A2, 'S03', 'failed', 1);
  await log.mark(B1, 'S12', 'absent', 0);
  const walkIn = await log.walkIn(B1, 1);
  await log.mark(B1, walkIn, 'absent', 2);
}

async function mopUp(
  start: MopUpRequest['start'],
  minForVisit: MopUpRequest['minForVisit'],
): Promise<MopUpResult<MopUpPlan>> {
  const outcome = await api.mopUp({ programmeId: PROGRAMME_ID, today: TODAY, start, minForVisit });
  if (!outcome.ok) throw new Error(`mop-up failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value;
}

async function plan(start: string, minForVisit: number): Promise<MopUpPlan> {
  const result = await mopUp(start, minForVisit);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const names = (p: MopUpPlan) =>
  p.referrals.map((r) => [r.npsn, r.students.map((s) => [s.nama, s.kelas, s.outcome])]);

describe('the mop-up input, from the raw visit-day events', () => {
  it('gives every target with a standing outcome, with its own school and category', async () => {
    await markVisitDays();
    const gathered = await gatherMopUp(db, PROGRAMME_ID);
    if (!gathered.ok) throw new Error('not gathered');
    const targets = gathered.value.targets.flatMap(({ npsn, students }) =>
      students.map((s) => ({ idSiswa: s.idSiswa, npsn, category: s.category })),
    );
    const outcomes = studentOutcomes(targets, gathered.value.outcomes);
    expect(
      outcomes
        .map((o) => [o.idSiswa, o.npsn, o.category, o.outcome])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['S01', SCHOOL_A.npsn, 'WAJIB', 'absent'],
      // Absent on the first day, recorded on the second: the recording stands.
      ['S02', SCHOOL_A.npsn, 'REKAM_DINI', 'recorded'],
      ['S03', SCHOOL_A.npsn, 'REKAM_DINI', 'failed'],
      // S10's absence was undone: no outcome, so not in the mop-up (the plan still visits S10).
      ['S11', SCHOOL_A.npsn, 'WAJIB', 'refused'],
      ['S12', SCHOOL_B.npsn, 'REKAM_DINI', 'absent'],
    ]);
  });

  it('counts only the absent and the failed as still to record; refusals apart', async () => {
    await markVisitDays();
    const p = await plan('2023-01-19', 1);
    expect(p).toMatchObject({ toRecord: 3, absent: 2, failed: 1, refused: 1 });
    expect(p.refusedSchools).toEqual([
      {
        npsn: SCHOOL_A.npsn,
        nama: SCHOOL_A.nama,
        kecamatan: expect.any(String),
        count: 1,
        wajib: 1,
      },
    ]);
  });

  it('drops a student once a later visit records them', async () => {
    await markVisitDays();
    await log.mark({ ...B1, date: '2023-01-19' }, 'S12', 'recorded', 0);
    const p = await plan('2023-01-20', 1);
    expect(p.toRecord).toBe(2);
    expect(p.visits.map((v) => v.npsn)).toEqual([SCHOOL_A.npsn]);
  });

  it('keeps a recording over a later absence (a recording is a fact)', async () => {
    await log.mark(A1, 'S01', 'recorded', 0);
    await log.mark(A2, 'S01', 'absent', 0);
    const p = await plan('2023-01-19', 1);
    expect(p.toRecord).toBe(0);
    expect(p.visits).toEqual([]);
  });

  it('takes in a student marked absent again after an undone absence', async () => {
    const first = await log.mark(A1, 'S10', 'absent', 0);
    await log.undo(first, A1, 1);
    expect((await plan('2023-01-19', 1)).toRecord).toBe(0);
    await log.mark(A2, 'S10', 'absent', 0);
    expect((await plan('2023-01-19', 1)).toRecord).toBe(1);
  });

  it('leaves out walk-ins and every other student who is not a target', async () => {
    const walkIn = await log.walkIn(B1, 0);
    await log.mark(B1, walkIn, 'absent', 1);
    const p = await plan('2023-01-19', 1);
    expect(p.toRecord).toBe(0);
    expect(p.referrals).toEqual([]);
  });
});

describe('the threshold', () => {
  beforeEach(markVisitDays);

  it('visits a school with at least the threshold, and refers the others by name and class', async () => {
    const p = await plan('2023-01-19', 2);
    expect(p.visits.map((v) => [v.npsn, v.wajib, v.dini])).toEqual([[SCHOOL_A.npsn, 1, 1]]);
    expect(p.visitSchools).toBe(1);
    expect(names(p)).toEqual([[SCHOOL_B.npsn, [['LINA MARLINA', 'X 1', 'absent']]]]);
    expect(p.referrals[0]?.reason).toBe('few');
    expect(p).toMatchObject({ visited: 2, referred: 1, unservedStudents: 0 });
  });

  it('refers every school below the threshold: no follow-up visit', async () => {
    const p = await plan('2023-01-19', 3);
    expect(p.visits).toEqual([]);
    expect(p.finish).toBeUndefined();
    expect(names(p)).toEqual([
      [
        SCHOOL_A.npsn,
        [
          // By class, then name: XI before XII.
          ['CITRA DEWI', 'XI IPA 2', 'failed'],
          ['BUDI SANTOSO', 'XII IPA 1', 'absent'],
        ],
      ],
      [SCHOOL_B.npsn, [['LINA MARLINA', 'X 1', 'absent']]],
    ]);
    expect(p).toMatchObject({ visited: 0, referred: 3 });
  });

  it('visits every school with a student to catch up at threshold 1', async () => {
    const p = await plan('2023-01-19', 1);
    expect(p.visits.map((v) => v.npsn).sort()).toEqual([SCHOOL_A.npsn, SCHOOL_B.npsn]);
    expect(p.referrals).toEqual([]);
    expect(p.visited + p.referred + p.unservedStudents).toBe(p.toRecord);
  });

  it('refers the students of a school no longer stored: no team can be sent there', async () => {
    await db.schools.delete([PROGRAMME_ID, SCHOOL_B.npsn]);
    const p = await plan('2023-01-19', 1);
    expect(p.visits.map((v) => v.npsn)).toEqual([SCHOOL_A.npsn]);
    expect(p.referrals.map((r) => [r.npsn, r.nama, r.reason, r.students.length])).toEqual([
      [SCHOOL_B.npsn, SCHOOL_B.npsn, 'unknown_school', 1],
    ]);
  });

  it('uses the core’s default of 15: a small school is referred', async () => {
    const p = await plan('2023-01-19', 15);
    expect(p.visits).toEqual([]);
    expect(p.referred).toBe(3);
  });

  it('takes the threshold as digits typed in a text', async () => {
    const result = await mopUp('2023-01-19', ' 2 ');
    expect(result.ok && result.value.minForVisit).toBe(2);
  });
});

describe('the calendar of the follow-up visits', () => {
  beforeEach(markVisitDays);

  it('starts on the date asked for when it is free', async () => {
    const p = await plan('2023-01-19', 1);
    expect(p.start).toBe('2023-01-19');
    expect(p.visits.every((v) => v.date === '2023-01-19')).toBe(true);
    expect(p.finish).toBe('2023-01-19');
  });

  it('skips the schools’ blackout day, the weekend and the holidays', async () => {
    // Friday 20 January is every school's blackout day; 22 and 23 January are Imlek and its cuti.
    const p = await plan('2023-01-20', 1);
    expect(p.visits.map((v) => v.date)).toEqual(['2023-01-24', '2023-01-24']);
  });

  it('does not use the team-days the plan holds from the start on, nor lost days', async () => {
    await addLostDay(db, {
      programmeId: PROGRAMME_ID,
      team: 'Tim 2',
      date: '2023-01-17',
      note: '',
    });
    // Tim 1 visits on 16 and 17 January, Tim 2 on the 16th (and lost the 17th).
    const p = await plan('2023-01-16', 1);
    expect(p.visits).toHaveLength(2);
    for (const v of p.visits) {
      expect(v.date >= '2023-01-18', `${v.team} on ${v.date}`).toBe(true);
    }
  });

  it('orders the visits by date, team and place in the day', async () => {
    const p = await plan('2023-01-19', 1);
    const keys = p.visits.map((v) => `${v.date}|${v.team}|${v.order}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('the proposed start', () => {
  const holidays = [
    { tanggal: '2023-01-22', keterangan: 'Tahun Baru Imlek' },
    { tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' },
  ];

  it('follows today when today is later than the plan’s last visit', () => {
    expect(defaultMopUpStart('2023-01-17', '2023-01-18', holidays)).toEqual({
      date: '2023-01-19',
      after: 'today',
      from: '2023-01-18',
    });
  });

  it('follows the plan’s last visit when it is later, or the same day', () => {
    expect(defaultMopUpStart('2023-01-17', '2023-01-10', holidays)).toEqual({
      date: '2023-01-18',
      after: 'plan',
      from: '2023-01-17',
    });
    expect(defaultMopUpStart('2023-01-17', '2023-01-17', holidays).after).toBe('plan');
  });

  it('is the next working day: past the weekend and the holidays', () => {
    expect(defaultMopUpStart(undefined, '2023-01-20', holidays).date).toBe('2023-01-24');
  });

  it('comes with the dashboard', async () => {
    const outcome = await api.dashboard({ programmeId: PROGRAMME_ID, today: '2023-01-10' });
    expect(outcome.ok && outcome.value.mopUpStart).toEqual({
      date: '2023-01-18',
      after: 'plan',
      from: '2023-01-17',
    });
  });
});

describe('invalid input', () => {
  it('refuses an empty or impossible start, naming the field in both languages', () => {
    const empty = readMopUpChoice({ start: '', minForVisit: 15 });
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.issues).toEqual([
      {
        field: 'start',
        code: 'start_missing',
        message: {
          id: 'Isi "Tanggal mulai susulan".',
          en: 'Fill in "Mop-up starts on".',
        },
      },
    ]);
    for (const start of ['2023-02-30', '19/01/2023', '2023-1-9', 20230119, null]) {
      const result = readMopUpChoice({ start, minForVisit: 15 });
      expect(!result.ok && result.issues.map((i) => i.field), String(start)).toEqual(['start']);
    }
    const impossible = readMopUpChoice({ start: '2023-02-30', minForVisit: 15 });
    expect(!impossible.ok && impossible.issues[0].message.id).toBe(
      '"Tanggal mulai susulan" harus tanggal yang ada, misalnya 2023-01-19 (bukan "2023-02-30").',
    );
  });

  it('refuses a threshold that is not a whole number of at least 1, naming the field', () => {
    for (const minForVisit of [
      0,
      -3,
      2.5,
      Number.NaN,
      Infinity,
      '3a',
      '1.5',
      '',
      null,
      undefined,
    ]) {
      const result = readMopUpChoice({ start: '2023-01-19', minForVisit });
      expect(result.ok, String(minForVisit)).toBe(false);
      expect(!result.ok && result.issues.map((i) => i.field)).toEqual(['minForVisit']);
      expect(!result.ok && result.issues[0].message.id).toContain(
        '"Minimal siswa susulan untuk kunjungan"',
      );
      expect(!result.ok && result.issues[0].message.en).toContain(
        '"Fewest students for a follow-up visit"',
      );
    }
    const half = readMopUpChoice({ start: '2023-01-19', minForVisit: 2.5 });
    expect(!half.ok && half.issues[0].message.en).toBe(
      '"Fewest students for a follow-up visit" must be a whole number, 1 or more (not "2.5").',
    );
  });

  it('lists every refused field at once', () => {
    const result = readMopUpChoice({ start: 'kemarin', minForVisit: 0 });
    expect(!result.ok && result.issues.map((i) => [i.field, i.code])).toEqual([
      ['start', 'start_invalid'],
      ['minForVisit', 'min_invalid'],
    ]);
  });

  it('is refused by the worker too, as issues, with nothing computed', async () => {
    const result = await mopUp('2023-02-30', 0);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual([
      'start_invalid',
      'min_invalid',
    ]);
  });

  it('gives the planner’s reason when no team can record anyone', async () => {
    await markVisitDays();
    await rowsOf(db, 'teams', PROGRAMME_ID).delete();
    const result = await mopUp('2023-01-19', 1);
    expect(!result.ok && result.issues.map((i) => [i.field, i.code])).toEqual([
      ['setup', 'no_team'],
    ]);
  });

  it('refuses a programme that is not stored, and fails on a today that is not a date', async () => {
    expect(
      await api.mopUp({ programmeId: 'nope', today: TODAY, start: '2023-01-19', minForVisit: 1 }),
    ).toEqual({ ok: false, error: { code: 'missing', message: 'missing' } });
    const bad = await api.mopUp({
      programmeId: PROGRAMME_ID,
      today: '18/01/2023',
      start: '2023-01-19',
      minForVisit: 1,
    });
    expect(!bad.ok && bad.error.code).toBe('internal');
    expect(!bad.ok && bad.error.message).toContain('today');
  });

  it('does not modify its input', async () => {
    await markVisitDays();
    const gathered = await gatherMopUp(db, PROGRAMME_ID);
    if (!gathered.ok) throw new Error('not gathered');
    const copy = structuredClone(gathered.value);
    computeMopUp(gathered.value, { start: '2023-01-19', minForVisit: 1, today: TODAY });
    expect(gathered.value).toEqual(copy);
  });
});
