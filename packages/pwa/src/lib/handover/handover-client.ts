/**
 * The page's handle on the handover reading in a worker (`WorkerApi.handover`). It runs in a worker
 * of its own, started on the first call and ended after a minute without calls, so that it never
 * waits behind pemadanan or planning in the main core worker. Every failure comes back as data.
 */
import { handKeysToWorker } from '../secure/worker-keys';
import * as Comlink from 'comlink';
import type { CoreError } from '../core/types';
import { WorkerConnection } from '../core/worker-connection';
import type { WorkerApi } from '../worker/api';
import type { HandoverApi, HandoverError, HandoverOutcome } from '../worker/handover';
import type { CardData, CardDataProgress } from './card-data';

/** Starts a worker that exposes the {@link WorkerApi}; tests pass their own. */
export type HandoverWorkerFactory = () => Worker;

/** Why a call failed: the worker's refusal, or the worker itself failing (`cancelled`, `internal`). */
export type HandoverFailure = HandoverError | CoreError;

export type HandoverResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: HandoverFailure };

/** How long an idle handover worker is kept before it is ended. */
export const HANDOVER_WORKER_IDLE_MS = 60_000;

const startHandoverWorker: HandoverWorkerFactory = () =>
  new Worker(new URL('../core/core.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sahaja-handover',
  });

export class HandoverClient {
  #worker: WorkerConnection<WorkerApi>;
  #idleMs: number;
  #idle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    start: HandoverWorkerFactory = startHandoverWorker,
    idleMs = HANDOVER_WORKER_IDLE_MS,
  ) {
    this.#worker = new WorkerConnection<WorkerApi>(start, handKeysToWorker);
    this.#idleMs = idleMs;
  }

  /** Programme `programmeId`'s early-recorded students; `onProgress` follows the schools read. */
  async cardData(
    programmeId: string,
    onProgress?: (progress: CardDataProgress) => void,
  ): Promise<HandoverResult<CardData>> {
    const progress = onProgress && Comlink.proxy(onProgress);
    this.#stopIdle();
    try {
      // The group is called as a remote object: Comlink sends the whole path (`handover.cardData`).
      const called = await this.#worker.call<HandoverOutcome<CardData>>((api) =>
        (api.handover as unknown as Comlink.Remote<HandoverApi>).cardData(programmeId, progress),
      );
      return called.ok ? called.value : called;
    } finally {
      if (this.#worker.calls === 0 && this.#worker.started) {
        this.#idle = setTimeout(
          () => this.#worker.end({ code: 'cancelled', message: 'Idle' }),
          this.#idleMs,
        );
      }
    }
  }

  /** Ends the worker; calls in flight fail as `cancelled`. The client can still be used. */
  dispose(): void {
    this.#stopIdle();
    this.#worker.end({ code: 'cancelled', message: 'Disposed' });
  }

  #stopIdle(): void {
    if (this.#idle !== null) clearTimeout(this.#idle);
    this.#idle = null;
  }
}

/** The app's handover client. */
export const handoverClient = new HandoverClient();
