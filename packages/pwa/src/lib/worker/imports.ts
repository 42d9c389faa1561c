/**
 * Importing files inside the worker. Reading a file keeps its accepted records here, under the page's
 * key for that read, and sends the page only the report (counts, row issues, a preview); storing it
 * writes those records into IndexedDB from here. A registry extract is 150,000 records: handing them to
 * the page and back cost it long tasks (copies of thousands of records per message), while the page
 * only needs the report. A store whose records are not kept (the worker was ended since the read, or
 * the key was forgotten) reads the file's bytes again.
 */
import type { CoreApi } from '@sahaja/core/api';
import type {
  ImportWriteError,
  ImportWriteProgress,
  ImportWriteSummary,
  NamedSchool,
  SahajaDatabase,
} from '../db';
import { storeFile } from '../import/store';
import type {
  BatchImportRequest,
  ImportKind,
  ReadOutcome,
  ReadReport,
  RecordOf,
} from '../import/types';
import type { ImportProgress } from '../core/types';
import { stampedClock, type ChangeStamp } from '../sync/clock';

/** Where a read file goes and what the import log says of it. */
export interface StoreTarget {
  readonly programmeId: string;
  /** The file's name, for the import log. */
  readonly name: string;
  /** A one-school student list's school (no NPSN column): its NPSN and name; else null. */
  readonly school: NamedSchool | null;
  /** The stamp of the import's change in the log, made on the page (the worker has no clock). */
  readonly stamp?: ChangeStamp;
}

/** A stored file: what changed, and how long the write transaction took (for the benchmark). */
export interface StoredFile extends ImportWriteSummary {
  /** Milliseconds from the start of the write to its commit. */
  readonly writeMs: number;
}

export type StoreFileOutcome =
  | { readonly ok: true; readonly value: StoredFile }
  | {
      readonly ok: false;
      /** `refused`: reading the bytes again found the file unreadable (it changed on disk). */
      readonly error: ImportWriteError | { readonly code: 'refused'; readonly message: string };
    };

/** The worker's import operations (part of its data API). */
export interface ImportsApi {
  /**
   * Reads `bytes` as `request` says and keeps the accepted records under `key` (replacing what the key
   * held); answers the report without the records, or why the file was refused.
   */
  readFile<K extends ImportKind>(
    key: string,
    bytes: Uint8Array,
    request: BatchImportRequest<K>,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ReadOutcome<K>>;

  /**
   * Writes the records read under `key` into `target.programmeId` in one transaction (reading `bytes`
   * with `request` again when they are not kept), with its `imported` change stamped `target.stamp`,
   * then forgets them. `job` names the write for {@link ImportsApi.abortStore}; an aborted write is
   * rolled back whole.
   */
  storeFile(
    key: string,
    bytes: Uint8Array,
    request: BatchImportRequest<ImportKind>,
    target: StoreTarget,
    job: string,
    onProgress?: (progress: ImportWriteProgress) => void,
  ): Promise<StoreFileOutcome>;

  /** Rolls back write `job` if it is still going on; nothing otherwise. */
  abortStore(job: string): void;

  /** Lets go of the records kept under `key` (the file left the list, or is read again). */
  forgetFile(key: string): void;
}

interface Kept {
  readonly report: ReadReport<ImportKind>;
  readonly records: readonly RecordOf[ImportKind][];
}

/** The import operations over the database `db()` opens, reading files with the core's `files`. */
export function createImportsApi(db: () => SahajaDatabase, files: CoreApi['files']): ImportsApi {
  const kept = new Map<string, Kept>();
  const jobs = new Map<string, AbortController>();

  async function read<K extends ImportKind>(
    bytes: Uint8Array,
    request: BatchImportRequest<K>,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<{ outcome: ReadOutcome<K>; records: RecordOf[K][] }> {
    const records: RecordOf[K][] = [];
    const outcome = await files.importInBatches(
      bytes,
      request,
      (batch) => {
        for (const record of batch) records.push(record);
      },
      onProgress,
    );
    return { outcome, records };
  }

  return {
    readFile: async (key, bytes, request, onProgress) => {
      kept.delete(key);
      const { outcome, records } = await read(bytes, request, onProgress);
      if (outcome.ok) kept.set(key, { report: outcome.value, records });
      return outcome;
    },

    storeFile: async (key, bytes, request, target, job, onProgress) => {
      let file = kept.get(key);
      if (!file) {
        const { outcome, records } = await read(bytes, request);
        if (!outcome.ok) {
          return { ok: false, error: { code: 'refused', message: outcome.issues[0].message.en } };
        }
        file = { report: outcome.value, records };
      }
      const abort = new AbortController();
      jobs.set(job, abort);
      const started = performance.now();
      try {
        const { programmeId, name, school, stamp } = target;
        const { kind } = request;
        const written = await storeFile(
          db(),
          programmeId,
          { name, kind, report: file.report, records: file.records, school },
          {
            signal: abort.signal,
            ...(onProgress && { onProgress }),
            ...(stamp && { clock: stampedClock(stamp) }),
          },
        );
        if (!written.ok) return written;
        kept.delete(key);
        return { ok: true, value: { ...written.value, writeMs: performance.now() - started } };
      } finally {
        jobs.delete(job);
      }
    },

    abortStore: (job) => jobs.get(job)?.abort(),

    forgetFile: (key) => {
      kept.delete(key);
    },
  };
}
