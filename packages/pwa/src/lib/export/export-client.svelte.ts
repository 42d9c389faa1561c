/**
 * The page's handle on the exports the worker makes (`WorkerApi.exports`). Exports run in a worker of
 * their own, started on the first call and ended after a minute without calls, so that a long export
 * never waits behind pemadanan or planning in the main core worker (and cancelling those never ends an
 * export). Every failure comes back as data.
 */
import { handKeysToWorker } from '../secure/worker-keys';
import * as Comlink from 'comlink';
import { WorkerConnection } from '../core/worker-connection';
import type { CoreError } from '../core/types';
import type { WorkerApi } from '../worker/api';
import type { AuditApi, AuditFile, AuditFileRequest } from '../worker/audit';
import type {
  CalendarRequest,
  ExportError,
  ExportFile,
  ExportProgress,
  ExportRequest,
  ExportsApi,
  TargetWorkbook,
  TargetWorkbookRequest,
} from '../worker/exports';
import type {
  MopUpRequest,
  MopUpWorkbookRequest,
  ProgressApi,
  ProgressRequest,
  ProgressWorkbookRequest,
} from '../worker/progress';
import type { ProgressDashboard } from '../progress/dashboard';
import type { MopUpPlan, MopUpResult } from '../progress/mop-up';
import type { LetterData, TeamDayData } from './schedule';

/** Starts a worker that exposes the {@link WorkerApi}; tests pass their own. */
export type ExportWorkerFactory = () => Worker;

/** Why an export call failed: the worker's refusal, or the worker itself failing. */
export type ExportFailure = ExportError | CoreError;

export type ExportResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExportFailure };

/** How long an idle export worker is kept before it is ended. */
export const EXPORT_WORKER_IDLE_MS = 60_000;

const startExportWorker: ExportWorkerFactory = () =>
  new Worker(new URL('../core/core.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sahaja-exports',
  });

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ExportError };

export class ExportClient {
  /** True while a call is in flight. */
  running = $state(false);

  #worker: WorkerConnection<WorkerApi>;
  #idleMs: number;
  #idle: ReturnType<typeof setTimeout> | null = null;

  constructor(start: ExportWorkerFactory = startExportWorker, idleMs = EXPORT_WORKER_IDLE_MS) {
    this.#worker = new WorkerConnection<WorkerApi>(start, handKeysToWorker);
    this.#idleMs = idleMs;
  }

  /** The target lists (XLSX), all schools or one; `onProgress` follows the schools read. */
  targetWorkbook(
    request: TargetWorkbookRequest,
    onProgress?: (progress: ExportProgress) => void,
  ): Promise<ExportResult<TargetWorkbook>> {
    const progress = onProgress && Comlink.proxy(onProgress);
    return this.#call((api) => api.targetWorkbook(request, progress));
  }

  /** The visit plan (XLSX). */
  planWorkbook(request: ExportRequest): Promise<ExportResult<ExportFile>> {
    return this.#call((api) => api.planWorkbook(request));
  }

  /** The visit plan (.ics), all teams or one. */
  planCalendar(request: CalendarRequest): Promise<ExportResult<ExportFile>> {
    return this.#call((api) => api.planCalendar(request));
  }

  /** What the letters of a few schools say. */
  schoolLetters(
    programmeId: string,
    npsns: readonly string[],
  ): Promise<ExportResult<LetterData[]>> {
    return this.#call((api) => api.schoolLetters({ programmeId, npsns }));
  }

  /** A team's days: schools in order, times, turns and expected students. */
  teamDays(
    programmeId: string,
    team: string,
    dates: readonly string[],
  ): Promise<ExportResult<TeamDayData[]>> {
    return this.#call((api) => api.teamDays({ programmeId, team, dates }));
  }

  /** The progress dashboard's figures, computed from the raw outcomes (`WorkerApi.progress`). */
  progressDashboard(request: ProgressRequest): Promise<ExportResult<ProgressDashboard>> {
    return this.#callProgress((api) => api.dashboard(request));
  }

  /** The progress dashboard's figures as an XLSX workbook. */
  progressWorkbook(request: ProgressWorkbookRequest): Promise<ExportResult<ExportFile>> {
    return this.#callProgress((api) => api.workbook(request));
  }

  /** The mop-up plan for a start date and threshold; refused form fields come back as issues. */
  progressMopUp(request: MopUpRequest): Promise<ExportResult<MopUpResult<MopUpPlan>>> {
    return this.#callProgress((api) => api.mopUp(request));
  }

  /** The mop-up plan as an XLSX workbook. */
  progressMopUpWorkbook(
    request: MopUpWorkbookRequest,
  ): Promise<ExportResult<MopUpResult<ExportFile>>> {
    return this.#callProgress((api) => api.mopUpWorkbook(request));
  }

  /** The audit trail as it is filtered, as an XLSX or CSV file (`WorkerApi.audit`). */
  auditFile(request: AuditFileRequest): Promise<ExportResult<AuditFile>> {
    return this.#run((api) => (api.audit as unknown as Comlink.Remote<AuditApi>).file(request));
  }

  /** Ends the worker; calls in flight fail as `cancelled`. The client can still be used. */
  dispose(): void {
    this.#stopIdle();
    this.#worker.end({ code: 'cancelled', message: 'Disposed' });
  }

  #call<T>(
    run: (api: Comlink.Remote<ExportsApi>) => Promise<Outcome<T>>,
  ): Promise<ExportResult<T>> {
    // The group is called as a remote object: Comlink sends the whole path (`exports.planWorkbook`).
    return this.#run((api) => run(api.exports as unknown as Comlink.Remote<ExportsApi>));
  }

  #callProgress<T>(
    run: (api: Comlink.Remote<ProgressApi>) => Promise<Outcome<T>>,
  ): Promise<ExportResult<T>> {
    return this.#run((api) => run(api.progress as unknown as Comlink.Remote<ProgressApi>));
  }

  async #run<T>(
    run: (api: Comlink.Remote<WorkerApi>) => Promise<Outcome<T>>,
  ): Promise<ExportResult<T>> {
    this.#stopIdle();
    this.running = true;
    try {
      const called = await this.#worker.call(run);
      return called.ok ? called.value : called;
    } finally {
      this.running = this.#worker.calls > 0;
      if (!this.running && this.#worker.started) {
        this.#idle = setTimeout(
          () => this.#worker.end({ code: 'cancelled', message: 'Idle' }),
          this.#idleMs,
        );
      }
    }
  }

  #stopIdle(): void {
    if (this.#idle !== null) clearTimeout(this.#idle);
    this.#idle = null;
  }
}

/** The app's export client. */
export const exportClient = new ExportClient();
