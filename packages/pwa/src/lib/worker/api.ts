/**
 * Everything the app's worker exposes: the core's API (pure computations on data it is given) and the
 * data operations that read and write IndexedDB in the worker (see `data-api.ts`), the exports
 * made from the stored data (`exports.ts`), the progress dashboard's figures (`progress.ts`) and
 * the audit trail (`audit.ts`).
 */
import { createCoreApi, type CoreApi } from '@sahaja/core/api';
import type { SahajaDatabase } from '../db';
import { createDataApi, type DataApi } from './data-api';
import { createExportsApi, type ExportsApi } from './exports';
import { createProgressApi, type ProgressApi } from './progress';
import { createHandoverApi, type HandoverApi } from './handover';
import { createAuditApi, type AuditApi } from './audit';
import type { UnlockedKeys } from '@sahaja/core/secure';
import { closeVault, openVault } from '../secure/vault';

export type { DataApi, DemoStoreProgress, StoreDemoOutcome, StoredDemo } from './data-api';
export type { MatchRunError, MatchRunOutcome, MatchRunProgress } from './matching';
export type { StoredFile, StoreFileOutcome, StoreTarget } from './imports';

/** The worker's API as the page calls it through Comlink. */
export type WorkerApi = CoreApi & {
  readonly data: DataApi;
  readonly exports: ExportsApi;
  readonly handover: HandoverApi;
  readonly progress: ProgressApi;
  readonly audit: AuditApi;
  /** The worker's own vault: the page hands it the keys when it starts the worker (see `vault.ts`). */
  readonly vault: VaultApi;
};

/** Opening and closing the worker's vault. */
export interface VaultApi {
  open(keys: UnlockedKeys): void;
  close(): void;
}

/** The handler object the worker exposes, over the database `db()` opens. */
export function createWorkerApi(db: () => SahajaDatabase): WorkerApi {
  return {
    ...createCoreApi(),
    data: createDataApi(db),
    exports: createExportsApi(db),
    handover: createHandoverApi(db),
    progress: createProgressApi(db),
    audit: createAuditApi(db),
    vault: { open: openVault, close: closeVault },
  };
}
