/**
 * Card handover (SPEC §5): a student recorded early can receive the KTP-el from the 17th birthday,
 * within a window after it (default 30 days). Each handover visit at a school serves every student
 * whose window contains its date, so the fewest visits per school is the interval-stabbing problem:
 * taking windows by their end, and visiting on the last working day of the first window not yet
 * served, is optimal (a visit as late as that window allows serves every window that one could).
 */
import { nthBirthday, type LeapDayRule } from '../dates/age.js';
import { addDays, compareDates, formatIsoDate, type PlainDate } from '../dates/plain-date.js';
import { isWorkingDay, workingCalendar } from '../calendar/working-days.js';
import type { Holiday, IsoDate } from '../domain/records.js';

/** A student whose card is to be handed over. */
export interface HandoverStudent {
  readonly id: string;
  readonly npsn: string;
  readonly birthDate: PlainDate;
}

/** Options of {@link planHandovers}. */
export interface HandoverOptions {
  /** No handover before this day (the programme's start; default: none). */
  readonly from?: PlainDate | undefined;
  /** Days after the 17th birthday within which the card is handed over (default 30, at least 0). */
  readonly windowDays?: number | undefined;
  readonly holidays?: readonly Holiday[] | undefined;
  readonly weekdays?: readonly number[] | undefined;
  /** Days each school cannot host a visit, by NPSN. */
  readonly blackout?: ReadonlyMap<string, readonly IsoDate[]> | undefined;
  readonly leapDayRule?: LeapDayRule | undefined;
}

/** One handover visit: a school, a date and the students served there. */
export interface HandoverVisit {
  readonly npsn: string;
  readonly date: IsoDate;
  readonly students: readonly string[];
}

/** A student whose window holds no day a visit can take place (all holidays, blackout or past). */
export interface HandoverMiss {
  readonly id: string;
  readonly npsn: string;
  readonly windowStart: IsoDate;
  readonly windowEnd: IsoDate;
}

/**
 * The fewest handover visits per school that give every student the card within their window.
 * Deterministic; visits sorted by school and date. Students with no possible day are listed apart.
 */
export function planHandovers(
  students: readonly HandoverStudent[],
  options: HandoverOptions = {},
): { visits: HandoverVisit[]; missed: HandoverMiss[] } {
  const window = options.windowDays ?? 30;
  if (!Number.isInteger(window) || window < 0)
    throw new RangeError(`windowDays must be a whole number ≥ 0, got ${window}`);
  const calendar = workingCalendar({
    holidays: options.holidays ?? [],
    ...(options.weekdays && { weekdays: options.weekdays }),
  });
  const bySchool = new Map<string, { id: string; start: PlainDate; end: PlainDate }[]>();
  for (const s of students) {
    const birthday = nthBirthday(s.birthDate, 17, options.leapDayRule ?? 'march-1');
    const start =
      options.from && compareDates(options.from, birthday) > 0 ? options.from : birthday;
    const end = addDays(birthday, window);
    const list = bySchool.get(s.npsn) ?? [];
    list.push({ id: s.id, start, end });
    bySchool.set(s.npsn, list);
  }
  const visits: HandoverVisit[] = [];
  const missed: HandoverMiss[] = [];
  for (const npsn of [...bySchool.keys()].sort()) {
    const closed = new Set(options.blackout?.get(npsn) ?? []);
    const open = (d: PlainDate): boolean =>
      isWorkingDay(calendar, d) && !closed.has(formatIsoDate(d));
    const windows = (bySchool.get(npsn) ?? []).sort(
      (a, b) =>
        compareDates(a.end, b.end) || compareDates(a.start, b.start) || a.id.localeCompare(b.id),
    );
    let current: { date: PlainDate; students: string[] } | undefined;
    for (const w of windows) {
      if (
        current &&
        compareDates(current.date, w.start) >= 0 &&
        compareDates(current.date, w.end) <= 0
      ) {
        current.students.push(w.id);
        continue;
      }
      // The last open day of this window.
      let day = w.end;
      while (compareDates(day, w.start) >= 0 && !open(day)) day = addDays(day, -1);
      if (compareDates(day, w.start) < 0) {
        missed.push({
          id: w.id,
          npsn,
          windowStart: formatIsoDate(w.start),
          windowEnd: formatIsoDate(w.end),
        });
        continue;
      }
      if (current)
        visits.push({ npsn, date: formatIsoDate(current.date), students: current.students });
      current = { date: day, students: [w.id] };
    }
    if (current)
      visits.push({ npsn, date: formatIsoDate(current.date), students: current.students });
  }
  return { visits, missed };
}
