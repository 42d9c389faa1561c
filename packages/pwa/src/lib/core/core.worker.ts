/** The web worker that runs the core: one typed API exposed with Comlink (see `CoreApi`). */
import { createCoreApi } from '@sahaja/core/api';
import * as Comlink from 'comlink';

Comlink.expose(createCoreApi());
