import type { Holiday, IsoDate, Resident, School, StudentRecord, Team } from '../domain/records.js';

/** Options of the synthetic programme generator. */
export interface DemoOptions {
  /** Seed of the pseudo-random generator: the same seed and options give the same programme. */
  readonly seed: number;
  /** Number of schools (default 72). */
  readonly schools: number;
  /** Number of rows over all school lists (default 20,000). */
  readonly students: number;
  /** Number of people in the registry extract (default 150,000). */
  readonly registry: number;
  /** The programme's reference date (default 2023-01-16, the third week of January 2023). */
  readonly referenceDate: IsoDate;
  /** Real villages to place people in, e.g. read from a Kepmendagri region table; synthesised if absent. */
  readonly villages?: readonly Village[] | undefined;
}

/** A village (desa / kelurahan) with its 10-digit code. */
export interface Village {
  /** Code with dots, e.g. `35.06.01.2001`. */
  readonly kode: string;
  readonly nama: string;
}

/** Progress of a long computation: `done` of `total` units in the named phase. */
export interface Progress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** Every way a student row can differ from the registry (SPEC §4), one tag per corruption applied. */
export const CORRUPTIONS = [
  'nik_missing',
  'nik_one_digit',
  'nik_transposed',
  'nik_parent',
  'nik_sibling',
  'nik_scientific',
  'name_case',
  'name_spaces',
  'name_punctuation',
  'name_title',
  'name_muhammad_variant',
  'name_abbreviation',
  'name_old_spelling',
  'name_bin_binti',
  'name_order_swapped',
  'name_word_dropped',
  'name_word_added',
  'name_typo',
  'date_day_month_swapped',
  'date_one_digit',
  'date_year_off',
  'date_month_off',
  'mother_missing',
  'mother_variant',
  'birthplace_variant',
  'sex_wrong',
  'not_in_registry',
  'duplicate_listing',
] as const;

/** One corruption tag. */
export type Corruption = (typeof CORRUPTIONS)[number];

/** The truth about one student row, for tests and benchmarks (never shown as data to match on). */
export interface TruthRow {
  readonly idSiswa: string;
  /** The school file that lists the row, and the row's 1-based number in its sheet. */
  readonly file: string;
  readonly fileRow: number;
  /** The NIK of the registry person this row is, or empty when the student is absent from the registry. */
  readonly nik: string;
  /** The person's identity across rows: rows with the same `personId` are the same student. */
  readonly personId: string;
  /** The id of the earlier row of the same person when this row is a duplicate listing. */
  readonly duplicateOf: string;
  readonly isTwin: boolean;
  readonly corruptions: readonly Corruption[];
}

/** A cell of a generated spreadsheet: text, a number, an Excel date (given as ISO), or empty. */
export type SheetCell =
  | string
  | number
  | null
  | { readonly date: IsoDate }
  | { readonly text: string; readonly columnSpan?: number; readonly rowSpan?: number };

/** One sheet of a generated school file. */
export interface SheetData {
  readonly name: string;
  readonly rows: readonly (readonly SheetCell[])[];
}

/** A school's student list in the shape the school sent it. */
export interface SchoolFile {
  /** File name, e.g. `07_20512345_sma-negeri-1-pare.xlsx`. */
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  /** For CSV: delimiter, encoding and byte-order mark. */
  readonly delimiter: ',' | ';' | '\t';
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly bom: boolean;
  /** NPSNs of the schools whose students the file lists (several for a branch office's combined list). */
  readonly npsn: readonly string[];
  /** A few words on the shape, for people reading the demo folder. */
  readonly shape: string;
  readonly sheets: readonly SheetData[];
}

/** Counts that describe a generated programme. */
export interface DemoSummary {
  readonly seed: number;
  readonly referenceDate: IsoDate;
  readonly schools: number;
  readonly students: number;
  readonly registry: number;
  readonly teams: number;
  readonly holidays: number;
  readonly families: number;
  readonly twinsInRegistry: number;
  readonly outOfRegencyResidents: number;
  readonly studentsNotInRegistry: number;
  readonly duplicateListings: number;
  /** How many student rows carry each corruption. */
  readonly corruptions: Readonly<Record<Corruption, number>>;
  /** How many registry people have each KTP-el status value. */
  readonly statuses: Readonly<Record<string, number>>;
}

/** A whole synthetic programme. */
export interface DemoProgramme {
  readonly summary: DemoSummary;
  readonly schools: readonly School[];
  readonly teams: readonly Team[];
  readonly holidays: readonly Holiday[];
  readonly registry: readonly Resident[];
  /** All student rows over all schools, in §7 columns, values as the schools wrote them. */
  readonly students: readonly StudentRecord[];
  readonly truth: readonly TruthRow[];
  /** The school lists as files, in the shapes schools send. */
  readonly files: readonly SchoolFile[];
}
