/**
 * Column headers as sources write them, and the SPEC §7 columns they mean. Headers are compared after
 * {@link normaliseHeader}: lower case, every run of other characters folded to `_` — so "Tgl. Lahir",
 * "TGL LAHIR" and "tgl_lahir" are one header.
 */

/** Folds a header for comparison: `"Nama Ibu Kandung "` → `nama_ibu_kandung`. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A column a command needs, and the header spellings that mean it (normalised). */
export interface ColumnSpec<Key extends string = string> {
  readonly key: Key;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

/** The columns of a person file for `sahaja eligibility` (SPEC §7), with common registry spellings. */
export const PEOPLE_COLUMNS = [
  {
    key: 'nik',
    aliases: ['nik', 'no_nik', 'nomor_nik', 'nomor_induk_kependudukan'],
    required: true,
  },
  {
    key: 'tanggal_lahir',
    aliases: ['tanggal_lahir', 'tgl_lahir', 'tgl_lhr', 'tanggal_lhr', 'tgllahir', 'tanggallahir'],
    required: true,
  },
  {
    key: 'status_kawin',
    aliases: ['status_kawin', 'status_perkawinan', 'stat_kwn', 'perkawinan', 'status_nikah'],
    required: true,
  },
  {
    key: 'kewarganegaraan',
    aliases: ['kewarganegaraan', 'warga_negara', 'kewarganegaran', 'wn'],
    required: true,
  },
  {
    key: 'status_rekam',
    aliases: [
      'status_rekam',
      'status_ktp',
      'status_ktp_el',
      'status_ktpel',
      'status_e_ktp',
      'status_ektp',
      'status_perekaman',
      'status_rekam_ktp_el',
      'status_rekam_ktp',
    ],
    required: true,
  },
  {
    key: 'kode_wilayah',
    aliases: [
      'kode_wilayah',
      'kode_wil',
      'kd_wilayah',
      'kode_desa',
      'kode_kelurahan',
      'kode_domisili',
    ],
    required: true,
  },
  { key: 'npsn', aliases: ['npsn', 'kode_sekolah'], required: false },
] as const satisfies readonly ColumnSpec[];

/** Where each wanted column is in a header row, and which required ones are missing. */
export interface ColumnMatch<Key extends string> {
  readonly index: Partial<Record<Key, number>>;
  readonly missing: readonly Key[];
}

/**
 * Finds the wanted columns in a header row: the first header whose normalised text is one of a column's
 * aliases. Each header serves one column.
 */
export function matchColumns<Key extends string>(
  headers: readonly string[],
  specs: readonly ColumnSpec<Key>[],
): ColumnMatch<Key> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const index: Partial<Record<Key, number>> = {};
  const missing: Key[] = [];
  for (const spec of specs) {
    const at = normalised.findIndex((h, i) => !used.has(i) && spec.aliases.includes(h));
    if (at >= 0) {
      index[spec.key] = at;
      used.add(at);
    } else if (spec.required) missing.push(spec.key);
  }
  return { index, missing };
}
