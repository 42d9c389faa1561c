import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import { addDays, formatIsoDate, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Team } from '../domain/records.js';
import { dailyCapacity, planVisits } from './planner.js';
import { replanVisits } from './replan.js';
import type { PinnedVisit, Plan, PlanCalendar, PlanSchool, Visit } from './types.js';

const CALENDAR: PlanCalendar = {
  start: parseIsoDate('2023-01-16') as PlainDate,
  holidays: HOLIDAYS_2023,
};
const TEAMS: Team[] = [
  { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
  { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
];
const KECAMATAN = ['Pare', 'Kandat', 'Semen', 'Wates'];
const SCHOOLS: PlanSchool[] = Array.from({ length: 10 }, (_, i) => ({
  npsn: String(20500100 + i),
  nama: `Sekolah ${i + 1}`,
  kecamatan: KECAMATAN[i % 4] as string,
  waktuTempuhMenit: 20 + (i % 4) * 8,
  jumlahWajib: 30 + ((i * 37) % 90),
  jumlahDini: 20 + ((i * 53) % 110),
  tanggalTidakBisa: i === 2 ? ['2023-01-26'] : [],
}));

const key = (v: { date: string; team: string; npsn: string }) => `${v.date}|${v.team}|${v.npsn}`;
const full = (v: Visit | PinnedVisit) => `${key(v)}|${v.wajib}|${v.dini}`;

/** Students per school in a plan, as [wajib, dini]. */
function totals(plan: Plan): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const v of plan.visits) {
    const t = out.get(v.npsn) ?? [0, 0];
    out.set(v.npsn, [t[0] + v.wajib, t[1] + v.dini]);
  }
  return out;
}

function expectEveryStudentOnce(plan: Plan, schools: readonly PlanSchool[]): void {
  const planned = totals(plan);
  for (const s of schools) {
    const [w, d] = planned.get(s.npsn) ?? [0, 0];
    const missing = plan.unserved.filter((u) => u.npsn === s.npsn);
    expect(w + missing.reduce((a, u) => a + u.wajib, 0), s.npsn).toBe(s.jumlahWajib);
    expect(d + missing.reduce((a, u) => a + u.dini, 0), s.npsn).toBe(s.jumlahDini);
  }
}

function expectWithinCapacity(plan: Plan): void {
  const perTeamDay = new Map<string, number>();
  for (const v of plan.visits) {
    const k = `${v.team}|${v.date}`;
    perTeamDay.set(k, (perTeamDay.get(k) ?? 0) + v.wajib + v.dini);
  }
  for (const [k, students] of perTeamDay) {
    const team = TEAMS.find((t) => t.tim === k.split('|')[0]) as Team;
    expect(students, k).toBeLessThanOrEqual(dailyCapacity(team));
  }
}

describe('planVisits with pinned visits', () => {
  const s0 = SCHOOLS[0] as PlanSchool;
  const s5 = SCHOOLS[5] as PlanSchool;
  // A user put part of school 0 late in the plan, and school 5 whole on the first day for Tim 2.
  const pinned: PinnedVisit[] = [
    { date: '2023-02-01', team: 'Tim 1', npsn: s0.npsn, wajib: s0.jumlahWajib, dini: 0 },
    {
      date: '2023-01-16',
      team: 'Tim 2',
      npsn: s5.npsn,
      wajib: s5.jumlahWajib,
      dini: s5.jumlahDini,
    },
  ];
  const plan = planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned });

  it('keeps every pinned visit exactly as it is', () => {
    const visits = new Set(plan.visits.map(full));
    for (const pin of pinned) expect(visits, full(pin)).toContain(full(pin));
    expect(plan.released).toEqual([]);
  });

  it("plans only the students the pins leave, so none of a school's students is planned twice", () => {
    expectEveryStudentOnce(plan, SCHOOLS);
    expect(plan.unserved).toEqual([]);
    expect(plan.visits.filter((v) => v.npsn === s5.npsn)).toHaveLength(1);
    const rest = plan.visits.filter((v) => v.npsn === s0.npsn && v.date !== '2023-02-01');
    expect(rest.reduce((a, v) => a + v.wajib, 0)).toBe(0);
    expect(rest.reduce((a, v) => a + v.dini, 0)).toBe(s0.jumlahDini);
  });

  it("counts a pin against its team's day: the day holds no more than the team's capacity", () => {
    expectWithinCapacity(plan);
    const firstDay = plan.visits.filter((v) => v.team === 'Tim 2' && v.date === '2023-01-16');
    expect(firstDay[0]?.npsn).toBe(s5.npsn);
  });

  it('adds no student to a pinned visit, even when its team has room that day', () => {
    const small: PinnedVisit = {
      date: '2023-01-16',
      team: 'Tim 1',
      npsn: s0.npsn,
      wajib: 10,
      dini: 0,
    };
    const result = planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned: [small] });
    expect(result.visits.filter((v) => key(v) === key(small))).toEqual([
      { ...small, order: expect.any(Number) },
    ]);
    expectEveryStudentOnce(result, SCHOOLS);
  });

  it('keeps pins in WAJIB-first mode too', () => {
    const result = planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned, mode: 'wajib-first' });
    const visits = new Set(result.visits.map(full));
    for (const pin of pinned) expect(visits).toContain(full(pin));
    expectEveryStudentOnce(result, SCHOOLS);
    expectWithinCapacity(result);
  });

  it('plans nothing on a lost team-day', () => {
    const lostDays = [{ team: 'Tim 1', date: '2023-01-17' }];
    const result = planVisits(SCHOOLS, TEAMS, CALENDAR, { lostDays });
    expect(result.visits.some((v) => v.team === 'Tim 1' && v.date === '2023-01-17')).toBe(false);
    expect(result.visits.some((v) => v.team === 'Tim 2' && v.date === '2023-01-17')).toBe(true);
    expectEveryStudentOnce(result, SCHOOLS);
  });

  it('does not modify its inputs', () => {
    const copy = structuredClone(pinned);
    planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned });
    expect(pinned).toEqual(copy);
  });

  describe('pins that cannot stay', () => {
    it('releases a pin on a holiday, a blackout day or a lost day, with every reason, and plans its students', () => {
      const s2 = SCHOOLS[2] as PlanSchool;
      const bad: PinnedVisit[] = [
        { date: '2023-01-23', team: 'Tim 1', npsn: s0.npsn, wajib: 20, dini: 0 },
        { date: '2023-01-26', team: 'Tim 1', npsn: s2.npsn, wajib: 20, dini: 0 },
        { date: '2023-01-18', team: 'Tim 2', npsn: s5.npsn, wajib: 20, dini: 0 },
      ];
      const result = planVisits(SCHOOLS, TEAMS, CALENDAR, {
        pinned: bad,
        lostDays: [{ team: 'Tim 2', date: '2023-01-18' }],
      });
      expect(result.released.map((r) => [r.visit.npsn, r.issues.map((i) => i.code)])).toEqual([
        [s5.npsn, ['lost_day']],
        [s0.npsn, ['holiday']],
        [s2.npsn, ['blackout']],
      ]);
      expect(result.visits.map(key)).not.toContain(key(bad[0] as PinnedVisit));
      expectEveryStudentOnce(result, SCHOOLS);
    });

    it("releases a pin the team's day cannot hold after the pins before it", () => {
      const [s2, s3] = [SCHOOLS[2], SCHOOLS[3]] as [PlanSchool, PlanSchool];
      const crowded: PinnedVisit[] = [
        { date: '2023-01-17', team: 'Tim 2', npsn: s2.npsn, wajib: 90, dini: 0 },
        { date: '2023-01-17', team: 'Tim 2', npsn: s3.npsn, wajib: 40, dini: 0 },
      ];
      const result = planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned: crowded });
      expect(result.released.map((r) => r.issues.map((i) => i.code))).toEqual([['day_full']]);
      expect(result.released[0]?.visit.npsn).toBe(s3.npsn);
      expect(result.visits.map(full)).toContain(full(crowded[0] as PinnedVisit));
      expectEveryStudentOnce(result, SCHOOLS);
      expectWithinCapacity(result);
    });

    it('caps a pin at the students its school still has (targets fall after review)', () => {
      const s1 = SCHOOLS[1] as PlanSchool;
      const tooMany: PinnedVisit = {
        date: '2023-01-17',
        team: 'Tim 1',
        npsn: s1.npsn,
        wajib: s1.jumlahWajib + 25,
        dini: 0,
      };
      const result = planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned: [tooMany] });
      const kept = result.visits.find((v) => key(v) === key(tooMany));
      expect(kept).toMatchObject({ wajib: s1.jumlahWajib, dini: 0 });
      expectEveryStudentOnce(result, SCHOOLS);
    });

    it('releases a pin whose school has no student left to plan, and one of an unknown team', () => {
      const s1 = SCHOOLS[1] as PlanSchool;
      const result = planVisits(SCHOOLS, TEAMS, CALENDAR, {
        pinned: [
          { date: '2023-01-17', team: 'Tim 1', npsn: s1.npsn, wajib: s1.jumlahWajib, dini: 0 },
          { date: '2023-01-18', team: 'Tim 1', npsn: s1.npsn, wajib: 10, dini: 0 },
          { date: '2023-01-19', team: 'Tim 7', npsn: s1.npsn, wajib: 0, dini: 10 },
        ],
      });
      expect(result.released.map((r) => r.issues.map((i) => i.code))).toEqual([
        ['no_students'],
        ['unknown_team'],
      ]);
      expectEveryStudentOnce(result, SCHOOLS);
    });
  });
});

describe('pinned visits (property)', () => {
  const pin = fc.record({
    day: fc.integer({ min: 0, max: 30 }),
    team: fc.constantFrom('Tim 1', 'Tim 2', 'Tim 3'),
    school: fc.integer({ min: 0, max: SCHOOLS.length - 1 }),
    wajib: fc.integer({ min: 0, max: 120 }),
    dini: fc.integer({ min: 0, max: 120 }),
  });

  it('keeps every pin it does not release exactly, plans each student once and no team-day over capacity', () => {
    fc.assert(
      fc.property(fc.array(pin, { maxLength: 8 }), (drawn) => {
        const pinned: PinnedVisit[] = drawn.map((p) => ({
          date: formatIsoDate(addDays(CALENDAR.start, p.day)),
          team: p.team,
          npsn: (SCHOOLS[p.school] as PlanSchool).npsn,
          wajib: p.wajib,
          dini: p.dini,
        }));
        const plan = planVisits(SCHOOLS, TEAMS, CALENDAR, { pinned });
        expectEveryStudentOnce(plan, SCHOOLS);
        expectWithinCapacity(plan);
        const released = new Set(plan.released.map((r) => key(r.visit)));
        const byKey = new Map(plan.visits.map((v) => [key(v), v]));
        for (const p of pinned) {
          if (released.has(key(p))) continue;
          const kept = byKey.get(key(p));
          // Kept where it was, with at most the students it had (capped at the school's targets).
          expect(kept, key(p)).toBeDefined();
          expect((kept as Visit).wajib).toBeLessThanOrEqual(
            pinned.filter((q) => key(q) === key(p)).reduce((a, q) => a + q.wajib, 0),
          );
        }
        for (const r of plan.released) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('replanVisits with pinned visits', () => {
  const plan = planVisits(SCHOOLS, TEAMS, CALENDAR);
  const pinnedVisits = [plan.visits[2], plan.visits[5], plan.visits[8]] as Visit[];
  const pinned = pinnedVisits.map(({ order: _order, ...v }) => v);

  it('keeps pinned visits as they are after a lost day elsewhere', () => {
    const other = plan.visits.find(
      (v) => !pinnedVisits.some((p) => p.team === v.team && p.date === v.date),
    ) as Visit;
    const { plan: next } = replanVisits(
      plan.visits,
      SCHOOLS,
      TEAMS,
      CALENDAR,
      {
        lostDays: [{ team: other.team, date: other.date }],
      },
      { pinned },
    );
    const visits = new Set(next.visits.map(full));
    for (const p of pinned) expect(visits).toContain(full(p));
    expect(next.released).toEqual([]);
    expectEveryStudentOnce(next, SCHOOLS);
  });

  it('moves a pinned visit on the lost day and says so', () => {
    const lost = pinnedVisits[1] as Visit;
    const { plan: next, removed } = replanVisits(
      plan.visits,
      SCHOOLS,
      TEAMS,
      CALENDAR,
      {
        lostDays: [{ team: lost.team, date: lost.date }],
      },
      { pinned },
    );
    expect(next.released).toEqual([
      {
        visit: pinned[1],
        issues: [expect.objectContaining({ code: 'lost_day' })],
      },
    ]);
    expect(removed.map(full)).toContain(full(lost));
    expect(next.visits.some((v) => v.team === lost.team && v.date === lost.date)).toBe(false);
    for (const p of [pinned[0], pinned[2]] as PinnedVisit[]) {
      expect(next.visits.map(full)).toContain(full(p));
    }
    expectEveryStudentOnce(next, SCHOOLS);
  });

  it('takes lost days from the options as well as from the change', () => {
    const lost = plan.visits[0] as Visit;
    const { plan: next } = replanVisits(
      plan.visits,
      SCHOOLS,
      TEAMS,
      CALENDAR,
      {},
      {
        lostDays: [{ team: lost.team, date: lost.date }],
      },
    );
    expect(next.visits.some((v) => v.team === lost.team && v.date === lost.date)).toBe(false);
    expectEveryStudentOnce(next, SCHOOLS);
  });
});
