/** Shared by the app benchmarks: long-task recording and a bare IndexedDB copy of the app's data. */
import type { Page } from 'playwright-core';

export {
  longestTask,
  longTasksBetween,
  mainThreadIdle,
  recordLongTasks,
} from '../e2e/support/long-tasks';

/** Durations (ms) of the User Timing measures named `name` so far. */
export function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration),
    name,
  );
}

/**
 * Copies the rows of `stores` from the app's database into a new database with the same object stores
 * and indexes, written the plainest way IndexedDB allows: one read-write transaction, `add` for each row
 * in a loop, wait for `complete`. Returns the write's duration (ms) and the rows written per store.
 * Reading the rows first is not timed.
 */
export function bareCopy(
  page: Page,
  stores: readonly string[],
): Promise<{ ms: number; rows: Record<string, number> }> {
  return page.evaluate(async (names) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const app = await request(indexedDB.open('sahaja'));
    const read = app.transaction(names, 'readonly');
    const shapes = names.map((name) => {
      const store = read.objectStore(name);
      const indexes = [...store.indexNames].map((index) => {
        const { keyPath, unique, multiEntry } = store.index(index);
        return { index, keyPath, unique, multiEntry };
      });
      return { name, keyPath: store.keyPath, indexes };
    });
    const rows: Record<string, unknown[]> = {};
    for (const name of names) rows[name] = await request(read.objectStore(name).getAll());
    app.close();

    const scratch = 'sahaja-bare-benchmark';
    await request(indexedDB.deleteDatabase(scratch));
    const opening = indexedDB.open(scratch, 1);
    opening.onupgradeneeded = () => {
      for (const shape of shapes) {
        const store = opening.result.createObjectStore(shape.name, { keyPath: shape.keyPath });
        for (const { index, keyPath, unique, multiEntry } of shape.indexes) {
          store.createIndex(index, keyPath, { unique, multiEntry });
        }
      }
    };
    const bare = await request(opening);

    const started = performance.now();
    const write = bare.transaction(names, 'readwrite');
    for (const name of names) {
      const store = write.objectStore(name);
      for (const row of rows[name] ?? []) store.add(row);
    }
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
      write.onabort = () => reject(write.error);
    });
    const ms = performance.now() - started;
    bare.close();
    await request(indexedDB.deleteDatabase(scratch));
    return { ms, rows: Object.fromEntries(names.map((n) => [n, rows[n]?.length ?? 0])) };
  }, stores);
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
