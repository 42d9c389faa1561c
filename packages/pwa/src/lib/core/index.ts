import { CoreClient } from './core-client.svelte';

export { CoreClient } from './core-client.svelte';
export type * from './types';

/** The app's core worker client; the worker starts on the first call. */
export const core = new CoreClient();
