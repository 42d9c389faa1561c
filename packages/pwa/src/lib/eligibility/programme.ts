/**
 * Eligibility of a whole programme (SPEC §3): each student listed by a school is decided on the registry
 * record pemadanan found for them. Shared by the eligibility screen, the plan (its targets per school)
 * and the exports.
 */
import { STUDENT_CATEGORIES } from '@sahaja/core';
import type { CoreClient } from '../core/core-client.svelte';
import type {
  EligibilityDecision,
  EligibilityEntry,
  EligibilityPolicy,
  MatchStatus,
  Resident,
  School,
  SchoolTarget,
  StudentCategory,
} from '../core/types';
import { readRecords, type MatchRow, type ProgrammeRow, type SahajaDatabase } from '../db';

/**
 * Why a student has no category yet: pemadanan has not run for them (`not_matched`), or their match
 * waits for a reviewer (`review`).
 */
export type PendingReason = 'not_matched' | 'review';

/** One listed student and what eligibility says about them. */
export interface StudentEligibility {
  readonly idSiswa: string;
  readonly npsn: string;
  readonly nama: string;
  readonly kelas: string;
  /** The registry NIK pemadanan matched (COCOK), or null. */
  readonly nik: string | null;
  /** Pemadanan's status, or null when it has not run for this student. */
  readonly matchStatus: MatchStatus | null;
  /** The student's other listing when this one is a duplicate: counted there, not here. */
  readonly duplicateOf: string | null;
  /** The decision, or null while the student is pending. */
  readonly decision: EligibilityDecision | null;
  readonly pending: PendingReason | null;
}

/** Counts per category plus the students still pending and the duplicate listings left out. */
export type EligibilityCounts = Readonly<Record<StudentCategory, number>> & {
  readonly pendingMatch: number;
  readonly pendingReview: number;
  readonly duplicates: number;
};

/** Eligibility of a programme: one entry per listed student, the policy, and counts. */
export interface ProgrammeEligibility {
  readonly students: readonly StudentEligibility[];
  /** Pass it with a decision to `explainEligibility` (from `@sahaja/core`) to write its reason. */
  readonly policy: EligibilityPolicy;
  readonly counts: EligibilityCounts;
  /** The same counts per school NPSN. */
  readonly bySchool: ReadonlyMap<string, EligibilityCounts>;
}

/** Why eligibility could not be decided; nothing is stored by it, so nothing is lost. */
export interface EligibilityError {
  /** `storage`: IndexedDB failed; `settings`: the core refused the programme's settings; `internal`. */
  readonly code: 'storage' | 'quota' | 'settings' | 'internal' | 'cancelled';
  readonly message: string;
}

export type EligibilityResult =
  | { readonly ok: true; readonly value: ProgrammeEligibility }
  | { readonly ok: false; readonly error: EligibilityError };

export interface EligibilityDependencies {
  readonly core: CoreClient;
  readonly db: () => SahajaDatabase;
}

/** Categories in SPEC §3 order, then TIDAK_DITEMUKAN. */
export const ELIGIBILITY_CATEGORIES: readonly StudentCategory[] = STUDENT_CATEGORIES;

/** Zero for every category and pending count. */
export function emptyEligibilityCounts(): EligibilityCounts {
  const counts: Record<string, number> = { pendingMatch: 0, pendingReview: 0, duplicates: 0 };
  for (const category of STUDENT_CATEGORIES) counts[category] = 0;
  return counts as EligibilityCounts;
}

/**
 * Decides every listed student of `programme` on the registry record pemadanan found (stored matches):
 * COCOK students on their record, TIDAK_COCOK students as TIDAK_DITEMUKAN; students whose match waits
 * for review or who were never matched stay pending; a duplicate listing is decided like its original
 * but counted only there. Reads IndexedDB in one transaction; the deciding runs in the core worker.
 */
export async function evaluateProgramme(
  deps: EligibilityDependencies,
  programme: ProgrammeRow,
): Promise<EligibilityResult> {
  const db = deps.db();
  const read = await readRecords(db, programme.id, ['students']);
  if (!read.ok) return { ok: false, error: read.error };
  let matches: MatchRow[];
  let residents: Map<string, Resident>;
  try {
    matches = await db.matches
      .where('[programmeId+idSiswa]')
      .between([programme.id, ''], [programme.id, '\uffff'])
      .toArray();
    const niks = [
      ...new Set(matches.flatMap((m) => (m.status === 'COCOK' && m.nik ? [m.nik] : []))),
    ];
    const found = await db.residents.bulkGet(niks.map((nik) => [programme.id, nik]));
    residents = new Map();
    for (const row of found) {
      if (!row) continue;
      const { programmeId: _programmeId, ...resident } = row;
      residents.set(resident.nik, resident);
    }
  } catch (thrown) {
    return { ok: false, error: { code: 'storage', message: messageOf(thrown) } };
  }
  const matchOf = new Map(matches.map((m) => [m.idSiswa, m]));

  const students = read.value.students;
  const entries: EligibilityEntry[] = [];
  const entryOf: number[] = [];
  for (const student of students) {
    const match = matchOf.get(student.idSiswa);
    if (!match || match.status === 'PERLU_REVIEW') {
      entryOf.push(-1);
      continue;
    }
    entryOf.push(entries.length);
    const person = match.status === 'COCOK' && match.nik ? residents.get(match.nik) : undefined;
    entries.push({ person, school: student.npsn });
  }

  const { settings } = programme;
  const called = await deps.core.evaluateEligibility(entries, {
    referenceDate: settings.referenceDate,
    regions: settings.regions,
    minimumAge: settings.minimumAge,
  });
  if (!called.ok) return { ok: false, error: called.error };
  if (!called.value.ok) {
    const issue = called.value.issues[0];
    return { ok: false, error: { code: 'settings', message: issue?.message.en ?? 'refused' } };
  }
  const batch = called.value.value;

  const result: StudentEligibility[] = [];
  const counts = emptyEligibilityCounts() as Record<string, number>;
  const bySchool = new Map<string, Record<string, number>>();
  students.forEach((student, i) => {
    const match = matchOf.get(student.idSiswa);
    const at = entryOf[i] ?? -1;
    const decision = at >= 0 ? (batch.decisions[at] ?? null) : null;
    const pending: PendingReason | null = decision ? null : match ? 'review' : 'not_matched';
    const duplicateOf = match?.duplicateOf ?? null;
    result.push({
      idSiswa: student.idSiswa,
      npsn: student.npsn,
      nama: student.nama,
      kelas: student.kelas,
      nik: match?.status === 'COCOK' ? match.nik || null : null,
      matchStatus: match?.status ?? null,
      duplicateOf,
      decision,
      pending,
    });
    let school = bySchool.get(student.npsn);
    if (!school) {
      school = emptyEligibilityCounts() as Record<string, number>;
      bySchool.set(student.npsn, school);
    }
    const key = duplicateOf
      ? 'duplicates'
      : decision
        ? decision.category
        : pending === 'review'
          ? 'pendingReview'
          : 'pendingMatch';
    counts[key] = (counts[key] ?? 0) + 1;
    school[key] = (school[key] ?? 0) + 1;
  });
  return {
    ok: true,
    value: {
      students: result,
      policy: batch.policy,
      counts: counts as EligibilityCounts,
      bySchool: bySchool as Map<string, EligibilityCounts>,
    },
  };
}

/**
 * The planner's targets (SPEC §5) from eligibility: per school, its WAJIB and REKAM_DINI students
 * (duplicate listings counted once), with the school's own travel time, blackout days and coordinates.
 * Schools without targets are kept (with zero), so the plan lists every school.
 */
export function schoolTargets(
  eligibility: ProgrammeEligibility,
  schools: readonly School[],
): SchoolTarget[] {
  return schools.map((school) => {
    const counts = eligibility.bySchool.get(school.npsn);
    return {
      npsn: school.npsn,
      nama: school.nama,
      kecamatan: school.kecamatan,
      waktuTempuhMenit: school.waktuTempuhMenit,
      jumlahWajib: counts?.WAJIB ?? 0,
      jumlahDini: counts?.REKAM_DINI ?? 0,
      tanggalTidakBisa: school.tanggalTidakBisa,
      latitude: school.latitude,
      longitude: school.longitude,
    };
  });
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
