/**
 * Progress dashboard figures (issue 8): per day, school, kecamatan and team, and in total, computed in
 * one pass from the raw inputs — the plan's visits, the target students and their current outcomes —
 * so that every figure can be recounted from them. See docs/field.md for the definitions.
 */
import {
  nextWorkingDay,
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  workingCalendar,
  type WorkingCalendar,
} from '../calendar/working-days.js';
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from '../dates/plain-date.js';
import type { Holiday, IsoDate } from '../domain/records.js';
import type { StudentOutcome, VisitOutcome } from '../scheduling/mop-up.js';
import type { PinnedVisit } from '../scheduling/types.js';
import type { MarkedOutcome } from './marks.js';

/** A visit of the plan: where, when, and how many WAJIB and REKAM_DINI students it is planned for. */
export type PlannedVisit = Pick<PinnedVisit, 'date' | 'team' | 'npsn' | 'wajib' | 'dini'>;

/** A school and its kecamatan. */
export interface ProgressSchool {
  readonly npsn: string;
  readonly kecamatan: string;
}

/** A student the programme must record (WAJIB) or may record early (REKAM_DINI). */
export type TargetStudent = Omit<StudentOutcome, 'outcome'>;

/** What {@link computeProgress} reads. */
export interface ProgressInput {
  readonly visits: readonly PlannedVisit[];
  readonly schools: readonly ProgressSchool[];
  readonly targets: readonly TargetStudent[];
  /** Current outcomes by `idSiswa`, e.g. `currentOutcomes(log).outcomes`; each counts on its visit's date. */
  readonly outcomes: ReadonlyMap<string, MarkedOutcome>;
  readonly today: IsoDate;
  /** For the forecast: holidays and working weekdays (default Monday–Friday). */
  readonly holidays?: readonly (Holiday | IsoDate)[];
  readonly weekdays?: readonly number[];
}

/**
 * The figures of a group of target students. Every target is in exactly one of recorded, absent,
 * refused, failed, not eligible or unmarked; `remaining` = unmarked + absent + failed (still to
 * record: mop-up visits them again), `done` = recorded + not eligible + refused (closed: a refusal is
 * reported, not revisited), and `targets` = `done` + `remaining`.
 */
export interface ProgressFigures {
  readonly targets: number;
  readonly targetsWajib: number;
  readonly recorded: number;
  readonly recordedWajib: number;
  readonly absent: number;
  readonly refused: number;
  readonly failed: number;
  readonly notEligible: number;
  /** No outcome yet. */
  readonly unmarked: number;
  readonly remaining: number;
  readonly remainingWajib: number;
  readonly done: number;
  /** Students the plan's visits are planned for. */
  readonly planned: number;
  /** Students planned in visits up to and including today: compare with `done`. */
  readonly plannedByNow: number;
}

/** A forecast against the plan's last visit, in working days. */
export interface PlanComparison {
  readonly verdict: 'ahead' | 'on_plan' | 'behind';
  /** Working days ahead of or behind the plan; 0 on plan. */
  readonly workingDays: number;
}

/**
 * When the remaining students will be done at the pace so far, or why that cannot be said:
 * `no_work_yet` (nothing marked up to today: there is no pace to extrapolate) or `nothing_recorded`
 * (days were worked but nobody was recorded: the pace is zero).
 */
export type Forecast =
  | {
      readonly status: 'finished';
      /** The last day a target was marked; undefined when there was nothing to do. */
      readonly finish: IsoDate | undefined;
      readonly versusPlan: PlanComparison | undefined;
    }
  | {
      readonly status: 'projected';
      readonly finish: IsoDate;
      /** Recorded per day worked. */
      readonly perDay: number;
      readonly daysWorked: number;
      readonly daysNeeded: number;
      readonly versusPlan: PlanComparison | undefined;
    }
  | { readonly status: 'none'; readonly reason: 'no_work_yet' | 'nothing_recorded' };

/** A school's figures; it belongs to the team planned for most of its students. */
export interface SchoolProgress extends ProgressFigures {
  readonly npsn: string;
  /** Undefined for a school missing from `schools`. */
  readonly kecamatan: string | undefined;
  /** Undefined when no visit is planned at the school. */
  readonly team: string | undefined;
  /** The date of its last planned visit. */
  readonly plannedFinish: IsoDate | undefined;
}

/** A kecamatan's figures: the sum of its schools'. */
export interface KecamatanProgress extends ProgressFigures {
  readonly kecamatan: string | undefined;
  readonly plannedFinish: IsoDate | undefined;
}

/** A team's figures: the sum of its schools', with a forecast from the pace at its schools. */
export interface TeamProgress extends ProgressFigures {
  readonly team: string | undefined;
  readonly plannedFinish: IsoDate | undefined;
  readonly forecast: Forecast;
}

/** The whole programme. */
export interface TotalProgress extends ProgressFigures {
  readonly plannedFinish: IsoDate | undefined;
  readonly forecast: Forecast;
}

/** One day: students planned, and targets whose current outcome was marked that day. */
export interface DayProgress {
  readonly date: IsoDate;
  readonly planned: number;
  readonly recorded: number;
  readonly absent: number;
  readonly refused: number;
  readonly failed: number;
  readonly notEligible: number;
  readonly done: number;
  readonly plannedToDate: number;
  readonly doneToDate: number;
}

/** Everything the dashboard shows. */
export interface Progress {
  readonly today: IsoDate;
  readonly total: TotalProgress;
  /** Every day with a planned visit or a marked target, in order. */
  readonly days: readonly DayProgress[];
  /** Sorted by NPSN: the schools given, and any other school of a target or visit. */
  readonly schools: readonly SchoolProgress[];
  /** Sorted by code; schools missing from `schools` last, as `undefined`. */
  readonly kecamatan: readonly KecamatanProgress[];
  /** Sorted by name; schools without a planned visit last, as `undefined`. */
  readonly teams: readonly TeamProgress[];
  /** Current outcomes of students who are not targets (walk-ins waiting for matching, others). */
  readonly untracked: number;
}

type Counts = { -readonly [K in keyof ProgressFigures]: number };

/** A group being summed: its figures, the day numbers it was worked on up to today, its last visit. */
interface Group {
  readonly counts: Counts;
  readonly workedDays: Set<number>;
  /** Recorded on a day up to today: the pace's numerator. */
  recordedByToday: number;
  plannedFinish: IsoDate | undefined;
}

const newGroup = (): Group => ({
  counts: {
    targets: 0,
    targetsWajib: 0,
    recorded: 0,
    recordedWajib: 0,
    absent: 0,
    refused: 0,
    failed: 0,
    notEligible: 0,
    unmarked: 0,
    remaining: 0,
    remainingWajib: 0,
    done: 0,
    planned: 0,
    plannedByNow: 0,
  },
  workedDays: new Set(),
  recordedByToday: 0,
  plannedFinish: undefined,
});

const FIGURE_KEYS = Object.keys(newGroup().counts) as (keyof Counts)[];

function addInto(into: Group, from: Group): void {
  for (const k of FIGURE_KEYS) into.counts[k] += from.counts[k];
  for (const d of from.workedDays) into.workedDays.add(d);
  into.recordedByToday += from.recordedByToday;
  into.plannedFinish = later(into.plannedFinish, from.plannedFinish);
}

const later = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined =>
  a === undefined ? b : b === undefined ? a : a > b ? a : b;

const FIGURE_OF: Record<VisitOutcome, keyof Counts> = {
  recorded: 'recorded',
  absent: 'absent',
  refused: 'refused',
  failed: 'failed',
  not_eligible: 'notEligible',
};

function dayNumberOf(date: IsoDate, what: string): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`${what} "${date}" is not a YYYY-MM-DD date`);
  return toDayNumber(parsed);
}

/** A team's planned students at a school, and its first visit there. */
interface TeamLoad {
  readonly students: number;
  readonly first: IsoDate;
}

/** The groups being summed while reading the inputs: by school, by day, and teams' loads by school. */
class Sums {
  readonly schools = new Map<string, Group>();
  readonly days = new Map<number, Counts>();
  readonly teamLoads = new Map<string, Map<string, TeamLoad>>();

  school(npsn: string): Group {
    let group = this.schools.get(npsn);
    if (!group) this.schools.set(npsn, (group = newGroup()));
    return group;
  }

  day(n: number): Counts {
    let counts = this.days.get(n);
    if (!counts) this.days.set(n, (counts = newGroup().counts));
    return counts;
  }
}

/** Adds the plan: planned students by school and day, last visits, teams' loads. */
function addPlan(sums: Sums, visits: readonly PlannedVisit[], today: number): void {
  for (const v of visits) {
    const n = dayNumberOf(v.date, 'visit date');
    for (const count of [v.wajib, v.dini])
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError(
          `visit ${v.date} ${v.team} ${v.npsn}: ${count} is not a student count`,
        );
    const students = v.wajib + v.dini;
    const group = sums.school(v.npsn);
    group.counts.planned += students;
    if (n <= today) group.counts.plannedByNow += students;
    group.plannedFinish = later(group.plannedFinish, v.date);
    sums.day(n).planned += students;
    const loads = sums.teamLoads.get(v.npsn) ?? new Map<string, TeamLoad>();
    const load = loads.get(v.team);
    loads.set(v.team, {
      students: (load?.students ?? 0) + students,
      first: load && load.first < v.date ? load.first : v.date,
    });
    sums.teamLoads.set(v.npsn, loads);
  }
}

/** Adds the targets by their current outcome, on their school and on the day it was marked. */
function addTargets(
  sums: Sums,
  targets: readonly TargetStudent[],
  outcomes: ReadonlyMap<string, MarkedOutcome>,
  today: number,
): void {
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.idSiswa)) throw new RangeError(`target ${t.idSiswa} is listed twice`);
    seen.add(t.idSiswa);
    const group = sums.school(t.npsn);
    const { counts } = group;
    const wajib = t.category === 'WAJIB' ? 1 : 0;
    counts.targets++;
    counts.targetsWajib += wajib;
    const mark = outcomes.get(t.idSiswa);
    if (!mark) {
      counts.unmarked++;
      counts.remaining++;
      counts.remainingWajib += wajib;
      continue;
    }
    const { outcome } = mark;
    const n = dayNumberOf(mark.visit.date, `date of the outcome of ${t.idSiswa}`);
    const daily = sums.day(n);
    counts[FIGURE_OF[outcome]]++;
    daily[FIGURE_OF[outcome]]++;
    if (outcome === 'recorded') counts.recordedWajib += wajib;
    if (outcome === 'absent' || outcome === 'failed') {
      counts.remaining++;
      counts.remainingWajib += wajib;
    } else {
      counts.done++;
      daily.done++;
    }
    if (n <= today) {
      group.workedDays.add(n);
      if (outcome === 'recorded') group.recordedByToday++;
    }
  }
}

/** The days in order, with running totals. */
function dayRows(days: ReadonlyMap<number, Counts>): DayProgress[] {
  let plannedToDate = 0;
  let doneToDate = 0;
  return [...days.keys()]
    .sort((a, b) => a - b)
    .map((n) => {
      const { planned, recorded, absent, refused, failed, notEligible, done } = days.get(
        n,
      ) as Counts;
      plannedToDate += planned;
      doneToDate += done;
      const date = formatIsoDate(fromDayNumber(n));
      return {
        date,
        planned,
        recorded,
        absent,
        refused,
        failed,
        notEligible,
        done,
        plannedToDate,
        doneToDate,
      };
    });
}

/** Sums the schools' groups by a key of their row. */
function sumBy<K>(
  rows: readonly SchoolProgress[],
  schools: ReadonlyMap<string, Group>,
  keyOf: (row: SchoolProgress) => K,
): Map<K, Group> {
  const groups = new Map<K, Group>();
  for (const row of rows) {
    const group = groups.get(keyOf(row)) ?? newGroup();
    addInto(group, schools.get(row.npsn) as Group);
    groups.set(keyOf(row), group);
  }
  return groups;
}

/**
 * Computes every figure of the dashboard from the raw inputs. Only programmer errors throw (a
 * `RangeError`): a date that is not `YYYY-MM-DD`, a negative or fractional planned count, a target or
 * school listed twice. Does not modify its inputs.
 */
export function computeProgress(input: ProgressInput): Progress {
  const today = dayNumberOf(input.today, 'today');
  const calendar = workingCalendar({
    ...(input.holidays && { holidays: input.holidays }),
    ...(input.weekdays && { weekdays: input.weekdays }),
  });
  const sums = new Sums();
  const kecamatanOf = new Map<string, string>();
  for (const s of input.schools) {
    if (kecamatanOf.has(s.npsn)) throw new RangeError(`school ${s.npsn} is listed twice`);
    kecamatanOf.set(s.npsn, s.kecamatan);
    sums.school(s.npsn);
  }
  addPlan(sums, input.visits, today);
  addTargets(sums, input.targets, input.outcomes, today);

  const schools: SchoolProgress[] = [...sums.schools.keys()].sort().map((npsn) => {
    const group = sums.schools.get(npsn) as Group;
    return {
      npsn,
      kecamatan: kecamatanOf.get(npsn),
      team: responsibleTeam(sums.teamLoads.get(npsn)),
      ...group.counts,
      plannedFinish: group.plannedFinish,
    };
  });
  const total = newGroup();
  for (const group of sums.schools.values()) addInto(total, group);
  const targetIds = new Set(input.targets.map((t) => t.idSiswa));
  const kecamatan = sumBy(schools, sums.schools, (row) => row.kecamatan);
  const teams = sumBy(schools, sums.schools, (row) => row.team);
  return {
    today: input.today,
    total: {
      ...total.counts,
      plannedFinish: total.plannedFinish,
      forecast: forecast(total, today, calendar),
    },
    days: dayRows(sums.days),
    schools,
    kecamatan: sortedKeys(kecamatan).map((k) => {
      const group = kecamatan.get(k) as Group;
      return { kecamatan: k, ...group.counts, plannedFinish: group.plannedFinish };
    }),
    teams: sortedKeys(teams).map((team) => {
      const group = teams.get(team) as Group;
      const { plannedFinish } = group;
      return { team, ...group.counts, plannedFinish, forecast: forecast(group, today, calendar) };
    }),
    untracked: [...input.outcomes.keys()].filter((id) => !targetIds.has(id)).length,
  };
}

/** Keys in order, `undefined` last. */
const sortedKeys = (groups: ReadonlyMap<string | undefined, unknown>): (string | undefined)[] =>
  [...groups.keys()].sort((a, b) =>
    a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );

/** The team planned for most of a school's students; on a tie the one there first, then by name. */
function responsibleTeam(loads: ReadonlyMap<string, TeamLoad> | undefined): string | undefined {
  let best: [string, TeamLoad] | undefined;
  for (const entry of loads ?? []) {
    const [team, load] = entry;
    if (
      !best ||
      load.students > best[1].students ||
      (load.students === best[1].students &&
        (load.first < best[1].first || (load.first === best[1].first && team < best[0])))
    )
      best = entry;
  }
  return best?.[0];
}

/**
 * The pace so far extrapolated over the remaining students. Days worked are the working days from the
 * first to the last day a target was marked (up to today), plus any non-working day marked on: a lost
 * day in between slows the pace, as it slows the work. The remaining work starts on the first working
 * day after the last day worked, and not before today.
 */
function forecast(group: Group, today: number, calendar: WorkingCalendar): Forecast {
  const { remaining } = group.counts;
  const worked = [...group.workedDays].sort((a, b) => a - b);
  const first = worked[0];
  const last = worked[worked.length - 1];
  if (remaining === 0) {
    const finish = last === undefined ? undefined : formatIsoDate(fromDayNumber(last));
    return {
      status: 'finished',
      finish,
      versusPlan: compare(finish, group.plannedFinish, calendar),
    };
  }
  if (first === undefined || last === undefined) return { status: 'none', reason: 'no_work_yet' };
  if (group.recordedByToday === 0) return { status: 'none', reason: 'nothing_recorded' };
  const from = fromDayNumber(first);
  const to = fromDayNumber(last);
  const daysWorked =
    countWorkingDays(calendar, from, to) +
    worked.filter((n) => !isWorkingDay(calendar, fromDayNumber(n))).length;
  // remaining ÷ (recorded ÷ days) in whole numbers: in floating point 10 ÷ (10 ÷ 3) is not 3.
  const daysNeeded = Math.ceil((remaining * daysWorked) / group.recordedByToday);
  const resume = nextWorkingDay(calendar, fromDayNumber(Math.max(last + 1, today)));
  const finish = formatIsoDate(addWorkingDays(calendar, resume, daysNeeded - 1));
  return {
    status: 'projected',
    finish,
    perDay: group.recordedByToday / daysWorked,
    daysWorked,
    daysNeeded,
    versusPlan: compare(finish, group.plannedFinish, calendar),
  };
}

/** A finish date against the planned one: working days after the earlier up to the later. */
function compare(
  finish: IsoDate | undefined,
  planned: IsoDate | undefined,
  calendar: WorkingCalendar,
): PlanComparison | undefined {
  if (finish === undefined || planned === undefined) return undefined;
  const [early, late] = finish < planned ? [finish, planned] : [planned, finish];
  const workingDays = countWorkingDays(
    calendar,
    fromDayNumber(dayNumberOf(early, 'finish') + 1),
    fromDayNumber(dayNumberOf(late, 'finish')),
  );
  const verdict = workingDays === 0 ? 'on_plan' : finish < planned ? 'ahead' : 'behind';
  return { verdict, workingDays };
}

/**
 * The targets' current outcomes in the shape `planMopUp` takes, so that absentees and failed captures
 * flow into mop-up planning. Targets without an outcome are left out. Order of `targets`.
 */
export function studentOutcomes(
  targets: readonly TargetStudent[],
  outcomes: ReadonlyMap<string, MarkedOutcome>,
): StudentOutcome[] {
  return targets.flatMap((t) => {
    const mark = outcomes.get(t.idSiswa);
    return mark ? [{ ...t, outcome: mark.outcome }] : [];
  });
}
