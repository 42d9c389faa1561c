/**
 * Writes rows a chunk at a time with two chunks in flight: while IndexedDB stores one chunk, the next
 * is being sealed (encrypted in Web Crypto's threads, see `secure/sealing.ts`), so the two costs overlap
 * instead of adding up. The sealing middleware hands writes to IndexedDB in the order they were asked,
 * so chunks are stored in order. `onChunk` is called after each chunk is stored, in order.
 */
export async function writePipelined<R>(
  rows: readonly R[],
  size: number,
  write: (chunk: R[]) => Promise<unknown>,
  onChunk: (done: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  for (let start = 0; start < rows.length; start += size) {
    signal?.throwIfAborted();
    const end = Math.min(rows.length, start + size);
    const stored = write(rows.slice(start, end)).then(() => onChunk(end));
    // A failed chunk aborts the transaction; the chunk after it then fails too, and is awaited below
    // (or not at all): it must not surface as an unhandled rejection.
    stored.catch(() => undefined);
    inFlight.push(stored);
    if (inFlight.length >= 2) await inFlight.shift();
  }
  for (const stored of inFlight) await stored;
}
