/**
 * Live counts for a visit and the day summary a team leader signs off (issue 8). Plain data, for the
 * screen and for printing. A visit counts what was marked at it: a student on its list whose current
 * outcome was marked at another visit (recorded the day before, say) is `elsewhere`, not this visit's
 * work, so that the day summaries of a programme never count one recording twice.
 */
import type { IsoDate } from '../domain/records.js';
import type { VisitOutcome } from '../scheduling/mop-up.js';
import { visitKey } from '../scheduling/pinned.js';
import type { VisitKey } from '../scheduling/types.js';
import { compareEvents } from './events.js';
import {
  currentOutcomes,
  liveNotes,
  VISIT_OUTCOMES,
  type FieldNote,
  type OutcomeConflict,
  type OutcomeMark,
  type VisitEvent,
} from './marks.js';
import { liveWalkIns, type WalkInEvent } from './walk-ins.js';

/** A student on a visit's list. */
export interface ExpectedStudent {
  readonly idSiswa: string;
  readonly category: 'WAJIB' | 'REKAM_DINI';
  /** As the school wrote it; `''` when unknown. */
  readonly kelas: string;
}

/** A count per outcome. */
export type OutcomeCounts = Readonly<Record<VisitOutcome, number>>;

/** Recordings by category. */
export type CategoryCounts = Readonly<Record<ExpectedStudent['category'], number>>;

/** The counts of a group of students: `expected` = the outcomes' sum + `elsewhere` + `remaining`. */
export interface TallyCounts {
  readonly expected: number;
  /** By the outcome marked at this visit (or these visits). */
  readonly outcomes: OutcomeCounts;
  /** Whose current outcome was marked at another visit. */
  readonly elsewhere: number;
  /** With no outcome yet. */
  readonly remaining: number;
}

/** The counts of one class. */
export interface ClassTally extends TallyCounts {
  readonly kelas: string;
}

/** The live counts of a visit. */
export interface VisitTally extends TallyCounts {
  readonly visit: VisitKey;
  /** Recorded at this visit, of the expected, by category. */
  readonly recorded: CategoryCounts;
  /** By class, in natural order (X-2 before X-10); `kelas` `''` for students without one. */
  readonly classes: readonly ClassTally[];
  /** The walk-ins added at this visit; `expected` is how many were added. */
  readonly walkIns: TallyCounts;
  /** Marked here but neither on the list nor a walk-in of this visit (a student from another list). */
  readonly unlisted: OutcomeCounts;
  /** Everything marked here: `outcomes` + `walkIns.outcomes` + `unlisted`. */
  readonly marked: OutcomeCounts;
}

const noOutcomes = (): Record<VisitOutcome, number> => ({
  recorded: 0,
  absent: 0,
  refused: 0,
  failed: 0,
  not_eligible: 0,
});

const sumOutcomes = (counts: readonly OutcomeCounts[]): OutcomeCounts => {
  const sum = noOutcomes();
  for (const c of counts) for (const o of VISIT_OUTCOMES) sum[o] += c[o];
  return sum;
};

const sumTallies = (tallies: readonly TallyCounts[]): TallyCounts => ({
  expected: tallies.reduce((s, t) => s + t.expected, 0),
  outcomes: sumOutcomes(tallies.map((t) => t.outcomes)),
  elsewhere: tallies.reduce((s, t) => s + t.elsewhere, 0),
  remaining: tallies.reduce((s, t) => s + t.remaining, 0),
});

/** The counts of `ids` at the visit with key `key`. */
function tallyOf(
  ids: readonly string[],
  key: string,
  outcomes: ReadonlyMap<string, OutcomeMark>,
): TallyCounts {
  const counts = noOutcomes();
  let elsewhere = 0;
  let remaining = 0;
  for (const id of ids) {
    const mark = outcomes.get(id);
    if (!mark) remaining++;
    else if (visitKey(mark.visit) === key) counts[mark.outcome]++;
    else elsewhere++;
  }
  return { expected: ids.length, outcomes: counts, elsewhere, remaining };
}

/** Natural order: X-2 before X-10. */
const natural = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/**
 * The counts of a visit from its list, the current outcomes (`currentOutcomes(log).outcomes`) and the
 * walk-ins (`liveWalkIns(log)`; those of other visits are ignored). Throws a `RangeError` when a
 * student is listed twice, as the counts would then be wrong.
 *
 * @example
 * const { outcomes } = currentOutcomes(log);
 * tallyVisit(visit, expected, outcomes, liveWalkIns(log)).remaining // students not marked yet
 */
export function tallyVisit(
  visit: VisitKey,
  expected: readonly ExpectedStudent[],
  outcomes: ReadonlyMap<string, OutcomeMark>,
  walkIns: readonly WalkInEvent[],
): VisitTally {
  const key = visitKey(visit);
  const listed = new Set<string>();
  const classes = new Map<string, string[]>();
  const recorded = { WAJIB: 0, REKAM_DINI: 0 };
  for (const s of expected) {
    if (listed.has(s.idSiswa)) throw new RangeError(`student ${s.idSiswa} is listed twice`);
    listed.add(s.idSiswa);
    const list = classes.get(s.kelas) ?? [];
    list.push(s.idSiswa);
    classes.set(s.kelas, list);
    const mark = outcomes.get(s.idSiswa);
    if (mark?.outcome === 'recorded' && visitKey(mark.visit) === key) recorded[s.category]++;
  }
  const added = walkIns.filter((w) => visitKey(w.visit) === key).map((w) => w.id);
  const walkInIds = new Set(added);
  const marked = noOutcomes();
  const unlisted = noOutcomes();
  for (const [id, mark] of outcomes) {
    if (visitKey(mark.visit) !== key) continue;
    marked[mark.outcome]++;
    if (!listed.has(id) && !walkInIds.has(id)) unlisted[mark.outcome]++;
  }
  return {
    visit,
    ...tallyOf([...listed], key, outcomes),
    recorded,
    classes: [...classes.keys()]
      .sort(natural.compare)
      .map((kelas) => ({ kelas, ...tallyOf(classes.get(kelas) ?? [], key, outcomes) })),
    walkIns: tallyOf([...walkInIds], key, outcomes),
    unlisted,
    marked,
  };
}

/** One of a team's visits on a day: the school and its list. */
export interface DayVisit {
  readonly npsn: string;
  readonly expected: readonly ExpectedStudent[];
}

/** How many current outcomes gave one reason (compared ignoring case). */
export interface ReasonCount {
  readonly outcome: VisitOutcome;
  /** As first written. */
  readonly reason: string;
  readonly count: number;
}

/** What a team leader signs off at the end of a day: the visits' counts summed, reasons and notes. */
export interface DaySummary extends TallyCounts {
  readonly date: IsoDate;
  readonly team: string;
  /** NPSN of the schools, in the order given. */
  readonly schools: readonly string[];
  readonly visits: readonly VisitTally[];
  readonly recorded: CategoryCounts;
  readonly walkIns: TallyCounts;
  readonly unlisted: OutcomeCounts;
  readonly marked: OutcomeCounts;
  /** Reasons of the current outcomes marked at these visits: by outcome, most frequent first. */
  readonly reasons: readonly ReasonCount[];
  /** Notes written at these visits and not undone, in event order. */
  readonly notes: readonly FieldNote[];
  /** Conflicts with a mark at these visits: to settle before signing. */
  readonly conflicts: readonly OutcomeConflict[];
}

/**
 * The day summary of a team from the whole log (a student's current outcome may come from another
 * day). Does not modify its inputs; throws a `RangeError` when a school or a student is given twice.
 */
export function summariseDay(
  date: IsoDate,
  team: string,
  visits: readonly DayVisit[],
  events: readonly VisitEvent[],
): DaySummary {
  const { outcomes, conflicts } = currentOutcomes(events);
  const walkIns = liveWalkIns(events);
  const keys = new Set(visits.map((v) => visitKey({ date, team, npsn: v.npsn })));
  if (keys.size !== visits.length) throw new RangeError('a school is given twice for one day');
  const listed = visits.reduce((n, v) => n + v.expected.length, 0);
  if (new Set(visits.flatMap((v) => v.expected.map((s) => s.idSiswa))).size !== listed)
    throw new RangeError('a student is listed at two visits of one day');
  const tallies = visits.map((v) =>
    tallyVisit({ date, team, npsn: v.npsn }, v.expected, outcomes, walkIns),
  );
  const here = (mark: OutcomeMark): boolean => keys.has(visitKey(mark.visit));
  return {
    date,
    team,
    schools: visits.map((v) => v.npsn),
    visits: tallies,
    ...sumTallies(tallies),
    recorded: {
      WAJIB: tallies.reduce((s, t) => s + t.recorded.WAJIB, 0),
      REKAM_DINI: tallies.reduce((s, t) => s + t.recorded.REKAM_DINI, 0),
    },
    walkIns: sumTallies(tallies.map((t) => t.walkIns)),
    unlisted: sumOutcomes(tallies.map((t) => t.unlisted)),
    marked: sumOutcomes(tallies.map((t) => t.marked)),
    reasons: countReasons([...outcomes.values()].filter(here)),
    notes: liveNotes(events).filter((n) => keys.has(visitKey(n.visit))),
    conflicts: conflicts.filter((c) => here(c.kept) || c.overruled.some(here)),
  };
}

/** Reasons grouped by outcome and by text ignoring case; each keeps its earliest spelling. */
function countReasons(marks: readonly OutcomeMark[]): ReasonCount[] {
  const groups = new Map<string, { outcome: VisitOutcome; reason: string; count: number }>();
  for (const mark of [...marks].sort(compareEvents)) {
    if (mark.reason === undefined) continue;
    const key = `${mark.outcome}\u0000${mark.reason.toLocaleLowerCase('id')}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { outcome: mark.outcome, reason: mark.reason, count: 1 });
  }
  const order = (o: VisitOutcome): number => VISIT_OUTCOMES.indexOf(o);
  return [...groups.values()].sort(
    (a, b) =>
      order(a.outcome) - order(b.outcome) ||
      b.count - a.count ||
      natural.compare(a.reason, b.reason),
  );
}
