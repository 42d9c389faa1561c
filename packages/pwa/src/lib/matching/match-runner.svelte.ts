import type { CoreClient } from '../core/core-client.svelte';
import type {
  BlockingCount,
  MatchIssue,
  MatchProgress,
  MatchRequest,
  MatchSummary,
} from '../core/types';
import {
  readDuplicateDecisions,
  readRecords,
  readReviewDecisions,
  saveMatchingRun,
  type MatchingRun,
  type ReadProgress,
  type SahajaDatabase,
} from '../db';
import type { Locale } from '../i18n/format';
import { systemNow } from './stored-matching';

/** Where a pemadanan run stands. */
export type MatchStage =
  'idle' | 'reading' | 'matching' | 'saving' | 'done' | 'cancelled' | 'failed';

/**
 * What a progress bar shows: `done` of `total` (0 while unknown) in a step and phase. Reading the
 * stored rows comes first (`reading`/`read`); `start` is the hand-over to the worker before its first
 * report; then the core's own steps and phases; storing the result comes last (`saving`/`save`).
 */
export interface MatchRunProgress {
  readonly step: 'reading' | MatchProgress['step'] | 'saving';
  readonly phase: 'read' | 'start' | MatchProgress['phase'] | 'save';
  readonly done: number;
  readonly total: number;
}

/** Why the last run failed, in both UI languages; the previous result (if any) is unchanged. */
export interface MatchRunError {
  /**
   * `storage`: the stored rows could not be read or the result not written; `changed`: the
   * programme's students or registry changed while it ran; `internal`: the worker failed; else the
   * core's code.
   */
  readonly code: 'internal' | 'storage' | 'changed' | Exclude<MatchIssue['code'], 'cancelled'>;
  readonly message: Readonly<Record<Locale, string>>;
}

export interface MatchRunnerDependencies {
  readonly core: CoreClient;
  readonly db: () => SahajaDatabase;
  /** Marks the run as work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
  /** The clock that stamps a finished run; the system's by default. */
  readonly now?: () => Date;
}

/** The same text in both languages, for technical messages that have only one. */
const untranslated = (message: string): MatchRunError['message'] => ({ id: message, en: message });

/**
 * Runs pemadanan on a stored programme: reads its students, registry residents and the reviewers'
 * decisions from IndexedDB, matches them in the core worker (which applies the decisions) and stores
 * every student's match and the run's figures with the programme, replacing the previous run in one
 * transaction. Cancelling, or a failure, leaves the stored result as it was.
 */
export class MatchRunner {
  stage = $state<MatchStage>('idle');
  /** The programme of the running or last run, or null before the first. */
  programmeId = $state<string | null>(null);
  /** The figures of the last run stored by this runner, or null. */
  lastRun = $state.raw<MatchingRun | null>(null);
  /** How many runs this runner stored: a screen reloads the stored rows when it grows. */
  completed = $state(0);
  error = $state.raw<MatchRunError | null>(null);
  #readProgress = $state.raw<ReadProgress | null>(null);
  #saveProgress = $state.raw<{ done: number; total: number } | null>(null);

  readonly busy = $derived(
    this.stage === 'reading' || this.stage === 'matching' || this.stage === 'saving',
  );
  readonly summary = $derived<MatchSummary | null>(this.lastRun?.summary ?? null);
  readonly blocking = $derived<readonly BlockingCount[]>(this.lastRun?.blocking ?? []);

  readonly progress = $derived.by((): MatchRunProgress | null => {
    if (this.stage === 'reading') {
      const read = this.#readProgress;
      return { step: 'reading', phase: 'read', done: read?.done ?? 0, total: read?.total ?? 0 };
    }
    if (this.stage === 'matching') {
      const core = this.#deps.core.progress;
      if (core && 'step' in core) {
        return { step: core.step, phase: core.phase, done: core.done, total: core.total };
      }
      return { step: 'registry', phase: 'start', done: 0, total: 0 };
    }
    if (this.stage === 'saving') {
      const save = this.#saveProgress;
      return { step: 'saving', phase: 'save', done: save?.done ?? 0, total: save?.total ?? 0 };
    }
    return null;
  });

  #deps: MatchRunnerDependencies;
  #abort: AbortController | null = null;
  /** Counts resets: a run whose programme was reset meanwhile drops its outcome. */
  #generation = 0;

  constructor(deps: MatchRunnerDependencies) {
    this.#deps = deps;
  }

  /**
   * Matches the students of programme `programmeId` against its registry with its stored review and
   * duplicate decisions (and any in `options`), then stores the result; does nothing while a run is
   * going on. A programme that is not stored fails with `changed` (there is nothing to store it with).
   */
  async run(programmeId: string, options: MatchRequest = {}): Promise<void> {
    if (this.busy) return;
    const generation = this.#generation;
    const release = this.#deps.hold?.() ?? (() => {});
    const abort = new AbortController();
    this.#abort = abort;
    this.programmeId = programmeId;
    this.error = null;
    this.#readProgress = null;
    this.#saveProgress = null;
    this.stage = 'reading';
    try {
      const db = this.#deps.db();
      const [reviewRows, duplicateRows] = await Promise.all([
        readReviewDecisions(db, programmeId),
        readDuplicateDecisions(db, programmeId),
      ]);
      const read = await readRecords(db, programmeId, ['students', 'residents'], {
        signal: abort.signal,
        onProgress: (progress) => {
          this.#readProgress = progress;
        },
      });
      if (generation !== this.#generation) return;
      if (!read.ok) {
        const { code, message } = read.error;
        this.#fail(
          code === 'cancelled' ? null : { code: 'storage', message: untranslated(message) },
        );
        return;
      }
      if (abort.signal.aborted) return this.#fail(null);
      this.stage = 'matching';
      const { students, residents } = read.value;
      const decisions = [
        ...reviewRows.map(({ idSiswa, nik, decision }) => ({ idSiswa, nik, decision })),
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
      const called = await this.#deps.core.matchStudents(students, residents, {
        ...options,
        decisions,
        duplicateDecisions,
      });
      if (generation !== this.#generation) return;
      if (!called.ok) {
        const { code, message } = called.error;
        this.#fail(code === 'cancelled' ? null : { code, message: untranslated(message) });
        return;
      }
      const outcome = called.value;
      if (!outcome.ok) {
        const [{ code, message }] = outcome.issues;
        this.#fail(code === 'cancelled' ? null : { code, message });
        return;
      }
      const { matches, summary, blocking, thresholds } = outcome.value;
      const run: MatchingRun = {
        finishedAt: (this.#deps.now ?? systemNow)().toISOString(),
        summary,
        blocking,
        thresholds,
        given: { review: decisions.length, duplicates: duplicateDecisions.length },
      };
      this.stage = 'saving';
      this.#saveProgress = { done: 0, total: matches.length };
      const saved = await saveMatchingRun(db, programmeId, matches, run, {
        onProgress: (done) => {
          this.#saveProgress = { done, total: matches.length };
        },
      });
      if (generation !== this.#generation) return;
      if (!saved.ok) {
        const { code, message } = saved.error;
        this.#fail({
          code: code === 'changed' ? 'changed' : 'storage',
          message: untranslated(message),
        });
        return;
      }
      this.lastRun = run;
      this.completed += 1;
      this.stage = 'done';
    } catch (thrown) {
      if (generation !== this.#generation) return;
      // Only an unexpected failure lands here (IndexedDB unavailable, a programmer error).
      this.#fail({
        code: 'internal',
        message: untranslated(thrown instanceof Error ? thrown.message : String(thrown)),
      });
    } finally {
      if (this.#abort === abort) this.#abort = null;
      release();
    }
  }

  /**
   * Stops a running run; the stored result stays. Once the result is being stored the write is
   * allowed to finish (it takes a moment and is all-or-nothing), so a cancel then changes nothing.
   */
  cancel(): void {
    if (!this.busy || this.stage === 'saving') return;
    this.#abort?.abort();
    if (this.stage === 'matching') this.#deps.core.cancel();
  }

  /** Forgets the last run (its programme was replaced), stopping a running run first. */
  reset(): void {
    this.cancel();
    this.#generation += 1;
    this.lastRun = null;
    this.programmeId = null;
    this.error = null;
    this.stage = 'idle';
  }

  #fail(error: MatchRunError | null): void {
    this.error = error;
    this.stage = error ? 'failed' : 'cancelled';
  }
}
