/**
 * Pages to print, fetched from the worker a few at a time and shown as they come: the letters of 72
 * schools hold 20,000 students, which neither one message nor one render may carry without holding
 * the page. Printing waits until every page is in.
 */
import type { ExportFailure, ExportResult } from './export-client.svelte';
import type { NothingToPrint, PrintKeys } from './print-plan';

/** Where a print job stands. */
export type PrintStage = 'idle' | 'loading' | 'ready' | 'empty' | 'failed';

/** Why a print job failed: the worker's failure, or the plan could not be read. */
export type PrintFailure = ExportFailure | { readonly code: 'storage'; readonly message: string };

/**
 * Pages fetched, and rendered, per step by default: one school's letter or one team-day, a few
 * hundred table rows — as much as one task of the page should render.
 */
export const PRINT_CHUNK_SIZE = 1;

export class PrintJob<T> {
  /** The pages fetched so far, in order. */
  items = $state.raw<readonly T[]>([]);
  /** How many pages there are in all (0 until the keys are known). */
  total = $state(0);
  stage = $state<PrintStage>('idle');
  /** Why there is nothing to print (stage `empty`). */
  empty = $state<NothingToPrint | null>(null);
  error = $state.raw<PrintFailure | null>(null);
  #run = 0;

  /** True once every page is in: the page may be printed. */
  readonly ready = $derived(this.stage === 'ready');

  /**
   * Finds the pages' keys with `keys`, then fetches them `chunkSize` at a time with `fetch`, letting
   * the browser render between chunks. A later `load` or `clear` drops this one's results.
   */
  async load(
    keys: () => Promise<PrintKeys>,
    fetch: (keys: readonly string[]) => Promise<ExportResult<T[]>>,
    chunkSize = PRINT_CHUNK_SIZE,
  ): Promise<void> {
    const run = ++this.#run;
    this.items = [];
    this.total = 0;
    this.empty = null;
    this.error = null;
    this.stage = 'loading';
    const found = await keys();
    if (run !== this.#run) return;
    if (!found.ok) {
      if (found.reason === 'storage') {
        this.error = { code: 'storage', message: found.message };
        this.stage = 'failed';
      } else {
        this.empty = found.reason;
        this.stage = 'empty';
      }
      return;
    }
    this.total = found.keys.length;
    for (let start = 0; start < found.keys.length; start += chunkSize) {
      const fetched = await fetch(found.keys.slice(start, start + chunkSize));
      if (run !== this.#run) return;
      if (!fetched.ok) {
        this.error = fetched.error;
        this.stage = 'failed';
        return;
      }
      this.items = [...this.items, ...fetched.value];
      await nextTask();
      if (run !== this.#run) return;
    }
    this.stage = 'ready';
  }

  /** Forgets the pages (a running load stops adding to them). */
  clear(): void {
    this.#run++;
    this.items = [];
    this.total = 0;
    this.empty = null;
    this.error = null;
    this.stage = 'idle';
  }
}

/** Lets the browser render and handle input before the next chunk. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
