import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';

/** A stand-in for the core worker: `api` is exposed with Comlink over a real MessageChannel. */
export interface FakeWorker {
  /** Pass to `new CoreClient(start)`; each call makes a fresh channel, like a fresh worker. */
  readonly start: () => Worker;
  /** How many workers were started and terminated. */
  readonly stats: { started: number; terminated: number };
}

const SAME_REALM_VAULT = { open: () => undefined, close: () => undefined };

/** `api`: the core's API, or any worker API built on it (the app's `WorkerApi`, or a part of it). */
export function fakeCoreWorker(api: object): FakeWorker {
  const stats = { started: 0, terminated: 0 };
  const start = () => {
    stats.started += 1;
    const { port1, port2 } = new MessageChannel();
    // The worker's vault is this realm's (already open in tests): opening it again does nothing.
    const withVault = new Proxy(api, {
      get: (target, key) => (key === 'vault' ? SAME_REALM_VAULT : Reflect.get(target, key)),
    });
    Comlink.expose(withVault, port2 as unknown as Comlink.Endpoint);
    const worker = {
      postMessage: port1.postMessage.bind(port1),
      addEventListener: port1.addEventListener.bind(port1),
      removeEventListener: port1.removeEventListener.bind(port1),
      start: port1.start.bind(port1),
      terminate: () => {
        stats.terminated += 1;
        port1.close();
        port2.close();
      },
    };
    // Only the Worker members that Comlink and CoreClient use exist on this stand-in.
    return worker as unknown as Worker;
  };
  return { start, stats };
}
