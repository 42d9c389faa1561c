/**
 * Re-planning with as few changes as possible (SPEC §5): visits that happened (before `asOf`) stay,
 * and so does every planned visit that is still possible, pinned or not. Only the visits a change
 * breaks — on a team day that is lost, or on a day a school can no longer host — are taken out, and
 * their students are placed again: next to the school's remaining visit days when a team has room
 * there, otherwise on the earliest days with room. The result says which visits changed, and which
 * pinned visits had to move.
 */
import { formatIsoDate } from '../dates/plain-date.js';
import type { IsoDate, Team } from '../domain/records.js';
import { visitKey } from './pinned.js';
import { newSchedule, summarise, type Item, type Schedule } from './planner.js';
import type {
  Plan,
  PlanCalendar,
  PlanOptions,
  PlanSchool,
  ReleasedVisit,
  Unserved,
  Visit,
  VisitIssue,
} from './types.js';
import { VisitChecker } from './visit-issues.js';

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
 * made with (a school's new blackout days may be given in `change` or already in `schools`). Lost days
 * may be given in `change` or in `options.lostDays`. The visits of `previous` named in `options.pinned`
 * (by team, day and school) stay exactly as they are unless the change breaks them: then they move like
 * the others and are listed in the plan's `released` with the reason. Students that no longer fit are
 * listed in the plan's `unserved`; with an end date that is then too early, `earliestEnd` says the
 * earliest that works. Does not modify its inputs.
 */
export function replanVisits(
  previous: readonly Visit[],
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
  change: PlanChange,
  options: PlanOptions = {},
): Replan {
  const lostDays = [...(options.lostDays ?? []), ...(change.lostDays ?? [])];
  const { schedule, dayOf } = newSchedule(
    schools,
    teams,
    calendar,
    { ...options, lostDays },
    change.blackouts,
  );
  const days = schedule.days;
  const schoolOf = new Map(schools.map((s, i) => [s.npsn, i]));
  const teamOf = new Map(teams.map((t, i) => [t.tim, i]));
  const newBlackout = new Set((change.blackouts ?? []).map((b) => `${b.npsn}|${b.date}`));
  const lost = new Set(lostDays.map((l) => `${l.team}|${l.date}`));
  const pinned = new Set((options.pinned ?? []).map(visitKey));
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
    schedule.commitVisit(team, day, school, v.wajib, v.dini);
    if (pinned.has(visitKey(v))) schedule.fixed.add(`${team}:${day}:${school}`);
  }
  const released = releasedPins(
    broken.filter((v) => pinned.has(visitKey(v))),
    new VisitChecker(schedule, dayOf, calendar, lostDays),
  );

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

  let plan = summarise(schedule, schools, teams, unserved, released);
  if (calendar.end && unserved.some((u) => u.reason === 'after_end')) {
    const open = replanVisits(previous, schools, teams, { ...calendar, end: undefined }, change, {
      ...options,
      lostDays,
    });
    plan = { ...plan, earliestEnd: open.plan.unserved.length === 0 ? open.plan.finish : undefined };
  }
  const before = new Set(previous.map(keyOf));
  const after = new Set(plan.visits.map(keyOf));
  return {
    plan,
    removed: previous.filter((v) => !after.has(keyOf(v))),
    added: plan.visits.filter((v) => !before.has(keyOf(v))),
  };
}

/**
 * Re-plans a whole plan after a change (see {@link replanVisits}): the students the plan already could
 * not serve stay listed with theirs, and the earliest end that works is the later of the two.
 */
export function replanPlan(
  previous: Plan,
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
  change: PlanChange,
  options: PlanOptions = {},
): Replan {
  const result = replanVisits(previous.visits, schools, teams, calendar, change, options);
  const unserved = mergeUnserved(previous.unserved, result.plan.unserved);
  const ends = [previous.earliestEnd, result.plan.earliestEnd].filter(
    (d): d is string => d !== undefined,
  );
  const late = unserved.some((u) => u.reason === 'after_end');
  return {
    ...result,
    plan: {
      ...result.plan,
      unserved,
      earliestEnd: late && ends.length > 0 ? ends.sort().at(-1) : undefined,
    },
  };
}

/** Two lists of students not served, one entry per school and reason. */
export function mergeUnserved(a: readonly Unserved[], b: readonly Unserved[]): Unserved[] {
  const merged = new Map<string, Unserved>();
  for (const u of [...a, ...b]) {
    const key = `${u.npsn}|${u.reason}`;
    const before = merged.get(key);
    merged.set(
      key,
      before ? { ...u, wajib: before.wajib + u.wajib, dini: before.dini + u.dini } : u,
    );
  }
  return [...merged.values()];
}

/** The pinned visits a change broke, each with why it could not stay. */
function releasedPins(visits: readonly Visit[], checker: VisitChecker): ReleasedVisit[] {
  return visits.map((v) => {
    const { order: _order, ...visit } = v;
    const verdict = checker.check(visit);
    const issues: readonly VisitIssue[] = verdict.ok
      ? [
          {
            code: 'after_end',
            message: {
              id: `Kunjungan pada ${v.date} di luar rentang hari yang direncanakan.`,
              en: `The visit on ${v.date} is outside the planned range of days.`,
            },
          },
        ]
      : verdict.issues;
    return { visit, issues };
  });
}

/**
 * One run for the item, starting on the school's last planned day (in the room its team has left
 * there) or right after it, if a team has room, else the earliest-starting run of any team. So the
 * students of one school moved together stay on as few days as possible. Returns false when no run
 * fits.
 */
function placeNear(schedule: Schedule, item: Item): boolean {
  const own = (schedule.work[item.school] ?? []).map((w) => w[1]);
  const starts = [
    ...(own.length > 0 ? [Math.max(...own), Math.max(...own) + 1] : []),
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
