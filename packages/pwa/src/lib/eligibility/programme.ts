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
  SchoolTarget,
  StudentCategory,
} from '../core/types';
import {
  readRecords,
  rowsOf,
  type MatchRow,
  type ProgrammeRow,
  type SahajaDatabase,
  type StoredSchool,
} from '../db';
import { nextTask } from './next-task';

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
  /** The message in both UI languages, when the core wrote one (refused settings). */
  readonly localized?: { readonly id: string; readonly en: string };
}

export type EligibilityResult =
  | { readonly ok: true; readonly value: ProgrammeEligibility }
  | { readonly ok: false; readonly error: EligibilityError };

export interface EligibilityDependencies {
  readonly core: CoreClient;
  readonly db: () => SahajaDatabase;
}

/**
 * How far {@link evaluateProgramme} is: `read` counts the stored rows read (students, then matches),
 * `lookup` the matched students' registry records read, `decide` the students the core has decided.
 */
export interface EligibilityProgress {
  readonly phase: 'read' | 'lookup' | 'decide';
  readonly done: number;
  readonly total: number;
}

export interface EvaluateProgrammeOptions {
  readonly onProgress?: (progress: EligibilityProgress) => void;
  /** Aborting stops the reading between chunks and drops the outcome (a `cancelled` error). */
  readonly signal?: AbortSignal;
  /**
   * One size for every step's parts (students and matches read per query, registry records looked up
   * per batch, entries decided per worker call); by default each step's own size
   * ({@link STUDENT_CHUNK_SIZE}, {@link MATCH_CHUNK_SIZE}, {@link LOOKUP_CHUNK_SIZE},
   * {@link DECIDE_CHUNK_SIZE}).
   */
  readonly chunkSize?: number;
}

/**
 * Rows read per query. IndexedDB hands a query's rows to the page in one task, and a match row
 * carries its field-by-field explanation: 500 of them take some tens of milliseconds to arrive.
 */
export const MATCH_CHUNK_SIZE = 500;

/**
 * Entries decided per worker call: the copy of each call's entries to the worker, and of its decisions
 * back, happens on the page in one task.
 */
export const DECIDE_CHUNK_SIZE = 5_000;

/** Student rows read per query (smaller rows than matches). */
export const STUDENT_CHUNK_SIZE = 2_000;

/**
 * Registry records looked up per batch. Each is a request of its own, and issuing 20,000 at once
 * holds the page for over a second; a batch of 250 takes some tens of milliseconds.
 */
export const LOOKUP_CHUNK_SIZE = 250;

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
 * but counted only there. Reads IndexedDB a chunk at a time (`onProgress` follows it; `signal` stops
 * it); the deciding runs in the core worker. Storage failures and refused settings come back as errors;
 * throws a `RangeError` for a chunk size that is not a positive integer.
 */
export async function evaluateProgramme(
  deps: EligibilityDependencies,
  programme: ProgrammeRow,
  options: EvaluateProgrammeOptions = {},
): Promise<EligibilityResult> {
  const { onProgress, signal, chunkSize } = options;
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) {
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  }
  const sizes = {
    students: chunkSize ?? STUDENT_CHUNK_SIZE,
    matches: chunkSize ?? MATCH_CHUNK_SIZE,
    lookups: chunkSize ?? LOOKUP_CHUNK_SIZE,
    decide: chunkSize ?? DECIDE_CHUNK_SIZE,
  };
  const cancelled: EligibilityResult = {
    ok: false,
    error: { code: 'cancelled', message: 'Cancelled' },
  };
  let db: SahajaDatabase;
  let matchCount: number;
  try {
    db = deps.db();
    matchCount = await rowsOf(db, 'matches', programme.id).count();
  } catch (thrown) {
    return { ok: false, error: { code: 'storage', message: messageOf(thrown) } };
  }
  const read = await readRecords(db, programme.id, ['students'], {
    chunkSize: sizes.students,
    ...(signal ? { signal } : {}),
    onProgress: (p) => onProgress?.({ phase: 'read', done: p.done, total: p.total + matchCount }),
  });
  if (!read.ok) return { ok: false, error: read.error };
  const studentCount = read.value.students.length;
  let matches: MatchOutline[];
  let residents: Map<string, Person>;
  try {
    matches = await readMatches(db, programme.id, sizes.matches, (done) => {
      signal?.throwIfAborted();
      onProgress?.({
        phase: 'read',
        done: studentCount + done,
        total: studentCount + Math.max(matchCount, done),
      });
    });
    const niks = [
      ...new Set(matches.flatMap((m) => (m.status === 'COCOK' && m.nik ? [m.nik] : []))),
    ];
    residents = await lookUpResidents(db, programme.id, niks, sizes.lookups, (done) => {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'lookup', done, total: niks.length });
    });
  } catch (thrown) {
    if (signal?.aborted) return cancelled;
    return { ok: false, error: { code: 'storage', message: messageOf(thrown) } };
  }
  if (signal?.aborted) return cancelled;
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
    entries.push({ person });
  }

  const { settings } = programme;
  const policyOptions = {
    referenceDate: settings.referenceDate,
    regions: settings.regions,
    minimumAge: settings.minimumAge,
  };
  // A batch per message: copying 20,000 entries to the worker, or 20,000 decisions back, in one go
  // would hold the page; so would building the result in the same task as the last answer.
  const decisions: EligibilityDecision[] = [];
  let policy: EligibilityPolicy | null = null;
  for (let start = 0; start === 0 || start < entries.length; start += sizes.decide) {
    onProgress?.({ phase: 'decide', done: start, total: entries.length });
    const called = await deps.core.evaluateEligibility(
      entries.slice(start, start + sizes.decide),
      policyOptions,
    );
    if (signal?.aborted) return cancelled;
    if (!called.ok) return { ok: false, error: called.error };
    if (!called.value.ok) {
      const issue = called.value.issues[0];
      const error: EligibilityError = issue
        ? { code: 'settings', message: issue.message.en, localized: issue.message }
        : { code: 'settings', message: 'refused' };
      return { ok: false, error };
    }
    policy = called.value.value.policy;
    for (const decision of called.value.value.decisions) decisions.push(decision);
    await nextTask();
    if (signal?.aborted) return cancelled;
  }

  const result: StudentEligibility[] = [];
  const counts = emptyEligibilityCounts() as Record<string, number>;
  const bySchool = new Map<string, Record<string, number>>();
  students.forEach((student, i) => {
    const match = matchOf.get(student.idSiswa);
    const at = entryOf[i] ?? -1;
    const decision = at >= 0 ? (decisions[at] ?? null) : null;
    const pending: PendingReason | null = decision ? null : match ? 'review' : 'not_matched';
    const duplicateOf = match?.duplicateOf || null;
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
      // Set by the first call: the loop calls the core at least once, and returns when it refuses.
      policy: policy as EligibilityPolicy,
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
  schools: readonly StoredSchool[],
): SchoolTarget[] {
  return schools.map((school) => {
    const counts = eligibility.bySchool.get(school.npsn);
    const { latitude, longitude } = school;
    return {
      npsn: school.npsn,
      nama: school.nama,
      kecamatan: school.kecamatan,
      waktuTempuhMenit: school.waktuTempuhMenit,
      jumlahWajib: counts?.WAJIB ?? 0,
      jumlahDini: counts?.REKAM_DINI ?? 0,
      tanggalTidakBisa: school.tanggalTidakBisa,
      // Both or neither: a school created from a list, or imported without them, has none.
      ...(latitude !== undefined && longitude !== undefined && { latitude, longitude }),
    };
  });
}

/** What eligibility needs of a match row (its explanation and candidates are left behind). */
type MatchOutline = Pick<MatchRow, 'idSiswa' | 'nik' | 'status' | 'duplicateOf'>;

/**
 * Programme `id`'s match rows in key order, `chunkSize` at a time (key-set paging), so no single read
 * hands the page every row's explanation at once; each row is kept only as its outline, so the rest
 * is garbage at once instead of for the whole computation. `onChunk` gets the rows read so far.
 */
async function readMatches(
  db: SahajaDatabase,
  id: string,
  chunkSize: number,
  onChunk: (done: number) => void,
): Promise<MatchOutline[]> {
  const rows: MatchOutline[] = [];
  let after: string | null = null;
  for (;;) {
    const chunk: MatchRow[] = await db.matches
      .where('[programmeId+idSiswa]')
      .between([id, after ?? ''], [id, '\uffff'], after === null, true)
      .limit(chunkSize)
      .toArray();
    for (const { idSiswa, nik, status, duplicateOf } of chunk) {
      rows.push({ idSiswa, nik, status, duplicateOf });
    }
    onChunk(rows.length);
    const last = chunk.at(-1);
    if (!last || chunk.length < chunkSize) return rows;
    after = last.idSiswa;
  }
}

/**
 * The registry records of `niks` by NIK, as the fields eligibility reads, `chunkSize` at a time;
 * `onChunk` gets how many were looked up so far.
 */
async function lookUpResidents(
  db: SahajaDatabase,
  id: string,
  niks: readonly string[],
  chunkSize: number,
  onChunk: (done: number) => void,
): Promise<Map<string, Person>> {
  const residents = new Map<string, Person>();
  onChunk(0);
  for (let start = 0; start < niks.length; start += chunkSize) {
    const keys = niks.slice(start, start + chunkSize).map((nik): [string, string] => [id, nik]);
    for (const row of await db.residents.bulkGet(keys)) {
      if (row) residents.set(row.nik, personOf(row));
    }
    onChunk(start + keys.length);
  }
  return residents;
}

/** What eligibility reads of a registry record: the worker is sent these fields only. */
type Person = NonNullable<EligibilityEntry['person']>;

function personOf(resident: Resident): Person {
  const { nik, tanggalLahir, statusKawin, kewarganegaraan, statusRekam, kodeWilayah } = resident;
  return { nik, tanggalLahir, statusKawin, kewarganegaraan, statusRekam, kodeWilayah };
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
