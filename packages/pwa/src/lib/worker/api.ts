/**
 * Everything the app's worker exposes: the core's API (pure computations on data it is given) and the
 * data operations that read and write IndexedDB in the worker (see `data-api.ts`).
 */
import { createCoreApi, type CoreApi } from '@sahaja/core/api';
import type { SahajaDatabase } from '../db';
import { createDataApi, type DataApi } from './data-api';

export type { DataApi, DemoStoreProgress, StoreDemoOutcome, StoredDemo } from './data-api';

/** The worker's API as the page calls it through Comlink. */
export type WorkerApi = CoreApi & { readonly data: DataApi };

/** The handler object the worker exposes, over the database `db()` opens. */
export function createWorkerApi(db: () => SahajaDatabase): WorkerApi {
  return { ...createCoreApi(), data: createDataApi(db) };
}
