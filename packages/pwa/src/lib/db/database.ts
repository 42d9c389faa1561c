/**
 * The app's IndexedDB database (Dexie). Every row of a programme carries its `programmeId` as the first
 * part of its primary key, so one key range holds a whole programme and it can be replaced in one go.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { DemoSummary, Holiday, Resident, School, StudentRecord, Team } from '../core/types';

/** Name of the IndexedDB database on the laptop. */
export const DATABASE_NAME = 'sahaja';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** How many rows of each kind a stored programme has. */
export interface ProgrammeCounts {
  readonly schools: number;
  readonly students: number;
  readonly residents: number;
  readonly teams: number;
  readonly holidays: number;
}

/** A programme's metadata; its records live in the other tables under the same `id`. */
export interface ProgrammeRow {
  readonly id: string;
  /** `demo` for the synthetic programme; real programmes come from imports. */
  readonly kind: 'demo';
  readonly summary: DemoSummary;
  readonly counts: ProgrammeCounts;
  /** The local calendar date on which it was stored. */
  readonly storedOn: IsoDate;
}

type Owned<T> = T & { readonly programmeId: string };

export type SchoolRow = Owned<School>;
export type StudentRow = Owned<StudentRecord>;
export type ResidentRow = Owned<Resident>;
export type TeamRow = Owned<Team>;
export type HolidayRow = Owned<Holiday>;

/** The record each table holds, as the core sees it (without `programmeId`). */
export interface RecordTypes {
  readonly schools: School;
  readonly students: StudentRecord;
  readonly residents: Resident;
  readonly teams: Team;
  readonly holidays: Holiday;
}

/** The tables that hold a programme's records (all but `programmes`). */
export const RECORD_TABLES = ['schools', 'students', 'residents', 'teams', 'holidays'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** Sahaja's database; open it with `new SahajaDatabase()` (or a name and fake IndexedDB in tests). */
export class SahajaDatabase extends Dexie {
  declare programmes: Table<ProgrammeRow, string>;
  declare schools: Table<SchoolRow, [string, string]>;
  /** Keyed by the school's own student id: unique within a programme. */
  declare students: Table<StudentRow, [string, string]>;
  /** Keyed by NIK: the registry holds each person once. */
  declare residents: Table<ResidentRow, [string, string]>;
  declare teams: Table<TeamRow, [string, string]>;
  /** Keyed by date and description: two holidays may fall on one date. */
  declare holidays: Table<HolidayRow, [string, string, string]>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    // Secondary indexes cost write time on every row (a third more for the 150,000-row registry), so
    // each comes with the feature that reads through it; students by school is the visit day's list.
    this.version(1).stores({
      programmes: 'id, kind',
      schools: '[programmeId+npsn], [programmeId+kecamatan]',
      students: '[programmeId+idSiswa], [programmeId+npsn]',
      residents: '[programmeId+nik]',
      teams: '[programmeId+tim]',
      holidays: '[programmeId+tanggal+keterangan]',
    });
  }
}
