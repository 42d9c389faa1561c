/**
 * Unsaved edits are never thrown away silently: before the programme in view is switched or the
 * screen is left, the person is asked whether to discard them (or to stay and keep them).
 */

/** A part of a screen that holds edits until saved (a form with `dirty`). */
export interface EditedPart<P extends string> {
  readonly part: P;
  /** `saving`: the save under way, if any (its edits are not lost: leaving waits for it). */
  readonly form: { readonly dirty: boolean; readonly saving?: Promise<unknown> | null };
  /**
   * Its edits stay when the programme in view changes (a new programme's form): it is asked about
   * only when the screen is left.
   */
  readonly keptOnSwitch?: boolean;
}

/**
 * The question "discard the unsaved edits?" for the parts of one screen. `confirmDiscard` asks (when
 * there is anything to lose) and resolves with the answer given through `discard` or `keep`.
 */
export class UnsavedEdits<P extends string> {
  /** The parts with unsaved edits while the question is open; null when nothing is being asked. */
  asking = $state.raw<readonly P[] | null>(null);

  /** The parts that hold unsaved edits now, in the screen's order. */
  readonly dirtyParts = $derived(this.#dirtyNow(false));
  /** The parts whose unsaved edits a switch of programme would throw away. */
  readonly switchParts = $derived(this.#dirtyNow(true));

  #parts: () => readonly EditedPart<P>[];
  #answer: ((discard: boolean) => void) | null = null;
  /** True while a navigation the person agreed to is under way (it must not be asked about again). */
  #leaving = false;

  /** `parts`: the screen's forms, read each time (a form may come and go). */
  constructor(parts: () => readonly EditedPart<P>[]) {
    this.#parts = parts;
  }

  /** True when any part holds unsaved edits. */
  get dirty(): boolean {
    return this.dirtyParts.length > 0;
  }

  /**
   * Before the programme in view changes: resolves true at once when the switch would lose nothing.
   * Otherwise asks (see `asking`) and resolves true when the person discards the edits, false when
   * they keep them. A new question answers an open one with false.
   */
  confirmDiscard(): Promise<boolean> {
    return this.#ask(this.switchParts);
  }

  /** The answer "discard them": the action asked about goes ahead. */
  discard(): void {
    this.#settle(true);
  }

  /** The answer "keep them": nothing changes. Closing the question any other way means the same. */
  keep(): void {
    this.#settle(false);
  }

  /**
   * For leaving the screen: true when the navigation may go on now (nothing unsaved, or one the person
   * already agreed to). Otherwise false (the caller cancels it), the question is asked, and `go` runs
   * the navigation again once the person agreed to discard the edits. Edits being saved are not asked
   * about: the navigation waits for their save and goes when it stored them (asking only if it failed).
   */
  leave(go: () => Promise<void> | void): boolean {
    if (this.#leaving || !this.dirty) return true;
    const saves = this.#parts()
      .filter((part) => part.form.dirty)
      .flatMap((part) => (part.form.saving ? [part.form.saving] : []));
    if (saves.length > 0) {
      void Promise.allSettled(saves).then(() => {
        if (this.leave(go)) void this.#go(go);
      });
      return false;
    }
    void this.#ask(this.dirtyParts).then((discard) => (discard ? this.#go(go) : undefined));
    return false;
  }

  async #go(go: () => Promise<void> | void): Promise<void> {
    this.#leaving = true;
    try {
      await go();
    } finally {
      this.#leaving = false;
    }
  }

  #ask(parts: readonly P[]): Promise<boolean> {
    if (parts.length === 0) return Promise.resolve(true);
    this.#settle(false);
    this.asking = parts;
    return new Promise((resolve) => {
      this.#answer = resolve;
    });
  }

  #settle(discard: boolean): void {
    const answer = this.#answer;
    this.#answer = null;
    this.asking = null;
    answer?.(discard);
  }

  // A method, not a field initializer: the parts are only known once the constructor runs.
  #dirtyNow(switching: boolean): P[] {
    return this.#parts()
      .filter((part) => part.form.dirty && !(switching && part.keptOnSwitch))
      .map((part) => part.part);
  }
}
