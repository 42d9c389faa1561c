import { untrack } from 'svelte';
import { registerSW } from 'virtual:pwa-register';

/** How often an open app asks the server for a new version (only while online). */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The service worker's life cycle as the page sees it. A new version is never applied by itself: it
 * waits until the user asks, and cannot be applied while work is held open with `hold()`.
 */
export class AppUpdate {
  /** A new version is installed and waiting. */
  needRefresh = $state(false);
  /**
   * A service worker is active, its precache complete: the app opens without network from now on, even
   * before it controls this first page.
   */
  offlineReady = $state(false);
  /** Work in progress that a reload would lose. */
  #holds = $state(0);
  readonly canApply = $derived(this.#holds === 0);

  #updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;

  /** Registers the service worker (once); does nothing where service workers are unavailable. */
  register(): void {
    if (this.#updateServiceWorker || !('serviceWorker' in navigator)) return;
    this.offlineReady = navigator.serviceWorker.controller !== null;
    // `ready` settles once a worker is active (installed and precached), which the first visit reaches
    // without ever being controlled until the next load.
    void navigator.serviceWorker.ready.then(() => {
      this.offlineReady = true;
    });
    this.#updateServiceWorker = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        setInterval(() => {
          if (navigator.onLine && !registration.installing) void registration.update();
        }, UPDATE_CHECK_INTERVAL_MS);
      },
      onRegisterError: (error: unknown) => {
        console.error('Service worker registration failed', error);
      },
    });
  }

  /**
   * Marks work that a reload would lose (an unfinished write, an open form). Returns the function that
   * releases it; the update can be applied once every hold is released.
   */
  hold(): () => void {
    // Untracked: an effect that takes a hold must not come to depend on the count it changes.
    untrack(() => (this.#holds += 1));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      untrack(() => (this.#holds -= 1));
    };
  }

  /** Activates the waiting version and reloads the page, unless work is held open. */
  async apply(): Promise<void> {
    if (!this.needRefresh || !this.canApply || !this.#updateServiceWorker) return;
    await this.#updateServiceWorker(true);
  }

  /** Hides the prompt until the next new version; the waiting one activates when every tab closes. */
  dismiss(): void {
    this.needRefresh = false;
  }
}

/** The app's service worker state. */
export const appUpdate = new AppUpdate();
