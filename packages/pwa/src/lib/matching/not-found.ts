/** The students pemadanan did not find in the registry, as the matching screen lists them. */
import type { School, StudentMatch, StudentRecord } from '../core/types';

/** A student pemadanan did not find in the registry, as the list shows them. */
export interface NotFoundEntry {
  readonly idSiswa: string;
  readonly nama: string;
  readonly kelas: string;
  readonly npsn: string;
  /** The school's name, or its NPSN when the school is not stored. */
  readonly school: string;
  /** Candidates a reviewer rejected (0 when the matcher found none worth a review). */
  readonly rejected: number;
}

/** A school with students not found, for the filter. */
export interface NotFoundSchool {
  readonly npsn: string;
  readonly nama: string;
  readonly count: number;
}

/**
 * The TIDAK_COCOK students among `matches` (a second listing of a student left out), by school name,
 * then name, then id, with their school's
 * name (its NPSN when the school is not stored) and how many candidates a reviewer rejected.
 */
export function notFoundEntries(
  matches: Iterable<StudentMatch>,
  students: ReadonlyMap<string, StudentRecord>,
  schools: ReadonlyMap<string, School>,
): NotFoundEntry[] {
  const entries: NotFoundEntry[] = [];
  for (const m of matches) {
    // A second listing of a student is the same student as the listing it names: listed once.
    if (m.status !== 'TIDAK_COCOK' || m.duplicateOf !== '') continue;
    const student = students.get(m.idSiswa);
    const npsn = student?.npsn ?? '';
    entries.push({
      idSiswa: m.idSiswa,
      nama: student?.nama ?? '',
      kelas: student?.kelas ?? '',
      npsn,
      school: schools.get(npsn)?.nama ?? npsn,
      rejected: m.rejected?.length ?? 0,
    });
  }
  return entries.sort(
    (a, b) =>
      a.school.localeCompare(b.school) ||
      a.nama.localeCompare(b.nama) ||
      a.idSiswa.localeCompare(b.idSiswa),
  );
}

/** The schools of `entries` in their order, each with how many entries it has. */
export function notFoundSchools(entries: readonly NotFoundEntry[]): NotFoundSchool[] {
  const counts = new Map<string, NotFoundSchool>();
  for (const e of entries) {
    const seen = counts.get(e.npsn);
    counts.set(e.npsn, { npsn: e.npsn, nama: e.school, count: (seen?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}
