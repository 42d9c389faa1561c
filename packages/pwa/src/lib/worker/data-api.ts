/**
 * Work that reads or writes a lot of IndexedDB, done inside the core worker. Handing 170,000 records
 * between the page and the worker costs the page a long task to copy them (half a second to two seconds
 * for the demo, measured); done here, the page only sends ids and receives figures, and stays
 * responsive. Dexie works in a worker as on the page, on the same database.
 */
import { generateProgramme } from '@sahaja/core';
import { createCoreApi, type CoreApi, type DemoRequest, type MatchRequest } from '@sahaja/core/api';
import {
  DEMO_PROGRAMME_ID,
  replaceProgramme,
  type ProgrammeRow,
  type SahajaDatabase,
  type StoreError,
} from '../db';
import type { Result } from '@sahaja/core';
import {
  makeBackup,
  restoreBackup,
  type BackupFile,
  type BackupIssue,
  type RestoredBackup,
} from '../sync/backup';
import type { ChangeStamp } from '../sync/clock';
import { createExchangeApi, type ExchangeApi } from '../sync/exchange-api';
import { createImportsApi, type ImportsApi } from './imports';
import {
  runMatching,
  type MatchRunDependencies,
  type MatchRunOutcome,
  type MatchRunProgress,
} from './matching';

/** Progress of a demo load: the generator's phases, then the rows written. */
export type DemoStoreProgress =
  | {
      readonly step: 'generating';
      readonly phase: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly step: 'storing'; readonly done: number; readonly total: number };

/** A stored demo programme and how long writing it took (for the benchmark). */
export interface StoredDemo {
  readonly programme: ProgrammeRow;
  /** Milliseconds from the start of the write transaction to its commit. */
  readonly storeMs: number;
}

export type StoreDemoOutcome =
  | { readonly ok: true; readonly value: StoredDemo }
  | { readonly ok: false; readonly error: StoreError };

/** The worker's data operations: the demo, pemadanan, and importing files ({@link ImportsApi}). */
export interface DataApi extends ImportsApi, ExchangeApi {
  /**
   * Generates the demo programme and stores it as programme `demo` in one transaction, replacing the
   * previous demo. Ending the worker while it stores aborts the transaction: the previous demo stays.
   */
  storeDemo(
    request: DemoRequest,
    onProgress?: (progress: DemoStoreProgress) => void,
  ): Promise<StoreDemoOutcome>;

  /**
   * Pemadanan of stored programme `programmeId` with its stored decisions (and those in `options`):
   * reads, matches and stores the result in the worker (see {@link runMatching}), its change in the
   * log stamped `stamp` (made on the page). Ending the worker stops it at any point and leaves the
   * previous result stored.
   */
  runMatching(
    programmeId: string,
    options?: MatchRequest,
    onProgress?: (progress: MatchRunProgress) => void,
    stamp?: ChangeStamp,
  ): Promise<MatchRunOutcome>;

  /** A full backup of stored programme `programmeId`, sealed with `passphrase` (see `makeBackup`). */
  makeBackup(programmeId: string, passphrase: string): Promise<Result<BackupFile, BackupIssue>>;

  /** Restores a backup, replacing the programme with its id, in one transaction (`restoreBackup`). */
  restoreBackup(
    bytes: Uint8Array,
    passphrase: string,
  ): Promise<Result<RestoredBackup, BackupIssue>>;
}

/** What the data operations use besides the database; tests replace them. */
export interface DataDependencies extends Partial<MatchRunDependencies> {
  /** The demo generator (tests pass one that returns a small fixture or fails). */
  readonly generate?: typeof generateProgramme;
  /** The core's file readers (tests pass ones that wait or fail). */
  readonly files?: CoreApi['files'];
}

/** The data operations over the database `db()` opens (the app's, or a test's fake one). */
export function createDataApi(db: () => SahajaDatabase, deps: DataDependencies = {}): DataApi {
  const {
    generate = generateProgramme,
    matchStudents = createCoreApi().matching.matchStudents,
    files = createCoreApi().files,
    now = () => new Date(),
  } = deps;
  return {
    ...createImportsApi(db, files),
    ...createExchangeApi(db),
    storeDemo: async (request, onProgress) => {
      const {
        files: _files,
        truth: _truth,
        ...programme
      } = generate(request, (progress) => onProgress?.({ step: 'generating', ...progress }));
      const started = performance.now();
      const stored = await replaceProgramme(db(), DEMO_PROGRAMME_ID, programme, {
        onProgress: ({ done, total }) => onProgress?.({ step: 'storing', done, total }),
      });
      if (!stored.ok) return stored;
      return { ok: true, value: { programme: stored.value, storeMs: performance.now() - started } };
    },
    runMatching: (programmeId, options = {}, onProgress, stamp) =>
      runMatching(db(), programmeId, options, { matchStudents, now }, onProgress, stamp),
    makeBackup: (programmeId, passphrase) => makeBackup(db(), programmeId, passphrase),
    restoreBackup: (bytes, passphrase) => restoreBackup(db(), bytes, passphrase),
  };
}
