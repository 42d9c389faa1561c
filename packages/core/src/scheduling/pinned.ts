/**
 * Pinned visits: visits a person placed, which the planner keeps exactly as they are and plans around.
 */
import type { Schedule } from './planner.js';
import type { LostDay, PinnedVisit, PlanCalendar, ReleasedVisit, VisitIssue } from './types.js';
import { VisitChecker } from './visit-issues.js';

/** What the pinned visits are placed in. */
export interface PinContext {
  readonly schedule: Schedule;
  readonly dayOf: ReadonlyMap<string, number>;
  readonly calendar: PlanCalendar;
  readonly lostDays: readonly LostDay[];
}

/** The key of a visit: its team, day and school. */
export const visitKey = (v: { date: string; team: string; npsn: string }): string =>
  `${v.date}|${v.team}|${v.npsn}`;

/**
 * Places the pinned visits in the schedule, in date order, each checked against the hard constraints
 * with the pins before it in place, and marks them fixed so that no student is added to them. A pin's
 * counts are capped at what its school still has to plan (`rest`, lowered as pins take students): the
 * targets may have fallen since it was placed. Two pins of one team, day and school count as one.
 * Returns the pins that break a constraint, with every reason; their students stay in `rest`.
 */
export function placePinned(
  context: PinContext,
  pinned: readonly PinnedVisit[],
  rest: { wajib: number; dini: number }[],
): ReleasedVisit[] {
  const { schedule } = context;
  const merged = new Map<string, PinnedVisit>();
  for (const pin of pinned) {
    const key = visitKey(pin);
    const before = merged.get(key);
    merged.set(
      key,
      before ? { ...before, wajib: before.wajib + pin.wajib, dini: before.dini + pin.dini } : pin,
    );
  }
  const ordered = [...merged.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.team.localeCompare(b.team) || a.npsn.localeCompare(b.npsn),
  );
  const checker = new VisitChecker(schedule, context.dayOf, context.calendar, context.lostDays);
  const schoolOf = new Map(schedule.schools.map((s, i) => [s.npsn, i]));
  const released: ReleasedVisit[] = [];
  for (const pin of ordered) {
    const school = schoolOf.get(pin.npsn);
    const left = school === undefined ? undefined : rest[school];
    const counted = Number.isInteger(pin.wajib) && Number.isInteger(pin.dini);
    const visit =
      left && counted
        ? { ...pin, wajib: Math.min(pin.wajib, left.wajib), dini: Math.min(pin.dini, left.dini) }
        : pin;
    const verdict = checker.check(visit);
    if (!verdict.ok) {
      released.push({ visit: pin, issues: verdict.issues as readonly VisitIssue[] });
      continue;
    }
    const { team, day } = verdict.place;
    schedule.commitVisit(team, day, verdict.place.school, visit.wajib, visit.dini);
    schedule.fixed.add(`${team}:${day}:${verdict.place.school}`);
    if (left) {
      left.wajib -= visit.wajib;
      left.dini -= visit.dini;
    }
  }
  return released;
}
