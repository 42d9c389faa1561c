/**
 * The laptop's lock as the page sees it (issue 9): no passphrase yet, locked, or open. The screens are
 * shown only while it is open; locking (on demand, after idle time, or because another tab locked)
 * forgets the keys, ends the workers that hold them, and drops the screens with the data they showed.
 */
import type { Message } from '@sahaja/core';
import { endAllWorkers, workersBusy } from '../core/worker-connection';
import { getDatabase, type SahajaDatabase } from '../db';
import { forgetImportSession } from '../import/session-store';
import { hasKeyring, setPassphrase, unlock, type KeyringStoreOptions } from './keyring-store';
import { closeVault, isVaultOpen } from './vault';

export type LockStatus = 'checking' | 'setup' | 'locked' | 'open' | 'unavailable';

/** Why the screens were locked, for the lock screen to say. */
export type LockReason = 'start' | 'manual' | 'idle' | 'other-tab';

/** Minutes without a key press, click or touch after which the data locks by itself. */
export const IDLE_LOCK_MINUTES = 10;

const CHANNEL = 'sahaja-lock';

export interface LaptopLockDependencies {
  readonly db: () => SahajaDatabase;
  readonly idleMs?: number;
  readonly now?: () => number;
  readonly keyring?: KeyringStoreOptions;
}

export class LaptopLock {
  status = $state<LockStatus>('checking');
  reason = $state<LockReason>('start');
  busy = $state(false);
  error = $state.raw<Message | null>(null);

  #deps: LaptopLockDependencies;
  #idleMs: number;
  #now: () => number;
  #lastActivity = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  #channel: BroadcastChannel | null = null;
  #stopWatching: (() => void) | null = null;

  constructor(deps: LaptopLockDependencies) {
    this.#deps = deps;
    this.#idleMs = deps.idleMs ?? IDLE_LOCK_MINUTES * 60_000;
    this.#now = deps.now ?? (() => Date.now());
  }

  /** Reads whether the laptop has a passphrase; call once when the app starts. */
  async check(): Promise<void> {
    try {
      const keyring = await hasKeyring(this.#deps.db());
      this.status = !keyring ? 'setup' : isVaultOpen() ? 'open' : 'locked';
    } catch (thrown) {
      this.status = 'unavailable';
      this.error = storageMessage(thrown);
    }
    this.#listenToOtherTabs();
    if (this.status === 'open') this.#watchIdle();
  }

  /** Sets the first passphrase (typed twice); the data is sealed and the screens open. */
  async setUp(passphrase: string, repeated: string): Promise<boolean> {
    return this.#open(() =>
      setPassphrase(this.#deps.db(), passphrase, repeated, this.#deps.keyring),
    );
  }

  /** Unlocks with the passphrase. */
  async unlock(passphrase: string): Promise<boolean> {
    return this.#open(() => unlock(this.#deps.db(), passphrase));
  }

  /** Locks now: keys forgotten, workers ended, screens closed; other tabs lock too. */
  lock(reason: LockReason = 'manual'): void {
    if (this.status !== 'open') return;
    closeVault();
    endAllWorkers({
      code: 'cancelled',
      message: 'Locked: the work running was stopped, nothing of it half stored',
    });
    forgetImportSession();
    this.#stopIdle();
    this.status = 'locked';
    this.reason = reason;
    this.error = null;
    if (reason !== 'other-tab') this.#channel?.postMessage('lock');
  }

  /** Stops listening (tests). */
  dispose(): void {
    this.#stopIdle();
    this.#channel?.close();
    this.#channel = null;
  }

  /** Counts a key press, click or touch as activity (the idle lock counts from the last one). */
  activity(): void {
    this.#lastActivity = this.#now();
  }

  /** Locks when idle long enough and no work is running in a worker; called every few seconds. */
  checkIdle(): void {
    if (this.status !== 'open') return;
    if (workersBusy()) {
      // A computation running (pemadanan, an import) is not idleness: count from its end.
      this.#lastActivity = this.#now();
      return;
    }
    if (this.#now() - this.#lastActivity >= this.#idleMs) this.lock('idle');
  }

  async #open(
    attempt: () => Promise<{ ok: true } | { ok: false; error: { message: Message } }>,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const result = await attempt();
      if (!result.ok) {
        this.error = result.error.message;
        return false;
      }
      this.status = 'open';
      this.#watchIdle();
      return true;
    } catch (thrown) {
      this.error = storageMessage(thrown);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #watchIdle(): void {
    this.activity();
    if (this.#timer !== null || typeof window === 'undefined') return;
    const onActivity = () => this.activity();
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const event of events) window.addEventListener(event, onActivity, { passive: true });
    this.#timer = setInterval(() => this.checkIdle(), 5_000);
    this.#stopWatching = () => {
      for (const event of events) window.removeEventListener(event, onActivity);
    };
  }

  #stopIdle(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#stopWatching?.();
    this.#stopWatching = null;
  }

  #listenToOtherTabs(): void {
    if (this.#channel !== null || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent) => {
      if (event.data === 'lock') this.lock('other-tab');
    };
  }
}

function storageMessage(thrown: unknown): Message {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    id: `Basis data di perangkat ini tidak bisa dibuka (${message}).`,
    en: `The database on this device cannot be opened (${message}).`,
  };
}

/** The app's lock, over the app's database. */
export const appLock = new LaptopLock({ db: getDatabase });

/**
 * Deletes this laptop's database, passphrase and all (the way out of a forgotten passphrase), then
 * reloads the app, which asks for a new passphrase.
 */
export async function deleteLaptopData(): Promise<void> {
  await getDatabase().delete();
  location.reload();
}
