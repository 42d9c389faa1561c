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
import type { Plan, PlanMode } from '../src/scheduling/types.js';

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

function planSeed(seed: number, mode: PlanMode): string {
  const programme = generateProgramme({ seed, students: 20_000, registry: 150_000 });
  const schools = schoolTargets(programme);
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
    `seed ${seed}, ${mode}: ${wajib} WAJIB + ${dini} REKAM_DINI students`,
    `${plan.workingDays} working days (lower bound ${plan.lowerBound}, target ≤ ${target})`,
    `last WAJIB visit on working day ${plan.workingDaysWajib} (WAJIB bound ${plan.lowerBoundWajib}, WAJIB-first target ≤ ${targetWajib})`,
    `mean day WAJIB ${mean.wajib.toFixed(2)} vs REKAM_DINI ${mean.dini.toFixed(2)}`,
    `${plan.visitsPerSchool.toFixed(3)} visits per school`,
    `unserved ${plan.unserved.length}`,
    `${ms.toFixed(0)} ms`,
  ].join('; ');
}

/** The scheduling benchmarks, in the shape of bench/run.ts. */
export const SCHEDULING_BENCHMARKS = [
  {
    name: 'plan-generator',
    runs: 1,
    run: () => {
      const lines: string[] = [];
      for (const seed of [1, 2, 3])
        for (const mode of ['normal', 'wajib-first'] as const) lines.push(planSeed(seed, mode));
      return `\n  ${lines.join('\n  ')}`;
    },
  },
] as const;
