/**
 * Benchmarks of the visit planner on the generator's Kediri-like programmes: 72 schools, 20,000
 * students (their WAJIB and REKAM_DINI counts as eligibility gives them), 4 teams of 2–3 sets at 50 per
 * set per day, from 2023-01-16 with the 2023 holidays — the instances of the scheduling issue.
 */
import { HOLIDAYS_2023 } from '../src/calendar/holidays.js';
import { parseIsoDate, type PlainDate } from '../src/dates/plain-date.js';
import type { Team } from '../src/domain/records.js';
import { generateProgramme } from '../src/generator/programme.js';
import { schoolTargets } from '../src/generator/targets.js';
import { planVisits } from '../src/scheduling/planner.js';
import type { Plan, PlanMode, PlanSchool } from '../src/scheduling/types.js';
import { solve, type Model } from 'yalps';
import { dailyCapacity, resolveCalendar } from '../src/scheduling/planner.js';
import { formatIsoDate } from '../src/dates/plain-date.js';

const TEAMS: readonly Team[] = [
  { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
  { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
  { tim: 'Tim 3', jumlahAlat: 3, kapasitasPerAlat: 50 },
  { tim: 'Tim 4', jumlahAlat: 2, kapasitasPerAlat: 50 },
];

/** Mean working-day position (from 1) of the WAJIB and of the REKAM_DINI students in a plan. */
function meanDays(plan: Plan): { wajib: number; dini: number } {
  const days = [...new Set(plan.visits.map((v) => v.date))].sort();
  const index = new Map(days.map((d, i) => [d, i + 1]));
  let w = 0;
  let wn = 0;
  let d = 0;
  let dn = 0;
  for (const v of plan.visits) {
    const at = index.get(v.date) as number;
    w += at * v.wajib;
    wn += v.wajib;
    d += at * v.dini;
    dn += v.dini;
  }
  return { wajib: w / Math.max(wn, 1), dini: d / Math.max(dn, 1) };
}

function planSeed(seed: number, mode: PlanMode, minimumAge: number): string {
  const programme = generateProgramme({ seed, students: 20_000, registry: 150_000 });
  const schools = schoolTargets(programme, minimumAge);
  const t0 = performance.now();
  const plan = planVisits(
    schools,
    TEAMS,
    { start: parseIsoDate('2023-01-16') as PlainDate, holidays: HOLIDAYS_2023 },
    { mode },
  );
  const ms = performance.now() - t0;
  const wajib = schools.reduce((a, s) => a + s.jumlahWajib, 0);
  const dini = schools.reduce((a, s) => a + s.jumlahDini, 0);
  const mean = meanDays(plan);
  const target = Math.ceil(1.05 * plan.lowerBound) + 1;
  const targetWajib = Math.ceil(1.05 * plan.lowerBoundWajib) + 1;
  return [
    `seed ${seed}, ${mode}, minimum age ${minimumAge}: ${wajib} WAJIB + ${dini} REKAM_DINI students`,
    `${plan.workingDays} working days (lower bound ${plan.lowerBound}, target ≤ ${target})`,
    `last WAJIB visit on working day ${plan.workingDaysWajib} (WAJIB bound ${plan.lowerBoundWajib}, WAJIB-first target ≤ ${targetWajib})`,
    `mean day WAJIB ${mean.wajib.toFixed(2)} vs REKAM_DINI ${mean.dini.toFixed(2)}`,
    `${plan.visitsPerSchool.toFixed(3)} visits per school`,
    `unserved ${plan.unserved.length}`,
    `${ms.toFixed(0)} ms`,
  ].join('; ');
}

/**
 * Whether an LP relaxation can serve every student in the first `days` working days: students of school
 * s recorded on day d, x ≥ 0, within the teams' capacity that day — at the rate a team records at that
 * school on a day with no other school (travel and setting up taken from the day, as the planner does)
 * — and nothing on a school's blackout days. Visits need not be consecutive
 * and a day may be split freely, so the least such `days` is a lower bound for plans of that model.
 */
function lpFeasible(schools: readonly PlanSchool[], days: number): boolean {
  const calendar = resolveCalendar(
    { start: parseIsoDate('2023-01-16') as PlainDate, holidays: HOLIDAYS_2023 },
    days,
  );
  const constraints = new Map<string, { equal?: number; max?: number }>();
  const pool = TEAMS.reduce((sum, t) => sum + dailyCapacity(t), 0);
  const variables = new Map<string, Map<string, number>>();
  schools.forEach((s, i) => {
    const n = s.jumlahWajib + s.jumlahDini;
    if (n === 0) return;
    constraints.set(`n${i}`, { equal: n });
    const closed = new Set(s.tanggalTidakBisa);
    calendar.days.forEach((date, d) => {
      if (closed.has(formatIsoDate(date))) return;
      const minutes = (calendar.minutes[d] as number) - 2 * s.waktuTempuhMenit - 20;
      const share = Math.min(1, minutes / 360);
      if (share <= 0) return;
      // One pool per day: a team's capacity at a school is its daily capacity times the same share,
      // so the teams' constraints add up to one, and any pooled solution splits back among the teams.
      constraints.set(`c${d}`, { max: pool });
      variables.set(
        `x${i}_${d}`,
        new Map([
          [`n${i}`, 1],
          [`c${d}`, 1 / share],
        ]),
      );
    });
  });
  const model: Model = { direction: 'minimize', objective: 'none', constraints, variables };
  const { status } = solve(model, { maxPivots: 100_000 });
  if (status !== 'optimal' && status !== 'infeasible')
    throw new Error(`the LP solver stopped with status ${status}`);
  return status === 'optimal';
}

/** The least number of working days the LP relaxation needs (searching from the simple bound up). */
function lpBound(schools: readonly PlanSchool[], from: number, to: number): number {
  let low = from;
  let high = to;
  if (!lpFeasible(schools, high)) return Infinity;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (lpFeasible(schools, mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The scheduling benchmarks, in the shape of bench/run.ts. */
export const SCHEDULING_BENCHMARKS = [
  {
    // The planner's working days beside the least days an LP relaxation needs (yalps), per seed.
    name: 'plan-lp',
    runs: 1,
    run: () => {
      const lines: string[] = [];
      for (const [seed, minimumAge] of [
        [1, 16],
        [2, 16],
        [3, 16],
        [1, 14],
        [2, 14],
        [3, 14],
      ] as const) {
        const programme = generateProgramme({ seed, students: 20_000, registry: 150_000 });
        const schools = schoolTargets(programme, minimumAge);
        const plan = planVisits(schools, TEAMS, {
          start: parseIsoDate('2023-01-16') as PlainDate,
          holidays: HOLIDAYS_2023,
        });
        const t0 = performance.now();
        const lp = lpBound(schools, plan.lowerBound, plan.workingDays);
        const ms = performance.now() - t0;
        lines.push(
          `seed ${seed}, minimum age ${minimumAge}: planner ${plan.workingDays} working days; LP relaxation needs ${lp} (${(ms / 1000).toFixed(1)} s); simple bound ${plan.lowerBound}`,
        );
      }
      return `\n  ${lines.join('\n  ')}`;
    },
  },
  {
    name: 'plan-generator',
    runs: 1,
    run: () => {
      const lines: string[] = [];
      // Minimum age 16 (the default policy): about 8,000 of the 20,000 listed students are targets;
      // minimum age 14: nearly all of them, the heaviest programme the same schools can give.
      for (const minimumAge of [16, 14])
        for (const seed of [1, 2, 3])
          for (const mode of ['normal', 'wajib-first'] as const)
            lines.push(planSeed(seed, mode, minimumAge));
      return `\n  ${lines.join('\n  ')}`;
    },
  },
] as const;
