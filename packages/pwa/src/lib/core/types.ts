/**
 * The core's data types as the app sees them, all derived from the one `CoreApi` type: the page never
 * imports the core's runtime code, only this contract.
 */
import type { CoreApi, DemoRequest, MatchRequest } from '@sahaja/core/api';

export type { CoreApi, DemoRequest, MatchRequest };

/** A generated demo programme as the worker returns it (without files and truth). */
export type DemoProgramme = Awaited<ReturnType<CoreApi['generateDemo']>>;

/** Counts that describe a demo programme. */
export type DemoSummary = DemoProgramme['summary'];

/** Progress of the demo generator: `done` of `total` in the named phase. */
export type DemoProgress = Parameters<NonNullable<Parameters<CoreApi['generateDemo']>[1]>>[0];

export type School = DemoProgramme['schools'][number];
export type StudentRecord = DemoProgramme['students'][number];
export type Resident = DemoProgramme['registry'][number];
export type Team = DemoProgramme['teams'][number];
export type Holiday = DemoProgramme['holidays'][number];

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

/** Progress of a long computation in the worker: `done` of `total` in the named phase. */
export type CoreProgress = DemoProgress | MatchProgress;

/** An error that crossed the worker boundary, as data. */
export interface CoreError {
  /** `internal` for any failure inside the worker; `cancelled` when the user stopped the work. */
  readonly code: 'internal' | 'cancelled';
  readonly message: string;
}

/** The outcome of a worker call: the value, or the error as data. */
export type CoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CoreError };
