/**
 * The columns of each kind of file the import screen knows, and the mapping arithmetic of its mapping
 * step: the guess from the file's headers with the user's changes on top, as the core applies them.
 */
import {
  HOLIDAY_FIELDS,
  missingFields,
  RESIDENT_FIELDS,
  SCHOOL_FIELDS,
  STUDENT_FIELDS,
  TEAM_FIELDS,
  type FieldSpec,
} from '@sahaja/core/io';
import type { ImportKind } from './types';

/** The kinds of file, in the order the screen offers them. */
export const KINDS: readonly ImportKind[] = ['student', 'resident', 'school', 'team', 'holiday'];

/** Every field of each kind, as the core reads them (SPEC §7 columns). */
export const KIND_FIELDS: Readonly<Record<ImportKind, readonly FieldSpec[]>> = {
  student: STUDENT_FIELDS,
  resident: RESIDENT_FIELDS,
  school: SCHOOL_FIELDS,
  team: TEAM_FIELDS,
  holiday: HOLIDAY_FIELDS,
};

/** Every field key of every kind: each has a label (`import.field.<key>`). */
export const FIELD_KEYS = [
  'id_siswa',
  'npsn',
  'nama_sekolah',
  'nisn',
  'nik',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'tempat_tanggal_lahir',
  'nama_ibu',
  'alamat',
  'kelas',
  'no_kk',
  'kode_wilayah',
  'status_kawin',
  'kewarganegaraan',
  'status_rekam',
  'kecamatan',
  'waktu_tempuh_menit',
  'jumlah_wajib',
  'jumlah_dini',
  'tanggal_tidak_bisa',
  'lintang',
  'bujur',
  'tim',
  'jumlah_alat',
  'kapasitas_per_alat',
  'tanggal',
  'keterangan',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/** Whether `field` is one the screen has a label for (row issues name fields by their key). */
export function isFieldKey(field: string): field is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(field);
}

/** The user's changes to a guessed mapping: field → 0-based column, or null for "not in this file". */
export type MappingOverrides = Readonly<Record<string, number | null>>;

/**
 * The mapping the core will read with: the guess, then each of the user's changes — a column taken for
 * one field leaves any other field that had it, and null removes the field — as `importRecords` does.
 * Does not modify its arguments.
 */
export function effectiveMapping(
  guess: Readonly<Record<string, number>>,
  overrides: MappingOverrides,
): Record<string, number> {
  const mapping: Record<string, number> = { ...guess };
  for (const [field, column] of Object.entries(overrides)) {
    if (column === null) {
      delete mapping[field];
      continue;
    }
    for (const [other, taken] of Object.entries(mapping)) {
      if (taken === column && other !== field) delete mapping[other];
    }
    mapping[field] = column;
  }
  return mapping;
}

/** Required fields (and "one of" groups, `a / b`) of `kind` that `mapping` leaves without a column. */
export function missingOf(kind: ImportKind, mapping: Readonly<Record<string, number>>): string[] {
  return missingFields(mapping, KIND_FIELDS[kind]);
}

/** A column's letter as a spreadsheet shows it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The columns of each kind's preview: a record property and the field whose label it shows. */
export const PREVIEW_COLUMNS: Readonly<
  Record<ImportKind, readonly { readonly property: string; readonly field: FieldKey }[]>
> = {
  student: [
    { property: 'idSiswa', field: 'id_siswa' },
    { property: 'npsn', field: 'npsn' },
    { property: 'nisn', field: 'nisn' },
    { property: 'nik', field: 'nik' },
    { property: 'nama', field: 'nama' },
    { property: 'jenisKelamin', field: 'jenis_kelamin' },
    { property: 'tempatLahir', field: 'tempat_lahir' },
    { property: 'tanggalLahir', field: 'tanggal_lahir' },
    { property: 'namaIbu', field: 'nama_ibu' },
    { property: 'alamat', field: 'alamat' },
    { property: 'kelas', field: 'kelas' },
  ],
  resident: [
    { property: 'nik', field: 'nik' },
    { property: 'noKk', field: 'no_kk' },
    { property: 'nama', field: 'nama' },
    { property: 'jenisKelamin', field: 'jenis_kelamin' },
    { property: 'tempatLahir', field: 'tempat_lahir' },
    { property: 'tanggalLahir', field: 'tanggal_lahir' },
    { property: 'namaIbu', field: 'nama_ibu' },
    { property: 'alamat', field: 'alamat' },
    { property: 'kodeWilayah', field: 'kode_wilayah' },
    { property: 'statusKawin', field: 'status_kawin' },
    { property: 'kewarganegaraan', field: 'kewarganegaraan' },
    { property: 'statusRekam', field: 'status_rekam' },
  ],
  school: [
    { property: 'npsn', field: 'npsn' },
    { property: 'nama', field: 'nama_sekolah' },
    { property: 'kecamatan', field: 'kecamatan' },
    { property: 'waktuTempuhMenit', field: 'waktu_tempuh_menit' },
    { property: 'tanggalTidakBisa', field: 'tanggal_tidak_bisa' },
    { property: 'latitude', field: 'lintang' },
    { property: 'longitude', field: 'bujur' },
  ],
  team: [
    { property: 'tim', field: 'tim' },
    { property: 'jumlahAlat', field: 'jumlah_alat' },
    { property: 'kapasitasPerAlat', field: 'kapasitas_per_alat' },
  ],
  holiday: [
    { property: 'tanggal', field: 'tanggal' },
    { property: 'keterangan', field: 'keterangan' },
  ],
};

/** A preview cell's text: lists joined with `; `, numbers as written, nothing for a missing value. */
export function cellValue(record: object, property: string): string {
  const value = (record as Record<string, unknown>)[property];
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}
