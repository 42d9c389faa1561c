/**
 * The web worker that runs the core and the data-heavy work: one typed API exposed with Comlink (see
 * `WorkerApi`). It opens the app's IndexedDB database itself.
 */
import * as Comlink from 'comlink';
import { getDatabase } from '../db';
import { createWorkerApi } from '../worker/api';

Comlink.expose(createWorkerApi(getDatabase));
