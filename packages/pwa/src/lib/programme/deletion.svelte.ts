/**
 * Deleting a stored programme: asked for (`request`), confirmed by the user who sees its name and what
 * it holds (`confirm`), then every row it owns goes in one transaction.
 */
import { deleteProgramme, type ProgrammeRow } from '../db';
import type { SetupDependencies } from './form';

/** Where a deletion stands; `name` is the programme's, for the message. */
export type DeletionStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'deleting'; readonly name: string }
  | { readonly state: 'deleted'; readonly name: string }
  | { readonly state: 'failed'; readonly name: string; readonly message: string };

export interface DeletionDependencies extends SetupDependencies {
  /** Marks the deletion as work a reload would interrupt; returns its release. */
  readonly hold?: () => () => void;
}

export class ProgrammeDeletion {
  /** The programme waiting for the user's confirmation, or null. */
  pending = $state.raw<ProgrammeRow | null>(null);
  status = $state.raw<DeletionStatus>({ state: 'idle' });

  readonly busy = $derived(this.status.state === 'deleting');

  #deps: DeletionDependencies;

  constructor(deps: DeletionDependencies) {
    this.#deps = deps;
  }

  /** Asks to delete `row`: nothing happens until `confirm`. */
  request(row: ProgrammeRow): void {
    if (this.busy) return;
    this.pending = row;
  }

  /** The user changed their mind. */
  cancel(): void {
    if (!this.busy) this.pending = null;
  }

  /**
   * Deletes the pending programme with all its records and work, in one transaction, then reads the
   * stored programmes again (the active one falls back to the most recent). Returns true when deleted;
   * after a failure nothing was deleted.
   */
  async confirm(): Promise<boolean> {
    const row = this.pending;
    if (!row || this.busy) return false;
    const name = row.settings.name;
    const release = this.#deps.hold?.() ?? (() => {});
    this.status = { state: 'deleting', name };
    try {
      await deleteProgramme(this.#deps.db(), row.id);
      this.status = { state: 'deleted', name };
      return true;
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      this.status = { state: 'failed', name, message };
      return false;
    } finally {
      this.pending = null;
      release();
      await this.#deps.active.refresh();
    }
  }
}
