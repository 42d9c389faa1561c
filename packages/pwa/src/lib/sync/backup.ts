/**
 * A programme's full backup and its exact restore (issue 9): every row of the programme, in every
 * table, in one file sealed with a passphrase. Restoring replaces the programme on this laptop with
 * the backup's rows in one transaction — the same rows, so a backup of the restored programme holds
 * what the first one held. It is also how a new laptop gets the office's programme before a visit day,
 * and how a team's laptop gets the office's new plan: changes made on the laptop that the backup does
 * not hold are kept (merged into the restored log), so a restore loses no one's work.
 */
import type { Issue, Result } from '@sahaja/core';
import { checkPassphrase, openSealedFile, sealFile } from '@sahaja/core/secure';
import { PROGRAMME_TABLES, type ProgrammeRow, type SahajaDatabase } from '../db';
import { rowsOf } from '../db/programmes';
import { announceVisitEvents } from '../field/visit-channel';
import { eventOf, readChanges } from './change-log';
import { mergeIntoLog } from './exchange';

export const BACKUP_KIND = 'backup';

/** What a backup file holds, before it is sealed. */
export interface BackupContent {
  readonly format: 'sahaja-backup';
  readonly version: 1;
  /** The database version the rows were read from. */
  readonly databaseVersion: number;
  readonly createdAt: string;
  readonly programme: ProgrammeRow;
  /** Every table's rows of the programme, `programmeId` included. */
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export type BackupIssueCode =
  | 'passphrase_too_short'
  | 'not_sahaja_file'
  | 'unsupported_version'
  | 'damaged_file'
  | 'wrong_kind'
  | 'wrong_passphrase'
  | 'tampered_file'
  | 'newer_database'
  | 'unknown_programme'
  | 'storage';

export type BackupIssue = Issue<BackupIssueCode>;

const failed = (code: BackupIssueCode, id: string, en: string) =>
  ({ ok: false, issues: [{ code, message: { id, en } }] }) as const;

/** A made backup, ready to download. */
export interface BackupFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly rows: number;
}

/** Reads every row of programme `programmeId` as a backup's content (one read transaction). */
export async function readBackupContent(
  db: SahajaDatabase,
  programmeId: string,
  now: Date = new Date(),
): Promise<BackupContent | null> {
  return db.transaction(
    'r',
    [db.programmes, ...PROGRAMME_TABLES.map((t) => db.table(t))],
    async () => {
      const programme = await db.programmes.get(programmeId);
      if (!programme) return null;
      const tables: Record<string, Record<string, unknown>[]> = {};
      for (const table of PROGRAMME_TABLES) {
        tables[table] = (await rowsOf(db, table, programmeId).toArray()) as Record<
          string,
          unknown
        >[];
      }
      return {
        format: 'sahaja-backup' as const,
        version: 1 as const,
        databaseVersion: db.verno,
        createdAt: now.toISOString(),
        programme,
        tables,
      };
    },
  );
}

/**
 * Makes a backup of programme `programmeId` sealed with `passphrase`. Refuses a passphrase too short
 * to protect personal data, and a programme that is not stored.
 */
export async function makeBackup(
  db: SahajaDatabase,
  programmeId: string,
  passphrase: string,
  options: { readonly now?: Date; readonly iterations?: number } = {},
): Promise<Result<BackupFile, BackupIssue>> {
  const strong = checkPassphrase(passphrase);
  if (!strong.ok)
    return { ok: false, issues: [{ ...strong.issues[0], code: 'passphrase_too_short' }] };
  const now = options.now ?? new Date();
  const content = await readBackupContent(db, programmeId, now);
  if (!content) {
    return failed(
      'unknown_programme',
      'Program ini tidak ada di laptop ini.',
      'This programme is not on this laptop.',
    );
  }
  const rows = Object.values(content.tables).reduce((sum, list) => sum + list.length, 0);
  const bytes = await sealFile(new TextEncoder().encode(JSON.stringify(content)), passphrase, {
    kind: BACKUP_KIND,
    now,
    meta: { programme: content.programme.settings.name, rows, databaseVersion: db.verno },
    ...(options.iterations !== undefined && { iterations: options.iterations }),
  });
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return { ok: true, value: { bytes, fileName: `sahaja-cadangan-${stamp}.sahaja`, rows } };
}

/** What a restore did. */
export interface RestoredBackup {
  readonly programme: ProgrammeRow;
  readonly rows: number;
  /** True when a programme with the same id was on this laptop and was replaced. */
  readonly replaced: boolean;
  /**
   * Changes of the replaced programme that the backup did not hold (marks, handovers, decisions made
   * here since the backup was made), kept and applied on top of it.
   */
  readonly kept: number;
  readonly createdAt: string;
}

/**
 * Opens a backup with `passphrase` and puts its programme on this laptop, replacing the programme
 * with the same id, all in one transaction: a refused file, or a failed write, leaves the laptop as
 * it was. A backup from a newer database version is refused (this app could not read its rows).
 *
 * Nothing done on this laptop is lost by it: the replaced programme's changes that the backup does not
 * hold (a team's marks since the office made its backup) are merged into the restored log and applied,
 * as an exchange file's would be. The records (lists, registry, matches, plan) are the backup's.
 */
export async function restoreBackup(
  db: SahajaDatabase,
  bytes: Uint8Array,
  passphrase: string,
): Promise<Result<RestoredBackup, BackupIssue>> {
  const opened = await openSealedFile(bytes, passphrase, { expectKind: BACKUP_KIND });
  if (!opened.ok) {
    const [first] = opened.issues;
    return { ok: false, issues: [{ code: first.code, message: first.message }] };
  }
  const content = readContent(opened.value.plain);
  if (!content) {
    return failed(
      'damaged_file',
      'Isi cadangan tidak terbaca sebagai program Sahaja.',
      'The backup does not hold a Sahaja programme.',
    );
  }
  if (content.databaseVersion > db.verno) {
    return failed(
      'newer_database',
      'Cadangan ini dibuat oleh Sahaja versi yang lebih baru. Perbarui aplikasi untuk memulihkannya.',
      'This backup was made by a newer version of Sahaja. Update the app to restore it.',
    );
  }
  const id = content.programme.id;
  try {
    const outcome = await db.transaction(
      'rw',
      [db.programmes, ...PROGRAMME_TABLES.map((t) => db.table(t))],
      async () => {
        const existed = (await db.programmes.get(id)) !== undefined;
        const own = existed ? (await readChanges(db, id)).map(eventOf) : [];
        await db.programmes.delete(id);
        for (const table of PROGRAMME_TABLES) await rowsOf(db, table, id).delete();
        await db.programmes.add(content.programme);
        for (const table of PROGRAMME_TABLES) {
          const rows = content.tables[table] ?? [];
          if (rows.length > 0) await db.table(table).bulkAdd(rows);
        }
        const kept = own.length > 0 ? (await mergeIntoLog(db, id, own)).merged.added.length : 0;
        return { existed, kept };
      },
    );
    // A visit screen open in another tab shows the restored marks.
    announceVisitEvents({ programmeId: id, npsn: null });
    const rows = Object.values(content.tables).reduce((sum, list) => sum + list.length, 0);
    return {
      ok: true,
      value: {
        programme: content.programme,
        rows,
        replaced: outcome.existed,
        kept: outcome.kept,
        createdAt: content.createdAt,
      },
    };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const quota = /quota/i.test(message) || (thrown as Error)?.name === 'QuotaExceededError';
    return failed(
      'storage',
      quota
        ? 'Ruang penyimpanan laptop penuh: cadangan tidak dipulihkan dan data lama tetap utuh.'
        : `Cadangan tidak bisa dipulihkan; data lama tetap utuh (${message}).`,
      quota
        ? "The laptop's storage is full: the backup was not restored and the data is as it was."
        : `The backup could not be restored; the data is as it was (${message}).`,
    );
  }
}

/** The content of an opened backup, checked: every row belongs to the backup's programme. */
function readContent(plain: Uint8Array): BackupContent | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as Record<
      string,
      unknown
    >;
  } catch {
    return null;
  }
  const programme = value['programme'] as Partial<ProgrammeRow> | undefined;
  const tables = value['tables'];
  if (
    value['format'] !== 'sahaja-backup' ||
    value['version'] !== 1 ||
    !Number.isInteger(value['databaseVersion']) ||
    typeof value['createdAt'] !== 'string' ||
    typeof programme !== 'object' ||
    programme === null ||
    typeof programme.id !== 'string' ||
    programme.id === '' ||
    typeof programme.settings !== 'object' ||
    typeof tables !== 'object' ||
    tables === null
  ) {
    return null;
  }
  const known = new Set<string>(PROGRAMME_TABLES);
  for (const [name, rows] of Object.entries(tables)) {
    if (!known.has(name) || !Array.isArray(rows)) return null;
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || row.programmeId !== programme.id) return null;
    }
  }
  return value as unknown as BackupContent;
}
