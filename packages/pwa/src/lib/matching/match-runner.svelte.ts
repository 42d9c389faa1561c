import type { CoreClient } from '../core/core-client.svelte';
import type {
  BlockingCount,
  MatchIssue,
  MatchProgress,
  MatchRequest,
  MatchStudentsResult,
  MatchSummary,
} from '../core/types';
import { readRecords, type ReadProgress, type SahajaDatabase } from '../db';
import type { Locale } from '../i18n/format';

/** Where a pemadanan run stands. */
export type MatchStage = 'idle' | 'reading' | 'matching' | 'done' | 'cancelled' | 'failed';

/**
 * What a progress bar shows: `done` of `total` (0 while unknown) in a step and phase. Reading the
 * stored rows comes first (`reading`/`read`); `start` is the hand-over to the worker before its first
 * report; the rest are the core's own steps and phases.
 */
export interface MatchRunProgress {
  readonly step: 'reading' | MatchProgress['step'];
  readonly phase: 'read' | 'start' | MatchProgress['phase'];
  readonly done: number;
  readonly total: number;
}

/** Why the last run failed, in both UI languages; the previous result (if any) is unchanged. */
export interface MatchRunError {
  /** `storage`: the stored rows could not be read; `internal`: the worker failed; else the core's code. */
  readonly code: 'internal' | 'storage' | Exclude<MatchIssue['code'], 'cancelled'>;
  readonly message: Readonly<Record<Locale, string>>;
}

export interface MatchRunnerDependencies {
  readonly core: CoreClient;
  readonly db: () => SahajaDatabase;
  /** Marks the run as work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
}

/** The same text in both languages, for technical messages that have only one. */
const untranslated = (message: string): MatchRunError['message'] => ({ id: message, en: message });

/**
 * Runs pemadanan on a stored programme: reads its students and registry residents from IndexedDB,
 * matches them in the core worker and keeps the result in memory. Cancelling, or a failure, leaves the
 * previous result as it was.
 */
export class MatchRunner {
  stage = $state<MatchStage>('idle');
  /** The last finished run's result, or null before the first. */
  result = $state.raw<MatchStudentsResult | null>(null);
  error = $state.raw<MatchRunError | null>(null);
  #readProgress = $state.raw<ReadProgress | null>(null);

  readonly busy = $derived(this.stage === 'reading' || this.stage === 'matching');
  readonly summary = $derived<MatchSummary | null>(this.result?.summary ?? null);
  readonly blocking = $derived<readonly BlockingCount[]>(this.result?.blocking ?? []);

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
   * Matches the students of programme `programmeId` against its registry; does nothing while a run is
   * going on. A programme that is not stored matches as empty lists.
   */
  async run(programmeId: string, options: MatchRequest = {}): Promise<void> {
    if (this.busy) return;
    const generation = this.#generation;
    const release = this.#deps.hold?.() ?? (() => {});
    const abort = new AbortController();
    this.#abort = abort;
    this.error = null;
    this.#readProgress = null;
    this.stage = 'reading';
    try {
      const read = await readRecords(this.#deps.db(), programmeId, ['students', 'residents'], {
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
      const called = await this.#deps.core.matchStudents(students, residents, options);
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
      this.result = outcome.value;
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

  /** Stops a running run; the previous result stays. */
  cancel(): void {
    if (!this.busy) return;
    this.#abort?.abort();
    if (this.stage === 'matching') this.#deps.core.cancel();
  }

  /** Forgets the result (the programme it belongs to was replaced), stopping a running run first. */
  reset(): void {
    this.cancel();
    this.#generation += 1;
    this.result = null;
    this.error = null;
    this.stage = 'idle';
  }

  #fail(error: MatchRunError | null): void {
    this.error = error;
    this.stage = error ? 'failed' : 'cancelled';
  }
}
