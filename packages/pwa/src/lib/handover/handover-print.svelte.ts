/**
 * The handover lists to print for a date: read like the screen (the worker's early-recorded students
 * and the card log), then shown one school at a time so that no single render holds the page (72
 * schools can hold thousands of rows). Printing waits until every list is in.
 */
import type { SahajaDatabase } from '../db';
import type { CardData, CardDataProgress } from './card-data';
import { readCardLog } from './card-log';
import { indexCards } from './due-list';
import type { HandoverResult } from './handover-client';
import type { HandoverLoadFailure } from './handover-screen.svelte';
import { handoverLists, type HandoverList } from './print-list';

/** Lists rendered per step: one school, a few hundred rows at most. */
export const PRINT_SCHOOLS_PER_STEP = 1;

/** What the printout needs besides its state; tests pass their own. */
export interface HandoverPrintDependencies {
  readonly db: () => SahajaDatabase;
  readonly cardData: (
    programmeId: string,
    onProgress?: (progress: CardDataProgress) => void,
  ) => Promise<HandoverResult<CardData>>;
}

export class HandoverPrint {
  stage = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  /** The lists shown so far, by school name. */
  lists = $state.raw<readonly HandoverList[]>([]);
  /** How many lists there are in all (0 until known). */
  total = $state(0);
  /** Schools read in the worker, while reading. */
  progress = $state.raw<CardDataProgress | null>(null);
  failure = $state.raw<HandoverLoadFailure | null>(null);
  #deps: HandoverPrintDependencies;
  #run = 0;

  /** True once every list is in: the page may be printed (and there is something to print). */
  readonly ready = $derived(this.stage === 'ready' && this.lists.length > 0);

  constructor(deps: HandoverPrintDependencies) {
    this.#deps = deps;
  }

  /**
   * Makes the lists of date `on` (`YYYY-MM-DD`, a real date) for school `npsn` or every school, and
   * shows them `perStep` at a time. A later `load` or `clear` drops this one's results.
   */
  async load(
    programmeId: string,
    on: string,
    npsn: string | null,
    perStep = PRINT_SCHOOLS_PER_STEP,
  ): Promise<void> {
    const run = ++this.#run;
    this.stage = 'loading';
    this.lists = [];
    this.total = 0;
    this.progress = null;
    this.failure = null;
    const [data, log] = await Promise.all([
      this.#deps.cardData(programmeId, (progress) => {
        if (run === this.#run) this.progress = progress;
      }),
      readCardLog(this.#deps.db(), programmeId).then(
        (events) => ({ ok: true as const, events }),
        (thrown: unknown) => ({
          ok: false as const,
          message: thrown instanceof Error ? thrown.message : String(thrown),
        }),
      ),
    ]);
    if (run !== this.#run) return;
    if (!data.ok) this.failure = data.error;
    else if (!log.ok) this.failure = { code: 'storage', message: log.message };
    if (!data.ok || !log.ok) {
      this.stage = 'failed';
      return;
    }
    const all = handoverLists(indexCards(data.value), log.events, on, npsn);
    this.total = all.length;
    for (let start = 0; start < all.length; start += perStep) {
      this.lists = [...this.lists, ...all.slice(start, start + perStep)];
      await nextTask();
      if (run !== this.#run) return;
    }
    this.stage = 'ready';
  }

  /** Forgets the lists (a running load stops adding to them). */
  clear(): void {
    this.#run++;
    this.stage = 'idle';
    this.lists = [];
    this.total = 0;
    this.progress = null;
    this.failure = null;
  }
}

/** Lets the browser render and handle input before the next list. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
