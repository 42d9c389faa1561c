import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Team } from '../domain/records.js';
import { planVisits } from './planner.js';
import { mergeUnserved, replanPlan, replanVisits } from './replan.js';
import type { Plan, PlanCalendar, PlanSchool, Visit } from './types.js';

const CALENDAR: PlanCalendar = {
  start: parseIsoDate('2023-01-16') as PlainDate,
  holidays: HOLIDAYS_2023,
};
const TEAMS: Team[] = [
  { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
  { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
];
const KECAMATAN = ['Pare', 'Kandat', 'Semen', 'Wates'];
const SCHOOLS: PlanSchool[] = Array.from({ length: 14 }, (_, i) => ({
  npsn: String(20500100 + i),
  nama: `Sekolah ${i + 1}`,
  kecamatan: KECAMATAN[i % 4] as string,
  waktuTempuhMenit: 20 + (i % 5) * 10,
  jumlahWajib: 30 + ((i * 37) % 90),
  jumlahDini: 20 + ((i * 53) % 110),
  tanggalTidakBisa: [],
}));

const plan = planVisits(SCHOOLS, TEAMS, CALENDAR);
const key = (v: Visit): string => `${v.date}|${v.team}|${v.npsn}|${v.wajib}|${v.dini}`;

function totals(p: Plan): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of p.visits) out.set(v.npsn, (out.get(v.npsn) ?? 0) + v.wajib + v.dini);
  return out;
}

describe('replanVisits', () => {
  it('after a lost team-day changes only the visits of that day and where their students go', () => {
    const lostVisit = plan.visits[Math.floor(plan.visits.length / 2)] as Visit;
    const lostDay = { team: lostVisit.team, date: lostVisit.date };
    const {
      plan: next,
      removed,
      added,
    } = replanVisits(plan.visits, SCHOOLS, TEAMS, CALENDAR, {
      lostDays: [lostDay],
    });
    const onLostDay = plan.visits.filter((v) => v.team === lostDay.team && v.date === lostDay.date);
    // Every visit not on the lost day is still there, exactly.
    const after = new Set(next.visits.map(key));
    for (const v of plan.visits) {
      if (v.team === lostDay.team && v.date === lostDay.date) continue;
      const kept = after.has(key(v));
      if (!kept) {
        // Only a visit that took in displaced students of its own school may have grown.
        expect(
          onLostDay.map((x) => x.npsn),
          key(v),
        ).toContain(v.npsn);
      }
    }
    expect(next.visits.some((v) => v.team === lostDay.team && v.date === lostDay.date)).toBe(false);
    expect(removed.length).toBeLessThanOrEqual(onLostDay.length + 2);
    expect(added.length).toBeLessThanOrEqual(onLostDay.length + 2);
    expect(totals(next)).toEqual(totals(plan));
    expect(next.unserved).toEqual([]);
  });

  it("after a new blackout day moves that school's visit on that day, and nothing else", () => {
    const visit = plan.visits[3] as Visit;
    const { plan: next, removed } = replanVisits(plan.visits, SCHOOLS, TEAMS, CALENDAR, {
      blackouts: [{ npsn: visit.npsn, date: visit.date }],
    });
    expect(next.visits.some((v) => v.npsn === visit.npsn && v.date === visit.date)).toBe(false);
    expect(removed.every((v) => v.npsn === visit.npsn)).toBe(true);
    expect(totals(next)).toEqual(totals(plan));
  });

  it('keeps the visits that happened and plans nothing new before the as-of date', () => {
    const asOf = plan.visits[Math.floor(plan.visits.length / 3)]?.date as string;
    const lostDay = { team: 'Tim 1', date: plan.visits[0]?.date as string };
    const { plan: next } = replanVisits(plan.visits, SCHOOLS, TEAMS, CALENDAR, {
      asOf,
      lostDays: [lostDay],
    });
    const past = plan.visits.filter((v) => v.date < asOf).map(key);
    const nextPast = next.visits.filter((v) => v.date < asOf).map(key);
    // A lost day in the past does not undo what happened.
    expect(nextPast).toEqual(past);
  });

  it('changes nothing when nothing changed', () => {
    const { plan: next, removed, added } = replanVisits(plan.visits, SCHOOLS, TEAMS, CALENDAR, {});
    expect(removed).toEqual([]);
    expect(added).toEqual([]);
    expect(next.visits.map(key)).toEqual(plan.visits.map(key));
  });

  describe('invalid input', () => {
    it('lists the students that no longer fit before the end date', () => {
      const end = parseIsoDate(plan.finish as string) as PlainDate;
      const everyDay = [...new Set(plan.visits.map((v) => v.date))].flatMap((date) =>
        TEAMS.map((t) => ({ team: t.tim, date })),
      );
      const { plan: next } = replanVisits(
        plan.visits,
        SCHOOLS,
        TEAMS,
        { ...CALENDAR, end },
        {
          lostDays: everyDay.slice(-4),
        },
      );
      const unserved = next.unserved.reduce((a, u) => a + u.wajib + u.dini, 0);
      const planned = [...totals(next).values()].reduce((a, b) => a + b, 0);
      const all = SCHOOLS.reduce((a, s) => a + s.jumlahWajib + s.jumlahDini, 0);
      expect(unserved).toBeGreaterThan(0);
      expect(planned + unserved).toBe(all);
    });
  });
});

describe('replanPlan', () => {
  it('keeps the students the plan already could not serve, and adds those that no longer fit', () => {
    const end = parseIsoDate(plan.finish as string) as PlainDate;
    const previous: Plan = {
      ...plan,
      unserved: [{ npsn: '99999999', wajib: 4, dini: 1, reason: 'too_far' }],
    };
    const everyDay = [...new Set(plan.visits.map((v) => v.date))].flatMap((date) =>
      TEAMS.map((t) => ({ team: t.tim, date })),
    );
    const { plan: next } = replanPlan(
      previous,
      SCHOOLS,
      TEAMS,
      { ...CALENDAR, end },
      { lostDays: everyDay.slice(-4) },
    );
    expect(next.unserved[0]).toEqual({ npsn: '99999999', wajib: 4, dini: 1, reason: 'too_far' });
    expect(next.unserved.some((u) => u.reason === 'after_end')).toBe(true);
    expect(next.earliestEnd).toBeDefined();
    expect((next.earliestEnd as string) > (plan.finish as string)).toBe(true);
  });

  it('merges the students not served per school and reason', () => {
    expect(
      mergeUnserved(
        [{ npsn: '1', wajib: 2, dini: 3, reason: 'after_end' }],
        [
          { npsn: '1', wajib: 1, dini: 1, reason: 'after_end' },
          { npsn: '1', wajib: 5, dini: 0, reason: 'too_far' },
        ],
      ),
    ).toEqual([
      { npsn: '1', wajib: 3, dini: 4, reason: 'after_end' },
      { npsn: '1', wajib: 5, dini: 0, reason: 'too_far' },
    ]);
  });
});
