/**
 * Eligibility per school: the counts the screen's school table shows — the programme's targets (WAJIB,
 * REKAM_DINI), those already recorded, every other category together, the students still pending and
 * the duplicate listings — with a total row that equals the programme's counts.
 */
import type { School, StudentCategory } from '../core/types';
import {
  ELIGIBILITY_CATEGORIES,
  emptyEligibilityCounts,
  type EligibilityCounts,
  type ProgrammeEligibility,
} from './programme';

/** The categories the school table counts together as "others". */
export const OTHER_CATEGORIES: readonly StudentCategory[] = ELIGIBILITY_CATEGORIES.filter(
  (c) => c !== 'WAJIB' && c !== 'REKAM_DINI' && c !== 'SUDAH_REKAM',
);

/** One school's line in the table. */
export interface SchoolSummary {
  readonly npsn: string;
  /** The school's name, or null when its students list an NPSN the programme has no school for. */
  readonly nama: string | null;
  readonly wajib: number;
  readonly rekamDini: number;
  /** WAJIB + REKAM_DINI: the students the visit must record. */
  readonly targets: number;
  readonly sudahRekam: number;
  readonly others: number;
  /** Not matched yet, or waiting for review. */
  readonly pending: number;
  readonly duplicates: number;
  /** Every listing of the school: the columns above (targets aside) add up to it. */
  readonly total: number;
  readonly counts: EligibilityCounts;
}

/** The summary line of `counts` (a school's, or the programme's for the total row). */
export function summarise(
  npsn: string,
  nama: string | null,
  counts: EligibilityCounts,
): SchoolSummary {
  const others = OTHER_CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const pending = counts.pendingMatch + counts.pendingReview;
  const total = counts.WAJIB + counts.REKAM_DINI + counts.SUDAH_REKAM + others + pending;
  return {
    npsn,
    nama,
    wajib: counts.WAJIB,
    rekamDini: counts.REKAM_DINI,
    targets: counts.WAJIB + counts.REKAM_DINI,
    sudahRekam: counts.SUDAH_REKAM,
    others,
    pending,
    duplicates: counts.duplicates,
    total: total + counts.duplicates,
    counts,
  };
}

/**
 * One line per school of the programme (schools without students too, with zeros), plus one per NPSN
 * that students list but the programme has no school for; sorted by name, unknown schools last.
 */
export function schoolSummaries(
  eligibility: ProgrammeEligibility,
  schools: readonly School[],
): SchoolSummary[] {
  const known = new Set(schools.map((s) => s.npsn));
  const lines = schools.map((school) =>
    summarise(
      school.npsn,
      school.nama,
      eligibility.bySchool.get(school.npsn) ?? emptyEligibilityCounts(),
    ),
  );
  for (const [npsn, counts] of eligibility.bySchool) {
    if (!known.has(npsn)) lines.push(summarise(npsn, null, counts));
  }
  const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
  return lines.sort((a, b) => {
    if (a.nama === null || b.nama === null) {
      return a.nama === b.nama ? collator.compare(a.npsn, b.npsn) : a.nama === null ? 1 : -1;
    }
    return collator.compare(a.nama, b.nama) || collator.compare(a.npsn, b.npsn);
  });
}
