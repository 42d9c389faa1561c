/**
 * The exchange screen's state (issue 9): files of changes made for other laptops and merged from them,
 * the laptops known, and every disagreement between laptops for a person to see.
 */
import type { Message } from '@sahaja/core';
import type { PeerRow, ProgrammeRow, SahajaDatabase } from '../db';
import type { LaptopClock } from './clock';
import { conflictRows, NO_NAMES, type ConflictRow } from './conflict-rows';
import { readChanges } from './change-log';
import {
  makeExchangeFile,
  mergeExchangeFile,
  readConflictNames,
  readConflicts,
  readPeers,
  type ExchangeSummary,
} from './exchange';

export interface ExchangeScreenDependencies {
  readonly db: () => SahajaDatabase;
  readonly clock: () => LaptopClock;
  /** Offers the made file for download. */
  readonly download: (bytes: Uint8Array, fileName: string) => void;
  /** Key derivation cost (tests lower it); the core's default otherwise. */
  readonly iterations?: number;
}

export class ExchangeScreen {
  loaded = $state(false);
  loadError = $state<string | null>(null);
  peers = $state.raw<readonly PeerRow[]>([]);
  conflicts = $state.raw<readonly ConflictRow[]>([]);
  /** Names of the students the conflicts are about, by id. */
  names = $state.raw<ReadonlyMap<string, string>>(NO_NAMES);
  /** How many changes this laptop holds. */
  changes = $state(0);

  /** '' for every change, else the laptop the file is for. */
  exportFor = $state('');
  exportPassphrase = $state('');
  exporting = $state(false);
  exported = $state.raw<{ readonly count: number; readonly fileName: string } | null>(null);
  exportError = $state.raw<Message | null>(null);

  importPassphrase = $state('');
  file = $state.raw<File | null>(null);
  merging = $state(false);
  summary = $state.raw<ExchangeSummary | null>(null);
  importError = $state.raw<Message | null>(null);

  readonly #deps: ExchangeScreenDependencies;

  constructor(deps: ExchangeScreenDependencies) {
    this.#deps = deps;
  }

  /** Reads the laptops known, the number of changes and the conflicts of programme `programmeId`. */
  async load(programmeId: string): Promise<void> {
    try {
      const db = this.#deps.db();
      const [peers, conflicts, changes] = await Promise.all([
        readPeers(db, programmeId),
        readConflicts(db, programmeId),
        readChanges(db, programmeId).then((rows) => rows.length),
      ]);
      this.names = await readConflictNames(db, programmeId, conflicts);
      this.peers = peers;
      this.conflicts = conflictRows(conflicts);
      this.changes = changes;
      this.loadError = null;
    } catch (thrown) {
      this.loadError = thrown instanceof Error ? thrown.message : String(thrown);
    } finally {
      this.loaded = true;
    }
  }

  /** Makes the file of changes and offers it for download; says how many it holds. */
  async makeFile(programme: ProgrammeRow): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    this.exported = null;
    this.exportError = null;
    try {
      const made = await makeExchangeFile(
        this.#deps.db(),
        programme,
        this.exportPassphrase,
        this.#deps.clock().actor(),
        {
          ...(this.exportFor && { forDevice: this.exportFor }),
          ...(this.#deps.iterations !== undefined && { iterations: this.#deps.iterations }),
        },
      );
      if (!made.ok) {
        this.exportError = made.issues[0].message;
        return;
      }
      this.#deps.download(made.value.bytes, made.value.fileName);
      this.exported = { count: made.value.count, fileName: made.value.fileName };
      this.exportPassphrase = '';
      await this.load(programme.id);
    } catch (thrown) {
      this.exportError = unexpected(thrown);
    } finally {
      this.exporting = false;
    }
  }

  /** Merges the chosen file into the programme; says what came in, or why nothing did. */
  async merge(programme: ProgrammeRow): Promise<void> {
    if (this.merging || !this.file) return;
    this.merging = true;
    this.summary = null;
    this.importError = null;
    try {
      const bytes = new Uint8Array(await this.file.arrayBuffer());
      const merged = await mergeExchangeFile(
        this.#deps.db(),
        programme,
        bytes,
        this.importPassphrase,
      );
      if (!merged.ok) {
        this.importError = merged.issues[0].message;
        return;
      }
      this.#deps.clock().observe(merged.value.stamps);
      this.summary = merged.value;
      this.importPassphrase = '';
      await this.load(programme.id);
    } catch (thrown) {
      this.importError = unexpected(thrown);
    } finally {
      this.merging = false;
    }
  }
}

function unexpected(thrown: unknown): Message {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { id: `Terjadi kesalahan: ${message}`, en: `Something went wrong: ${message}` };
}
