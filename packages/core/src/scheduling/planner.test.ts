import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import { isWorkingDay, workingCalendar } from '../calendar/working-days.js';
import { isoDayOfWeek, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Team } from '../domain/records.js';
import { generateProgramme } from '../generator/programme.js';
import { schoolTargets } from '../generator/targets.js';
import { importRecords } from '../io/import.js';
import { dailyCapacity, lowerBounds, planVisits, travelBetween } from './planner.js';
import type { Plan, PlanCalendar, PlanSchool } from './types.js';

const day = (iso: string): PlainDate => parseIsoDate(iso) as PlainDate;

function school(
  npsn: string,
  wajib: number,
  dini: number,
  extra: Partial<PlanSchool> = {},
): PlanSchool {
  return {
    npsn,
    nama: `Sekolah ${npsn}`,
    kecamatan: 'Pare',
    waktuTempuhMenit: 30,
    jumlahWajib: wajib,
    jumlahDini: dini,
    tanggalTidakBisa: [],
    ...extra,
  };
}

const TEAM_A: Team = { tim: 'Tim A', jumlahAlat: 2, kapasitasPerAlat: 50 };
const TEAM_B: Team = { tim: 'Tim B', jumlahAlat: 3, kapasitasPerAlat: 50 };
const CALENDAR: PlanCalendar = { start: day('2023-01-16'), holidays: HOLIDAYS_2023 };

/** Students per school in a plan, as [wajib, dini]. */
function totals(plan: Plan): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const v of plan.visits) {
    const t = out.get(v.npsn) ?? [0, 0];
    out.set(v.npsn, [t[0] + v.wajib, t[1] + v.dini]);
  }
  return out;
}

/** Every hard constraint of SPEC §5 on a plan. */
function expectHardConstraints(
  plan: Plan,
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
): void {
  const cal = workingCalendar({ holidays: calendar.holidays });
  const perTeamDay = new Map<string, number>();
  for (const v of plan.visits) {
    const date = day(v.date);
    expect(isWorkingDay(cal, date), v.date).toBe(true);
    expect(v.date >= (calendar.start ? isoOf(calendar.start) : ''), v.date).toBe(true);
    if (calendar.end) expect(v.date <= isoOf(calendar.end)).toBe(true);
    const s = schools.find((x) => x.npsn === v.npsn) as PlanSchool;
    expect(s.tanggalTidakBisa, `${v.npsn} on ${v.date}`).not.toContain(v.date);
    const key = `${v.team}|${v.date}`;
    perTeamDay.set(key, (perTeamDay.get(key) ?? 0) + v.wajib + v.dini);
  }
  for (const [key, students] of perTeamDay) {
    const team = teams.find((t) => t.tim === key.split('|')[0]) as Team;
    expect(students, key).toBeLessThanOrEqual(dailyCapacity(team));
  }
  // Every student planned, or listed as not served.
  const planned = totals(plan);
  for (const s of schools) {
    const [w, d] = planned.get(s.npsn) ?? [0, 0];
    const missing = plan.unserved.filter((u) => u.npsn === s.npsn);
    expect(w + missing.reduce((a, u) => a + u.wajib, 0), s.npsn).toBe(s.jumlahWajib);
    expect(d + missing.reduce((a, u) => a + u.dini, 0), s.npsn).toBe(s.jumlahDini);
  }
}

const isoOf = (d: PlainDate): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

describe('planVisits', () => {
  describe('hard constraints', () => {
    const schools = [
      school('20500001', 180, 120, { tanggalTidakBisa: ['2023-01-17'], waktuTempuhMenit: 40 }),
      school('20500002', 90, 60, { waktuTempuhMenit: 25, kecamatan: 'Kandat' }),
      school('20500003', 40, 20, {
        tanggalTidakBisa: ['2023-01-18', '2023-01-19'],
        waktuTempuhMenit: 15,
        kecamatan: 'Semen',
      }),
    ];
    const plan = planVisits(schools, [TEAM_A], {
      ...CALENDAR,
      holidays: [{ tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' }],
    });

    it('visits only on working days, outside blackout days, within each team-day capacity, and plans every student', () => {
      expectHardConstraints(plan, schools, [TEAM_A], {
        ...CALENDAR,
        holidays: [{ tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' }],
      });
      expect(plan.unserved).toEqual([]);
      for (const v of plan.visits) expect(isoDayOfWeek(day(v.date))).toBeLessThanOrEqual(5);
      expect(plan.visits.map((v) => v.date)).not.toContain('2023-01-23');
    });

    it('states its lower bound and stays close to it', () => {
      expect(plan.lowerBound).toBe(Math.ceil(510 / 100));
      expect(plan.workingDays).toBeGreaterThanOrEqual(plan.lowerBound);
      expect(plan.workingDays).toBeLessThanOrEqual(plan.lowerBound + 2);
    });

    it('records the WAJIB students of a school before its REKAM_DINI students', () => {
      for (const npsn of ['20500001', '20500002', '20500003']) {
        const visits = plan.visits.filter((v) => v.npsn === npsn);
        const firstDini = visits.findIndex((v) => v.dini > 0);
        const lastWajib = visits.map((v) => v.wajib > 0).lastIndexOf(true);
        if (firstDini >= 0 && lastWajib >= 0) expect(lastWajib).toBeLessThanOrEqual(firstDini);
      }
    });

    it('starts with the school with the most WAJIB students when nothing stands in the way', () => {
      const open = planVisits(
        [school('1', 40, 200), school('2', 90, 10), school('3', 60, 60)],
        [TEAM_A],
        CALENDAR,
      );
      expect(open.visits[0]?.npsn).toBe('2');
    });

    it('does not start a school on a run its blackout day would break', () => {
      // School 20500001 is closed on the 17th: three days from the 16th would split its visit.
      expect(plan.visits.find((v) => v.npsn === '20500001')?.date).not.toBe('2023-01-16');
      expect(plan.visitsPerSchool).toBe(1);
    });

    it('is the same plan for the same input, and does not change its input', () => {
      const copy = structuredClone(schools);
      const again = planVisits(schools, [TEAM_A], {
        ...CALENDAR,
        holidays: [{ tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' }],
      });
      expect(again).toEqual(plan);
      expect(schools).toEqual(copy);
    });
  });

  describe('capacity and travel', () => {
    it('records fewer students at a far school: travel takes from the working day', () => {
      const near = planVisits([school('1', 300, 0, { waktuTempuhMenit: 10 })], [TEAM_A], CALENDAR);
      const far = planVisits([school('1', 300, 0, { waktuTempuhMenit: 90 })], [TEAM_A], CALENDAR);
      expect(Math.max(...near.visits.map((v) => v.wajib))).toBe(100);
      expect(Math.max(...far.visits.map((v) => v.wajib))).toBeLessThan(100);
      expect(far.workingDays).toBeGreaterThan(near.workingDays);
    });

    it('lets a team go on to a nearby small school the same day', () => {
      const schools = [
        school('1', 130, 0, { kecamatan: 'Pare' }),
        school('2', 40, 0, { kecamatan: 'Pare' }),
      ];
      const plan = planVisits(schools, [TEAM_A], CALENDAR);
      const secondDay = plan.visits.filter((v) => v.date === plan.visits[1]?.date);
      expect(secondDay.map((v) => v.npsn)).toEqual(['1', '2']);
      expect(secondDay[1]?.order).toBe(1);
      expect(plan.workingDays).toBe(2);
    });

    it('keeps a large school to one visit on consecutive working days', () => {
      const plan = planVisits([school('1', 450, 200)], [TEAM_B], CALENDAR);
      expect(plan.visitsPerSchool).toBe(1);
      expect(plan.visits.length).toBe(Math.ceil(650 / 150));
    });

    it('computes travel between schools from coordinates when given', () => {
      const a = school('a', 1, 0, { latitude: -7.8, longitude: 112.0 });
      const b = school('b', 1, 0, { latitude: -7.8, longitude: 112.1 });
      // 11 km, 1.3 for the roads, 40 km/h: about 22 minutes.
      expect(travelBetween(a, b)).toBeGreaterThan(18);
      expect(travelBetween(a, b)).toBeLessThan(26);
      expect(travelBetween(a, a)).toBe(0);
    });
  });

  describe('modes', () => {
    const schools = Array.from({ length: 12 }, (_, i) =>
      school(String(20500100 + i), 20 + i * 7, 150 - i * 5, { kecamatan: `K${i % 4}` }),
    );

    it('in WAJIB-first mode records every WAJIB student no later than the default plan does', () => {
      const normal = planVisits(schools, [TEAM_A, TEAM_B], CALENDAR);
      const first = planVisits(schools, [TEAM_A, TEAM_B], CALENDAR, { mode: 'wajib-first' });
      expectHardConstraints(first, schools, [TEAM_A, TEAM_B], CALENDAR);
      expect(first.workingDaysWajib).toBeLessThanOrEqual(normal.workingDaysWajib);
      expect(first.workingDaysWajib).toBeLessThanOrEqual(
        Math.ceil(1.05 * first.lowerBoundWajib) + 1,
      );
    });
  });

  describe('infeasible input', () => {
    it('lists the students that do not fit before the end date and the earliest end that works', () => {
      const schools = [school('1', 300, 100), school('2', 200, 0)];
      const plan = planVisits(schools, [TEAM_A], { ...CALENDAR, end: day('2023-01-18') });
      expectHardConstraints(plan, schools, [TEAM_A], { ...CALENDAR, end: day('2023-01-18') });
      expect(plan.unserved.length).toBeGreaterThan(0);
      expect(plan.unserved.every((u) => u.reason === 'after_end')).toBe(true);
      expect(plan.earliestEnd).toBeDefined();
      const open = planVisits(schools, [TEAM_A], CALENDAR);
      expect(plan.earliestEnd).toBe(open.finish);
    });

    it('says a school is too far when the travel leaves no time to record', () => {
      const plan = planVisits([school('1', 10, 0, { waktuTempuhMenit: 300 })], [TEAM_A], CALENDAR);
      expect(plan.unserved).toEqual([{ npsn: '1', wajib: 10, dini: 0, reason: 'too_far' }]);
      expect(plan.visits).toEqual([]);
    });

    it('says so when the period has no working day', () => {
      const plan = planVisits([school('1', 10, 5)], [TEAM_A], {
        start: day('2023-01-21'),
        end: day('2023-01-22'),
        holidays: [],
      });
      expect(plan.unserved[0]?.reason).toBe('no_working_day');
    });

    it('plans around a school that is closed on most days', () => {
      const closed = ['2023-01-16', '2023-01-17', '2023-01-18', '2023-01-19', '2023-01-20'];
      const plan = planVisits(
        [school('1', 250, 0, { tanggalTidakBisa: closed })],
        [TEAM_A],
        CALENDAR,
      );
      expect(plan.visits[0]?.date).toBe('2023-01-24');
      expect(plan.unserved).toEqual([]);
    });

    it('plans nothing, and says why, for schools without students', () => {
      const plan = planVisits([school('1', 0, 0)], [TEAM_A], CALENDAR);
      expect(plan.visits).toEqual([]);
      expect(plan.workingDays).toBe(0);
      expect(plan.finish).toBeUndefined();
    });
  });

  describe('lower bounds', () => {
    it('divides all students, and WAJIB students, by the teams total daily capacity', () => {
      expect(lowerBounds([school('1', 260, 240)], [TEAM_A, TEAM_B])).toEqual({ all: 2, wajib: 2 });
      expect(lowerBounds([school('1', 0, 0)], [TEAM_A])).toEqual({ all: 0, wajib: 0 });
    });
  });
});

describe('planVisits on generated Kediri-like programmes', () => {
  const teams: Team[] = [
    { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
    { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
    { tim: 'Tim 3', jumlahAlat: 3, kapasitasPerAlat: 50 },
    { tim: 'Tim 4', jumlahAlat: 2, kapasitasPerAlat: 50 },
  ];

  it('meets every hard constraint and stays within 5 % + 1 day of the bound (seed 1; seeds 1–3 in pnpm bench)', () => {
    const programme = generateProgramme({ seed: 1, students: 20_000, registry: 150_000 });
    const schools = schoolTargets(programme);
    const plan = planVisits(schools, teams, CALENDAR);
    expectHardConstraints(plan, schools, teams, CALENDAR);
    expect(plan.unserved).toEqual([]);
    expect(plan.workingDays).toBeLessThanOrEqual(Math.ceil(1.05 * plan.lowerBound) + 1);
    expect(plan.visitsPerSchool).toBeLessThanOrEqual(1.2);
  }, 60_000);
});

describe('schools read from a file', () => {
  it('carry their coordinates into travel between schools', async () => {
    const csv = [
      'npsn,nama_sekolah,kecamatan,waktu_tempuh_menit,jumlah_wajib,jumlah_dini,lintang,bujur',
      '20500001,SMA A,Pare,40,10,0,-7.80,112.00',
      '20500002,SMA B,Kandat,40,10,0,-7.80,112.10',
      '20500003,SMA C,Wates,40,10,0,,',
    ].join('\n');
    const report = await importRecords(new TextEncoder().encode(csv), { kind: 'school' });
    if (!report.ok) throw new Error(report.issues[0].message.en);
    const [a, b, c] = report.value.records;
    expect(a).toMatchObject({ latitude: -7.8, longitude: 112 });
    expect(c).not.toHaveProperty('latitude');
    expect(travelBetween(a as PlanSchool, b as PlanSchool)).toBeLessThan(30);
    // Without coordinates: back through the office.
    expect(travelBetween(a as PlanSchool, c as PlanSchool)).toBe(80);
  });
});
