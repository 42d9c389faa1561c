import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Team } from '../domain/records.js';
import { checkVisit, moveVisit } from './check.js';
import { dailyCapacity, newSchedule, planVisits } from './planner.js';
import type { PlanCalendar, PlanSchool, PlanSetup, Visit, VisitIssueCode } from './types.js';

const day = (iso: string): PlainDate => parseIsoDate(iso) as PlainDate;

function school(npsn: string, extra: Partial<PlanSchool> = {}): PlanSchool {
  return {
    npsn,
    nama: `SMA ${npsn}`,
    kecamatan: 'Pare',
    waktuTempuhMenit: 30,
    jumlahWajib: 60,
    jumlahDini: 40,
    tanggalTidakBisa: [],
    ...extra,
  };
}

const TEAMS: Team[] = [
  { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
  { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
];
const SCHOOLS: PlanSchool[] = [
  school('20500001', { tanggalTidakBisa: ['2023-01-19'] }),
  school('20500002', { kecamatan: 'Kandat', waktuTempuhMenit: 45 }),
  school('20500003', { kecamatan: 'Semen', waktuTempuhMenit: 240 }),
];
const CALENDAR: PlanCalendar = {
  start: day('2023-01-16'),
  end: day('2023-02-28'),
  holidays: HOLIDAYS_2023,
};
const SETUP: PlanSetup = { schools: SCHOOLS, teams: TEAMS, calendar: CALENDAR };

const visit = (date: string, team: string, npsn: string, wajib: number, dini: number): Visit => ({
  date,
  team,
  npsn,
  wajib,
  dini,
  order: 0,
});

const codes = (result: { ok: boolean; issues?: readonly { code: VisitIssueCode | string }[] }) =>
  result.ok ? [] : (result.issues ?? []).map((i) => i.code);

describe('checkVisit', () => {
  const proposed = { date: '2023-01-17', team: 'Tim 1', npsn: '20500002', wajib: 50, dini: 20 };

  it('allows a visit on a free working day and says where it stands in the team day', () => {
    const result = checkVisit(proposed, [], SETUP);
    expect(result).toEqual({ ok: true, value: { ...proposed, order: 0 } });
  });

  it('puts a second school after the first one of the same team-day', () => {
    const result = checkVisit(
      { ...proposed, wajib: 20, dini: 0 },
      [visit('2023-01-17', 'Tim 1', '20500001', 60, 0)],
      SETUP,
    );
    expect(result.ok && result.value.order).toBe(1);
  });

  describe('refusals, each with its reason', () => {
    it('refuses a weekend and names the weekday', () => {
      const result = checkVisit({ ...proposed, date: '2023-01-21' }, [], SETUP);
      expect(codes(result)).toEqual(['not_working_day']);
      expect(!result.ok && result.issues[0].message.id).toBe(
        'Sabtu, 21 Januari 2023 bukan hari kerja.',
      );
      expect(!result.ok && result.issues[0].message.en).toBe(
        'Saturday, 21 January 2023 is not a working day.',
      );
    });

    it('refuses a holiday and names it', () => {
      const result = checkVisit({ ...proposed, date: '2023-01-23' }, [], SETUP);
      expect(codes(result)).toEqual(['holiday']);
      expect(!result.ok && result.issues[0].message.en).toBe(
        '23 January 2023 is a holiday: Cuti bersama Tahun Baru Imlek.',
      );
    });

    it('refuses a day before the start or after the end', () => {
      expect(codes(checkVisit({ ...proposed, date: '2023-01-13' }, [], SETUP))).toEqual([
        'before_start',
      ]);
      const late = checkVisit({ ...proposed, date: '2023-03-01' }, [], SETUP);
      expect(codes(late)).toEqual(['after_end']);
      expect(!late.ok && late.issues[0].message.id).toContain('28 Februari 2023');
    });

    it("refuses a school's blackout day, naming the school by name and NPSN", () => {
      const result = checkVisit({ ...proposed, npsn: '20500001', date: '2023-01-19' }, [], SETUP);
      expect(codes(result)).toEqual(['blackout']);
      expect(!result.ok && result.issues[0].message.id).toBe(
        'SMA 20500001 (NPSN 20500001) tidak bisa menerima kunjungan pada 19 Januari 2023.',
      );
    });

    it('refuses a team that does not exist and a school that is not in the programme', () => {
      const result = checkVisit({ ...proposed, team: 'Tim 9', npsn: '99999999' }, [], SETUP);
      expect(codes(result)).toEqual(['unknown_school', 'unknown_team']);
    });

    it('refuses a lost team-day, but not the same day of another team', () => {
      const lost = { ...SETUP, options: { lostDays: [{ team: 'Tim 1', date: '2023-01-17' }] } };
      expect(codes(checkVisit(proposed, [], lost))).toEqual(['lost_day']);
      expect(checkVisit({ ...proposed, team: 'Tim 2' }, [], lost).ok).toBe(true);
    });

    it('gives every reason at once', () => {
      const result = checkVisit(
        { date: '2023-03-04', team: 'Tim 9', npsn: '20500001', wajib: 10, dini: 0 },
        [],
        SETUP,
      );
      expect(codes(result)).toEqual(['unknown_team', 'after_end', 'not_working_day']);
    });
  });

  describe("the team's day", () => {
    it('refuses more students than the team records in a day', () => {
      const result = checkVisit({ ...proposed, npsn: '20500001', wajib: 120, dini: 40 }, [], SETUP);
      expect(codes(result)).toEqual(['day_full']);
      expect(!result.ok && result.issues[0].message.en).toContain('can record only 150 more');
    });

    it('counts the visits already planned that day, with the travel between the schools', () => {
      const others = [visit('2023-01-17', 'Tim 1', '20500001', 100, 0)];
      const result = checkVisit({ ...proposed, wajib: 50, dini: 0 }, others, SETUP);
      expect(codes(result)).toEqual(['day_full']);
      // The planner's own arithmetic: what room() says is what the check allows.
      const { schedule, dayOf } = newSchedule(SCHOOLS, TEAMS, CALENDAR, {});
      const d = dayOf.get('2023-01-17') as number;
      schedule.commitVisit(0, d, 0, 100, 0);
      const room = schedule.room(0, d, 1);
      expect(room).toBeLessThan(50);
      expect(checkVisit({ ...proposed, wajib: room, dini: 0 }, others, SETUP).ok).toBe(true);
      expect(checkVisit({ ...proposed, wajib: room + 1, dini: 0 }, others, SETUP).ok).toBe(false);
    });

    it("allows a team's whole daily capacity at a school near the office", () => {
      const capacity = dailyCapacity(TEAMS[1] as Team);
      const near = { ...proposed, team: 'Tim 2', npsn: '20500001', wajib: capacity, dini: 0 };
      expect(checkVisit(near, [], SETUP).ok).toBe(true);
      expect(checkVisit({ ...near, dini: 1 }, [], SETUP).ok).toBe(false);
    });

    it('says when travel leaves no time to record at all', () => {
      const result = checkVisit({ ...proposed, npsn: '20500003' }, [], SETUP);
      expect(codes(result)).toEqual(['too_far']);
    });

    it('leaves out the visit a move replaces', () => {
      const here = visit('2023-01-17', 'Tim 1', '20500002', 150, 0);
      const again = { ...proposed, wajib: 150, dini: 0 };
      expect(codes(checkVisit(again, [here], SETUP))).toEqual(['day_full']);
      expect(checkVisit(again, [here], SETUP, here).ok).toBe(true);
    });

    it("ignores other team-days and other teams' visits", () => {
      const others = [
        visit('2023-01-17', 'Tim 2', '20500001', 100, 0),
        visit('2023-01-18', 'Tim 1', '20500001', 150, 0),
      ];
      expect(checkVisit(proposed, others, SETUP).ok).toBe(true);
    });
  });

  describe('invalid input', () => {
    it('refuses a date that is not a date, without looking further at it', () => {
      const result = checkVisit({ ...proposed, date: '2023-02-30' }, [], SETUP);
      expect(codes(result)).toEqual(['invalid_date']);
    });

    it('refuses negative or fractional counts, and a visit with no students', () => {
      expect(codes(checkVisit({ ...proposed, wajib: -1 }, [], SETUP))).toEqual(['invalid_count']);
      expect(codes(checkVisit({ ...proposed, dini: 1.5 }, [], SETUP))).toEqual(['invalid_count']);
      expect(codes(checkVisit({ ...proposed, wajib: 0, dini: 0 }, [], SETUP))).toEqual([
        'no_students',
      ]);
    });

    it('works without an end date and does not modify its inputs', () => {
      const open = { ...SETUP, calendar: { ...CALENDAR, end: undefined } };
      const others = [visit('2024-06-03', 'Tim 1', '20500001', 60, 0)];
      const copy = structuredClone(others);
      expect(checkVisit({ ...proposed, date: '2024-06-03', wajib: 20 }, others, open).ok).toBe(
        true,
      );
      expect(others).toEqual(copy);
    });
  });
});

describe('moveVisit', () => {
  const plan = planVisits(SCHOOLS.slice(0, 2), TEAMS, CALENDAR);
  const setup = { ...SETUP, schools: SCHOOLS.slice(0, 2) };
  const first = plan.visits[0] as Visit;

  it('moves a visit with its students and makes the figures again', () => {
    const result = moveVisit(plan, first, { date: '2023-01-25', team: 'Tim 2' }, setup);
    if (!result.ok) throw new Error(result.issues[0].message.en);
    const { plan: next, moved, removed, added } = result.value;
    expect(moved).toMatchObject({ date: '2023-01-25', team: 'Tim 2', npsn: first.npsn });
    expect(moved.wajib + moved.dini).toBe(first.wajib + first.dini);
    expect(removed).toEqual([first]);
    expect(added).toEqual([moved]);
    expect(next.visits).toHaveLength(plan.visits.length);
    expect(next.finish).toBe('2023-01-25');
    expect(next.workingDays).toBeGreaterThan(plan.workingDays);
    expect(next.lowerBound).toBe(plan.lowerBound);
  });

  it('refuses a move that breaks a constraint and changes nothing', () => {
    const copy = structuredClone(plan);
    const result = moveVisit(plan, first, { date: '2023-01-22', team: 'Tim 1' }, setup);
    expect(codes(result)).toEqual(['not_working_day', 'holiday']);
    expect(plan).toEqual(copy);
  });

  it('joins a visit moved onto a day its school already has with the same team', () => {
    const schools = [school('20500001', { jumlahWajib: 60, jumlahDini: 30 })];
    const two = {
      ...planVisits(schools, TEAMS, CALENDAR),
      visits: [
        visit('2023-01-16', 'Tim 1', '20500001', 60, 0),
        visit('2023-01-18', 'Tim 1', '20500001', 0, 30),
      ],
    };
    const result = moveVisit(
      two,
      two.visits[1] as Visit,
      { date: '2023-01-16', team: 'Tim 1' },
      {
        ...SETUP,
        schools,
      },
    );
    if (!result.ok) throw new Error(result.issues[0].message.en);
    expect(result.value.plan.visits).toEqual([visit('2023-01-16', 'Tim 1', '20500001', 60, 30)]);
    expect(result.value.plan.visitsPerSchool).toBe(1);
  });

  describe('invalid input', () => {
    it('says so when the visit is not in the plan', () => {
      const result = moveVisit(
        plan,
        { date: '2023-01-16', team: 'Tim 9', npsn: first.npsn },
        { date: '2023-01-17', team: 'Tim 1' },
        setup,
      );
      expect(codes(result)).toEqual(['no_such_visit']);
    });
  });
});
