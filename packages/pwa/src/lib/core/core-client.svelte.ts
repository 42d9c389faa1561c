import { handKeysToWorker } from '../secure/worker-keys';
import * as Comlink from 'comlink';
import type { AuditEntry } from '../audit/entries';
import type { BackupFile, BackupIssue, RestoredBackup } from '../sync/backup';
import type { AuditRequest } from '../worker/audit';
import type { ExportOutcome } from '../worker/exports';
import type { ExportResult } from '../export/export-client.svelte';
import type { ExchangeFile, ExchangeIssue } from '../sync/exchange';
import type { ExchangeApi, ExchangeState, MergeSummary } from '../sync/exchange-api';
import type { BatchImportRequest, ImportKind, InspectOutcome, ReadOutcome } from '../import/types';
import type { ImportWriteProgress } from '../db';
import type {
  DemoStoreProgress,
  StoreFileOutcome,
  StoreTarget,
  MatchRunOutcome,
  MatchRunProgress,
  StoreDemoOutcome,
  WorkerApi,
} from '../worker/api';
import type {
  Moved,
  MoveTarget,
  PinnedVisit,
  Plan,
  PlanChange,
  PlanRequest,
  PlanRequestIssue,
  Replan,
  Result,
  Visit,
  VisitIssue,
  VisitKey,
} from '@sahaja/core';
import { stampChange } from '../sync/clock';
import { WorkerConnection } from './worker-connection';
import type {
  CoreError,
  CoreResult,
  DemoRequest,
  EligibilityEntry,
  EligibilityOptions,
  EligibilityOutcome,
  ImportProgress,
  MatchRequest,
} from './types';

/** Starts the worker that runs the core; tests may pass their own. */
export type WorkerFactory = () => Worker;

const startCoreWorker: WorkerFactory = () =>
  new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module', name: 'sahaja-core' });

/**
 * A handler group of the API (`matching`, `files`…) as Comlink calls it. Comlink types a property that
 * is not a function as a promise of its value, but a call through it is sent to the worker with the
 * whole path (`matching.matchStudents`), so the group is called as a remote object.
 */
function group<K extends keyof WorkerApi>(
  api: Comlink.Remote<WorkerApi>,
  key: K,
): Comlink.Remote<WorkerApi[K]> {
  return api[key] as unknown as Comlink.Remote<WorkerApi[K]>;
}

/**
 * Moves a file's bytes to the worker instead of copying them (a 20 MB registry extract copied on the
 * page is a task of its own); the caller's array is empty afterwards, so it must not need it again.
 */
function handOver(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer
    ? Comlink.transfer(bytes, [bytes.buffer])
    : bytes;
}

/**
 * The page's handle on the core worker: wraps the Comlink proxy, turns every failure into data and keeps
 * the running call's progress as state. The worker starts on the first call and is replaced after a cancel.
 */
export class CoreClient {
  /** Progress of a running demo load (generator phases, then rows written), or null. */
  demoProgress = $state.raw<DemoStoreProgress | null>(null);
  /** Progress of a running pemadanan of a stored programme (read, match, store), or null. */
  matchProgress = $state.raw<MatchRunProgress | null>(null);
  /** Progress of a running file read (bytes and rows read), or null. */
  fileProgress = $state.raw<ImportProgress | null>(null);
  /** Progress of a running file write (rows written), or null. */
  writeProgress = $state.raw<ImportWriteProgress | null>(null);
  /** The last finished call's error, or null when it succeeded. */
  error = $state.raw<CoreError | null>(null);
  /** True while a call is in flight. */
  running = $state(false);

  #worker: WorkerConnection<WorkerApi>;

  constructor(startWorker: WorkerFactory = startCoreWorker) {
    this.#worker = new WorkerConnection<WorkerApi>(startWorker, handKeysToWorker);
  }

  /** The core's version, which also checks that the worker answers. */
  version(): Promise<CoreResult<string>> {
    return this.#call((api) => api.version());
  }

  /**
   * Generates the demo programme and stores it in IndexedDB, both in the worker (the page never holds
   * its 170,000 records), updating `demoProgress` (generator phases, then rows written). `cancel()` ends the
   * worker, which aborts an unfinished write: the previous demo stays.
   */
  storeDemo(request: DemoRequest = {}): Promise<CoreResult<StoreDemoOutcome>> {
    const onProgress = Comlink.proxy((progress: DemoStoreProgress) => {
      this.demoProgress = progress;
    });
    return this.#call<StoreDemoOutcome>((api) => group(api, 'data').storeDemo(request, onProgress));
  }

  /**
   * Pemadanan of stored programme `programmeId` in the worker, which reads its records and decisions,
   * matches and stores the result itself (the page never holds the records), updating `matchProgress`.
   * `cancel()` ends the worker, which leaves the previous result stored.
   */
  runMatching(
    programmeId: string,
    options: MatchRequest = {},
  ): Promise<CoreResult<MatchRunOutcome>> {
    this.matchProgress = null;
    const onProgress = Comlink.proxy((progress: MatchRunProgress) => {
      this.matchProgress = progress;
    });
    // The page stamps the run's change: the worker has no laptop clock (see `stampChange`).
    const stamp = stampChange();
    return this.#call<MatchRunOutcome>((api) =>
      group(api, 'data').runMatching(programmeId, options, onProgress, stamp),
    );
  }

  /** A programme's audit trail, read and named in the worker (`WorkerApi.audit`), newest first. */
  async auditTrail(request: AuditRequest): Promise<ExportResult<readonly AuditEntry[]>> {
    const called = await this.#call<ExportOutcome<readonly AuditEntry[]>>((api) =>
      group(api, 'audit').trail(request),
    );
    return called.ok ? called.value : called;
  }

  /** What the exchange screen shows of programme `programmeId`'s change log, read in the worker. */
  exchangeState(programmeId: string): Promise<CoreResult<ExchangeState>> {
    return this.#call<ExchangeState>((api) => group(api, 'data').exchangeState(programmeId));
  }

  /** A file of the programme's changes, made and sealed in the worker. */
  makeExchangeFile(
    ...args: Parameters<ExchangeApi['makeExchangeFile']>
  ): Promise<CoreResult<Result<ExchangeFile, ExchangeIssue>>> {
    return this.#call<Result<ExchangeFile, ExchangeIssue>>((api) =>
      group(api, 'data').makeExchangeFile(...args),
    );
  }

  /** Merges a file of changes in the worker; the bytes are moved there, not copied. */
  mergeExchangeFile(
    programmeId: string,
    bytes: Uint8Array,
    passphrase: string,
  ): Promise<CoreResult<Result<MergeSummary, ExchangeIssue>>> {
    return this.#call<Result<MergeSummary, ExchangeIssue>>((api) =>
      group(api, 'data').mergeExchangeFile(programmeId, handOver(bytes), passphrase),
    );
  }

  /**
   * A full backup of stored programme `programmeId` made in the worker (reading and sealing every row
   * there, so the page stays responsive).
   */
  makeBackup(
    programmeId: string,
    passphrase: string,
  ): Promise<CoreResult<Result<BackupFile, BackupIssue>>> {
    return this.#call<Result<BackupFile, BackupIssue>>((api) =>
      group(api, 'data').makeBackup(programmeId, passphrase),
    );
  }

  /** Restores a backup in the worker; the bytes are moved there, not copied. */
  restoreBackup(
    bytes: Uint8Array,
    passphrase: string,
  ): Promise<CoreResult<Result<RestoredBackup, BackupIssue>>> {
    return this.#call<Result<RestoredBackup, BackupIssue>>((api) =>
      group(api, 'data').restoreBackup(handOver(bytes), passphrase),
    );
  }

  /**
   * Decides every entry's category (SPEC §3) under the programme's settings in the worker. Refused
   * settings come back as `{ ok: true, value: { ok: false, issues } }`.
   */
  evaluateEligibility(
    entries: readonly EligibilityEntry[],
    options: EligibilityOptions,
  ): Promise<CoreResult<EligibilityOutcome>> {
    return this.#call<EligibilityOutcome>((api) =>
      group(api, 'eligibility').evaluate(entries, options),
    );
  }

  /**
   * Looks at a file in the worker before it is imported: its sheets, each kind of data's header and
   * guessed mapping, the likeliest kind, the school a one-school list names. A file the core cannot
   * read comes back as `{ ok: true, value: { ok: false, issues } }`.
   */
  inspectFile(bytes: Uint8Array, fileName: string): Promise<CoreResult<InspectOutcome>> {
    return this.#call<InspectOutcome>((api) =>
      group(api, 'files').inspectFile(handOver(bytes), { fileName }),
    );
  }

  /**
   * Reads a file in the worker, which keeps its accepted records under `key` for {@link storeFile};
   * the answer is the report (counts, row issues, preview) without the records, and `fileProgress`
   * follows the bytes and rows read. A refused file comes back as `{ ok: true, value: { ok: false,
   * issues } }`. The bytes are handed to the worker: `bytes` is empty afterwards.
   */
  readFile<K extends ImportKind>(
    key: string,
    bytes: Uint8Array,
    request: BatchImportRequest<K>,
  ): Promise<CoreResult<ReadOutcome<K>>> {
    const onProgress = Comlink.proxy((progress: ImportProgress) => {
      this.fileProgress = progress;
    });
    return this.#call<ReadOutcome<K>>(
      (api) =>
        group(api, 'data').readFile(key, handOver(bytes), request, onProgress) as Promise<
          ReadOutcome<K>
        >,
    );
  }

  /**
   * Writes the file read under `key` into a programme, in the worker and in one transaction (the
   * worker reads `bytes` with `request` again if it no longer keeps the records), updating
   * `writeProgress`; its change in the log is stamped here, with the laptop's clock (`stampChange`).
   * {@link abortStore} with the same `job` rolls the write back.
   */
  storeFile(
    key: string,
    bytes: Uint8Array,
    request: BatchImportRequest<ImportKind>,
    target: StoreTarget,
    job: string,
  ): Promise<CoreResult<StoreFileOutcome>> {
    this.writeProgress = null;
    const onProgress = Comlink.proxy((progress: ImportWriteProgress) => {
      this.writeProgress = progress;
    });
    const stamped: StoreTarget = { ...target, stamp: stampChange() };
    return this.#call<StoreFileOutcome>((api) =>
      group(api, 'data').storeFile(key, handOver(bytes), request, stamped, job, onProgress),
    );
  }

  /** Rolls back the worker's write `job` if it is still going on. */
  abortStore(job: string): void {
    const api = this.#worker.api;
    if (api)
      group(api, 'data')
        .abortStore(job)
        .catch(() => {});
  }

  /** Lets the worker drop the records it keeps under `key` (nothing is kept without a worker). */
  forgetFile(key: string): void {
    const api = this.#worker.api;
    if (api)
      group(api, 'data')
        .forgetFile(key)
        .catch(() => {});
  }

  /**
   * Plans the visits in the worker (SPEC §5) around the request's pinned visits and lost team-days. A
   * request the core cannot plan (bad dates, no team) comes back as `{ ok: true, value: { ok: false,
   * issues } }`; `cancel()` stops it with a `cancelled` error.
   */
  planVisits(request: PlanRequest): Promise<CoreResult<Result<Plan, PlanRequestIssue>>> {
    return this.#call<Result<Plan, PlanRequestIssue>>((api) =>
      group(api, 'scheduling').plan(request),
    );
  }

  /**
   * Re-plans `previous` in the worker after a change (a lost team-day), keeping every visit the change
   * does not break and pinned visits unless they are on the lost day; says what changed.
   */
  replanVisits(
    previous: Plan,
    request: PlanRequest,
    change: PlanChange,
  ): Promise<CoreResult<Result<Replan, PlanRequestIssue>>> {
    return this.#call<Result<Replan, PlanRequestIssue>>((api) =>
      group(api, 'scheduling').replan(previous, request, change),
    );
  }

  /**
   * Checks in the worker whether `proposed` can take place beside `visits` (`replaces`: the visit a
   * move takes away); a refusal carries every reason in both languages.
   */
  checkVisit(
    proposed: PinnedVisit,
    visits: readonly Visit[],
    request: PlanRequest,
    replaces?: VisitKey,
  ): Promise<CoreResult<Result<Visit, PlanRequestIssue | VisitIssue>>> {
    return this.#call<Result<Visit, PlanRequestIssue | VisitIssue>>((api) =>
      group(api, 'scheduling').check(proposed, visits, request, replaces),
    );
  }

  /**
   * Moves one visit of `previous` to another day and/or team in the worker when that breaks no
   * constraint; otherwise every reason, in both languages.
   */
  moveVisit(
    previous: Plan,
    from: VisitKey,
    to: MoveTarget,
    request: PlanRequest,
  ): Promise<CoreResult<Result<Moved, PlanRequestIssue | VisitIssue>>> {
    return this.#call<Result<Moved, PlanRequestIssue | VisitIssue>>((api) =>
      group(api, 'scheduling').move(previous, from, to, request),
    );
  }

  /**
   * Stops every running call. The core's work is synchronous inside the worker, so the only way to stop
   * it is to end the worker; the next call starts a fresh one.
   */
  cancel(): void {
    this.#worker.end({ code: 'cancelled', message: 'Cancelled' });
  }

  /** Ends the worker; the client can still be used (a new worker starts on the next call). */
  dispose(): void {
    this.#worker.end({ code: 'cancelled', message: 'Disposed' });
  }

  async #call<T>(run: (api: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<CoreResult<T>> {
    this.running = true;
    try {
      const outcome = await this.#worker.call(run);
      this.error = outcome.ok ? null : outcome.error;
      return outcome;
    } finally {
      this.running = this.#worker.calls > 0;
      if (!this.running) {
        this.fileProgress = null;
        this.demoProgress = null;
        this.matchProgress = null;
        this.writeProgress = null;
      }
    }
  }
}
