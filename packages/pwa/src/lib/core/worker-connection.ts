/**
 * A worker the page talks to through Comlink: started on the first call, ended on demand. Every call is
 * raced against the worker's end, so a call in flight when the worker is ended (a cancel, a crash, an
 * idle timeout) resolves as an error value instead of hanging, and nothing thrown escapes as an
 * exception. The app's clients ({@link CoreClient}, `ExportClient`) keep their state on top of it.
 */
import * as Comlink from 'comlink';
import { coerceError } from './coerce-error';
import type { CoreError, CoreResult } from './types';

/** Every connection made, so that locking the data can end all their workers at once. */
const connections = new Set<WorkerConnection<unknown>>();

/** Ends every connection's worker (their in-flight calls resolve with `error`): used by locking. */
export function endAllWorkers(error: CoreError): void {
  for (const connection of connections) connection.end(error);
}

/** Whether any connection has a call in flight (work a lock on idle should wait for). */
export function workersBusy(): boolean {
  for (const connection of connections) if (connection.calls > 0) return true;
  return false;
}

export class WorkerConnection<Api> {
  #start: () => Worker;
  #prepare: (api: Comlink.Remote<Api>) => Promise<void>;
  #ready: Promise<void> = Promise.resolve();
  #worker: Worker | null = null;
  #api: Comlink.Remote<Api> | null = null;
  #stops = new Set<(error: CoreError) => void>();

  /**
   * `start` makes the worker (tests pass a stand-in); `prepare` runs on each new worker before any
   * call reaches it (the clients hand it the vault's keys).
   */
  constructor(
    start: () => Worker,
    prepare: (api: Comlink.Remote<Api>) => Promise<void> = () => Promise.resolve(),
  ) {
    this.#start = start;
    this.#prepare = prepare;
    connections.add(this as WorkerConnection<unknown>);
  }

  /** How many calls are in flight. */
  get calls(): number {
    return this.#stops.size;
  }

  /** Whether a worker is running. */
  get started(): boolean {
    return this.#worker !== null;
  }

  /** The running worker's API, or null: for messages that need no worker of their own. */
  get api(): Comlink.Remote<Api> | null {
    return this.#api;
  }

  /** Runs `run` on the worker's API (starting the worker if needed); every failure becomes data. */
  async call<T>(run: (api: Comlink.Remote<Api>) => Promise<T>): Promise<CoreResult<T>> {
    let stop: (error: CoreError) => void = () => {};
    const stopped = new Promise<CoreResult<T>>((resolve) => {
      stop = (error) => resolve({ ok: false, error });
    });
    this.#stops.add(stop);
    let pending: Promise<T>;
    try {
      const api = this.#connect();
      pending = this.#ready.then(() => run(api));
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    try {
      return await Promise.race([
        pending.then(
          (value): CoreResult<T> => ({ ok: true, value }),
          (thrown: unknown): CoreResult<T> => ({ ok: false, error: coerceError(thrown) }),
        ),
        stopped,
      ]);
    } finally {
      this.#stops.delete(stop);
    }
  }

  /** Ends the worker; every call in flight resolves with `error`. The next call starts a new one. */
  end(error: CoreError): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    for (const stop of this.#stops) stop(error);
  }

  #connect(): Comlink.Remote<Api> {
    if (this.#api) return this.#api;
    const worker = this.#start();
    // A worker that fails to load, or throws outside a call, never answers: fail what is waiting.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.end(coerceError(event.message ? event : 'The worker stopped unexpectedly'));
    });
    this.#worker = worker;
    const api = Comlink.wrap<Api>(worker);
    this.#api = api;
    this.#ready = this.#prepare(api);
    return api;
  }
}
