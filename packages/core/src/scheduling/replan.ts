/**
 * Re-planning with as few changes as possible (SPEC §5): visits that happened (before `asOf`) stay,
 * and so does every planned visit that is still possible. Only the visits a change breaks — on a team
 * day that is lost, or on a day a school can no longer host — are taken out, and their students are
 * placed again: next to the school's remaining visit days when a team has room there, otherwise on the
 * earliest days with room. The result says which visits changed.
 */
import { formatIsoDate } from '../dates/plain-date.js';
import type { IsoDate, Team } from '../domain/records.js';
import { newSchedule, summarise, type Item, type Schedule } from './planner.js';
import type { Plan, PlanCalendar, PlanOptions, PlanSchool, Unserved, Visit } from './types.js';

/** What changed since the plan was made. */
export interface PlanChange {
  /** Team-days that will not happen (equipment failure, a team member ill). */
  readonly lostDays?: readonly { readonly team: string; readonly date: IsoDate }[] | undefined;
  /** New days on which a school cannot host a visit. */
  readonly blackouts?: readonly { readonly npsn: string; readonly date: IsoDate }[] | undefined;
  /** Visits before this date have happened and stay as they are; nothing new is planned before it. */
  readonly asOf?: IsoDate | undefined;
}

/** A re-made plan and what differs from the previous one. */
export interface Replan {
  readonly plan: Plan;
  /** Visits of the previous plan that are gone or changed. */
  readonly removed: readonly Visit[];
  /** Visits that are new or changed. */
  readonly added: readonly Visit[];
}

const keyOf = (v: Visit): string => `${v.date}|${v.team}|${v.npsn}|${v.wajib}|${v.dini}`;

/**
 * Re-plans after a change. `previous` is the plan's visits; schools, teams and calendar are those it was
 * made with (a school's new blackout days may be given in `change` or already in `schools`). Students
 * that no longer fit are listed in the plan's `unserved`. Does not modify its inputs.
 */
export function replanVisits(
  previous: readonly Visit[],
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
  change: PlanChange,
  options: PlanOptions = {},
): Replan {
  const { schedule, dayOf } = newSchedule(schools, teams, calendar, options, change.blackouts);
  const days = schedule.days;
  const schoolOf = new Map(schools.map((s, i) => [s.npsn, i]));
  const teamOf = new Map(teams.map((t, i) => [t.tim, i]));
  const newBlackout = new Set((change.blackouts ?? []).map((b) => `${b.npsn}|${b.date}`));
  const lost = new Set((change.lostDays ?? []).map((l) => `${l.team}|${l.date}`));
  for (const l of change.lostDays ?? []) {
    const t = teamOf.get(l.team);
    const d = dayOf.get(l.date);
    if (t !== undefined && d !== undefined) schedule.closed.add(`${t}:${d}`);
  }
  const asOf = change.asOf ?? '';
  schedule.notBefore = asOf === '' ? 0 : days.findIndex((d) => formatIsoDate(d) >= asOf);
  if (schedule.notBefore < 0) schedule.notBefore = days.length;

  // Keep what happened and what is still possible, in the order each day had.
  const broken: Visit[] = [];
  const kept = [...previous].sort((a, b) => a.order - b.order);
  for (const v of kept) {
    const school = schoolOf.get(v.npsn);
    const team = teamOf.get(v.team);
    const day = dayOf.get(v.date);
    const done = asOf !== '' && v.date < asOf;
    const breaks = lost.has(`${v.team}|${v.date}`) || newBlackout.has(`${v.npsn}|${v.date}`);
    if (school === undefined || team === undefined || day === undefined) {
      // A visit outside the plan's schools, teams or calendar cannot be kept as planned.
      if (!done) broken.push(v);
      continue;
    }
    if (breaks && !done) {
      broken.push(v);
      continue;
    }
    for (const [students, kind] of [
      [v.wajib, 'wajib'],
      [v.dini, 'dini'],
    ] as const) {
      if (students > 0)
        schedule.commit({ school, students, kind }, { team, days: [[day, students]] });
    }
  }

  // Place the students of the broken visits again, school by school.
  const unserved: Unserved[] = [];
  const displaced = new Map<number, { wajib: number; dini: number }>();
  for (const v of broken) {
    const school = schoolOf.get(v.npsn);
    if (school === undefined) continue;
    const d = displaced.get(school) ?? { wajib: 0, dini: 0 };
    displaced.set(school, { wajib: d.wajib + v.wajib, dini: d.dini + v.dini });
  }
  for (const [school, counts] of [...displaced].sort((a, b) => a[0] - b[0])) {
    for (const kind of ['wajib', 'dini'] as const) {
      const students = counts[kind];
      if (students === 0) continue;
      const item: Item = { school, students, kind };
      const placed = placeNear(schedule, item);
      const left = placed ? 0 : schedule.scatter(item);
      if (left > 0) {
        unserved.push({
          npsn: (schools[school] as PlanSchool).npsn,
          wajib: kind === 'wajib' ? left : 0,
          dini: kind === 'dini' ? left : 0,
          reason: 'after_end',
        });
      }
    }
  }

  const plan = summarise(schedule, schools, teams, unserved);
  const before = new Set(previous.map(keyOf));
  const after = new Set(plan.visits.map(keyOf));
  return {
    plan,
    removed: previous.filter((v) => !after.has(keyOf(v))),
    added: plan.visits.filter((v) => !before.has(keyOf(v))),
  };
}

/**
 * One run for the item, starting right after the school's last planned day if a team has room there,
 * else the earliest-starting run of any team. Returns false when no run fits.
 */
function placeNear(schedule: Schedule, item: Item): boolean {
  const own = (schedule.work[item.school] ?? []).map((w) => w[1]);
  const starts = [
    ...(own.length > 0 ? [Math.max(...own) + 1, Math.max(...own)] : []),
    ...schedule.days.map((_, d) => d),
  ];
  for (const start of starts) {
    if (start < schedule.notBefore || start >= schedule.days.length) continue;
    for (let team = 0; team < schedule.teams.length; team++) {
      const run = schedule.tryRun(team, item.school, item.students, start);
      if (run) {
        schedule.commit(item, run);
        return true;
      }
    }
  }
  return false;
}
