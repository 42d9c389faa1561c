/**
 * A student beside a registry person, field by field, with the core's explanation of each comparison
 * next to the field it compared.
 */
import type { Resident, StudentMatch, StudentRecord } from '../core/types';

/** One comparison of a pair as the core explains it (level, weight, words in both languages). */
export type ExplanationEntry = StudentMatch['explanation'][number];

/** The fields shown side by side, in the order a reviewer reads them. */
export const COMPARED_FIELDS = [
  'nik',
  'nama',
  'jenisKelamin',
  'tempatLahir',
  'tanggalLahir',
  'namaIbu',
  'alamat',
  'wilayah',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The core's name for the comparison of each field (`wilayah` is shown, not compared). */
const COMPARISON_OF: Readonly<Partial<Record<ComparedField, string>>> = {
  nik: 'NIK',
  nama: 'nama',
  jenisKelamin: 'jenis kelamin',
  tempatLahir: 'tempat lahir',
  tanggalLahir: 'tanggal lahir',
  namaIbu: 'nama ibu',
  alamat: 'alamat',
};

/** One field: the student's value, the registry's value, and how the core compared them. */
export interface ComparisonRow {
  readonly field: ComparedField;
  readonly student: string;
  readonly resident: string;
  readonly entry: ExplanationEntry | null;
}

/**
 * The rows of a side-by-side comparison, and the explanation entries of comparisons that no field
 * shows (a comparison the core added later is shown apart rather than lost). Missing people give empty
 * values.
 */
export function comparisonRows(
  student: StudentRecord | null | undefined,
  resident: Resident | null | undefined,
  explanation: readonly ExplanationEntry[],
): { readonly rows: readonly ComparisonRow[]; readonly others: readonly ExplanationEntry[] } {
  const shown = new Set(Object.values(COMPARISON_OF));
  const rows = COMPARED_FIELDS.map((field): ComparisonRow => {
    const name = COMPARISON_OF[field];
    return {
      field,
      student: field === 'wilayah' ? '' : (student?.[field] ?? ''),
      resident: field === 'wilayah' ? (resident?.kodeWilayah ?? '') : (resident?.[field] ?? ''),
      entry: (name && explanation.find((e) => e.comparison === name)) || null,
    };
  });
  return { rows, others: explanation.filter((e) => !shown.has(e.comparison)) };
}

/** The fields of two student listings shown side by side, in the order a reviewer reads them. */
export const LISTING_FIELDS = [
  'idSiswa',
  'nisn',
  'nik',
  'nama',
  'jenisKelamin',
  'tempatLahir',
  'tanggalLahir',
  'namaIbu',
  'alamat',
  'npsn',
  'kelas',
] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

/** One field of two listings, and whether they differ beyond case, spacing and punctuation. */
export interface ListingRow {
  readonly field: ListingField;
  readonly listing: string;
  readonly other: string;
  readonly differs: boolean;
}

/** Upper case, letters and digits only, single spaces: "Dsn. Krajan" and "DSN KRAJAN" are equal. */
function plain(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Two listings of (perhaps) one student side by side, field by field. The student id always differs
 * and is not marked; an empty value on one side is not a difference either (the lists hold what the
 * schools had).
 */
export function listingRows(
  listing: StudentRecord | null | undefined,
  other: StudentRecord | null | undefined,
): readonly ListingRow[] {
  return LISTING_FIELDS.map((field): ListingRow => {
    const a = listing?.[field] ?? '';
    const b = other?.[field] ?? '';
    const differs =
      field !== 'idSiswa' && a.trim() !== '' && b.trim() !== '' && plain(a) !== plain(b);
    return { field, listing: a, other: b, differs };
  });
}
