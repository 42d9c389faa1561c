/**
 * The backup part of the exchange screen: a programme's full backup made in the worker and offered
 * for download; a backup file restored, replacing the programme with its id.
 */
import type { Message, Result } from '@sahaja/core';
import type { CoreResult } from '../core/types';
import type { ProgrammeRow } from '../db';
import type { BackupFile, BackupIssue, RestoredBackup } from './backup';

export interface BackupPanelDependencies {
  readonly make: (
    programmeId: string,
    passphrase: string,
  ) => Promise<CoreResult<Result<BackupFile, BackupIssue>>>;
  readonly restore: (
    bytes: Uint8Array,
    passphrase: string,
  ) => Promise<CoreResult<Result<RestoredBackup, BackupIssue>>>;
  readonly download: (bytes: Uint8Array, fileName: string) => void;
  /** Called with the restored programme (the screens read the programmes again, and show it). */
  readonly restored: (programme: ProgrammeRow) => Promise<void> | void;
}

export class BackupPanel {
  passphrase = $state('');
  making = $state(false);
  made = $state.raw<{ readonly fileName: string; readonly rows: number } | null>(null);
  makeError = $state.raw<Message | null>(null);

  file = $state.raw<File | null>(null);
  restorePassphrase = $state('');
  restoring = $state(false);
  result = $state.raw<RestoredBackup | null>(null);
  restoreError = $state.raw<Message | null>(null);

  readonly #deps: BackupPanelDependencies;

  constructor(deps: BackupPanelDependencies) {
    this.#deps = deps;
  }

  /** Makes the programme's backup and offers it for download. */
  async make(programmeId: string): Promise<void> {
    if (this.making) return;
    this.making = true;
    this.made = null;
    this.makeError = null;
    try {
      const outcome = await this.#deps.make(programmeId, this.passphrase);
      if (!outcome.ok) return void (this.makeError = workerFailed(outcome.error.message));
      if (!outcome.value.ok) return void (this.makeError = outcome.value.issues[0].message);
      const { bytes, fileName, rows } = outcome.value.value;
      this.#deps.download(bytes, fileName);
      this.made = { fileName, rows };
      this.passphrase = '';
    } finally {
      this.making = false;
    }
  }

  /** Restores the chosen backup file. */
  async restore(): Promise<void> {
    if (this.restoring || !this.file) return;
    this.restoring = true;
    this.result = null;
    this.restoreError = null;
    try {
      const bytes = new Uint8Array(await this.file.arrayBuffer());
      const outcome = await this.#deps.restore(bytes, this.restorePassphrase);
      if (!outcome.ok) return void (this.restoreError = workerFailed(outcome.error.message));
      if (!outcome.value.ok) return void (this.restoreError = outcome.value.issues[0].message);
      this.result = outcome.value.value;
      this.restorePassphrase = '';
      await this.#deps.restored(outcome.value.value.programme);
    } catch (thrown) {
      this.restoreError = workerFailed(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      this.restoring = false;
    }
  }
}

function workerFailed(message: string): Message {
  return { id: `Terjadi kesalahan: ${message}`, en: `Something went wrong: ${message}` };
}
