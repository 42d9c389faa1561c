import type { EligibilityPolicy } from './policy.js';
import {
  eligibilityEvaluator,
  notFoundDecision,
  STUDENT_CATEGORIES,
  type EligibilityDecision,
  type EligibilityPerson,
  type StudentCategory,
} from './evaluate.js';

/** A count per category. */
export type CategoryCounts = Record<StudentCategory, number>;

/** One person to evaluate: their registry record (`undefined` when not found) and their school. */
export interface EligibilityEntry {
  readonly person: EligibilityPerson | undefined;
  /** The school's NPSN or any grouping key; entries without one are counted only in the totals. */
  readonly school?: string;
}

/** Counts over a batch of decisions. */
export interface EligibilitySummary {
  readonly total: number;
  readonly counts: CategoryCounts;
  /** Counts per school key, in the order schools first appear. */
  readonly bySchool: ReadonlyMap<string, CategoryCounts>;
  /** Decisions that carry at least one warning. */
  readonly withWarnings: number;
}

const CATEGORY_INDEX = new Map(STUDENT_CATEGORIES.map((c, i) => [c, i]));

/** A count of zero for every category. */
export function emptyCounts(): CategoryCounts {
  const counts = {} as CategoryCounts;
  for (const c of STUDENT_CATEGORIES) counts[c] = 0;
  return counts;
}

/**
 * Evaluates many people with one policy and counts the categories, in total and per school. Decisions
 * come back in input order; a `person` of `undefined` becomes `TIDAK_DITEMUKAN`.
 *
 * @example
 * const { decisions, summary } = evaluateBatch(
 *   students.map((s) => ({ person: registryByNik.get(s.nik), school: s.npsn })), policy);
 * summary.bySchool.get('20512345')?.WAJIB
 */
export function evaluateBatch(
  entries: Iterable<EligibilityEntry>,
  policy: EligibilityPolicy,
): { readonly decisions: EligibilityDecision[]; readonly summary: EligibilitySummary } {
  const evaluate = eligibilityEvaluator(policy);
  // Sized up front for arrays, and counted by index: a million decisions are common.
  const sized = Array.isArray(entries);
  const decisions: EligibilityDecision[] = sized
    ? new Array<EligibilityDecision>(entries.length)
    : [];
  const tally = new Int32Array(STUDENT_CATEGORIES.length);
  const bySchool = new Map<string, CategoryCounts>();
  let withWarnings = 0;
  let n = 0;
  for (const entry of entries) {
    const d = entry.person ? evaluate(entry.person) : notFoundDecision();
    decisions[n++] = d;
    const k = CATEGORY_INDEX.get(d.category) as number;
    tally[k] = (tally[k] as number) + 1;
    if (d.warnings.length > 0) withWarnings++;
    if (entry.school !== undefined) {
      let school = bySchool.get(entry.school);
      if (!school) {
        school = emptyCounts();
        bySchool.set(entry.school, school);
      }
      school[d.category]++;
    }
  }
  decisions.length = n;
  const counts = emptyCounts();
  STUDENT_CATEGORIES.forEach((c, i) => {
    counts[c] = tally[i] as number;
  });
  return { decisions, summary: { total: n, counts, bySchool, withWarnings } };
}
