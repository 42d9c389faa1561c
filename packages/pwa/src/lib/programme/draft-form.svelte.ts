/**
 * What the one-record set-up forms (a programme's settings, a school's visit details) share: a draft
 * of text boxes checked as a whole, errors shown once a save was tried and following the typing from
 * then on, and a save that writes nothing while any field is invalid.
 */
import type { SetupError } from '../db/setup';
import { failedSave, IDLE, liveStatus, type FieldErrors, type SaveStatus } from './form';

/** A draft checked: the value to store, or the message of each invalid field. */
export type DraftCheck<F extends string, V> =
  | { readonly ok: true; readonly value: V }
  | { readonly ok: false; readonly errors: FieldErrors<F> };

/** What writing a checked value came to: the stored record, or why it was not stored. */
export type DraftWrite<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: SetupError };

/**
 * One form editing draft `D` (fields `F`) that stores value `V` as record `R`. Subclasses say how a
 * draft is checked (`checkDraft`), how it is compared with what was opened (`comparable`) and how a
 * checked value is written (`write`).
 */
export abstract class DraftForm<D extends object, F extends string, V, R> {
  draft = $state<D>() as D;
  status = $state.raw<SaveStatus>(IDLE);
  /** The save under way, if any: leaving the screen waits for it rather than asking. */
  saving: Promise<unknown> | null = null;
  #attempted = $state(false);
  #initial = $state.raw<D>() as D;

  /** The draft checked (whether or not a save was tried). */
  readonly check = $derived(this.#checkNow());
  /** The message of each invalid field, once a save was tried. */
  readonly errors = $derived<FieldErrors<F>>(
    this.#attempted && !this.check.ok ? this.check.errors : {},
  );
  /** The save status to show: a refusal's count follows the corrections. */
  readonly feedback = $derived(liveStatus(this.status, Object.keys(this.errors).length));
  /** True when the form differs from what was opened or last saved. */
  readonly dirty = $derived(
    JSON.stringify(this.comparable(this.draft)) !== JSON.stringify(this.comparable(this.#initial)),
  );

  constructor(draft: D) {
    this.draft = { ...draft };
    this.#initial = { ...draft };
  }

  /** Checks a draft: the value to store, or the message of each invalid field. */
  protected abstract checkDraft(draft: D): DraftCheck<F, V>;

  /** Writes a checked value; a thrown error is reported as a failed save. */
  protected abstract write(value: V): Promise<DraftWrite<R>>;

  /** The part of a draft that counts as an edit (all of it unless a subclass leaves some out). */
  protected comparable(draft: D): unknown {
    return draft;
  }

  /** The draft as opened or last saved. */
  protected get initial(): D {
    return this.#initial;
  }

  /** Shows `draft` as the stored state: no edits, errors hidden, nothing to report. */
  protected reset(draft: D): void {
    this.draft = { ...draft };
    this.#initial = { ...draft };
    this.#attempted = false;
    this.status = IDLE;
  }

  /**
   * Saves when every field is valid. Returns the stored record, or null: invalid fields (see `errors`),
   * a refusal or a storage failure (see `status`), or a save already running.
   */
  save(): Promise<R | null> {
    if (this.status.state === 'saving') return Promise.resolve(null);
    const saving = this.#save();
    this.saving = saving;
    void saving.finally(() => {
      if (this.saving === saving) this.saving = null;
    });
    return saving;
  }

  async #save(): Promise<R | null> {
    this.#attempted = true;
    const check = this.check;
    if (!check.ok) {
      this.status = { state: 'invalid', count: Object.keys(check.errors).length };
      return null;
    }
    this.status = { state: 'saving' };
    try {
      const written = await this.write(check.value);
      if (!written.ok) {
        this.status = { state: 'failed', error: written.error };
        return null;
      }
      this.status = { state: 'saved' };
      return written.value;
    } catch (thrown) {
      this.status = failedSave(thrown);
      return null;
    }
  }

  // A method, not a field initializer: the subclass's check is only there once the constructor runs.
  #checkNow(): DraftCheck<F, V> {
    return this.checkDraft(this.draft);
  }
}
