/**
 * Setting up a stored programme: its teams, its holidays and its schools' visit details. Each save is
 * one transaction: it replaces what it replaces completely or, on any failure, not at all. Invalid input
 * (a caller that skipped the form's checks) throws a `TypeError` naming the field before anything is
 * written; storage failures come back as error values.
 */
import {
  canonicalJson,
  type HolidaysChangedPayload,
  type SchoolChangedPayload,
  type TeamsChangedPayload,
} from '@sahaja/core/sync';
import type { Holiday, Team } from '../core/types';
import {
  checked,
  holidaysSchema,
  schoolChangesSchema,
  teamsSchema,
  type SchoolChanges,
} from '../programme/records';
import {
  RECORD_TABLES,
  type ProgrammeRow,
  type SahajaDatabase,
  type SchoolRow,
  type StoredSchool,
} from './database';
import { refreshCounts, rowsOf } from './programmes';
import { recordChange, type NewChange } from '../sync/change-log';
import type { ChangeClock } from '../sync/clock';

/** Why a setup read or write did not happen; the stored data is unchanged in every case. */
export interface SetupError {
  /** `missing`: the programme (or school) is no longer stored, e.g. deleted in another tab. */
  readonly code: 'missing' | 'quota' | 'storage';
  readonly message: string;
}

export type SetupResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SetupError };

/** A school (coordinates when known) with the number of students its lists hold. */
export interface SchoolWithCount extends StoredSchool {
  readonly students: number;
}

/** Programme `id`'s teams in name order (an empty list when it has none or is not stored). */
export async function readTeams(db: SahajaDatabase, id: string): Promise<SetupResult<Team[]>> {
  return attempt(async () => {
    const rows: (Team & { programmeId: string })[] = await rowsOf(db, 'teams', id).toArray();
    return rows.map(({ programmeId: _programmeId, ...team }) => team);
  });
}

/** Programme `id`'s holidays in date order (an empty list when it has none or is not stored). */
export async function readHolidays(
  db: SahajaDatabase,
  id: string,
): Promise<SetupResult<Holiday[]>> {
  return attempt(async () => {
    const rows: (Holiday & { programmeId: string })[] = await rowsOf(db, 'holidays', id).toArray();
    return rows.map(({ programmeId: _programmeId, ...holiday }) => holiday);
  });
}

/**
 * Replaces programme `id`'s teams with `teams` and refreshes its counts, in one transaction, with a
 * `teams_changed` change naming the teams added, removed and changed (nothing is logged when none
 * was). Returns the updated programme row; `missing` when the programme is not stored. Throws a
 * `TypeError` naming the field for an invalid team or a repeated name (case ignored). Does not modify
 * `teams`.
 *
 * @example
 * await saveTeams(db, programme.id, [{ tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 }]);
 */
export async function saveTeams(
  db: SahajaDatabase,
  id: string,
  teams: readonly Team[],
  clock?: ChangeClock,
): Promise<SetupResult<ProgrammeRow>> {
  return replaceRecords(db, id, 'teams', checked(teamsSchema, teams, 'teams'), clock);
}

/**
 * Replaces programme `id`'s holidays with `holidays` and refreshes its counts, in one transaction,
 * with a `holidays_changed` change of how many were added and removed (nothing is logged when none
 * was). Returns the updated programme row; `missing` when the programme is not stored. Throws a
 * `TypeError` naming the field for an invalid holiday or one listed twice (same date and
 * description).
 */
export async function saveHolidays(
  db: SahajaDatabase,
  id: string,
  holidays: readonly Holiday[],
  clock?: ChangeClock,
): Promise<SetupResult<ProgrammeRow>> {
  return replaceRecords(db, id, 'holidays', checked(holidaysSchema, holidays, 'holidays'), clock);
}

/**
 * Writes a school's kecamatan, travel time and blackout dates, keeping the rest of its row (name,
 * coordinates), in one transaction with a `school_changed` change naming the details that changed
 * (nothing is logged when none did). Returns the school as stored; `missing` when programme `id` has
 * no school `npsn`. Throws a `TypeError` naming the field for invalid changes (blackout dates must be
 * sorted and unique).
 */
export async function saveSchool(
  db: SahajaDatabase,
  id: string,
  npsn: string,
  changes: SchoolChanges,
  clock?: ChangeClock,
): Promise<SetupResult<StoredSchool>> {
  const clean = checked(schoolChangesSchema, changes, 'school');
  const result = await attempt(() =>
    db.transaction('rw', [db.schools, db.changes], async () => {
      const row = await db.schools.get([id, npsn]);
      if (!row) return null;
      const updated = { ...row, ...clean };
      await db.schools.put(updated);
      const parts = (Object.keys(clean) as (keyof SchoolChanges)[])
        .filter((key) => canonicalJson(row[key]) !== canonicalJson(clean[key]))
        .sort();
      if (parts.length > 0) {
        const payload: SchoolChangedPayload = { npsn, parts };
        await recordChange(db, id, { kind: 'school_changed', payload }, clock);
      }
      const { programmeId: _programmeId, ...school } = updated;
      return school;
    }),
  );
  return result.ok && result.value === null
    ? missing('school')
    : (result as SetupResult<StoredSchool>);
}

/**
 * Programme `id`'s schools in NPSN order, each with the number of students listed for it, read in one
 * transaction (counted through the students' school index, so no student row is loaded).
 */
export async function listSchoolsWithCounts(
  db: SahajaDatabase,
  id: string,
): Promise<SetupResult<SchoolWithCount[]>> {
  return attempt(() =>
    db.transaction('r', [db.schools, db.students], async () => {
      const rows: SchoolRow[] = await rowsOf(db, 'schools', id).toArray();
      const counts = await Promise.all(
        rows.map((row) => db.students.where('[programmeId+npsn]').equals([id, row.npsn]).count()),
      );
      return rows.map(({ programmeId: _programmeId, ...school }, i) => ({
        ...school,
        students: counts[i] ?? 0,
      }));
    }),
  );
}

async function replaceRecords(
  db: SahajaDatabase,
  id: string,
  table: 'teams' | 'holidays',
  records: readonly (Team | Holiday)[],
  clock: ChangeClock | undefined,
): Promise<SetupResult<ProgrammeRow>> {
  const result = await attempt(() =>
    // refreshCounts joins this transaction, so the counts change with the rows or not at all.
    db.transaction(
      'rw',
      [db.programmes, db.changes, ...RECORD_TABLES.map((t) => db[t])],
      async () => {
        if (!(await db.programmes.get(id))) return null;
        const before: (Team | Holiday)[] = await rowsOf(db, table, id).toArray();
        await rowsOf(db, table, id).delete();
        // bulkAdd, not bulkPut: a repeated key is an error that aborts the whole write.
        await db.table(table).bulkAdd(records.map((record) => ({ ...record, programmeId: id })));
        const change =
          table === 'teams'
            ? teamsChange(before as Team[], records as readonly Team[])
            : holidaysChange(before as Holiday[], records as readonly Holiday[]);
        if (change) await recordChange(db, id, change, clock);
        return refreshCounts(db, id);
      },
    ),
  );
  return result.ok && result.value === null
    ? missing('programme')
    : (result as SetupResult<ProgrammeRow>);
}

/** The `teams_changed` change of a save, by team name; null when no team changed. */
function teamsChange(before: readonly Team[], after: readonly Team[]): NewChange | null {
  const sameTeam = (a: Team, b: Team) =>
    a.jumlahAlat === b.jumlahAlat && a.kapasitasPerAlat === b.kapasitasPerAlat;
  const old = new Map(before.map((t) => [t.tim, t]));
  const names = new Set(after.map((t) => t.tim));
  const payload: TeamsChangedPayload = {
    teams: after.length,
    added: after.filter((t) => !old.has(t.tim)).map((t) => t.tim),
    removed: before.filter((t) => !names.has(t.tim)).map((t) => t.tim),
    changed: after
      .filter((t) => {
        const was = old.get(t.tim);
        return was !== undefined && !sameTeam(was, t);
      })
      .map((t) => t.tim),
  };
  const changes = payload.added.length + payload.removed.length + payload.changed.length;
  return changes > 0 ? { kind: 'teams_changed', payload } : null;
}

/** The `holidays_changed` change of a save; null when the holidays are the same. */
function holidaysChange(before: readonly Holiday[], after: readonly Holiday[]): NewChange | null {
  const key = (h: Holiday) => `${h.tanggal}\u0000${h.keterangan}`;
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  const payload: HolidaysChangedPayload = {
    holidays: after.length,
    added: after.filter((h) => !old.has(key(h))).length,
    removed: before.filter((h) => !now.has(key(h))).length,
  };
  return payload.added + payload.removed > 0 ? { kind: 'holidays_changed', payload } : null;
}

function missing(what: 'programme' | 'school'): SetupResult<never> {
  return { ok: false, error: { code: 'missing', message: `The ${what} is no longer stored` } };
}

async function attempt<T>(work: () => Promise<T>): Promise<SetupResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (thrown) {
    return { ok: false, error: setupError(thrown) };
  }
}

function setupError(thrown: unknown): SetupError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const inner = (error as Error & { inner?: unknown }).inner;
  const names = [error.name, inner instanceof Error ? inner.name : ''];
  if (names.includes('QuotaExceededError')) return { code: 'quota', message: error.message };
  return { code: 'storage', message: error.message };
}
