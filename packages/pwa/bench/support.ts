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

/** What a bare copy does besides writing (see {@link bareCopy}). */
export interface BareCopyOptions {
  /**
   * Also seal each row first, as an import must (issue 9: no personal field in plain text): the same
   * Web Crypto work the app does per row — AES-GCM of as many bytes as the row's sealed content holds,
   * under a fresh IV, with the table and key as additional data, and an HMAC-SHA-256 for each blind
   * index (`~…`) in its key — all rows at once, then the same one transaction of `add` calls. Rows are
   * not serialised to JSON first (the bare loop has only their sealed form), so this baseline does a
   * little less than the app.
   */
  readonly seal?: boolean;
}

/**
 * Copies the rows of `stores` from the app's database into a new database with the same object stores
 * and indexes, written the plainest way IndexedDB allows: one read-write transaction, `add` for each row
 * in a loop, wait for `complete` (sealed first with `options.seal`). Returns the duration (ms) of the
 * sealing and writing and the rows written per store. Reading the rows first is not timed.
 */
export function bareCopy(
  page: Page,
  stores: readonly string[],
  options: BareCopyOptions = {},
): Promise<{ ms: number; rows: Record<string, number> }> {
  return page.evaluate(
    async ({ names, seal }) => {
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
      const rows: Record<string, Record<string, unknown>[]> = {};
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
      const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
      ]);
      const indexKey = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      const text = new TextEncoder();
      const sealRow = async (table: string, row: Record<string, unknown>) => {
        const sealed = row['$sealed'] as { data: Uint8Array } | undefined;
        if (sealed === undefined) return row;
        const out: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(row)) {
          if (typeof value === 'string' && value.startsWith('~')) {
            // An NIK's blind index: an HMAC of its purpose and a value (the stored index, which is
            // unique as the NIK is, and about as long).
            const mac = await crypto.subtle.sign(
              'HMAC',
              indexKey,
              text.encode(`${table}.${field}\u0000${value}`),
            );
            out[field] = `~${btoa(String.fromCharCode(...new Uint8Array(mac, 0, 16)))}`;
          } else if (field !== '$sealed') out[field] = value;
        }
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const data = await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: text.encode(`${table}${JSON.stringify(out)}`) },
          dataKey,
          new Uint8Array(sealed.data.length - 16),
        );
        out['$sealed'] = { iv, data: new Uint8Array(data) };
        return out;
      };

      const started = performance.now();
      const toWrite: Record<string, unknown[]> = {};
      for (const name of names) {
        toWrite[name] = seal
          ? await Promise.all((rows[name] ?? []).map((row) => sealRow(name, row)))
          : (rows[name] ?? []);
      }
      const write = bare.transaction(names, 'readwrite');
      for (const name of names) {
        const store = write.objectStore(name);
        for (const row of toWrite[name] ?? []) store.add(row);
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
    },
    { names: stores, seal: options.seal === true },
  );
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
