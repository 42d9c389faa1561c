/**
 * An editable list of a programme's records (teams, holidays): loaded from the database, edited row by
 * row as text, checked as a whole, and saved in one transaction that replaces the stored list.
 */
import type { ProgrammeRow, SahajaDatabase, SetupResult } from '../db';
import {
  countErrors,
  failedSave,
  IDLE,
  liveStatus,
  type FieldErrors,
  type SaveStatus,
  type SetupDependencies,
} from './form';

/** A row being edited: text boxes and a `key` that stays with the row while others come and go. */
export interface DraftRow {
  readonly key: number;
}

/** A whole list checked: the records to store, or each bad row's errors by its key. */
export type ListCheck<F extends string, V> =
  | { readonly ok: true; readonly value: V[] }
  | { readonly ok: false; readonly errors: Readonly<Record<number, FieldErrors<F>>> };

/** How one kind of record is read, written, shown as text and checked. */
export interface RecordListAdapter<D extends DraftRow, F extends string, V> {
  read(db: SahajaDatabase, programmeId: string): Promise<SetupResult<V[]>>;
  write(db: SahajaDatabase, programmeId: string, values: V[]): Promise<SetupResult<ProgrammeRow>>;
  draft(value: V, key: number): D;
  check(rows: readonly D[]): ListCheck<F, V>;
  /** The values in the database's key order (how they read back after a save). */
  order(values: readonly V[]): V[];
}

/** Where loading the stored list stands. */
export type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';

/** The editing state of one list; subclasses add the ways to add rows. */
export class RecordListForm<D extends DraftRow, F extends string, V> {
  rows = $state<D[]>([]);
  status = $state.raw<SaveStatus>(IDLE);
  /** The save under way, if any: leaving the screen waits for it rather than asking. */
  saving: Promise<unknown> | null = null;
  loadState = $state<LoadState>('idle');
  /** Why the stored list could not be read (when `loadState` is `failed`). */
  loadError = $state<string | null>(null);
  /** The programme whose list this is; null until loaded. */
  programmeId = $state<string | null>(null);
  #saved = $state.raw<readonly V[]>([]);
  #attempted = $state(false);
  #nextKey = 1;
  #loads = 0;

  /** The rows checked as a whole (whether or not a save was tried). */
  readonly check = $derived(this.#checkRows());
  /** Each bad row's errors by its key, once a save was tried. */
  readonly errors = $derived<Readonly<Record<number, FieldErrors<F>>>>(
    this.#attempted && !this.check.ok ? this.check.errors : {},
  );
  /** The save status to show: a refusal's count follows the corrections. */
  readonly feedback = $derived(liveStatus(this.status, countErrors(this.errors)));
  /** True when the list differs from what is stored. */
  readonly dirty = $derived(
    JSON.stringify(this.rows.map(({ key: _key, ...row }) => row)) !==
      JSON.stringify(this.#saved.map((value) => this.#text(value))),
  );

  protected readonly deps: SetupDependencies;
  protected readonly adapter: RecordListAdapter<D, F, V>;

  constructor(deps: SetupDependencies, adapter: RecordListAdapter<D, F, V>) {
    this.deps = deps;
    this.adapter = adapter;
  }

  /** Reads programme `programmeId`'s stored list, replacing the rows (and any unsaved edits). */
  async load(programmeId: string): Promise<void> {
    const load = ++this.#loads;
    this.programmeId = programmeId;
    this.loadState = 'loading';
    this.loadError = null;
    this.#show([]);
    let read: SetupResult<V[]>;
    try {
      read = await this.adapter.read(this.deps.db(), programmeId);
    } catch (thrown) {
      read = { ok: false, error: { code: 'storage', message: String(thrown) } };
    }
    // A newer load (another programme chosen meanwhile) wins.
    if (load !== this.#loads) return;
    if (!read.ok) {
      this.loadState = 'failed';
      this.loadError = read.error.message;
      return;
    }
    this.#show(read.value);
    this.loadState = 'loaded';
  }

  /** Removes the row with this key. */
  remove(key: number): void {
    this.rows = this.rows.filter((row) => row.key !== key);
  }

  /** Puts back the stored list. */
  revert(): void {
    this.#show(this.#saved);
  }

  /**
   * Saves when every row is valid, replacing the stored list in one transaction. Returns true when
   * saved; false for invalid rows (see `errors`) or a storage failure (see `status`), after which the
   * stored list is what it was.
   */
  save(): Promise<boolean> {
    const programmeId = this.programmeId;
    if (programmeId === null || this.loadState !== 'loaded' || this.status.state === 'saving') {
      return Promise.resolve(false);
    }
    const saving = this.#save(programmeId);
    this.saving = saving;
    void saving.finally(() => {
      if (this.saving === saving) this.saving = null;
    });
    return saving;
  }

  async #save(programmeId: string): Promise<boolean> {
    this.#attempted = true;
    const check = this.check;
    if (!check.ok) {
      this.status = { state: 'invalid', count: countErrors(check.errors) };
      return false;
    }
    this.status = { state: 'saving' };
    try {
      const written = await this.adapter.write(this.deps.db(), programmeId, check.value);
      if (!written.ok) {
        this.status = { state: 'failed', error: written.error };
        return false;
      }
      this.deps.active.replace(written.value);
      this.#show(this.adapter.order(check.value));
      this.status = { state: 'saved' };
      return true;
    } catch (thrown) {
      this.status = failedSave(thrown);
      return false;
    }
  }

  /** A new row's key, unique within this form. */
  protected nextKey(): number {
    return this.#nextKey++;
  }

  /** Shows `values` as the stored list, sorted as the database keeps them, errors hidden. */
  #show(values: readonly V[]): void {
    this.#saved = values;
    this.rows = values.map((value) => this.adapter.draft(value, this.nextKey()));
    this.#attempted = false;
    this.status = IDLE;
  }

  // A method, not a field initializer: the adapter is only set once the constructor runs.
  #checkRows(): ListCheck<F, V> {
    return this.adapter.check(this.rows);
  }

  #text(value: V): Omit<D, 'key'> {
    const { key: _key, ...row } = this.adapter.draft(value, 0);
    return row;
  }
}
