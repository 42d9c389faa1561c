/**
 * The browser's storage for this site: whether it is persistent (not cleared under storage pressure)
 * and how much of the quota the app's data uses.
 */
export class StorageStatus {
  /** False when the browser has no StorageManager (very old browsers, some embedded views). */
  readonly supported: boolean;
  /** Null until read. */
  persisted = $state<boolean | null>(null);
  /** The last `persist()` request was declined. */
  denied = $state(false);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);

  #manager: StorageManager | undefined;

  constructor(manager: StorageManager | undefined = globalThis.navigator?.storage) {
    this.#manager = manager;
    this.supported = typeof manager?.estimate === 'function';
  }

  /** Reads the persistence flag and the usage estimate again. */
  async refresh(): Promise<void> {
    if (!this.#manager) return;
    const [persisted, estimate] = await Promise.all([
      this.#manager.persisted?.() ?? Promise.resolve(false),
      this.#manager.estimate(),
    ]);
    this.persisted = persisted;
    this.usage = estimate.usage ?? null;
    this.quota = estimate.quota ?? null;
  }

  /** Asks the browser to keep the data under storage pressure; browsers may decline silently. */
  async requestPersist(): Promise<void> {
    if (!this.#manager?.persist) return;
    const granted = await this.#manager.persist();
    this.denied = !granted;
    await this.refresh();
  }
}
