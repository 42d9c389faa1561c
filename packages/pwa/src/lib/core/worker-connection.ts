/**
 * A worker the page talks to through Comlink: started on the first call, ended on demand. Every call is
 * raced against the worker's end, so a call in flight when the worker is ended (a cancel, a crash, an
 * idle timeout) resolves as an error value instead of hanging, and nothing thrown escapes as an
 * exception. The app's clients ({@link CoreClient}, `ExportClient`) keep their state on top of it.
 */
import * as Comlink from 'comlink';
import { coerceError } from './coerce-error';
import type { CoreError, CoreResult } from './types';

export class WorkerConnection<Api> {
  #start: () => Worker;
  #worker: Worker | null = null;
  #api: Comlink.Remote<Api> | null = null;
  #stops = new Set<(error: CoreError) => void>();

  /** `start` makes the worker (tests pass a stand-in). */
  constructor(start: () => Worker) {
    this.#start = start;
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
      pending = run(this.#connect());
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
    this.#api = Comlink.wrap<Api>(worker);
    return this.#api;
  }
}
