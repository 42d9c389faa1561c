import type { CoreClient } from '../core/core-client.svelte';
import type { DemoRequest } from '../core/types';
import type { ProgrammeRow } from '../db';

/** The User Timing measure recorded on the page for each demo write (the app benchmark reads it). */
export const STORE_MEASURE = 'sahaja:store-programme';

/** Where a demo load stands. */
export type DemoLoadStage = 'idle' | 'generating' | 'storing' | 'done' | 'cancelled' | 'failed';

/** What a progress bar shows: `done` of `total` in a step (`total` 0 while the size is unknown). */
export type DemoLoadProgress =
  | {
      readonly step: 'generating';
      readonly phase: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly step: 'storing'; readonly done: number; readonly total: number };

/** Why the last load failed; the stored programme is unchanged. */
export interface DemoLoadError {
  readonly code: 'internal' | 'quota' | 'storage';
  readonly message: string;
}

export interface DemoLoaderDependencies {
  readonly core: CoreClient;
  /** Marks the load as work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
}

/**
 * Loads the demo programme: the worker generates it and stores it in IndexedDB in one transaction,
 * replacing the previous demo; the page only follows the progress. Cancelling in either step leaves the
 * stored data as it was.
 */
export class DemoLoader {
  /** The stored demo programme, or null when none is stored. */
  programme = $state.raw<ProgrammeRow | null>(null);
  error = $state.raw<DemoLoadError | null>(null);

  #stage = $state<Exclude<DemoLoadStage, 'generating' | 'storing'> | 'working'>('idle');

  /** Generating, then storing, as the worker reports it. */
  readonly stage = $derived.by((): DemoLoadStage => {
    if (this.#stage !== 'working') return this.#stage;
    return this.#deps.core.demoProgress?.step === 'storing' ? 'storing' : 'generating';
  });

  readonly busy = $derived(this.#stage === 'working');

  readonly progress = $derived.by((): DemoLoadProgress | null => {
    if (this.#stage !== 'working') return null;
    const progress = this.#deps.core.demoProgress;
    if (progress?.step === 'storing') return progress;
    return {
      step: 'generating',
      phase: progress?.phase ?? '',
      done: progress?.done ?? 0,
      total: progress?.total ?? 0,
    };
  });

  #deps: DemoLoaderDependencies;

  constructor(deps: DemoLoaderDependencies, stored: ProgrammeRow | null) {
    this.#deps = deps;
    this.programme = stored;
  }

  /**
   * Generates and stores a fresh demo programme of the sizes asked for (the generator's defaults for
   * any left out); does nothing while a load is running.
   */
  async load(request: DemoRequest = {}): Promise<void> {
    if (this.busy) return;
    const release = this.#deps.hold?.() ?? (() => {});
    this.error = null;
    this.#stage = 'working';
    try {
      const called = await this.#deps.core.storeDemo(request);
      if (!called.ok) {
        const { code, message } = called.error;
        this.#fail(code === 'cancelled' ? null : { code, message });
        return;
      }
      const stored = called.value;
      if (!stored.ok) {
        const { code, message } = stored.error;
        this.#fail(code === 'cancelled' ? null : { code, message });
        return;
      }
      const { programme, storeMs } = stored.value;
      // The write's duration as a User Timing entry on the page (no personal data), for the benchmark.
      const end = performance.now();
      performance.measure(STORE_MEASURE, { start: Math.max(0, end - storeMs), end });
      this.programme = programme;
      this.#stage = 'done';
    } catch (thrown) {
      // Only an unexpected failure lands here (a programmer error).
      this.#fail({
        code: 'internal',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      });
    } finally {
      release();
    }
  }

  /** Stops a running load by ending the worker: an unfinished write is aborted, the previous demo stays. */
  cancel(): void {
    if (this.busy) this.#deps.core.cancel();
  }

  #fail(error: DemoLoadError | null): void {
    this.error = error;
    this.#stage = error ? 'failed' : 'cancelled';
  }
}
