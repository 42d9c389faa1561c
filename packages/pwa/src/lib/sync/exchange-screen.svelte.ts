/**
 * The exchange screen's state (issue 9): files of changes made for other laptops and merged from them,
 * the laptops known, and every disagreement between laptops for a person to see. The work runs in
 * the core worker (`ExchangeApi`); every call's failure becomes a message.
 */
import type { Message, Result } from '@sahaja/core';
import type { CoreResult } from '../core/types';
import type { PeerRow, ProgrammeRow } from '../db';
import type { LaptopClock } from './clock';
import { namesMap, NO_NAMES, type ConflictRow } from './conflict-rows';
import type { ExchangeApi, ExchangeState, MergeSummary } from './exchange-api';
import type { ExchangeFile, ExchangeIssue } from './exchange';

/** The exchange operations as the page calls them: through the worker, failures as data. */
export interface ExchangeCalls {
  readonly state: (programmeId: string) => Promise<CoreResult<ExchangeState>>;
  readonly make: (
    ...args: Parameters<ExchangeApi['makeExchangeFile']>
  ) => Promise<CoreResult<Result<ExchangeFile, ExchangeIssue>>>;
  readonly merge: (
    ...args: Parameters<ExchangeApi['mergeExchangeFile']>
  ) => Promise<CoreResult<Result<MergeSummary, ExchangeIssue>>>;
}

export interface ExchangeScreenDependencies {
  readonly calls: ExchangeCalls;
  readonly clock: () => LaptopClock;
  /** Offers the made file for download. */
  readonly download: (bytes: Uint8Array, fileName: string) => void;
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
  summary = $state.raw<MergeSummary | null>(null);
  importError = $state.raw<Message | null>(null);

  readonly #deps: ExchangeScreenDependencies;

  constructor(deps: ExchangeScreenDependencies) {
    this.#deps = deps;
  }

  /** Reads the laptops known, the number of changes and the conflicts of programme `programmeId`. */
  async load(programmeId: string): Promise<void> {
    const outcome = await this.#deps.calls.state(programmeId);
    if (outcome.ok) {
      const { peers, conflicts, names, changes } = outcome.value;
      this.peers = peers;
      this.conflicts = conflicts;
      this.names = namesMap(names);
      this.changes = changes;
      this.loadError = null;
    } else {
      this.loadError = outcome.error.message;
    }
    this.loaded = true;
  }

  /** Makes the file of changes and offers it for download; says how many it holds. */
  async makeFile(programme: ProgrammeRow): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    this.exported = null;
    this.exportError = null;
    try {
      const outcome = await this.#deps.calls.make(
        programme.id,
        this.exportPassphrase,
        this.#deps.clock().actor(),
        this.exportFor || undefined,
      );
      if (!outcome.ok) return void (this.exportError = unexpected(outcome.error.message));
      if (!outcome.value.ok) return void (this.exportError = outcome.value.issues[0].message);
      const { bytes, fileName, count } = outcome.value.value;
      this.#deps.download(bytes, fileName);
      this.exported = { count, fileName };
      this.exportPassphrase = '';
      await this.load(programme.id);
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
      const outcome = await this.#deps.calls.merge(programme.id, bytes, this.importPassphrase);
      if (!outcome.ok) return void (this.importError = unexpected(outcome.error.message));
      if (!outcome.value.ok) return void (this.importError = outcome.value.issues[0].message);
      this.#deps.clock().observe(outcome.value.value.stamps);
      this.summary = outcome.value.value;
      this.importPassphrase = '';
      await this.load(programme.id);
    } catch (thrown) {
      this.importError = unexpected(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      this.merging = false;
    }
  }
}

function unexpected(message: string): Message {
  return { id: `Terjadi kesalahan: ${message}`, en: `Something went wrong: ${message}` };
}
