/**
 * Writing an imported file into a programme. Each file is one transaction: its rows, the schools it
 * creates, its line in the import log and the programme's counts are written together or, on any
 * failure or a cancel, not at all. Repeating an import never duplicates a row:
 * - a student list replaces the students of the schools it lists (other schools' students stay), and
 *   creates the schools it names that are not stored yet (stored ones, maybe edited, are kept);
 * - registry rows are upserted by NIK, schools by NPSN, teams by name, holidays by date and description.
 */
import type { Holiday, Resident, SchoolTarget, StudentRecord, Team } from '../core/types';
import {
  RECORD_TABLES,
  type ImportRow,
  type RecordTable,
  type ProgrammeRow,
  type SahajaDatabase,
  type SchoolRow,
} from './database';
import type { ImportedPayload } from '@sahaja/core/sync';
import { holidayKey, teamKey } from '../programme/records';
import { recordChange } from '../sync/change-log';
import type { ChangeClock } from '../sync/clock';
import { writeSealingAhead } from './pipelined';
import { refreshCounts, rowsOf } from './programmes';

/**
 * Rows written per `bulkPut`/`bulkAdd` by default. Imports run in the worker, so a chunk's task blocks
 * no page; the transaction waits for each chunk before the next is sent (the next is being sealed
 * meanwhile), and IndexedDB idles at each such turn, so larger chunks import faster: the demo's 70
 * files (170,000 rows) took a median 34.1 s in chunks of 10,000 and 30.0 s in chunks of 25,000
 * (import benchmark, docs/benchmarks.md). Progress is reported per chunk: six times for its
 * 150,000-row registry.
 */
export const IMPORT_CHUNK_SIZE = 25_000;

/** Travel minutes from the office given to a school created from a student list. */
export const DEFAULT_TRAVEL_MINUTES = 30;

/** A school a student list names: its NPSN and, when the file says it, its name. */
export interface NamedSchool {
  readonly npsn: string;
  /** Empty when the file does not name the school. */
  readonly nama: string;
}

/** Progress of writing one file: `done` of `total` rows. */
export interface ImportWriteProgress {
  readonly done: number;
  readonly total: number;
}

export interface ImportWriteOptions {
  /** The file's name, for the import log. */
  readonly fileName: string;
  /** Rows of the file left out for errors, and rows imported with warnings (for the log). */
  readonly rejected?: number;
  readonly warnings?: number;
  /** Rows written per `bulkPut`/`bulkAdd` (default {@link IMPORT_CHUNK_SIZE}). */
  readonly chunkSize?: number;
  /** Called once before the first row is written and after each chunk, inside the transaction. */
  readonly onProgress?: (progress: ImportWriteProgress) => void;
  /** Aborting rolls the whole file back. */
  readonly signal?: AbortSignal;
  /** When it was imported (ISO timestamp); now by default. */
  readonly importedAt?: string;
  /** The log line's id; random by default. */
  readonly id?: string;
  /** Stamps the import's change in the log; the page's clock by default (a worker passes a stamp). */
  readonly clock?: ChangeClock;
}

/** What writing a file changed. */
export interface ImportWriteSummary {
  /** The programme with its new counts. */
  readonly programme: ProgrammeRow;
  /** The file's line in the import log. */
  readonly log: ImportRow;
  /** Rows that were not stored before. */
  readonly added: number;
  /** Stored rows replaced by a row with the same key (registry, schools, teams, holidays). */
  readonly updated: number;
  /** Students removed because their school's list was replaced by this file's. */
  readonly removed: number;
  /** Schools created for NPSNs that a student list named and no school row had. */
  readonly schoolsCreated: number;
}

/** Why a file was not written; the stored data is unchanged in every case. */
export interface ImportWriteError {
  /** `missing`: the programme is no longer stored (deleted in another tab). */
  readonly code: 'cancelled' | 'missing' | 'quota' | 'storage';
  readonly message: string;
}

export type ImportWriteResult =
  | { readonly ok: true; readonly value: ImportWriteSummary }
  | { readonly ok: false; readonly error: ImportWriteError };

/**
 * Each student with the id it is stored under: prefixed with its school's NPSN unless it already is
 * (`20512345-0012`), so two schools' lists never share an id, and — for a student listed twice in one
 * list under one id — numbered from the second listing on (`20512345-0061234567~2`), in file order, so
 * a repeated import gives every student the same id again. Does not modify `records`.
 */
export function studentRows(records: readonly StudentRecord[]): StudentRecord[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const prefix = `${record.npsn}-`;
    const base = record.idSiswa.startsWith(prefix) ? record.idSiswa : prefix + record.idSiswa;
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return { ...record, idSiswa: times === 1 ? base : `${base}~${times}` };
  });
}

/**
 * Imports a student list: the students of every school it lists replace that school's stored students;
 * an NPSN with no school row gets one (the name from `schools`, else "Sekolah <NPSN>"; no kecamatan;
 * {@link DEFAULT_TRAVEL_MINUTES}; no blackout dates). Ids are made by {@link studentRows}.
 * Returns what changed, or an error value after which the database is exactly as before.
 */
export function importStudentList(
  db: SahajaDatabase,
  programmeId: string,
  records: readonly StudentRecord[],
  options: ImportWriteOptions & { readonly schools?: readonly NamedSchool[] },
): Promise<ImportWriteResult> {
  const rows = studentRows(records);
  const npsns = [...new Set(rows.map((r) => r.npsn))];
  const names = new Map((options.schools ?? []).map((s) => [s.npsn, s.nama.trim()] as const));
  return write(db, programmeId, 'student', npsns, rows.length, options, async (progress) => {
    let removed = 0;
    for (const npsn of npsns) {
      removed += await db.students.where('[programmeId+npsn]').equals([programmeId, npsn]).delete();
    }
    // Every id is new now (their schools' students are gone, and ids carry the NPSN): an id that is
    // still taken is an error that aborts the file rather than a student silently overwritten.
    await writeRecords(db, 'students', rows, programmeId, options, progress, (chunk) =>
      db.students.bulkAdd(chunk),
    );
    const stored = await db.schools.bulkGet(npsns.map((npsn) => [programmeId, npsn]));
    // No coordinates: a student list gives none (the row type's coordinates are optional).
    const created: SchoolRow[] = npsns
      .filter((_, i) => stored[i] === undefined)
      .map((npsn) => ({
        programmeId,
        npsn,
        nama: names.get(npsn) || `Sekolah ${npsn}`,
        kecamatan: '',
        waktuTempuhMenit: DEFAULT_TRAVEL_MINUTES,
        tanggalTidakBisa: [],
      }));
    await db.schools.bulkAdd(created);
    return { added: rows.length, updated: 0, removed, schoolsCreated: created.length };
  });
}

/**
 * Imports (part of) a registry extract: rows are upserted by NIK, so an extract sent in several files
 * (per kecamatan) adds up, and a file sent again updates its rows. Returns how many were new and how
 * many updated, or an error value after which the database is exactly as before.
 */
export function importRegistry(
  db: SahajaDatabase,
  programmeId: string,
  records: readonly Resident[],
  options: ImportWriteOptions,
): Promise<ImportWriteResult> {
  return write(db, programmeId, 'resident', [], records.length, options, async (progress) => {
    const before = await rowsOf(db, 'residents', programmeId).count();
    await writeRecords(db, 'residents', records, programmeId, options, progress, (chunk) =>
      db.residents.bulkPut(chunk),
    );
    const added = (await rowsOf(db, 'residents', programmeId).count()) - before;
    return { added, updated: records.length - added, removed: 0, schoolsCreated: 0 };
  });
}

/**
 * Imports a schools file: rows are upserted by NPSN. Of a stored school only what the file has a
 * column for changes (`columns`: the file's mapped fields, e.g. `kecamatan`, `waktu_tempuh_menit`,
 * `tanggal_tidak_bisa`, `lintang`/`bujur`), so an edit the file says nothing about is kept; a new
 * school gets the defaults of a school created from a list for the rest. The planning targets
 * (`jumlah_wajib`, `jumlah_dini`) are not stored: the app computes them from eligibility.
 */
export function importSchools(
  db: SahajaDatabase,
  programmeId: string,
  records: readonly SchoolTarget[],
  options: ImportWriteOptions & { readonly columns: readonly string[] },
): Promise<ImportWriteResult> {
  const has = new Set(options.columns);
  return write(db, programmeId, 'school', [], records.length, options, async (progress) => {
    let added = 0;
    await chunked(records, options, progress, async (chunk) => {
      const stored = await db.schools.bulkGet(chunk.map((s) => [programmeId, s.npsn]));
      const rows = chunk.map((school, i): SchoolRow => {
        const previous = stored[i];
        if (!previous) added++;
        const base: SchoolRow = previous ?? {
          programmeId,
          npsn: school.npsn,
          nama: school.nama,
          kecamatan: '',
          waktuTempuhMenit: DEFAULT_TRAVEL_MINUTES,
          tanggalTidakBisa: [],
        };
        const { latitude, longitude } = school;
        return {
          ...base,
          nama: school.nama,
          ...(has.has('kecamatan') && { kecamatan: school.kecamatan }),
          ...(has.has('waktu_tempuh_menit') && { waktuTempuhMenit: school.waktuTempuhMenit }),
          ...(has.has('tanggal_tidak_bisa') && { tanggalTidakBisa: school.tanggalTidakBisa }),
          ...(latitude !== undefined && longitude !== undefined && { latitude, longitude }),
        };
      });
      await db.schools.bulkPut(rows);
    });
    return { added, updated: records.length - added, removed: 0, schoolsCreated: 0 };
  });
}

/** Imports recording teams, upserted by team name. */
export function importTeams(
  db: SahajaDatabase,
  programmeId: string,
  records: readonly Team[],
  options: ImportWriteOptions,
): Promise<ImportWriteResult> {
  return upsert(db, programmeId, 'team', records, options);
}

/** Imports holidays, upserted by date and description. */
export function importHolidays(
  db: SahajaDatabase,
  programmeId: string,
  records: readonly Holiday[],
  options: ImportWriteOptions,
): Promise<ImportWriteResult> {
  return upsert(db, programmeId, 'holiday', records, options);
}

/** Programme `programmeId`'s import log, the latest first. */
export async function listImports(db: SahajaDatabase, programmeId: string): Promise<ImportRow[]> {
  const rows: ImportRow[] = await rowsOf(db, 'imports', programmeId).toArray();
  return rows.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id));
}

type Changes = Omit<ImportWriteSummary, 'programme' | 'log'>;

/**
 * Upserts teams or holidays. Names are told apart as people tell them (spacing and case ignored, as the
 * setup screens do): a stored row whose name differs only so is replaced by the file's row.
 */
async function upsert(
  db: SahajaDatabase,
  programmeId: string,
  kind: 'team' | 'holiday',
  records: readonly (Team | Holiday)[],
  options: ImportWriteOptions,
): Promise<ImportWriteResult> {
  const rows = records.map((r) => ({ ...r, programmeId }));
  const name = kind === 'team' ? 'teams' : 'holidays';
  const keyOf =
    kind === 'team'
      ? (row: object) => teamKey((row as Team).tim)
      : (row: object) => holidayKey(row as Holiday);
  return write(db, programmeId, kind, [], rows.length, options, async (progress) => {
    const table = db.table(name);
    const stored: object[] = await rowsOf(db, name, programmeId).toArray();
    const primaryKey = (row: object): string[] =>
      (table.schema.primKey.keyPath as string[]).map((part) =>
        String((row as Record<string, unknown>)[part]),
      );
    const byName = new Map(stored.map((row) => [keyOf(row), primaryKey(row)] as const));
    let added = 0;
    const replaced: string[][] = [];
    for (const row of rows) {
      const previous = byName.get(keyOf(row));
      if (previous === undefined) added++;
      else if (previous.join('\u0000') !== primaryKey(row).join('\u0000')) replaced.push(previous);
    }
    await table.bulkDelete(replaced);
    await chunked(rows, options, progress, (chunk) => table.bulkPut(chunk));
    return { added, updated: rows.length - added, removed: 0, schoolsCreated: 0 };
  });
}

/**
 * Writes a file's `records` into `table` with their programme, a chunk at a time (150,000 copies at
 * once would be one long task), the next chunk sealed while one is stored; reports progress and stops
 * when the signal is aborted.
 */
function writeRecords<R extends object>(
  db: SahajaDatabase,
  table: 'students' | 'residents',
  records: readonly R[],
  programmeId: string,
  options: ImportWriteOptions,
  progress: (done: number) => void,
  store: (rows: (R & { programmeId: string })[]) => Promise<unknown>,
): Promise<void> {
  return writeSealingAhead(db, records, {
    table,
    size: chunkSizeOf(options),
    prepare: (chunk) => chunk.map((r) => ({ ...r, programmeId })),
    store,
    onChunk: progress,
    signal: options.signal,
  });
}

/** Writes `rows` a chunk at a time, reporting progress and stopping when the signal is aborted. */
async function chunked<R>(
  rows: readonly R[],
  options: ImportWriteOptions,
  progress: (done: number) => void,
  put: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  const size = chunkSizeOf(options);
  for (let start = 0; start < rows.length; start += size) {
    options.signal?.throwIfAborted();
    const chunk = rows.slice(start, start + size);
    await put(chunk);
    progress(start + chunk.length);
  }
}

const chunkSizeOf = (options: ImportWriteOptions) => options.chunkSize ?? IMPORT_CHUNK_SIZE;

/** The tables whose row counts an import of each kind can change. */
const COUNTED: Readonly<Record<ImportRow['kind'], readonly RecordTable[]>> = {
  student: ['students', 'schools'],
  resident: ['residents'],
  school: ['schools'],
  team: ['teams'],
  holiday: ['holidays'],
};

class MissingProgramme extends Error {
  override name = 'MissingProgramme';
}

/**
 * One file's transaction: checks the programme exists, writes its `total` rows (`body`), logs the file
 * (the import log, and an `imported` change of its name and counts — not its records: other laptops
 * get those by backup and restore) and refreshes the counts, all or nothing.
 */
async function write(
  db: SahajaDatabase,
  programmeId: string,
  kind: ImportRow['kind'],
  schools: readonly string[],
  total: number,
  options: ImportWriteOptions,
  body: (progress: (done: number) => void) => Promise<Changes>,
): Promise<ImportWriteResult> {
  const size = chunkSizeOf(options);
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${size}`);
  }
  const { signal, onProgress } = options;
  try {
    signal?.throwIfAborted();
    return await db.transaction(
      'rw',
      [db.programmes, db.imports, db.changes, ...RECORD_TABLES.map((t) => db[t])],
      async () => {
        if (!(await db.programmes.get(programmeId))) throw new MissingProgramme(programmeId);
        onProgress?.({ done: 0, total });
        const changes = await body((done) => onProgress?.({ done, total }));
        signal?.throwIfAborted();
        const log: ImportRow = {
          programmeId,
          id: options.id ?? crypto.randomUUID(),
          fileName: options.fileName,
          kind,
          importedAt: options.importedAt ?? new Date().toISOString(),
          accepted: changes.added + changes.updated,
          rejected: options.rejected ?? 0,
          warnings: options.warnings ?? 0,
          schools,
        };
        await db.imports.add(log);
        const payload: ImportedPayload = {
          fileName: log.fileName,
          kind,
          accepted: log.accepted,
          rejected: log.rejected,
          warnings: log.warnings,
        };
        await recordChange(db, programmeId, { kind: 'imported', payload }, options.clock);
        // refreshCounts joins this transaction, so the counts change with the rows or not at all.
        const programme = await refreshCounts(db, programmeId, COUNTED[kind]);
        if (!programme) throw new MissingProgramme(programmeId);
        return { ok: true as const, value: { ...changes, programme, log } };
      },
    );
  } catch (thrown) {
    return { ok: false, error: writeError(thrown, signal) };
  }
}

function writeError(thrown: unknown, signal: AbortSignal | undefined): ImportWriteError {
  if (signal?.aborted) return { code: 'cancelled', message: 'Cancelled' };
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  if (error instanceof MissingProgramme) return { code: 'missing', message: error.message };
  const inner = (error as Error & { inner?: unknown }).inner;
  const names = [error.name, inner instanceof Error ? inner.name : ''];
  if (names.includes('QuotaExceededError')) return { code: 'quota', message: error.message };
  return { code: 'storage', message: error.message };
}
