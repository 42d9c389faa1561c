/**
 * The core's data types as the app sees them, all derived from the one `CoreApi` type: the page never
 * imports the core's runtime code, only this contract.
 */
import type { CoreApi, DemoRequest, ImportRequest, MatchRequest } from '@sahaja/core/api';

export type { CoreApi, DemoRequest, ImportRequest, MatchRequest };

/** A generated demo programme as the worker returns it (without files and truth). */
export type DemoProgramme = Awaited<ReturnType<CoreApi['generateDemo']>>;

/** Counts that describe a demo programme. */
export type DemoSummary = DemoProgramme['summary'];

/**
 * A school as the app keeps it: coordinates only when known (a school created from a student list, or
 * imported from a schools file without `lintang`/`bujur`, has none).
 */
export type School = Omit<DemoProgramme['schools'][number], 'latitude' | 'longitude'> & {
  readonly latitude?: number;
  readonly longitude?: number;
};
export type StudentRecord = DemoProgramme['students'][number];
export type Resident = DemoProgramme['registry'][number];
export type Team = DemoProgramme['teams'][number];
export type Holiday = DemoProgramme['holidays'][number];
/** A school as the planner takes it: its targets, blackout days, travel time and coordinates. */
export type { SchoolTarget } from '@sahaja/core';

type MatchStudents = CoreApi['matching']['matchStudents'];

/** Progress of pemadanan: the step (registry, duplicates, assign), its phase, `done` of `total`. */
export type MatchProgress = Parameters<NonNullable<Parameters<MatchStudents>[3]>>[0];

/** What the worker answers to `matchStudents`: the result, or the issues of a refused run. */
export type MatchOutcome = Awaited<ReturnType<MatchStudents>>;

/** A finished pemadanan: one match per student, the counts, the model and the blocking counts. */
export type MatchStudentsResult = Extract<MatchOutcome, { ok: true }>['value'];

/** Why the core refused a pemadanan run (e.g. too many candidate pairs), in both languages. */
export type MatchIssue = Extract<MatchOutcome, { ok: false }>['issues'][number];

/** One student's pemadanan: proposed NIK, probability, status, reason, explanation, candidates. */
export type StudentMatch = MatchStudentsResult['matches'][number];
/** Counts over the students: by status, by reason, candidate pairs, duplicate groups. */
export type MatchSummary = MatchStudentsResult['summary'];
/** `COCOK`, `PERLU_REVIEW` or `TIDAK_COCOK`. */
export type MatchStatus = StudentMatch['status'];
/** Why a student got its status (`confident`, `ambiguous`, `not_found`…). */
export type MatchReason = StudentMatch['reason'];
/** Candidate pairs one blocking rule produced, and how many of them no earlier rule had. */
export type BlockingCount = MatchStudentsResult['blocking'][number];

type Evaluate = CoreApi['eligibility']['evaluate'];

/** One person to decide and the school that lists them. */
export type EligibilityEntry = Parameters<Evaluate>[0][number];
/** The programme's eligibility settings as the core takes them (reference date, regions, age…). */
export type EligibilityOptions = Parameters<Evaluate>[1];
/** What the worker answers to `eligibility.evaluate`: the batch, or the issues of refused settings. */
export type EligibilityOutcome = ReturnType<Evaluate>;
/** The policy, one decision per entry and the counts. */
export type EligibilityBatch = Extract<EligibilityOutcome, { ok: true }>['value'];
export type EligibilityDecision = EligibilityBatch['decisions'][number];
export type EligibilityPolicy = EligibilityBatch['policy'];
/** A category of SPEC §3 (`WAJIB`, `REKAM_DINI`…) or `TIDAK_DITEMUKAN`. */
export type StudentCategory = EligibilityDecision['category'];

type ImportRecords = CoreApi['files']['importRecords'];
export type { ImportReport, RecordKind, RecordOf, RowIssue } from '@sahaja/core/io';
/** Progress of reading a file: bytes and rows read. */
export type ImportProgress = Parameters<NonNullable<Parameters<ImportRecords>[2]>>[0];

/** An error that crossed the worker boundary, as data. */
export interface CoreError {
  /** `internal` for any failure inside the worker; `cancelled` when the user stopped the work. */
  readonly code: 'internal' | 'cancelled';
  readonly message: string;
}

/** The outcome of a worker call: the value, or the error as data. */
export type CoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CoreError };
