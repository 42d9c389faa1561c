/**
 * The eligibility screen's student list: one row per listed student with what the screen sorts, filters
 * and shows by, built once per result so that filtering 20,000 students as the user types stays cheap.
 */
import { formatIsoDate } from '@sahaja/core';
import type { EligibilityDecision, School, StudentCategory } from '../core/types';
import type { ProgrammeEligibility, StudentEligibility } from './programme';

/** What a student is counted as: a category, or still pending, or a duplicate listing. */
export type CountKey = StudentCategory | 'pendingMatch' | 'pendingReview' | 'duplicates';

/** One student as the screen lists them. */
export interface EligibilityRow {
  readonly student: StudentEligibility;
  readonly key: CountKey;
  /** The school's name, or '' when the NPSN is not among the programme's schools. */
  readonly schoolName: string;
  /** The name folded for searching (see {@link normaliseName}). */
  readonly searchName: string;
}

/** Which students the list shows by their state: decided, pending (either kind) or duplicate. */
export type StateFilter = 'all' | 'decided' | 'pending' | 'not_matched' | 'review' | 'duplicate';

/** Every state filter, in the order the screen offers them. */
export const STATE_FILTERS: readonly StateFilter[] = [
  'all',
  'decided',
  'pending',
  'not_matched',
  'review',
  'duplicate',
];

/** The list's filters; an empty category set and a null school mean "all". */
export interface RowFilter {
  readonly categories: ReadonlySet<StudentCategory>;
  readonly school: string | null;
  readonly state: StateFilter;
  /** Text typed by the user: every word must occur in the name, whatever the case and spacing. */
  readonly name: string;
}

/** A filter that lets every row through. */
export const NO_FILTER: RowFilter = { categories: new Set(), school: null, state: 'all', name: '' };

/** What a student counts as in the totals (as {@link evaluateProgramme} counted them). */
export function countKeyOf(student: StudentEligibility): CountKey {
  if (student.duplicateOf) return 'duplicates';
  if (student.decision) return student.decision.category;
  return student.pending === 'review' ? 'pendingReview' : 'pendingMatch';
}

/** Printable ASCII only: no accents to fold. */
const ASCII = /^[\x20-\x7e]*$/;

/**
 * A name folded for searching: accents dropped, upper case, every run of spaces and punctuation made one
 * space, trimmed — so "  siti   aisyah" finds "SITI AISYAH" and "m. rizky" finds "M RIZKY".
 *
 * @example normaliseName('  Moch.  Rizky ') // 'MOCH RIZKY'
 */
export function normaliseName(text: string): string {
  // Most names are plain ASCII: skip the Unicode decomposition for them (20,000 names per result).
  const plain = ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  return plain
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The rows of a result, sorted by school name, class and name (plain comparisons of prepared keys: a
 * locale-aware sort of 20,000 rows would block the page). Students of a school the programme does not
 * list come last, by NPSN.
 */
export function buildRows(
  eligibility: ProgrammeEligibility,
  schools: readonly School[],
): EligibilityRow[] {
  const names = new Map(schools.map((s) => [s.npsn, s.nama]));
  const rows = eligibility.students.map((student) => {
    const schoolName = names.get(student.npsn) ?? '';
    return {
      student,
      key: countKeyOf(student),
      schoolName,
      searchName: normaliseName(student.nama),
      // Schools the programme does not list go last, by NPSN.
      sortSchool: schoolName ? `0${schoolName.toUpperCase()}` : `1${student.npsn}`,
      sortClass: student.kelas.toUpperCase(),
    };
  });
  rows.sort(
    (a, b) =>
      compare(a.sortSchool, b.sortSchool) ||
      compare(a.student.npsn, b.student.npsn) ||
      compare(a.sortClass, b.sortClass) ||
      compare(a.searchName, b.searchName) ||
      compare(a.student.idSiswa, b.student.idSiswa),
  );
  return rows.map(({ student, key, schoolName, searchName }) => ({
    student,
    key,
    schoolName,
    searchName,
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATE_KEYS: Readonly<Record<StateFilter, (key: CountKey) => boolean>> = {
  all: () => true,
  decided: (key) => !NOT_DECIDED.has(key),
  pending: (key) => key === 'pendingMatch' || key === 'pendingReview',
  not_matched: (key) => key === 'pendingMatch',
  review: (key) => key === 'pendingReview',
  duplicate: (key) => key === 'duplicates',
};

const NOT_DECIDED: ReadonlySet<CountKey> = new Set(['pendingMatch', 'pendingReview', 'duplicates']);

/**
 * The rows that pass every filter, in their order. Categories match what a row is counted as, so
 * choosing WAJIB shows exactly the students the WAJIB count counts (not duplicate listings). Returns
 * `rows` itself when no filter is set. Does not modify `rows`.
 */
export function filterRows(
  rows: readonly EligibilityRow[],
  filter: RowFilter,
): readonly EligibilityRow[] {
  const words = normaliseName(filter.name).split(' ').filter(Boolean);
  const { categories, school, state } = filter;
  if (categories.size === 0 && school === null && state === 'all' && words.length === 0) {
    return rows;
  }
  const stateOk = STATE_KEYS[state];
  const categoryOk = (key: CountKey) =>
    categories.size === 0 || categories.has(key as StudentCategory);
  return rows.filter(
    (row) =>
      (school === null || row.student.npsn === school) &&
      stateOk(row.key) &&
      categoryOk(row.key) &&
      words.every((word) => row.searchName.includes(word)),
  );
}

/** A decision's key dates as `YYYY-MM-DD`: the 17th birthday and the day recording may start. */
export interface KeyDates {
  readonly seventeenth: string | null;
  readonly eligibleFrom: string | null;
}

/**
 * The key dates of a decision (both null without one, or without a readable birth date). Given the
 * reference date (`YYYY-MM-DD`), the first recording day is kept only when it is still to come: for
 * a student already old enough it says nothing.
 */
export function keyDates(
  decision: EligibilityDecision | null,
  referenceDate: string | null = null,
): KeyDates {
  const dates = decision?.dates;
  const eligibleFrom = dates?.eligibleFrom ? formatIsoDate(dates.eligibleFrom) : null;
  return {
    seventeenth: dates?.seventeenthBirthday ? formatIsoDate(dates.seventeenthBirthday) : null,
    eligibleFrom:
      eligibleFrom && (referenceDate === null || eligibleFrom > referenceDate)
        ? eligibleFrom
        : null,
  };
}

/** A category set with `category` added (`on`) or removed; the given set is left as it was. */
export function toggled(
  categories: ReadonlySet<StudentCategory>,
  category: StudentCategory,
  on: boolean,
): ReadonlySet<StudentCategory> {
  const next = new Set(categories);
  if (on) next.add(category);
  else next.delete(category);
  return next;
}

/** The set of just these categories (none: every category is shown). */
export function categorySet(...categories: StudentCategory[]): ReadonlySet<StudentCategory> {
  return new Set(categories);
}

/** The rows by the student's id, to find a duplicate listing's original. */
export function rowsById(rows: readonly EligibilityRow[]): ReadonlyMap<string, EligibilityRow> {
  return new Map(rows.map((row) => [row.student.idSiswa, row]));
}
