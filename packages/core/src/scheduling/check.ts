/**
 * Checking and moving one visit of a plan by hand (SPEC §5): a proposed visit is allowed only when it
 * breaks no hard constraint — a working day in the programme's period, not a holiday, a day the school
 * can host and the team's day not lost, and room in the team's day after travel, setting up and its
 * other visits, by the planner's own arithmetic. A refused visit comes back with every reason.
 */
import { formatIsoDate, parseIsoDate } from '../dates/plain-date.js';
import type { IsoDate } from '../domain/records.js';
import type { Result } from '../domain/result.js';
import { visitKey } from './pinned.js';
import { newSchedule } from './planner.js';
import { replanPlan, type Replan } from './replan.js';
import type { PinnedVisit, Plan, PlanSetup, Visit, VisitIssue, VisitKey } from './types.js';
import { schoolLabel, VisitChecker } from './visit-issues.js';

/**
 * Whether `proposed` can take place beside the plan's other `visits`: the visit as it would stand (its
 * `order` in the team's day), or every hard constraint it breaks, each with a message in Indonesian
 * and English that names the school by name and NPSN and the date. `replaces` is the visit a move
 * takes away (left out of the check); lost team-days come from `setup.options.lostDays`. Visits of
 * other team-days do not matter. Does not modify its inputs.
 *
 * @example
 * const moved = { ...visit, date: '2023-01-23' };
 * checkVisit(moved, plan.visits, setup, visit)
 * // { ok: false, issues: [{ code: 'holiday', message: { id: '23 Januari 2023 adalah hari libur: …' } }] }
 */
export function checkVisit(
  proposed: PinnedVisit,
  visits: readonly Visit[],
  setup: PlanSetup,
  replaces?: VisitKey,
): Result<Visit, VisitIssue> {
  const { schools, teams, calendar, options = {} } = setup;
  // The schedule needs the working days up to the proposed one only (none for a date that is not one).
  const date = parseIsoDate(proposed.date);
  const end = !date
    ? calendar.start
    : calendar.end && proposed.date > formatIsoDate(calendar.end)
      ? calendar.end
      : date;
  const { schedule, dayOf } = newSchedule(
    schools,
    teams,
    { ...calendar, end },
    { ...options, pinned: [], lostDays: [], horizon: Infinity },
  );
  const schoolOf = new Map(schools.map((s, i) => [s.npsn, i]));
  const teamOf = new Map(teams.map((t, i) => [t.tim, i]));
  const skip = replaces ? visitKey(replaces) : undefined;
  const others = visits
    .filter((v) => v.date === proposed.date && v.team === proposed.team && visitKey(v) !== skip)
    .sort((a, b) => a.order - b.order);
  for (const v of others) {
    const school = schoolOf.get(v.npsn);
    const team = teamOf.get(v.team);
    const day = dayOf.get(v.date);
    if (school !== undefined && team !== undefined && day !== undefined) {
      schedule.commitVisit(team, day, school, v.wajib, v.dini);
    }
  }
  const checker = new VisitChecker(schedule, dayOf, calendar, options.lostDays ?? []);
  const verdict = checker.check(proposed);
  if (!verdict.ok) return verdict;
  const sequence = schedule.loads[verdict.place.team]?.[verdict.place.day]?.schools ?? [];
  const at = sequence.indexOf(verdict.place.school);
  return {
    ok: true,
    value: {
      date: proposed.date,
      team: proposed.team,
      npsn: proposed.npsn,
      wajib: proposed.wajib,
      dini: proposed.dini,
      order: at >= 0 ? at : sequence.length,
    },
  };
}

/** Where a visit is moved: another day, another team, or both. */
export interface MoveTarget {
  readonly date: IsoDate;
  readonly team: string;
}

/** A plan after a move: the re-made plan, what changed, and the moved visit as it now stands. */
export interface Moved extends Replan {
  readonly moved: Visit;
}

/**
 * Moves the visit `from` of `plan` to another day and/or team, with its students, when the move breaks
 * no hard constraint ({@link checkVisit}); otherwise every reason. On the same day and team as another
 * visit to the same school, the two become one visit. The plan's figures are made again, and so is any
 * visit the calendar no longer allows (as {@link replanPlan} does); `removed` and `added` say what
 * changed. Pinned visits of `setup.options.pinned` stay as they are. Does not modify its inputs.
 */
export function moveVisit(
  plan: Plan,
  from: VisitKey,
  to: MoveTarget,
  setup: PlanSetup,
): Result<Moved, VisitIssue> {
  const key = visitKey(from);
  const visit = plan.visits.find((v) => visitKey(v) === key);
  if (!visit) {
    const school = setup.schools.find((s) => s.npsn === from.npsn);
    const where = schoolLabel(school, from.npsn);
    return {
      ok: false,
      issues: [
        {
          code: 'no_such_visit',
          message: {
            id: `Jadwal tidak berisi kunjungan ${from.team} ke ${where} pada ${from.date}.`,
            en: `The plan has no visit of ${from.team} to ${where} on ${from.date}.`,
          },
        },
      ],
    };
  }
  const proposed: PinnedVisit = {
    date: to.date,
    team: to.team,
    npsn: visit.npsn,
    wajib: visit.wajib,
    dini: visit.dini,
  };
  const checked = checkVisit(proposed, plan.visits, setup, from);
  if (!checked.ok) return checked;
  const visits = [...plan.visits.filter((v) => visitKey(v) !== key), checked.value];
  const options = setup.options ?? {};
  // The moved visit is where a person put it: nothing is added to it.
  const pinned = [...(options.pinned ?? []).filter((p) => visitKey(p) !== key), proposed];
  const result = replanPlan(
    { ...plan, visits },
    setup.schools,
    setup.teams,
    setup.calendar,
    {},
    {
      ...options,
      pinned,
    },
  );
  const movedKey = visitKey(proposed);
  const moved = result.plan.visits.find((v) => visitKey(v) === movedKey) ?? checked.value;
  const before = new Set(plan.visits.map(fullKey));
  const after = new Set(result.plan.visits.map(fullKey));
  return {
    ok: true,
    value: {
      plan: result.plan,
      removed: plan.visits.filter((v) => !after.has(fullKey(v))),
      added: result.plan.visits.filter((v) => !before.has(fullKey(v))),
      moved,
    },
  };
}

const fullKey = (v: Visit): string => `${visitKey(v)}|${v.wajib}|${v.dini}`;
