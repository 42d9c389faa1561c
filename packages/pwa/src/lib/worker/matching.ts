/**
 * A whole pemadanan run inside the worker: read the programme's students, residents, walk-ins and the
 * reviewers' decisions from IndexedDB, match them with the core and store every student's match with
 * the run's figures. A walk-in (a student added at a visit) is matched as a student of its school. The page sends an id and receives figures; the 170,000 records and 20,000 matches never
 * cross to it (copying them cost the page a task of over a second, measured).
 */
import { walkInStudent } from '@sahaja/core/field';
import type { CoreApi, MatchIssue, MatchProgress, MatchRequest } from '../core/types';
import type { Locale } from '../i18n/format';
import { stampedClock, type ChangeStamp } from '../sync/clock';
import {
  readDuplicateDecisions,
  readLiveWalkIns,
  readRecords,
  readReviewDecisions,
  saveMatchingRun,
  type MatchingRun,
  type SahajaDatabase,
} from '../db';

/**
 * What a progress bar shows: `done` of `total` (0 while unknown) in a step and phase. Reading the
 * stored rows comes first (`reading`/`read`); then the core's own steps and phases; storing the result
 * comes last (`saving`/`save`).
 */
export interface MatchRunProgress {
  readonly step: 'reading' | MatchProgress['step'] | 'saving';
  readonly phase: 'read' | 'start' | MatchProgress['phase'] | 'save';
  readonly done: number;
  readonly total: number;
}

/** Why a run failed, in both UI languages; the previous result (if any) is unchanged. */
export interface MatchRunError {
  /**
   * `storage`: the stored rows could not be read or the result not written; `changed`: the
   * programme's students or registry changed while it ran (or it is gone); `internal`: the worker
   * failed; else the core's code.
   */
  readonly code: 'internal' | 'storage' | 'changed' | Exclude<MatchIssue['code'], 'cancelled'>;
  readonly message: Readonly<Record<Locale, string>>;
}

export type MatchRunOutcome =
  | { readonly ok: true; readonly value: MatchingRun }
  | { readonly ok: false; readonly error: MatchRunError };

export interface MatchRunDependencies {
  /** The core's pemadanan (tests pass one that fails or waits). */
  readonly matchStudents: CoreApi['matching']['matchStudents'];
  /** The clock that stamps a finished run. */
  readonly now: () => Date;
}

/** The same text in both languages, for technical messages that have only one. */
const untranslated = (message: string): MatchRunError['message'] => ({ id: message, en: message });

/**
 * Runs pemadanan on stored programme `programmeId` with its stored review and duplicate decisions
 * (and any in `options`), then stores the result, replacing the previous run in one transaction, with
 * its `matching_run` change stamped `stamp` (made on the page, which keeps the laptop's clock). A
 * failure leaves the stored result as it was; so does ending the worker at any point.
 */
export async function runMatching(
  db: SahajaDatabase,
  programmeId: string,
  options: MatchRequest,
  deps: MatchRunDependencies,
  onProgress?: (progress: MatchRunProgress) => void,
  stamp?: ChangeStamp,
): Promise<MatchRunOutcome> {
  try {
    onProgress?.({ step: 'reading', phase: 'read', done: 0, total: 0 });
    const [reviewRows, duplicateRows, walkIns] = await Promise.all([
      readReviewDecisions(db, programmeId),
      readDuplicateDecisions(db, programmeId),
      readLiveWalkIns(db, programmeId),
    ]);
    const read = await readRecords(db, programmeId, ['students', 'residents'], {
      onProgress: ({ done, total }) =>
        onProgress?.({ step: 'reading', phase: 'read', done, total }),
    });
    if (!read.ok)
      return { ok: false, error: { code: 'storage', message: untranslated(read.error.message) } };
    const { residents } = read.value;
    const students = [...read.value.students, ...walkIns.map(walkInStudent)];
    // The latest first: of two acceptances of one student (laptops that decided it each their own
    // way, merged), the matcher applies the first it is given.
    const latestFirst = [...reviewRows].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
    const decisions = [
      ...latestFirst.map(({ idSiswa, nik, decision }) => ({ idSiswa, nik, decision })),
      ...(options.decisions ?? []),
    ];
    const duplicateDecisions = [
      ...duplicateRows.map(({ idSiswa, duplicateOf, decision }) => ({
        idSiswa,
        duplicateOf,
        decision,
      })),
      ...(options.duplicateDecisions ?? []),
    ];
    onProgress?.({ step: 'registry', phase: 'start', done: 0, total: 0 });
    const outcome = await deps.matchStudents(
      students,
      residents,
      { ...options, decisions, duplicateDecisions },
      (progress) => onProgress?.(progress),
    );
    if (!outcome.ok) {
      const [{ code, message }] = outcome.issues;
      // The core is only cancelled through a signal, which a worker run does not pass.
      return {
        ok: false,
        error: code === 'cancelled' ? { code: 'internal', message } : { code, message },
      };
    }
    const { matches, summary, blocking, thresholds } = outcome.value;
    const run: MatchingRun = {
      finishedAt: deps.now().toISOString(),
      summary,
      blocking,
      thresholds,
      given: { review: decisions.length, duplicates: duplicateDecisions.length },
      walkIns: walkIns.length,
    };
    onProgress?.({ step: 'saving', phase: 'save', done: 0, total: matches.length });
    const saved = await saveMatchingRun(db, programmeId, matches, run, {
      onProgress: (done) =>
        onProgress?.({ step: 'saving', phase: 'save', done, total: matches.length }),
      ...(stamp && { clock: stampedClock(stamp) }),
    });
    if (!saved.ok) {
      const { code, message } = saved.error;
      return {
        ok: false,
        error: { code: code === 'changed' ? 'changed' : 'storage', message: untranslated(message) },
      };
    }
    return { ok: true, value: run };
  } catch (thrown) {
    // Only an unexpected failure lands here (IndexedDB unavailable, a programmer error).
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { code: 'internal', message: untranslated(message) } };
  }
}
