/**
 * The exchange screen's work, done in the core worker: reading the whole change log, merging a file
 * into it and listing the disagreements are CPU work over every change (20,000 in a season), which
 * would hold the page; the page sends ids and bytes and receives plain figures.
 */
import type { Result } from '@sahaja/core';
import type { PeerRow, SahajaDatabase } from '../db';
import { conflictRows, type ConflictRow } from './conflict-rows';
import { countChanges } from './change-log';
import {
  makeExchangeFile,
  mergeExchangeFile,
  readConflictNames,
  readConflicts,
  readPeers,
  type ExchangeActor,
  type ExchangeFile,
  type ExchangeIssue,
  type ExchangeSummary,
} from './exchange';

/** What the exchange screen shows of a programme's log. */
export interface ExchangeState {
  readonly peers: readonly PeerRow[];
  readonly conflicts: readonly ConflictRow[];
  /** The names of the students the conflicts are about, as [id, name] pairs. */
  readonly names: readonly (readonly [string, string])[];
  /** How many changes this laptop holds. */
  readonly changes: number;
}

/** A merged file's summary, its disagreements as the screen lists them. */
export type MergeSummary = Omit<ExchangeSummary, 'conflicts'> & {
  readonly conflicts: readonly ConflictRow[];
};

export interface ExchangeApi {
  exchangeState(programmeId: string): Promise<ExchangeState>;
  makeExchangeFile(
    programmeId: string,
    passphrase: string,
    actor: ExchangeActor,
    forDevice?: string,
  ): Promise<Result<ExchangeFile, ExchangeIssue>>;
  mergeExchangeFile(
    programmeId: string,
    bytes: Uint8Array,
    passphrase: string,
  ): Promise<Result<MergeSummary, ExchangeIssue>>;
}

const gone: ExchangeIssue = {
  code: 'storage',
  message: {
    id: 'Program ini tidak ada lagi di laptop ini.',
    en: 'This programme is no longer on this laptop.',
  },
};

/** The exchange operations over the database `db()` opens; `iterations` lowers the key cost in tests. */
export function createExchangeApi(
  db: () => SahajaDatabase,
  options: { readonly iterations?: number } = {},
): ExchangeApi {
  return {
    exchangeState: async (programmeId) => {
      const [peers, conflicts, changes] = await Promise.all([
        readPeers(db(), programmeId),
        readConflicts(db(), programmeId),
        countChanges(db(), programmeId),
      ]);
      const names = await readConflictNames(db(), programmeId, conflicts);
      return {
        peers,
        conflicts: conflictRows(conflicts, names.candidates),
        names: [...names.students],
        changes,
      };
    },
    makeExchangeFile: async (programmeId, passphrase, actor, forDevice) => {
      const programme = await db().programmes.get(programmeId);
      if (!programme) return { ok: false, issues: [gone] };
      return makeExchangeFile(db(), programme, passphrase, actor, {
        ...(forDevice && { forDevice }),
        ...(options.iterations !== undefined && { iterations: options.iterations }),
      });
    },
    mergeExchangeFile: async (programmeId, bytes, passphrase) => {
      const programme = await db().programmes.get(programmeId);
      if (!programme) return { ok: false, issues: [gone] };
      const merged = await mergeExchangeFile(db(), programme, bytes, passphrase);
      if (!merged.ok) return merged;
      return {
        ok: true,
        value: { ...merged.value, conflicts: conflictRows(merged.value.conflicts) },
      };
    },
  };
}
