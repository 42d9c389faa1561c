import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Team } from '../domain/records.js';
import { planMopUp, type VisitOutcome } from '../scheduling/mop-up.js';
import type { PlanSchool } from '../scheduling/types.js';
import type { MarkedOutcome } from './marks.js';
import {
  computeProgress,
  studentOutcomes,
  type PlannedVisit,
  type ProgressFigures,
  type ProgressInput,
  type TargetStudent,
} from './progress.js';

const A = '20500001';
const B = '20500002';
const C = '20500003';
const D = '20500009';

const visit = (
  date: string,
  team: string,
  npsn: string,
  wajib: number,
  dini: number,
): PlannedVisit => ({
  date,
  team,
  npsn,
  wajib,
  dini,
});
const target = (idSiswa: string, npsn: string, category: TargetStudent['category'] = 'WAJIB') => ({
  idSiswa,
  npsn,
  category,
});
const marked = (outcome: VisitOutcome, date: string, team = 'Tim 1', npsn = A): MarkedOutcome => ({
  outcome,
  visit: { date, team, npsn },
});

const INPUT: ProgressInput = {
  today: '2023-01-18',
  holidays: ['2023-01-23'],
  schools: [
    { npsn: A, kecamatan: '35.06.17' },
    { npsn: B, kecamatan: '35.06.17' },
    { npsn: C, kecamatan: '35.06.01' },
  ],
  visits: [
    visit('2023-01-16', 'Tim 1', A, 3, 1),
    visit('2023-01-17', 'Tim 1', B, 2, 0),
    visit('2023-01-17', 'Tim 2', C, 1, 1),
    visit('2023-01-18', 'Tim 2', A, 1, 0),
    visit('2023-01-20', 'Tim 2', C, 2, 0),
  ],
  targets: [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => target(id, A)),
    target('a5', A, 'REKAM_DINI'),
    target('b1', B),
    target('b2', B),
    ...['c1', 'c2', 'c3'].map((id) => target(id, C)),
    target('c4', C, 'REKAM_DINI'),
    target('c5', C, 'REKAM_DINI'),
    target('d1', D),
  ],
  outcomes: new Map([
    ['a1', marked('recorded', '2023-01-16')],
    ['a2', marked('recorded', '2023-01-16')],
    ['a3', marked('absent', '2023-01-16')],
    ['a4', marked('recorded', '2023-01-18', 'Tim 2')],
    ['a5', marked('not_eligible', '2023-01-16')],
    ['b1', marked('recorded', '2023-01-17', 'Tim 1', B)],
    ['b2', marked('refused', '2023-01-17', 'Tim 1', B)],
    ['c1', marked('recorded', '2023-01-17', 'Tim 2', C)],
    ['c2', marked('failed', '2023-01-17', 'Tim 2', C)],
    ['walkin:x', marked('recorded', '2023-01-17')],
  ]),
};

const figures = (partial: Partial<ProgressFigures>): ProgressFigures => ({
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
  ...partial,
});

describe('computeProgress', () => {
  const progress = computeProgress(INPUT);

  it('gives each school its figures, kecamatan, responsible team and last planned visit', () => {
    expect(progress.schools).toEqual([
      {
        npsn: A,
        kecamatan: '35.06.17',
        team: 'Tim 1',
        plannedFinish: '2023-01-18',
        ...figures({
          targets: 5,
          targetsWajib: 4,
          recorded: 3,
          recordedWajib: 3,
          absent: 1,
          notEligible: 1,
          remaining: 1,
          remainingWajib: 1,
          done: 4,
          planned: 5,
          plannedByNow: 5,
        }),
      },
      {
        npsn: B,
        kecamatan: '35.06.17',
        team: 'Tim 1',
        plannedFinish: '2023-01-17',
        ...figures({
          targets: 2,
          targetsWajib: 2,
          recorded: 1,
          recordedWajib: 1,
          refused: 1,
          done: 2,
          planned: 2,
          plannedByNow: 2,
        }),
      },
      {
        npsn: C,
        kecamatan: '35.06.01',
        team: 'Tim 2',
        plannedFinish: '2023-01-20',
        ...figures({
          targets: 5,
          targetsWajib: 3,
          recorded: 1,
          recordedWajib: 1,
          failed: 1,
          unmarked: 3,
          remaining: 4,
          remainingWajib: 2,
          done: 1,
          planned: 4,
          plannedByNow: 2,
        }),
      },
      {
        npsn: D,
        kecamatan: undefined,
        team: undefined,
        plannedFinish: undefined,
        ...figures({ targets: 1, targetsWajib: 1, unmarked: 1, remaining: 1, remainingWajib: 1 }),
      },
    ]);
  });

  it('sums schools into kecamatan, unknown schools last', () => {
    expect(
      progress.kecamatan.map((k) => [k.kecamatan, k.targets, k.recorded, k.plannedFinish]),
    ).toEqual([
      ['35.06.01', 5, 1, '2023-01-20'],
      ['35.06.17', 7, 4, '2023-01-18'],
      [undefined, 1, 0, undefined],
    ]);
  });

  it('forecasts the finish from the pace so far, against the plan, in working days', () => {
    // 5 recorded over 16–18 January (3 working days); 6 remaining need ⌈6 × 3 ÷ 5⌉ = 4 days from
    // the 19th: 19, 20, (23 is a holiday) 24, 25 — two working days after the planned 20th.
    expect(progress.total).toMatchObject({
      targets: 13,
      recorded: 5,
      remaining: 6,
      done: 7,
      planned: 11,
      plannedByNow: 9,
      plannedFinish: '2023-01-20',
      forecast: {
        status: 'projected',
        finish: '2023-01-25',
        perDay: 5 / 3,
        daysWorked: 3,
        daysNeeded: 4,
        versusPlan: { verdict: 'behind', workingDays: 2 },
      },
    });
  });

  it('forecasts each team from the pace at its schools, and says when there is no pace yet', () => {
    expect(progress.teams.map((t) => [t.team, t.targets, t.remaining, t.forecast])).toEqual([
      [
        'Tim 1',
        7,
        1,
        {
          status: 'projected',
          finish: '2023-01-19',
          perDay: 4 / 3,
          daysWorked: 3,
          daysNeeded: 1,
          versusPlan: { verdict: 'behind', workingDays: 1 },
        },
      ],
      [
        'Tim 2',
        5,
        4,
        {
          // Nothing marked at its school today yet: the remaining work starts today.
          status: 'projected',
          finish: '2023-01-24',
          perDay: 1,
          daysWorked: 1,
          daysNeeded: 4,
          versusPlan: { verdict: 'behind', workingDays: 1 },
        },
      ],
      [undefined, 1, 1, { status: 'none', reason: 'no_work_yet' }],
    ]);
  });

  it('gives each day its planned and marked students, and the running totals', () => {
    expect(progress.days).toEqual([
      {
        date: '2023-01-16',
        planned: 4,
        recorded: 2,
        absent: 1,
        refused: 0,
        failed: 0,
        notEligible: 1,
        done: 3,
        plannedToDate: 4,
        doneToDate: 3,
      },
      {
        date: '2023-01-17',
        planned: 4,
        recorded: 2,
        absent: 0,
        refused: 1,
        failed: 1,
        notEligible: 0,
        done: 3,
        plannedToDate: 8,
        doneToDate: 6,
      },
      {
        date: '2023-01-18',
        planned: 1,
        recorded: 1,
        absent: 0,
        refused: 0,
        failed: 0,
        notEligible: 0,
        done: 1,
        plannedToDate: 9,
        doneToDate: 7,
      },
      {
        date: '2023-01-20',
        planned: 2,
        recorded: 0,
        absent: 0,
        refused: 0,
        failed: 0,
        notEligible: 0,
        done: 0,
        plannedToDate: 11,
        doneToDate: 7,
      },
    ]);
  });

  it('counts the outcomes of students who are not targets apart', () => {
    expect(progress.untracked).toBe(1);
  });

  describe('forecast', () => {
    const one = (outcomes: ReadonlyMap<string, MarkedOutcome>, today = '2023-01-18') =>
      computeProgress({
        today,
        schools: [{ npsn: A, kecamatan: 'K' }],
        visits: [visit('2023-01-17', 'Tim 1', A, 2, 0)],
        targets: [target('a1', A), target('a2', A)],
        outcomes,
      }).total.forecast;

    it('has none before any work: there is no pace to extrapolate', () => {
      expect(one(new Map())).toEqual({ status: 'none', reason: 'no_work_yet' });
      expect(one(new Map([['a1', marked('recorded', '2023-01-19')]]))).toEqual({
        status: 'none',
        reason: 'no_work_yet',
      });
    });

    it('has none when days were worked but nobody was recorded', () => {
      expect(one(new Map([['a1', marked('absent', '2023-01-17')]]))).toEqual({
        status: 'none',
        reason: 'nothing_recorded',
      });
    });

    it('is finished on the last day marked when nothing remains, compared with the plan', () => {
      const done = new Map([
        ['a1', marked('recorded', '2023-01-16')],
        ['a2', marked('refused', '2023-01-16')],
      ]);
      expect(one(done)).toEqual({
        status: 'finished',
        finish: '2023-01-16',
        versusPlan: { verdict: 'ahead', workingDays: 1 },
      });
    });

    it('counts a Saturday that was worked as a day worked', () => {
      const saturday = new Map([['a1', marked('recorded', '2023-01-21')]]);
      expect(one(saturday, '2023-01-21')).toMatchObject({
        status: 'projected',
        daysWorked: 1,
        finish: '2023-01-23',
        versusPlan: { verdict: 'behind', workingDays: 4 },
      });
    });
  });

  it('is all zeros for empty inputs, with nothing left to do', () => {
    const empty = computeProgress({
      today: '2023-01-16',
      schools: [],
      visits: [],
      targets: [],
      outcomes: new Map(),
    });
    expect(empty).toEqual({
      today: '2023-01-16',
      total: {
        ...figures({}),
        plannedFinish: undefined,
        forecast: { status: 'finished', finish: undefined, versusPlan: undefined },
      },
      days: [],
      schools: [],
      kecamatan: [],
      teams: [],
      untracked: 0,
    });
  });

  describe('adds up', () => {
    const START: PlainDate = { year: 2023, month: 1, day: 9 };
    const date = fc.integer({ min: 0, max: 30 }).map((n) => formatIsoDate(addDays(START, n)));
    const npsn = fc.constantFrom('S1', 'S2', 'S3', 'S4', 'S5', 'S6');
    const outcome = fc.constantFrom<VisitOutcome>(
      'recorded',
      'absent',
      'refused',
      'failed',
      'not_eligible',
    );
    const input = fc.record({
      today: date,
      schools: fc.uniqueArray(fc.record({ npsn, kecamatan: fc.constantFrom('K1', 'K2', 'K3') }), {
        selector: (s) => s.npsn,
        maxLength: 5,
      }),
      visits: fc.array(
        fc.record({
          date,
          team: fc.constantFrom('T1', 'T2', 'T3'),
          npsn,
          wajib: fc.nat(30),
          dini: fc.nat(30),
        }),
        { maxLength: 12 },
      ),
      targets: fc.uniqueArray(
        fc.record({
          idSiswa: fc.nat(60).map(String),
          npsn,
          category: fc.constantFrom('WAJIB' as const, 'REKAM_DINI' as const),
        }),
        { selector: (t) => t.idSiswa, maxLength: 50 },
      ),
      outcomes: fc
        .array(
          fc.tuple(fc.nat(70).map(String), outcome, date, fc.constantFrom('T1', 'T2', 'T3'), npsn),
          { maxLength: 50 },
        )
        .map((marks) => new Map(marks.map(([id, o, d, team, n]) => [id, marked(o, d, team, n)]))),
    });
    const KEYS = Object.keys(figures({})) as (keyof ProgressFigures)[];
    const sum = (rows: readonly ProgressFigures[]): ProgressFigures =>
      figures(Object.fromEntries(KEYS.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])));
    const pick = (row: ProgressFigures): ProgressFigures =>
      figures(Object.fromEntries(KEYS.map((k) => [k, row[k]])));

    it('per-school figures sum to the per-kecamatan, per-team and total figures', () => {
      fc.assert(
        fc.property(input, (raw) => {
          const p = computeProgress(raw);
          for (const k of p.kecamatan)
            expect(pick(k)).toEqual(sum(p.schools.filter((s) => s.kecamatan === k.kecamatan)));
          for (const t of p.teams)
            expect(pick(t)).toEqual(sum(p.schools.filter((s) => s.team === t.team)));
          expect(pick(p.total)).toEqual(sum(p.schools));
          expect(pick(p.total)).toEqual(sum(p.kecamatan));
          expect(pick(p.total)).toEqual(sum(p.teams));
        }),
      );
    });

    it('equals a plain recount from the raw outcomes', () => {
      fc.assert(
        fc.property(input, (raw) => {
          const p = computeProgress(raw);
          const outcomeOf = (id: string) => raw.outcomes.get(id)?.outcome;
          const recount = (targets: readonly TargetStudent[], visits: readonly PlannedVisit[]) => {
            const n = (o: VisitOutcome) => targets.filter((t) => outcomeOf(t.idSiswa) === o).length;
            const open = targets.filter((t) =>
              [undefined, 'absent', 'failed'].includes(outcomeOf(t.idSiswa)),
            );
            const wajib = (ts: readonly TargetStudent[]) =>
              ts.filter((t) => t.category === 'WAJIB').length;
            const students = (vs: readonly PlannedVisit[]) =>
              vs.reduce((s, v) => s + v.wajib + v.dini, 0);
            return figures({
              targets: targets.length,
              targetsWajib: wajib(targets),
              recorded: n('recorded'),
              recordedWajib: wajib(targets.filter((t) => outcomeOf(t.idSiswa) === 'recorded')),
              absent: n('absent'),
              refused: n('refused'),
              failed: n('failed'),
              notEligible: n('not_eligible'),
              unmarked: targets.filter((t) => outcomeOf(t.idSiswa) === undefined).length,
              remaining: open.length,
              remainingWajib: wajib(open),
              done: targets.length - open.length,
              planned: students(visits),
              plannedByNow: students(visits.filter((v) => v.date <= raw.today)),
            });
          };
          expect(pick(p.total)).toEqual(recount(raw.targets, raw.visits));
          for (const s of p.schools)
            expect(pick(s)).toEqual(
              recount(
                raw.targets.filter((t) => t.npsn === s.npsn),
                raw.visits.filter((v) => v.npsn === s.npsn),
              ),
            );
          const kecamatanOf = (n: string) => raw.schools.find((s) => s.npsn === n)?.kecamatan;
          for (const k of p.kecamatan)
            expect(pick(k)).toEqual(
              recount(
                raw.targets.filter((t) => kecamatanOf(t.npsn) === k.kecamatan),
                raw.visits.filter((v) => kecamatanOf(v.npsn) === k.kecamatan),
              ),
            );
          const targetIds = new Set(raw.targets.map((t) => t.idSiswa));
          for (const d of p.days) {
            const that = raw.targets.filter(
              (t) => raw.outcomes.get(t.idSiswa)?.visit.date === d.date,
            );
            expect(d.recorded).toBe(that.filter((t) => outcomeOf(t.idSiswa) === 'recorded').length);
            expect(d.planned).toBe(
              raw.visits.filter((v) => v.date === d.date).reduce((s, v) => s + v.wajib + v.dini, 0),
            );
          }
          expect(p.days.reduce((s, d) => s + d.done, 0)).toBe(p.total.done);
          expect(p.days.at(-1)?.plannedToDate ?? 0).toBe(p.total.planned);
          expect(p.untracked).toBe(
            [...raw.outcomes.keys()].filter((id) => !targetIds.has(id)).length,
          );
        }),
      );
    });
  });

  describe('invalid input', () => {
    const base = { today: '2023-01-16', schools: [], visits: [], targets: [], outcomes: new Map() };

    it('throws on a date that is not YYYY-MM-DD, naming it', () => {
      expect(() => computeProgress({ ...base, today: '16/01/2023' })).toThrow(
        /today "16\/01\/2023"/,
      );
      expect(() =>
        computeProgress({ ...base, visits: [visit('2023-1-16', 'T', A, 1, 0)] }),
      ).toThrow(RangeError);
    });

    it('throws on a student count that is negative or fractional', () => {
      expect(() =>
        computeProgress({ ...base, visits: [visit('2023-01-16', 'T', A, -1, 0)] }),
      ).toThrow(/-1 is not a student count/);
      expect(() =>
        computeProgress({ ...base, visits: [visit('2023-01-16', 'T', A, 0, 1.5)] }),
      ).toThrow(RangeError);
    });

    it('throws on a target or school listed twice', () => {
      expect(() =>
        computeProgress({ ...base, targets: [target('a1', A), target('a1', B)] }),
      ).toThrow(/a1 is listed twice/);
      const school = { npsn: A, kecamatan: 'K' };
      expect(() => computeProgress({ ...base, schools: [school, school] })).toThrow(RangeError);
    });
  });
});

describe('studentOutcomes', () => {
  it("gives mop-up planning the targets' current outcomes: absentees are referred or revisited", () => {
    const outcomes = studentOutcomes(INPUT.targets, INPUT.outcomes);
    expect(outcomes.map((o) => [o.idSiswa, o.outcome])).toEqual([
      ['a1', 'recorded'],
      ['a2', 'recorded'],
      ['a3', 'absent'],
      ['a4', 'recorded'],
      ['a5', 'not_eligible'],
      ['b1', 'recorded'],
      ['b2', 'refused'],
      ['c1', 'recorded'],
      ['c2', 'failed'],
    ]);
    const school = (npsn: string): PlanSchool => ({
      npsn,
      nama: npsn,
      kecamatan: 'K',
      waktuTempuhMenit: 30,
      jumlahWajib: 0,
      jumlahDini: 0,
      tanggalTidakBisa: [],
    });
    const teams: Team[] = [{ tim: 'Tim 1', jumlahAlat: 1, kapasitasPerAlat: 50 }];
    const mopUp = planMopUp(outcomes, [school(A), school(C)], teams, {
      start: { year: 2023, month: 2, day: 1 },
      holidays: [],
    });
    expect(mopUp.referrals.map((r) => [r.npsn, r.students.map((s) => s.idSiswa)])).toEqual([
      [A, ['a3']],
      [C, ['c2']],
    ]);
    expect(mopUp.refused.map((r) => r.students.map((s) => s.idSiswa))).toEqual([['b2']]);
  });

  it('is empty without targets', () => {
    expect(studentOutcomes([], INPUT.outcomes)).toEqual([]);
  });
});
