/**
 * Hands the page's keys to a worker it starts (a worker has its own vault), so the worker can read
 * and write the sealed tables. Without keys (locked) the worker starts locked.
 */
import type * as Comlink from 'comlink';
import type { VaultApi, WorkerApi } from '../worker/api';
import { vaultKeysOrNull } from './vault';

export async function handKeysToWorker(api: Comlink.Remote<WorkerApi>): Promise<void> {
  const keys = vaultKeysOrNull();
  // A nested object of the API is reached through the remote as a proxy of that object.
  if (keys) await (api.vault as unknown as Comlink.Remote<VaultApi>).open(keys);
}
