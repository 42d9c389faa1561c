import type Dexie from 'dexie';
import { sealAhead } from '../secure/sealing';

/** How {@link writeSealingAhead} writes one table's rows. */
export interface SealingAheadWrite<R, S extends object> {
  /** The table written (its rows are sealed, see `secure/sealing.ts`). */
  readonly table: string;
  /** Rows written per call of `store`. */
  readonly size: number;
  /** A chunk of rows as they are to be stored (new objects: they are sealed before `store` sees them). */
  readonly prepare: (chunk: R[]) => S[];
  /** Writes prepared rows, e.g. with `bulkAdd`, in the caller's transaction. */
  readonly store: (rows: S[]) => Promise<unknown>;
  /** Called after each chunk is stored, with the number of rows stored so far. */
  readonly onChunk?: (done: number) => void;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Writes `rows` a chunk at a time, one write at a time, while the next chunk is already being sealed:
 * IndexedDB stores one chunk while Web Crypto encrypts the next in its own threads, so the two costs
 * overlap instead of adding up. Only one write is ever pending: each is asked for from inside the
 * transaction's events (a write asked for while two were in flight was once made after Chromium had
 * marked the transaction inactive).
 */
export async function writeSealingAhead<R, S extends object>(
  db: Dexie,
  rows: readonly R[],
  write: SealingAheadWrite<R, S>,
): Promise<void> {
  const { table, size, prepare, store, onChunk, signal } = write;
  const chunkAt = (start: number): S[] => {
    const prepared = prepare(rows.slice(start, start + size));
    sealAhead(db, table, prepared);
    return prepared;
  };
  let next = rows.length > 0 ? chunkAt(0) : [];
  for (let start = 0; start < rows.length; start += size) {
    signal?.throwIfAborted();
    const current = next;
    if (start + size < rows.length) next = chunkAt(start + size);
    await store(current);
    onChunk?.(start + current.length);
  }
}
