/**
 * The card handover per date: the cards due (17th birthday reached, not handed over), the cards still
 * awaiting their birthday, the handover visits the core plans for every card not handed over, and
 * the cards handed over. The rules are the core's (`cardsAwaiting`, `cardsDue`, `liveHandovers`,
 * `planHandovers`); this module puts names and schools to them. Pure functions on plain data.
 */
import {
  daysBetween,
  parseIsoDate,
  planHandovers,
  type HandoverMiss,
  type PlainDate,
} from '@sahaja/core';
import {
  cardsAwaiting,
  liveHandovers,
  type CardAwaiting,
  type CardEvent,
  type CardStudent,
  type HandoverEvent,
} from '@sahaja/core/field';
import type { CardCandidate, CardData, CardSchool } from './card-data';

/** The data of {@link CardData} indexed once for the screen's lookups. */
export interface CardIndex {
  readonly data: CardData;
  /** The candidates as the core's card rules take them. */
  readonly students: readonly CardStudent[];
  readonly byId: ReadonlyMap<string, CardCandidate>;
  readonly schools: ReadonlyMap<string, CardSchool>;
  /** Birth dates by `idSiswa`, for `validateCardEvent` (no handover before the 17th birthday). */
  readonly birthDates: ReadonlyMap<string, PlainDate>;
  /** Each school's place in the screens' order (by name, as `data.schools`). */
  readonly schoolRank: ReadonlyMap<string, number>;
  /**
   * Each candidate's place in the screens' order: by school, then as the worker listed them (class,
   * then name). Sorting by it costs no string comparison: thousands of cards sort at every change.
   */
  readonly rank: ReadonlyMap<string, number>;
}

/** Indexes `data`; a candidate whose birth date is not a real date is left out (never due). */
export function indexCards(data: CardData): CardIndex {
  const students: CardStudent[] = [];
  const birthDates = new Map<string, PlainDate>();
  for (const c of data.candidates) {
    const birthDate = parseIsoDate(c.birthDate);
    if (!birthDate) continue;
    students.push({ idSiswa: c.idSiswa, npsn: c.npsn, category: c.category, birthDate });
    birthDates.set(c.idSiswa, birthDate);
  }
  const schoolRank = new Map(data.schools.map((s, i) => [s.npsn, i]));
  const unknown = data.schools.length;
  const order = data.candidates
    .map((c, i) => ({ c, school: schoolRank.get(c.npsn) ?? unknown, i }))
    .sort((a, b) => a.school - b.school || compareText(a.c.npsn, b.c.npsn) || a.i - b.i);
  return {
    data,
    students,
    byId: new Map(data.candidates.map((c) => [c.idSiswa, c])),
    schools: new Map(data.schools.map((s) => [s.npsn, s])),
    birthDates,
    schoolRank,
    rank: new Map(order.map(({ c }, r) => [c.idSiswa, r])),
  };
}

/** By UTF-16 code units (ids, NPSNs, ISO dates). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders students (by id) as the screens list them; those not among the candidates last. */
export function byRank(index: CardIndex): (a: string, b: string) => number {
  const place = (id: string) => index.rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => place(a) - place(b) || compareText(a, b);
}

/** Orders schools (by NPSN) as the screens list them: by name. */
export function bySchool(index: CardIndex): (a: string, b: string) => number {
  const place = (npsn: string) => index.schoolRank.get(npsn) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => place(a) - place(b) || compareText(a, b);
}

/** A card due on the chosen date, with what the screen shows of its student. */
export interface DueCard {
  readonly idSiswa: string;
  readonly npsn: string;
  readonly nama: string;
  readonly nisn: string;
  readonly kelas: string;
  readonly schoolName: string;
  /** The 17th birthday, `YYYY-MM-DD`. */
  readonly dueFrom: string;
  /** Days from the 17th birthday to the chosen date (0 on the birthday). */
  readonly daysSince: number;
}

/** The cards on a date. */
export interface CardsOn {
  /** Due on the date and not handed over, by school name, then class and name. */
  readonly due: readonly DueCard[];
  /** Every card not handed over (due or not), as the core lists them. */
  readonly awaiting: readonly CardAwaiting[];
  /** Cards not handed over whose 17th birthday is after the date. */
  readonly later: number;
}

/** The name a school goes by: its stored name, else its NPSN. */
export const schoolName = (index: CardIndex, npsn: string): string =>
  index.schools.get(npsn)?.nama ?? npsn;

/**
 * The cards on date `on` (`YYYY-MM-DD`) with card log `log`. Throws a `RangeError` when `on` is not a
 * real date (check it first, e.g. with `parseIsoDate`).
 */
export function cardsOn(index: CardIndex, log: readonly CardEvent[], on: string): CardsOn {
  const day = parseIsoDate(on);
  if (!day) throw new RangeError(`"${on}" is not a YYYY-MM-DD date`);
  const { outcomes, leapDayRule } = index.data;
  const awaiting = cardsAwaiting(index.students, outcomes, log, leapDayRule);
  // The core's `cardsDue` rule (17th birthday on or before `on`), without listing them all twice.
  const due = awaiting.filter((card) => card.dueFrom <= on);
  const rows = due.flatMap((card): DueCard[] => {
    const c = index.byId.get(card.idSiswa);
    const from = parseIsoDate(card.dueFrom);
    if (!c || !from) return [];
    return [
      {
        idSiswa: c.idSiswa,
        npsn: c.npsn,
        nama: c.nama,
        nisn: c.nisn,
        kelas: c.kelas,
        schoolName: schoolName(index, c.npsn),
        dueFrom: card.dueFrom,
        daysSince: daysBetween(from, day),
      },
    ];
  });
  const order = byRank(index);
  return {
    due: rows.sort((a, b) => order(a.idSiswa, b.idSiswa)),
    awaiting,
    later: awaiting.length - due.length,
  };
}

/** A planned handover visit, with its school's name. */
export interface PlannedHandover {
  readonly npsn: string;
  readonly schoolName: string;
  readonly date: string;
  /** How many cards it hands over. */
  readonly students: number;
}

/** The handover visits the core plans, and the cards no visit can serve. */
export interface HandoverPlan {
  /** By date, then school name. */
  readonly visits: readonly PlannedHandover[];
  readonly missed: readonly HandoverMiss[];
}

/** Days after the 17th birthday within which a card is handed over (the core's default). */
export const HANDOVER_WINDOW_DAYS = 30;

/**
 * The fewest handover visits per school, from date `from` on, for the cards `awaiting` (every card
 * not handed over), on the programme's working days (Monday–Friday, holidays and each school's
 * blackout days excluded). A card whose window (its 17th birthday to 30 days later) ended before
 * `from` is among `missed`. Throws a `RangeError` when `from` is not a real date.
 */
export function planCardHandovers(
  index: CardIndex,
  awaiting: readonly CardAwaiting[],
  from: string,
): HandoverPlan {
  const start = parseIsoDate(from);
  if (!start) throw new RangeError(`"${from}" is not a YYYY-MM-DD date`);
  const order = bySchool(index);
  const blackout = new Map(index.data.schools.map((s) => [s.npsn, s.tanggalTidakBisa]));
  const { visits, missed } = planHandovers(
    awaiting.map((a) => ({ id: a.idSiswa, npsn: a.npsn, birthDate: a.birthDate })),
    {
      from: start,
      windowDays: HANDOVER_WINDOW_DAYS,
      holidays: index.data.holidays,
      blackout,
      leapDayRule: index.data.leapDayRule,
    },
  );
  return {
    visits: visits
      .map((v) => ({
        npsn: v.npsn,
        schoolName: schoolName(index, v.npsn),
        date: v.date,
        students: v.students.length,
      }))
      .sort((a, b) => compareText(a.date, b.date) || order(a.npsn, b.npsn)),
    missed,
  };
}

/** A card handed over, with its student's name and school. */
export interface HandedOverCard {
  readonly event: HandoverEvent;
  /** The student's name; their id when they are no longer among the early-recorded students. */
  readonly nama: string;
  readonly kelas: string;
  readonly npsn: string;
  readonly schoolName: string;
}

/**
 * The handovers that stand, of school `npsn` (or every school) and handed over on `on` (or any
 * day): latest handover date first, then school and student.
 */
export function handedOver(
  index: CardIndex,
  log: readonly CardEvent[],
  filter: { readonly npsn: string | null; readonly on: string | null },
): HandedOverCard[] {
  const cards: HandedOverCard[] = [];
  for (const event of liveHandovers(log).values()) {
    if (filter.on !== null && event.handedAt !== filter.on) continue;
    const c = index.byId.get(event.idSiswa);
    const npsn = c?.npsn ?? '';
    if (filter.npsn !== null && npsn !== filter.npsn) continue;
    cards.push({
      event,
      nama: c?.nama ?? event.idSiswa,
      kelas: c?.kelas ?? '',
      npsn,
      schoolName: c ? schoolName(index, npsn) : '',
    });
  }
  const order = byRank(index);
  return cards.sort(
    (a, b) =>
      compareText(b.event.handedAt, a.event.handedAt) || order(a.event.idSiswa, b.event.idSiswa),
  );
}

/** A school with its count of cards due, for the school filter. */
export interface SchoolCount {
  readonly npsn: string;
  readonly nama: string;
  readonly due: number;
}

/** A school of the filter: one with early-recorded students, and its cards due. */
export type SchoolOption = SchoolCount;

/** The schools with early-recorded students (by name), each with its count among `due`. */
export function schoolOptions(index: CardIndex, due: readonly DueCard[]): SchoolOption[] {
  const counts = new Map(schoolsWithDue(due).map((s) => [s.npsn, s.due]));
  const withCards = new Set(index.data.candidates.map((c) => c.npsn));
  return index.data.schools
    .filter((s) => withCards.has(s.npsn))
    .map((s) => ({ npsn: s.npsn, nama: s.nama, due: counts.get(s.npsn) ?? 0 }));
}

/**
 * The cards of school `npsn` (`''`: every school) whose name holds every word of `query` (case
 * ignored) or whose NISN holds it. Does not modify `due`.
 */
export function filterDue(due: readonly DueCard[], npsn: string, query: string): DueCard[] {
  const words = query.trim().toLocaleLowerCase('id').split(/\s+/).filter(Boolean);
  return due.filter(
    (card) =>
      (npsn === '' || card.npsn === npsn) &&
      words.every((w) => card.nama.toLocaleLowerCase('id').includes(w) || card.nisn.includes(w)),
  );
}

/** The schools with cards due, by name, each with its count. */
export function schoolsWithDue(due: readonly DueCard[]): SchoolCount[] {
  const counts = new Map<string, SchoolCount>();
  for (const card of due) {
    const known = counts.get(card.npsn);
    counts.set(card.npsn, { npsn: card.npsn, nama: card.schoolName, due: (known?.due ?? 0) + 1 });
  }
  // `due` is sorted by school name already: the map keeps that order.
  return [...counts.values()];
}
