/**
 * The columns of each kind of file (SPEC §7) and the header spellings that mean them. Headers are
 * compared after {@link normaliseHeader}: lower case, every run of other characters folded to `_` — so
 * "Tgl. Lahir", "TGL LAHIR" and "tgl_lahir" are one header.
 */

/** Folds a header for comparison: `"Nama Ibu Kandung "` → `nama_ibu_kandung`. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A column of a kind of file. */
export interface FieldSpec {
  readonly key: string;
  /** Normalised header spellings, the SPEC §7 name first. */
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** Fields of which at least one must be present (e.g. `tanggal_lahir` or `tempat_tanggal_lahir`). */
  readonly oneOf?: string;
}

const NIK = ['nik', 'no_nik', 'nomor_nik', 'nomor_induk_kependudukan'];
const SEX = ['jenis_kelamin', 'jk', 'l_p', 'lp', 'kelamin', 'jns_kelamin', 'gender', 'sex'];
const BIRTHPLACE = [
  'tempat_lahir',
  'tmp_lahir',
  'tempat_lhr',
  'tmpt_lahir',
  'place_of_birth',
  'birthplace',
];
const BIRTHDATE = [
  'tanggal_lahir',
  'tgl_lahir',
  'tgl_lhr',
  'tanggal_lhr',
  'tgllahir',
  'tanggallahir',
  'date_of_birth',
  'birth_date',
  'dob',
];
const MOTHER = [
  'nama_ibu',
  'nama_ibu_kandung',
  'ibu_kandung',
  'data_ibu_nama',
  'nama_lgkp_ibu',
  'mother_name',
];
const ADDRESS = ['alamat', 'alamat_siswa', 'alamat_rumah', 'alamat_jalan', 'address'];
const REGION = [
  'kode_wilayah',
  'kode_wil',
  'kd_wilayah',
  'kode_desa',
  'kode_kelurahan',
  'kode_domisili',
  'kode_wilayah_domisili',
];
const MARITAL = [
  'status_kawin',
  'status_perkawinan',
  'stat_kwn',
  'perkawinan',
  'status_nikah',
  'marital_status',
];
const CITIZENSHIP = ['kewarganegaraan', 'warga_negara', 'kewarganegaran', 'wn', 'citizenship'];
const RECORDING = [
  'status_rekam',
  'status_ktp',
  'status_ktp_el',
  'status_ktpel',
  'status_e_ktp',
  'status_ektp',
  'status_perekaman',
  'status_rekam_ktp_el',
  'status_rekam_ktp',
];

const f = (key: string, aliases: readonly string[], required = false, oneOf?: string): FieldSpec =>
  oneOf === undefined ? { key, aliases, required } : { key, aliases, required, oneOf };

/** A student list (SPEC §7), including Dapodik exports and teachers' own sheets. */
export const STUDENT_FIELDS: readonly FieldSpec[] = [
  f('id_siswa', ['id_siswa', 'id', 'nipd', 'nis', 'no_induk', 'nomor_induk', 'nis_nipd']),
  f('npsn', ['npsn', 'npsn_sekolah', 'kode_sekolah']),
  f('nama_sekolah', ['nama_sekolah', 'sekolah', 'asal_sekolah']),
  f('nisn', ['nisn']),
  f('nik', [...NIK, 'nik_siswa', 'nik_peserta_didik']),
  f(
    'nama',
    ['nama', 'nama_siswa', 'nama_peserta_didik', 'nama_lengkap', 'nama_murid', 'nama_pd', 'name'],
    true,
  ),
  f('jenis_kelamin', SEX),
  f('tempat_lahir', BIRTHPLACE),
  f('tanggal_lahir', BIRTHDATE, false, 'birth'),
  f(
    'tempat_tanggal_lahir',
    [
      'tempat_tanggal_lahir',
      'ttl',
      'tempat_tgl_lahir',
      'tempat_dan_tanggal_lahir',
      'tempat_tgl_lhr',
    ],
    false,
    'birth',
  ),
  f('nama_ibu', MOTHER),
  f('alamat', ADDRESS),
  f('kelas', ['kelas', 'rombel', 'rombel_saat_ini', 'rombongan_belajar', 'kls', 'class']),
];

/** A civil-registry extract (SPEC §7). */
export const RESIDENT_FIELDS: readonly FieldSpec[] = [
  f('nik', NIK, true),
  f('no_kk', ['no_kk', 'nomor_kk', 'nkk', 'no_kartu_keluarga', 'nomor_kartu_keluarga', 'kk']),
  f('nama', ['nama', 'nama_lengkap', 'nama_lgkp', 'nama_penduduk', 'name'], true),
  f('jenis_kelamin', SEX),
  f('tempat_lahir', BIRTHPLACE),
  f('tanggal_lahir', BIRTHDATE, true),
  f('nama_ibu', MOTHER),
  f('alamat', ADDRESS),
  f('kode_wilayah', REGION),
  f('status_kawin', MARITAL),
  f('kewarganegaraan', CITIZENSHIP),
  f('status_rekam', RECORDING),
];

/** The people file of `sahaja eligibility` (SPEC §7): six required columns, and the school if present. */
export const PEOPLE_FIELDS: readonly FieldSpec[] = [
  f('nik', NIK, true),
  f('tanggal_lahir', BIRTHDATE, true),
  f('status_kawin', MARITAL, true),
  f('kewarganegaraan', CITIZENSHIP, true),
  f('status_rekam', RECORDING, true),
  f('kode_wilayah', REGION, true),
  f('npsn', ['npsn', 'kode_sekolah']),
];

/**
 * The schools file of `sahaja plan` (SPEC §7). The student counts are optional: an office's own list
 * of schools (NPSN, name, kecamatan, travel time) has none — the app counts the students from their
 * lists — while `sahaja plan` refuses a file without them (it has no other source).
 */
export const SCHOOL_FIELDS: readonly FieldSpec[] = [
  f('npsn', ['npsn'], true),
  f('nama_sekolah', ['nama_sekolah', 'nama', 'sekolah'], true),
  f('kecamatan', ['kecamatan', 'kec', 'kode_kecamatan']),
  f('waktu_tempuh_menit', ['waktu_tempuh_menit', 'waktu_tempuh', 'menit', 'travel_minutes']),
  f('jumlah_wajib', ['jumlah_wajib', 'wajib']),
  f('jumlah_dini', ['jumlah_dini', 'dini', 'rekam_dini', 'jumlah_rekam_dini']),
  f('tanggal_tidak_bisa', ['tanggal_tidak_bisa', 'tidak_bisa', 'blackout', 'tanggal_blackout']),
  f('lintang', ['lintang', 'latitude', 'lat']),
  f('bujur', ['bujur', 'longitude', 'lon', 'lng']),
];

/** The teams file of `sahaja plan` (SPEC §7). */
export const TEAM_FIELDS: readonly FieldSpec[] = [
  f('tim', ['tim', 'nama_tim', 'team'], true),
  f('jumlah_alat', ['jumlah_alat', 'alat', 'sets'], true),
  f('kapasitas_per_alat', ['kapasitas_per_alat', 'kapasitas', 'capacity'], true),
];

/** The holidays file of `sahaja plan` (SPEC §7). */
export const HOLIDAY_FIELDS: readonly FieldSpec[] = [
  f('tanggal', ['tanggal', 'tgl', 'date'], true),
  f('keterangan', ['keterangan', 'ket', 'nama_libur', 'libur', 'description']),
];
