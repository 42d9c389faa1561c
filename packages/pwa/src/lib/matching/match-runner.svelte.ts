import type { CoreClient } from '../core/core-client.svelte';
import type { BlockingCount, MatchRequest, MatchSummary } from '../core/types';
import type { MatchingRun } from '../db';
import type { MatchRunError, MatchRunProgress } from '../worker/api';

export type { MatchRunError, MatchRunProgress };

/** Where a pemadanan run stands. */
export type MatchStage =
  'idle' | 'reading' | 'matching' | 'saving' | 'done' | 'cancelled' | 'failed';

export interface MatchRunnerDependencies {
  readonly core: CoreClient;
  /** Marks the run as work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
}

/** The same text in both languages, for technical messages that have only one. */
const untranslated = (message: string): MatchRunError['message'] => ({ id: message, en: message });

/**
 * Runs pemadanan on a stored programme. The worker does all of it (see `worker/matching.ts`): it reads
 * the programme's students, registry residents and the reviewers' decisions from IndexedDB, matches
 * them (applying the decisions) and stores every student's match and the run's figures, replacing the
 * previous run in one transaction; the page only follows its progress, so it stays responsive.
 * Cancelling, or a failure, leaves the stored result as it was.
 */
export class MatchRunner {
  #state = $state<'running' | Exclude<MatchStage, 'reading' | 'matching' | 'saving'>>('idle');
  /** Where the run stands: while it runs, the step the worker last reported. */
  readonly stage = $derived.by((): MatchStage => {
    if (this.#state !== 'running') return this.#state;
    const step = this.#deps.core.matchProgress?.step;
    if (step === undefined || step === 'reading') return 'reading';
    return step === 'saving' ? 'saving' : 'matching';
  });
  /** The programme of the running or last run, or null before the first. */
  programmeId = $state<string | null>(null);
  /** The figures of the last run stored by this runner, or null. */
  lastRun = $state.raw<MatchingRun | null>(null);
  /** How many runs this runner stored: a screen reloads the stored rows when it grows. */
  completed = $state(0);
  error = $state.raw<MatchRunError | null>(null);
  readonly busy = $derived(this.#state === 'running');
  readonly summary = $derived<MatchSummary | null>(this.lastRun?.summary ?? null);
  readonly blocking = $derived<readonly BlockingCount[]>(this.lastRun?.blocking ?? []);

  /** The worker's progress while a run goes on. */
  readonly progress = $derived.by((): MatchRunProgress | null =>
    this.busy
      ? (this.#deps.core.matchProgress ?? { step: 'reading', phase: 'read', done: 0, total: 0 })
      : null,
  );

  #deps: MatchRunnerDependencies;
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
    this.programmeId = programmeId;
    this.error = null;
    this.#state = 'running';
    try {
      const called = await this.#deps.core.runMatching(programmeId, options);
      if (generation !== this.#generation) return;
      if (!called.ok) {
        const { code, message } = called.error;
        this.#fail(code === 'cancelled' ? null : { code, message: untranslated(message) });
        return;
      }
      if (!called.value.ok) {
        this.#fail(called.value.error);
        return;
      }
      this.lastRun = called.value.value;
      this.completed += 1;
      this.#state = 'done';
    } finally {
      release();
    }
  }

  /**
   * Stops a running run; the stored result stays. Once the result is being stored the write is
   * allowed to finish (it takes a moment and is all-or-nothing), so a cancel then changes nothing.
   */
  cancel(): void {
    if (!this.busy || this.stage === 'saving') return;
    this.#deps.core.cancel();
  }

  /** Forgets the last run (its programme was replaced), stopping a running run first. */
  reset(): void {
    this.cancel();
    this.#generation += 1;
    this.lastRun = null;
    this.programmeId = null;
    this.error = null;
    this.#state = 'idle';
  }

  #fail(error: MatchRunError | null): void {
    this.error = error;
    this.#state = error ? 'failed' : 'cancelled';
  }
}
