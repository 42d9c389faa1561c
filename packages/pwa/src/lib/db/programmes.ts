/**
 * Reading and writing whole programmes. A write is all-or-nothing: it runs in one read-write transaction
 * over every table, so a failure or a cancel leaves the previously stored programme exactly as it was.
 */
import Dexie from 'dexie';
import { writeSealingAhead } from './pipelined';
import {
  canonicalJson,
  type ProgrammeCreatedPayload,
  type SettingsChangedPayload,
} from '@sahaja/core/sync';
import type { DemoProgramme } from '../core/types';
import { recordChange } from '../sync/change-log';
import type { ChangeClock } from '../sync/clock';
import { programmeSettingsSchema, type ProgrammeSettings } from '../programme/settings';
import {
  demoSettings,
  PROGRAMME_TABLES,
  RECORD_TABLES,
  type ProgrammeCounts,
  type ProgrammeRow,
  type RecordTable,
  type RecordTypes,
  type SahajaDatabase,
  type WorkTable,
} from './database';

/** The id under which the demo programme is stored: loading it again replaces it. */
export const DEMO_PROGRAMME_ID = 'demo';

/**
 * Rows written per `bulkAdd`. IndexedDB idles at each turn from one chunk to the next, so fewer turns
 * store faster: the full demo took a median 37.2 s in chunks of 2,000 and 30.9 s in chunks of 25,000
 * (store-demo benchmark, docs/benchmarks.md); progress is still reported seven times for it.
 */
export const DEFAULT_CHUNK_SIZE = 25_000;

/** Progress of a write: `done` of `total` record rows, currently in `table`. */
export interface StoreProgress {
  readonly table: RecordTable;
  readonly done: number;
  readonly total: number;
}

export interface StoreOptions {
  readonly chunkSize?: number;
  /**
   * Called once the previous rows are deleted (`done` 0) and after each chunk is written; all inside
   * the transaction, so nothing is committed until the last call.
   */
  readonly onProgress?: (progress: StoreProgress) => void;
  /** Aborting rolls the whole write back. */
  readonly signal?: AbortSignal;
  /** The local date to record as `storedOn`; today by default. */
  readonly storedOn?: string;
  /** The programme's settings; the demo's (from its summary) by default. */
  readonly settings?: ProgrammeSettings;
}

/** Why a write did not happen; the stored data is unchanged in every case. */
export interface StoreError {
  readonly code: 'cancelled' | 'quota' | 'storage';
  readonly message: string;
}

export type StoreResult =
  | { readonly ok: true; readonly value: ProgrammeRow }
  | { readonly ok: false; readonly error: StoreError };

/** A programme to store: the demo generator's output, or anything of the same shape. */
export type ProgrammeData = Pick<
  DemoProgramme,
  'summary' | 'schools' | 'students' | 'registry' | 'teams' | 'holidays'
>;

/**
 * Stores `data` as programme `id`, replacing whatever was stored under that id (its records, matching
 * results, decisions and plan alike), in one transaction.
 * Returns the stored programme row, or an error value (cancelled, out of space, other storage failure)
 * after which the database holds exactly what it held before. Does not modify `data`.
 */
export async function replaceProgramme(
  db: SahajaDatabase,
  id: string,
  data: ProgrammeData,
  options: StoreOptions = {},
): Promise<StoreResult> {
  const { chunkSize = DEFAULT_CHUNK_SIZE, onProgress, signal, storedOn = localToday() } = options;
  const settings = options.settings ?? demoSettings(data.summary);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  }
  const rows: Record<RecordTable, readonly object[]> = {
    schools: data.schools,
    students: data.students,
    residents: data.registry,
    teams: data.teams,
    holidays: data.holidays,
  };
  const total = RECORD_TABLES.reduce((sum, table) => sum + rows[table].length, 0);
  const counts: ProgrammeCounts = {
    schools: rows.schools.length,
    students: rows.students.length,
    residents: rows.residents.length,
    teams: rows.teams.length,
    holidays: rows.holidays.length,
  };
  const programme: ProgrammeRow = {
    id,
    kind: 'demo',
    settings,
    summary: data.summary,
    counts,
    storedOn,
  };

  try {
    signal?.throwIfAborted();
    await db.transaction('rw', [db.programmes, ...PROGRAMME_TABLES.map((t) => db[t])], async () => {
      await db.programmes.delete(id);
      for (const table of PROGRAMME_TABLES) await rowsOf(db, table, id).delete();
      let done = 0;
      onProgress?.({ table: RECORD_TABLES[0], done, total });
      for (const table of RECORD_TABLES) {
        const before = done;
        await writeSealingAhead(db, rows[table] as readonly object[], {
          table,
          size: chunkSize,
          prepare: (chunk) => chunk.map((row) => ({ ...row, programmeId: id })),
          // bulkAdd, not bulkPut: a repeated key is an error that aborts the whole write.
          store: (chunk) => db.table(table).bulkAdd(chunk),
          onChunk: (stored) => {
            done = before + stored;
            onProgress?.({ table, done, total });
          },
          signal,
        });
      }
      signal?.throwIfAborted();
      await db.programmes.add(programme);
    });
  } catch (thrown) {
    return { ok: false, error: storeError(thrown, signal) };
  }
  return { ok: true, value: programme };
}

/** Rows read per query by {@link readRecords}. */
export const DEFAULT_READ_CHUNK_SIZE = 5_000;

/** Progress of a read: `done` of `total` rows over all the tables asked for, currently in `table`. */
export interface ReadProgress {
  readonly table: RecordTable;
  readonly done: number;
  readonly total: number;
}

export interface ReadOptions {
  readonly chunkSize?: number;
  /** Called once the rows are counted (`done` 0) and after each chunk is read. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Aborting stops the read between chunks. */
  readonly signal?: AbortSignal;
}

/** Programme `id`'s records of each table asked for, as the core sees them. */
export type ProgrammeRecords<K extends RecordTable> = { readonly [T in K]: RecordTypes[T][] };

export type ReadResult<K extends RecordTable> =
  | { readonly ok: true; readonly value: ProgrammeRecords<K> }
  | { readonly ok: false; readonly error: StoreError };

/**
 * Reads programme `id`'s records from `tables` in one read transaction (so a programme being replaced
 * is seen whole, before or after), in key order, a chunk at a time, with `programmeId` left out.
 * A programme that is not stored reads as empty lists. Throws a `RangeError` for a chunk size that is
 * not a positive integer; a cancel or a storage failure comes back as an error value.
 *
 * @example
 * const read = await readRecords(db, DEMO_PROGRAMME_ID, ['students', 'residents']);
 * if (read.ok) console.log(read.value.students.length, read.value.residents.length);
 */
export async function readRecords<K extends RecordTable>(
  db: SahajaDatabase,
  id: string,
  tables: readonly K[],
  options: ReadOptions = {},
): Promise<ReadResult<K>> {
  const { chunkSize = DEFAULT_READ_CHUNK_SIZE, onProgress, signal } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  }
  const value = {} as Record<K, object[]>;
  try {
    signal?.throwIfAborted();
    await db.transaction(
      'r',
      tables.map((t) => db[t]),
      async () => {
        const counts = await Promise.all(tables.map((table) => rowsOf(db, table, id).count()));
        const total = counts.reduce((sum, count) => sum + count, 0);
        let done = 0;
        const first = tables[0];
        if (first) onProgress?.({ table: first, done, total });
        for (const table of tables) {
          const records: Record<string, unknown>[] = [];
          // The keys first (as stored: an NIK in a key is a blind index), then the rows a chunk at a
          // time by those keys, so no chunk re-reads rows.
          const keys = await rowsOf(db, table, id).primaryKeys();
          for (let start = 0; start < keys.length; start += chunkSize) {
            signal?.throwIfAborted();
            const rows = (await db
              .table(table)
              .bulkGet(keys.slice(start, start + chunkSize))) as Record<string, unknown>[];
            for (const { programmeId: _programmeId, ...record } of rows) records.push(record);
            done += rows.length;
            onProgress?.({ table, done, total });
          }
          // Key order is the order of the blind indexes there: sort by the key itself.
          const order = PLAIN_KEY_ORDER[table];
          if (order) records.sort((a, b) => compareText(a[order], b[order]));
          value[table] = records;
        }
      },
    );
  } catch (thrown) {
    return { ok: false, error: storeError(thrown, signal) };
  }
  return { ok: true, value: value as unknown as ProgrammeRecords<K> };
}

/** The field to sort a table's records by after reading, where its stored keys are blind indexes. */
const PLAIN_KEY_ORDER: Partial<Record<RecordTable, string>> = { residents: 'nik' };

function compareText(a: unknown, b: unknown): number {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every stored programme, the most recently stored first. */
export async function listProgrammes(db: SahajaDatabase): Promise<ProgrammeRow[]> {
  const rows = await db.programmes.toArray();
  return rows.sort((a, b) => b.storedOn.localeCompare(a.storedOn) || a.id.localeCompare(b.id));
}

/** A new id for a programme the user sets up: random, so two laptops never make the same one. */
export function newProgrammeId(): string {
  return `p-${crypto.randomUUID()}`;
}

/**
 * Creates an empty programme with these settings (checked again here: a caller that skipped the form's
 * validation gets a `TypeError` naming the field, and nothing is stored), with a `programme_created`
 * change (its name) as the first of its log.
 */
export async function createProgramme(
  db: SahajaDatabase,
  settings: ProgrammeSettings,
  id: string = newProgrammeId(),
  clock?: ChangeClock,
): Promise<ProgrammeRow> {
  const checked = checkSettings(settings);
  const row: ProgrammeRow = {
    id,
    kind: 'programme',
    settings: checked,
    summary: null,
    counts: { schools: 0, students: 0, residents: 0, teams: 0, holidays: 0 },
    storedOn: localToday(),
  };
  await db.transaction('rw', [db.programmes, db.changes], async () => {
    await db.programmes.add(row);
    const payload: ProgrammeCreatedPayload = { name: checked.name };
    await recordChange(db, id, { kind: 'programme_created', payload }, clock);
  });
  return row;
}

/**
 * Replaces programme `id`'s settings; returns the updated row (null when no such programme). A
 * `settings_changed` change names the settings that changed (nothing is logged when none did).
 */
export async function updateSettings(
  db: SahajaDatabase,
  id: string,
  settings: ProgrammeSettings,
  clock?: ChangeClock,
): Promise<ProgrammeRow | null> {
  const checked = checkSettings(settings);
  return db.transaction('rw', [db.programmes, db.changes], async () => {
    const row = await db.programmes.get(id);
    if (!row) return null;
    const updated: ProgrammeRow = { ...row, settings: checked };
    await db.programmes.put(updated);
    const parts = changedSettings(row.settings, checked);
    if (parts.length > 0) {
      const payload: SettingsChangedPayload = { parts };
      await recordChange(db, id, { kind: 'settings_changed', payload }, clock);
    }
    return updated;
  });
}

/** The names of the settings whose values differ between `before` and `after`, sorted. */
export function changedSettings(before: ProgrammeSettings, after: ProgrammeSettings): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const text = (value: unknown) => canonicalJson(value ?? null);
  return [...keys]
    .filter((key) => {
      const k = key as keyof ProgrammeSettings;
      return text(before[k]) !== text(after[k]);
    })
    .sort();
}

/**
 * Stores programme `id`'s row counts as they are now (after an import or an edit changed them), in the
 * transaction that changed them when called inside one: the counts of `tables` (all by default) are
 * counted again, the others kept (counting 150,000 residents again after each school's list costs
 * time for nothing). Returns the updated row, or null.
 */
export async function refreshCounts(
  db: SahajaDatabase,
  id: string,
  tables: readonly RecordTable[] = RECORD_TABLES,
): Promise<ProgrammeRow | null> {
  return db.transaction('rw', [db.programmes, ...tables.map((t) => db[t])], async () => {
    const row = await db.programmes.get(id);
    if (!row) return null;
    const counted = await Promise.all(tables.map((table) => rowsOf(db, table, id).count()));
    const counts: Record<RecordTable, number> = { ...row.counts };
    tables.forEach((table, i) => (counts[table] = counted[i] ?? 0));
    const updated: ProgrammeRow = { ...row, counts };
    await db.programmes.put(updated);
    return updated;
  });
}

/** Deletes programme `id` and every row it owns, in one transaction. */
export async function deleteProgramme(db: SahajaDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.programmes, ...PROGRAMME_TABLES.map((t) => db[t])], async () => {
    await db.programmes.delete(id);
    for (const table of PROGRAMME_TABLES) await rowsOf(db, table, id).delete();
  });
}

function checkSettings(settings: ProgrammeSettings): ProgrammeSettings {
  const parsed = programmeSettingsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
  throw new TypeError(`Invalid programme settings: ${fields.join(', ')}`);
}

/** The stored programme row with this id, or null when none is stored. */
export async function getProgramme(db: SahajaDatabase, id: string): Promise<ProgrammeRow | null> {
  return (await db.programmes.get(id)) ?? null;
}

/** How many rows of each kind are stored for programme `id` (all zero when there is none). */
export async function countProgrammeRows(db: SahajaDatabase, id: string): Promise<ProgrammeCounts> {
  const [schools, students, residents, teams, holidays] = await Promise.all(
    RECORD_TABLES.map((table) => rowsOf(db, table, id).count()),
  );
  return {
    schools: schools ?? 0,
    students: students ?? 0,
    residents: residents ?? 0,
    teams: teams ?? 0,
    holidays: holidays ?? 0,
  };
}

/**
 * Every row of programme `id` in a table: a range of the primary key, whose first part is the id. The
 * untyped `db.table` handle serves all the tables alike; their row types do not matter here.
 */
export function rowsOf(db: SahajaDatabase, table: RecordTable | WorkTable, id: string) {
  return db.table(table).where(':id').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true);
}

function storeError(thrown: unknown, signal: AbortSignal | undefined): StoreError {
  if (signal?.aborted) return { code: 'cancelled', message: 'Cancelled' };
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const inner = (error as Error & { inner?: unknown }).inner;
  const names = [error.name, inner instanceof Error ? inner.name : ''];
  if (names.includes('QuotaExceededError')) return { code: 'quota', message: error.message };
  return { code: 'storage', message: error.message };
}

/** Today's date in the laptop's time zone, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
