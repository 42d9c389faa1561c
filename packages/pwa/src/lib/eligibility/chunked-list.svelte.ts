/**
 * A list built a chunk at a time, yielding to the browser between chunks, for output that must hold
 * every row at once (a printed list of thousands of students cannot be virtualised): each chunk is
 * mapped and rendered in its own task, so the page keeps answering while the list grows.
 */
import { nextTask } from './next-task';

/** Rows mapped and rendered per task. */
export const DEFAULT_CHUNK_SIZE = 100;

export interface FillOptions {
  readonly chunkSize?: number;
  /** What to wait for between chunks (tests pass their own). */
  readonly pause?: () => Promise<void>;
}

export class ChunkedList<T> {
  /** The rows so far, one array per chunk (a `{#each}` per chunk renders only the new one). */
  chunks = $state.raw<readonly (readonly T[])[]>([]);
  /** `filling` while chunks are being added; `full` once every row is in. */
  stage = $state<'idle' | 'filling' | 'full'>('idle');
  /** Rows in so far. */
  readonly size = $derived(this.chunks.reduce((sum, chunk) => sum + chunk.length, 0));

  /** Counts fills: a fill that was cleared or replaced stops at its next chunk. */
  #run = 0;

  /**
   * Replaces the list by `items` mapped with `map`, a chunk per task. Resolves true once every row is in,
   * false when {@link clear} or another fill stopped it first. Throws a `RangeError` for a chunk size
   * that is not a positive integer.
   */
  async fill<S>(
    items: readonly S[],
    map: (item: S, index: number) => T,
    options: FillOptions = {},
  ): Promise<boolean> {
    const { chunkSize = DEFAULT_CHUNK_SIZE, pause = nextTask } = options;
    if (!Number.isInteger(chunkSize) || chunkSize < 1) {
      throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
    }
    const run = ++this.#run;
    this.chunks = [];
    this.stage = 'filling';
    for (let start = 0; start < items.length; start += chunkSize) {
      if (start > 0) {
        await pause();
        if (run !== this.#run) return false;
      }
      const chunk = items.slice(start, start + chunkSize).map((item, i) => map(item, start + i));
      this.chunks = [...this.chunks, chunk];
    }
    this.stage = 'full';
    return true;
  }

  /** Fills the list at once, for a moment that cannot wait (the browser's print started). */
  fillNow<S>(items: readonly S[], map: (item: S, index: number) => T): void {
    this.#run += 1;
    this.chunks = [items.map(map)];
    this.stage = 'full';
  }

  /** Empties the list and stops a fill that is running. */
  clear(): void {
    this.#run += 1;
    this.chunks = [];
    this.stage = 'idle';
  }
}
