/**
 * A programme's pemadanan as stored: every student's match (`matches`), the last run's figures
 * (`runs`, kind `matching`) and the reviewers' decisions (`decisions`, `duplicateDecisions`). A run's
 * result replaces the previous one in one transaction; a review decision changes its rows and the
 * run's counts in one transaction, so other screens always see the decided state. Walk-ins (students
 * added at a visit, issue 8) are matched with the listed students; their matches are stored alike.
 */
import { compareEvents, isWalkInId, liveWalkIns, type WalkInEvent } from '@sahaja/core/field';
import type { MatchingRunPayload } from '@sahaja/core/sync';
import Dexie from 'dexie';
import type { BlockingCount, MatchStudentsResult, MatchSummary, StudentMatch } from '../core/types';
import type {
  DecisionRow,
  DuplicateDecisionRow,
  MatchRow,
  RunRow,
  SahajaDatabase,
  VisitEventRow,
} from './database';
import { recordChange } from '../sync/change-log';
import type { ChangeClock } from '../sync/clock';
import { recordReviewChange } from '../sync/decision-log';
import { rowsOf } from './programmes';

/** The thresholds a run used: COCOK at or above `match`, review at or above `review`. */
export type RunThresholds = MatchStudentsResult['thresholds'];

/** What `runs` keeps of a pemadanan run (kind `matching`): its figures, not the students' rows. */
export interface MatchingRun {
  /** When the run finished (ISO timestamp). */
  readonly finishedAt: string;
  /** Counts by status and reason; kept up to date as reviewers decide. */
  readonly summary: MatchSummary;
  readonly blocking: readonly BlockingCount[];
  readonly thresholds: RunThresholds;
  /** How many decisions the run was given (the summary says how many it could not apply). */
  readonly given: { readonly review: number; readonly duplicates: number };
  /** How many of the students matched were walk-ins; absent from runs stored before they were. */
  readonly walkIns?: number;
}

/** Why a write did not happen; the stored data is unchanged in every case. */
export interface MatchStoreError {
  /**
   * `changed`: the programme's students or registry changed while the run went on (or the programme
   * is gone); `conflict`: a row changed since it was read (another tab decided it); `quota`: out of
   * space; `storage`: any other IndexedDB failure.
   */
  readonly code: 'changed' | 'conflict' | 'quota' | 'storage';
  readonly message: string;
}

export type MatchStoreResult =
  { readonly ok: true } | { readonly ok: false; readonly error: MatchStoreError };

/** Rows written or read per step, so a step never holds the page for long. */
export const MATCH_CHUNK_SIZE = 2_000;

/** A programme-less match: what the core and the screens work with. */
export function withoutProgramme({ programmeId: _programmeId, ...match }: MatchRow): StudentMatch {
  return match;
}

class StoreConflict extends Error {
  constructor(readonly code: 'changed' | 'conflict') {
    super(code === 'changed' ? 'The programme changed meanwhile' : 'A row changed meanwhile');
  }
}

/** Options of {@link saveMatchingRun}. */
export interface SaveRunOptions {
  /** Rows written per `bulkAdd` (default {@link MATCH_CHUNK_SIZE}). */
  readonly chunkSize?: number;
  /** Called once the previous matches are deleted (0) and after each chunk, with the rows written. */
  readonly onProgress?: (done: number) => void;
  /** Stamps the run's change in the log; the page's clock by default (a worker passes a stamp). */
  readonly clock?: ChangeClock;
}

/**
 * Stores a finished run of programme `programmeId`: its matches replace the programme's previous ones
 * and `run` its previous figures, in one transaction, with a `matching_run` change of its figures
 * (counts only) in the log. Refuses (`changed`) when the programme is gone or no longer has the
 * number of students and residents the run matched, or not the walk-ins it matched (one was added or
 * undone meanwhile), since the rows would then describe other data. Returns an error value on
 * failure; the previous run stays as it was and nothing is logged.
 */
export async function saveMatchingRun(
  db: SahajaDatabase,
  programmeId: string,
  matches: readonly StudentMatch[],
  run: MatchingRun,
  options: SaveRunOptions = {},
): Promise<MatchStoreResult> {
  const { chunkSize = MATCH_CHUNK_SIZE, onProgress, clock } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  }
  try {
    await db.transaction(
      'rw',
      [db.programmes, db.students, db.residents, db.visitEvents, db.matches, db.runs, db.changes],
      async () => {
        const [programme, students, residents, walkIns] = await Promise.all([
          db.programmes.get(programmeId),
          rowsOf(db, 'students', programmeId).count(),
          rowsOf(db, 'residents', programmeId).count(),
          readLiveWalkIns(db, programmeId),
        ]);
        const live = new Set(walkIns.map((w) => w.id));
        const matchedWalkIns = matches.filter((m) => isWalkInId(m.idSiswa));
        if (
          !programme ||
          students + walkIns.length !== matches.length ||
          matchedWalkIns.length !== walkIns.length ||
          !matchedWalkIns.every((m) => live.has(m.idSiswa)) ||
          residents !== run.summary.registry ||
          run.summary.students !== matches.length
        ) {
          throw new StoreConflict('changed');
        }
        await rowsOf(db, 'matches', programmeId).delete();
        onProgress?.(0);
        for (let start = 0; start < matches.length; start += chunkSize) {
          const chunk = matches.slice(start, start + chunkSize).map((m) => ({ ...m, programmeId }));
          await db.matches.bulkAdd(chunk);
          onProgress?.(start + chunk.length);
        }
        const row: RunRow = {
          programmeId,
          kind: 'matching',
          finishedAt: run.finishedAt,
          result: run,
        };
        await db.runs.put(row);
        await recordChange(
          db,
          programmeId,
          { kind: 'matching_run', payload: runPayload(run) satisfies MatchingRunPayload },
          clock,
        );
      },
    );
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
  return { ok: true };
}

/** What the log keeps of a run: its figures, never a student. */
function runPayload(run: MatchingRun): MatchingRunPayload {
  return {
    students: run.summary.students,
    registry: run.summary.registry,
    byStatus: { ...run.summary.byStatus },
    walkIns: run.walkIns ?? 0,
    decisions: run.given.review,
    duplicateDecisions: run.given.duplicates,
  };
}

/**
 * The walk-ins of programme `programmeId` that are not undone (`liveWalkIns`), in the order they were
 * added. Pemadanan matches them as students of their visit's school (`walkInStudent`).
 */
export async function readLiveWalkIns(
  db: SahajaDatabase,
  programmeId: string,
): Promise<WalkInEvent[]> {
  // Sealed rows are read by query and filtered here (a filter in IndexedDB would need a cursor).
  const rows: VisitEventRow[] = await rowsOf(db, 'visitEvents', programmeId).toArray();
  const events = rows
    .filter((row) => row.kind === 'walk_in' || row.kind === 'undo')
    .map(({ programmeId: _programmeId, ...event }) => event);
  return liveWalkIns(events).sort(compareEvents);
}

/** The figures of programme `programmeId`'s last run, or null when it never ran (or they are unreadable). */
export async function readMatchingRun(
  db: SahajaDatabase,
  programmeId: string,
): Promise<MatchingRun | null> {
  const row = await db.runs.get([programmeId, 'matching']);
  return row && isMatchingRun(row.result) ? row.result : null;
}

/**
 * Reads every stored match of programme `programmeId` in key order (by student id), handing them to
 * `visit` a chunk at a time, in one read transaction (a run being stored is seen whole or not at all).
 */
export async function scanMatches(
  db: SahajaDatabase,
  programmeId: string,
  visit: (rows: readonly StudentMatch[]) => void,
  options: { readonly chunkSize?: number } = {},
): Promise<void> {
  const { chunkSize = MATCH_CHUNK_SIZE } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  }
  await db.transaction('r', db.matches, async () => {
    let after: string | null = null;
    for (;;) {
      const rows: MatchRow[] = await db.matches
        .where('[programmeId+idSiswa]')
        .between(
          [programmeId, after ?? Dexie.minKey],
          [programmeId, Dexie.maxKey],
          after === null,
          true,
        )
        .limit(chunkSize)
        .toArray();
      visit(rows.map(withoutProgramme));
      const last = rows.at(-1);
      if (!last || rows.length < chunkSize) break;
      after = last.idSiswa;
    }
  });
}

/** The stored matches of these students (null where a student has none), in the order asked. */
export async function readMatches(
  db: SahajaDatabase,
  programmeId: string,
  ids: readonly string[],
): Promise<(StudentMatch | null)[]> {
  const rows = await db.matches.bulkGet(ids.map((id) => [programmeId, id]));
  return rows.map((row) => (row ? withoutProgramme(row) : null));
}

/** Every review decision of programme `programmeId`. */
export function readReviewDecisions(
  db: SahajaDatabase,
  programmeId: string,
): Promise<DecisionRow[]> {
  return rowsOf(db, 'decisions', programmeId).toArray();
}

/** Every duplicate decision of programme `programmeId`. */
export function readDuplicateDecisions(
  db: SahajaDatabase,
  programmeId: string,
): Promise<DuplicateDecisionRow[]> {
  return rowsOf(db, 'duplicateDecisions', programmeId).toArray();
}

/** A student's match before and after a decision. */
export interface MatchUpdate {
  readonly before: StudentMatch;
  readonly after: StudentMatch;
}

/** Everything one reviewer's decision changes, written together by {@link writeReviewChange}. */
export interface ReviewChange {
  readonly matches: readonly MatchUpdate[];
  readonly putDecisions: readonly DecisionRow[];
  /** Decisions to remove, by student and NIK. */
  readonly deleteDecisions: readonly { readonly idSiswa: string; readonly nik: string }[];
  readonly putDuplicateDecisions: readonly DuplicateDecisionRow[];
  readonly deleteDuplicateDecisions: readonly {
    readonly idSiswa: string;
    readonly duplicateOf: string;
  }[];
}

/**
 * Writes a review change of programme `programmeId` in one transaction: the decisions, the students'
 * matches, the last run's counts by status and reason, and the decisions as changes in the log
 * (`review_decision`, `duplicate_decision`; see `recordReviewChange`), stamped by `clock`. Refuses
 * (`conflict`) when a match is no longer stored as `before` says (decided elsewhere meanwhile, or a
 * new run replaced it): nothing is written or logged then, and the screen should read the rows again.
 */
export async function writeReviewChange(
  db: SahajaDatabase,
  programmeId: string,
  change: ReviewChange,
  clock?: ChangeClock,
): Promise<MatchStoreResult> {
  try {
    await db.transaction(
      'rw',
      [db.matches, db.decisions, db.duplicateDecisions, db.runs, db.changes],
      async () => {
        const stored = await db.matches.bulkGet(
          change.matches.map((m) => [programmeId, m.before.idSiswa]),
        );
        change.matches.forEach(({ before }, k) => {
          const row = stored[k];
          if (!row || !sameOutcome(withoutProgramme(row), before)) {
            throw new StoreConflict('conflict');
          }
        });
        await db.decisions.bulkDelete(
          change.deleteDecisions.map((d) => [programmeId, d.idSiswa, d.nik]),
        );
        await db.decisions.bulkPut(change.putDecisions.map((d) => ({ ...d, programmeId })));
        await db.duplicateDecisions.bulkDelete(
          change.deleteDuplicateDecisions.map((d) => [programmeId, d.idSiswa, d.duplicateOf]),
        );
        await db.duplicateDecisions.bulkPut(
          change.putDuplicateDecisions.map((d) => ({ ...d, programmeId })),
        );
        await db.matches.bulkPut(change.matches.map(({ after }) => ({ ...after, programmeId })));
        const run = await db.runs.get([programmeId, 'matching']);
        if (run && isMatchingRun(run.result)) {
          const result: MatchingRun = {
            ...run.result,
            summary: recount(run.result.summary, change.matches),
          };
          await db.runs.put({ ...run, result });
        }
        await recordReviewChange(db, programmeId, change, clock);
      },
    );
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
  return { ok: true };
}

/** The counts by status and reason after some students' matches changed. */
export function recount(summary: MatchSummary, updates: readonly MatchUpdate[]): MatchSummary {
  const byStatus = { ...summary.byStatus };
  const byReason = { ...summary.byReason };
  for (const { before, after } of updates) {
    byStatus[before.status] -= 1;
    byStatus[after.status] += 1;
    byReason[before.reason] -= 1;
    byReason[after.reason] = (byReason[after.reason] ?? 0) + 1;
  }
  return { ...summary, byStatus, byReason };
}

/** Whether two matches of a student say the same (the fields a decision changes). */
function sameOutcome(a: StudentMatch, b: StudentMatch): boolean {
  return (
    a.nik === b.nik &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.duplicateOf === b.duplicateOf &&
    a.candidates.length === b.candidates.length &&
    (a.rejected?.length ?? 0) === (b.rejected?.length ?? 0)
  );
}

/** Whether `value` has the shape of {@link MatchingRun} (a row written by an older app may not). */
function isMatchingRun(value: unknown): value is MatchingRun {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as Partial<MatchingRun>;
  return (
    typeof run.finishedAt === 'string' &&
    typeof run.summary?.byStatus === 'object' &&
    typeof run.summary.byReason === 'object' &&
    Array.isArray(run.blocking) &&
    typeof run.thresholds?.match === 'number' &&
    typeof run.given?.review === 'number'
  );
}

function storeError(thrown: unknown): MatchStoreError {
  if (thrown instanceof StoreConflict) return { code: thrown.code, message: thrown.message };
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const inner = (error as Error & { inner?: unknown }).inner;
  const names = [error.name, inner instanceof Error ? inner.name : ''];
  if (names.includes('QuotaExceededError')) return { code: 'quota', message: error.message };
  return { code: 'storage', message: error.message };
}
