import type { CoreClient } from '../core/core-client.svelte';
import type { DemoRequest } from '../core/types';
import type { ProgrammeRow, SahajaDatabase, StoreProgress } from '../db';
import { DEMO_PROGRAMME_ID, replaceProgramme } from '../db';

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
  readonly db: () => SahajaDatabase;
  /** Marks the load as work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
}

/**
 * Loads the demo programme: generates it in the core worker, then stores it in IndexedDB in one
 * transaction, replacing the previous demo. Cancelling in either step leaves the stored data as it was.
 */
export class DemoLoader {
  stage = $state<DemoLoadStage>('idle');
  /** The stored demo programme, or null when none is stored. */
  programme = $state.raw<ProgrammeRow | null>(null);
  error = $state.raw<DemoLoadError | null>(null);
  #storeProgress = $state.raw<StoreProgress | null>(null);

  readonly busy = $derived(this.stage === 'generating' || this.stage === 'storing');

  readonly progress = $derived.by((): DemoLoadProgress | null => {
    if (this.stage === 'generating') {
      const core = this.#deps.core.progress;
      return {
        step: 'generating',
        phase: core?.phase ?? '',
        done: core?.done ?? 0,
        total: core?.total ?? 0,
      };
    }
    if (this.stage === 'storing') {
      const store = this.#storeProgress;
      return { step: 'storing', done: store?.done ?? 0, total: store?.total ?? 0 };
    }
    return null;
  });

  #deps: DemoLoaderDependencies;
  #abort: AbortController | null = null;

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
    const abort = new AbortController();
    this.#abort = abort;
    this.error = null;
    this.#storeProgress = null;
    this.stage = 'generating';
    try {
      const generated = await this.#deps.core.generateDemo(request);
      if (!generated.ok) {
        const { code, message } = generated.error;
        this.#fail(code === 'cancelled' ? null : { code, message });
        return;
      }
      if (abort.signal.aborted) return this.#fail(null);
      this.stage = 'storing';
      const stored = await replaceProgramme(this.#deps.db(), DEMO_PROGRAMME_ID, generated.value, {
        signal: abort.signal,
        onProgress: (progress) => {
          this.#storeProgress = progress;
        },
      });
      if (!stored.ok) {
        const { code, message } = stored.error;
        this.#fail(code === 'cancelled' ? null : { code, message });
        return;
      }
      this.programme = stored.value;
      this.stage = 'done';
    } catch (thrown) {
      // Only an unexpected failure lands here (IndexedDB unavailable, a programmer error).
      this.#fail({
        code: 'internal',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      });
    } finally {
      this.#abort = null;
      release();
    }
  }

  /** Stops a running load; the previously stored programme stays. */
  cancel(): void {
    if (!this.busy) return;
    this.#abort?.abort();
    if (this.stage === 'generating') this.#deps.core.cancel();
  }

  #fail(error: DemoLoadError | null): void {
    this.error = error;
    this.stage = error ? 'failed' : 'cancelled';
  }
}
