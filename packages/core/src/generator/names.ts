/**
 * Name parts for synthetic people of Kabupaten Kediri, weighted so that common names are common:
 * Muhammad and its spellings, Siti, Nur, Dewi and Putri are frequent, as in real East-Javanese registries.
 * Weights are relative counts, not measured frequencies; they aim at realistic collisions, not statistics.
 */

type Weighted = readonly (readonly [string, number])[];

/** How a male child's name starts: an Islamic prefix (written as the registry has it) or none. */
// prettier-ignore
export const MALE_PREFIX: Weighted = [
  ['', 55],
  ['MUHAMMAD', 16],
  ['MOCHAMAD', 3],
  ['MOCHAMMAD', 2],
  ['MOHAMAD', 2],
  ['MOHAMMAD', 2],
  ['MUHAMAD', 2],
  ['MOCH', 1],
  ['AHMAD', 6],
  ['ACHMAD', 3],
  ['ABDUL', 2],
  ['MUCHAMMAD', 1],
];

// prettier-ignore
export const MALE_GIVEN: Weighted = [
  ['RIZKY', 9], ['DIMAS', 6], ['BAGUS', 5], ['ADITYA', 6], ['FAJAR', 5], ['ANDI', 3], ['DANI', 3],
  ['REZA', 3], ['YOGA', 4], ['BAYU', 4], ['EKO', 3], ['DWI', 5], ['TRI', 3], ['AGUS', 3], ['ARIF', 3],
  ['FIRMAN', 2], ['HENDRA', 2], ['ILHAM', 4], ['IRFAN', 3], ['KEVIN', 2], ['LUTFI', 2], ['NAUFAL', 3],
  ['RAFI', 3], ['RAHMAT', 2], ['RIDWAN', 2], ['SATRIA', 2], ['TAUFIK', 2], ['WAHYU', 4], ['YUSUF', 3],
  ['ZAINAL', 2], ['ALFIAN', 3], ['ANGGA', 3], ['ARYA', 3], ['BIMA', 2], ['CAHYO', 2], ['DAFFA', 3],
  ['DENI', 2], ['FAHMI', 2], ['FARHAN', 4], ['GILANG', 3], ['HAFIDZ', 2], ['HARIS', 2], ['JOKO', 1],
  ['KHOIRUL', 3], ['CHOIRUL', 2], ['ROHMAN', 1], ['ROCHMAN', 1], ['FATHUR', 2], ['FATCHUR', 1],
  ['MAULANA', 2], ['NOVAL', 2], ['PRASETYO', 2], ['RAFLI', 2], ['RENDI', 3], ['RIYAN', 2], ['SAIFUL', 2],
  ['SYAIFUL', 1], ['ULUL', 1], ['VINO', 1], ['WILDAN', 2], ['ZAKI', 2], ['ZIDAN', 3], ['AZKA', 2],
  ['HASAN', 2], ['HUSEIN', 1], ['ALDI', 2], ['FERDI', 2], ['GALIH', 2], ['IQBAL', 3], ['NANDA', 2],
  ['PUTRA', 2], ['RAMA', 2], ['SEPTIAN', 2], ['TEGUH', 1], ['YOGI', 2], ['DJOKO', 1], ['MOKHAMAD', 1],
];

// prettier-ignore
export const MALE_MIDDLE: Weighted = [
  ['', 40], ['ADI', 3], ['DWI', 3], ['NUR', 4], ['AL', 2], ['ARYA', 2], ['BAGAS', 2], ['DENY', 1],
  ['FAHRUL', 2], ['HAFIZ', 1], ['ILHAM', 2], ['KURNIA', 2], ['NAUFAL', 1], ['RIZQI', 2], ['SAIFUL', 1],
  ['WAHYU', 2], ['YUDHA', 2], ['ZAKY', 1], ['ALFAN', 1], ['ANDIKA', 2], ['ADE', 1], ['DIMAS', 1],
  ['FAUZI', 1], ['KHOIRUL', 1], ['ROHMAN', 1], ['ZAINUL', 1], ['FIRDAUS', 1],
];

// prettier-ignore
export const MALE_LAST: Weighted = [
  ['', 18], ['PRATAMA', 8], ['SAPUTRA', 9], ['SETIAWAN', 5], ['NUGROHO', 4], ['WIBOWO', 3],
  ['HIDAYAT', 4], ['RAMADHAN', 6], ['FIRMANSYAH', 4], ['MAULANA', 5], ['SANTOSO', 3], ['KURNIAWAN', 4],
  ['PRASETYO', 4], ['ANAM', 3], ['HAKIM', 2], ['FAUZI', 3], ['ALFARIZI', 2], ['AKBAR', 3], ['ARDIANSYAH', 3],
  ['SYAHPUTRA', 2], ['HERMAWAN', 2], ['WIJAYA', 3], ['IRAWAN', 2], ['HIDAYATULLAH', 2], ['MUSTOFA', 2],
  ['MUSTHOFA', 1], ['ROZAQ', 1], ['ROSYID', 2], ['ZAKARIA', 1], ['ASSIDIQI', 1], ['ALFIANSYAH', 2],
  ['FEBRIANSYAH', 2], ['ADITYA', 2], ['PERMANA', 1], ['SUSILO', 1], ['WARDANA', 1], ['BASRI', 1],
  ['ISMAIL', 1], ['SUGIANTO', 1], ['PAMUNGKAS', 2], ['PURNOMO', 1], ['ABIDIN', 1], ['ANSORI', 1],
];

// prettier-ignore
export const FEMALE_PREFIX: Weighted = [
  ['', 66],
  ['SITI', 10],
  ['NUR', 7],
  ['DEWI', 4],
  ['PUTRI', 5],
  ['DIAH', 2],
  ['RATNA', 1],
  ['SRI', 1],
  ['NURUL', 3],
  ['AYU', 2],
];

// prettier-ignore
export const FEMALE_GIVEN: Weighted = [
  ['AYU', 4], ['ANISA', 5], ['AULIA', 5], ['NOVITA', 3], ['AMELIA', 4], ['ANGGRAINI', 2], ['DINDA', 4],
  ['FITRI', 4], ['INDAH', 4], ['LAILATUL', 4], ['NABILA', 5], ['NAILA', 3], ['NAILI', 1], ['RAHMA', 3],
  ['SALSABILA', 5], ['TIARA', 3], ['WULAN', 3], ['YULIA', 2], ['ZAHRA', 3], ['ALIFIA', 2], ['ANGEL', 1],
  ['AZZAHRA', 3], ['BELLA', 2], ['CINDY', 2], ['DELLA', 2], ['ELSA', 2], ['ERIKA', 1], ['FARAH', 2],
  ['HANI', 2], ['INTAN', 3], ['KHOIRUN', 2], ['CHOIRUN', 1], ['LATIFAH', 2], ['MAYA', 2], ['MELINDA', 2],
  ['NADIA', 3], ['NUR', 2], ['PUTRI', 3], ['RISKA', 2], ['RIZKA', 2], ['SAFIRA', 2], ['SALMA', 3],
  ['SHINTA', 2], ['TRI', 2], ['DWI', 3], ['VIVI', 1], ['WAHYU', 1], ['YUNITA', 2], ['ZULFA', 2],
  ['AINUN', 2], ['ALYA', 2], ['DIAN', 2], ['EVI', 1], ['FEBY', 2], ['HAFIDHOH', 1], ['IKA', 2],
  ['JIHAN', 2], ['KARTIKA', 2], ['LUTFIA', 1], ['MUTIARA', 2], ['NISA', 2], ['OKTAVIA', 2], ['RAHAYU', 1],
  ['SEPTI', 1], ['UMI', 1], ['VINA', 1], ['AISYAH', 3], ['ZAKIYAH', 1], ['MAR\'ATUS', 1], ['NUR\'AINI', 1],
];

// prettier-ignore
export const FEMALE_MIDDLE: Weighted = [
  ['', 45], ['AYU', 3], ['NUR', 4], ['PUTRI', 3], ['DWI', 2], ['AULIA', 2], ['FITRI', 2], ['INDAH', 1],
  ['KHOIRUN', 1], ['NISA', 3], ['NUR\'AINI', 1], ['RAHMA', 1], ['SALSA', 1], ['TRI', 1], ['WAHYU', 1],
  ['ZAHRA', 1], ['AZIZAH', 1], ['DIAN', 1], ['MAULIDA', 1], ['SAFITRI', 1], ['LAILY', 1],
];

// prettier-ignore
export const FEMALE_LAST: Weighted = [
  ['', 16], ['LESTARI', 6], ['RAHMAWATI', 6], ['SARI', 6], ['WULANDARI', 5], ['FITRIANI', 4],
  ['SAFITRI', 6], ['PUSPITASARI', 3], ['NOVITASARI', 3], ['RAMADHANI', 5], ['KURNIAWATI', 3],
  ['MAHARANI', 3], ['PERMATASARI', 2], ['ANGGRAENI', 2], ['ANGGRAINI', 2], ['HIDAYAH', 3], ['KHOIRIYAH', 2],
  ['CHOIRIYAH', 1], ['MUNAWAROH', 1], ['NURJANAH', 2], ['NURJANNAH', 1], ['FADILAH', 2], ['AZZAHRA', 2],
  ['SEPTIANI', 2], ['OKTAVIANI', 2], ['FEBRIANTI', 2], ['MAULIDIYAH', 2], ['ROHMAWATI', 1], ['SYAFITRI', 1],
  ['UTAMI', 2], ['PRATIWI', 3], ['ANJANI', 2], ['AGUSTINA', 1], ['AFIFAH', 1], ['SHOLIHAH', 1],
  ['SHOLIKHAH', 1], ['ISTIQOMAH', 1], ['ROHMAH', 1], ['MUFIDAH', 1],
];

/** Mothers' names (born about 1965–1990): older style, many single names, some old spelling. */
// prettier-ignore
export const MOTHER_FIRST: Weighted = [
  ['SITI', 14], ['SRI', 10], ['NUR', 5], ['ENDANG', 3], ['TUTIK', 3], ['SUMARNI', 3], ['SUPARMI', 2],
  ['SULASTRI', 3], ['PAINEM', 1], ['SUKINI', 2], ['WARTINI', 2], ['SUPRIHATIN', 2], ['YULI', 2],
  ['ANIK', 2], ['ENI', 2], ['ERNA', 2], ['ISTIQOMAH', 1], ['KASIATUN', 1], ['LILIK', 2], ['MUJIATI', 1],
  ['NINIK', 2], ['PARTINI', 1], ['RINI', 2], ['ROHMAH', 1], ['SAMINI', 1], ['SUNARSIH', 1], ['TARMI', 1],
  ['UMI', 3], ['WIWIK', 2], ['YAYUK', 1], ['ALFIYAH', 1], ['CHOLIFAH', 1], ['KHOLIFAH', 1], ['DWI', 2],
  ['HARTINI', 1], ['LIS', 1], ['MUNIROH', 1], ['NURHAYATI', 1], ['SOEPARMI', 1], ['SOELASTRI', 1],
  ['DJUMIATI', 1], ['TJITJIK', 1], ['KATMI', 1], ['MARIYAM', 2], ['MARYAM', 1], ['AMINAH', 2],
];

// prettier-ignore
export const MOTHER_LAST: Weighted = [
  ['', 38], ['AMINAH', 4], ['WAHYUNI', 4], ['LESTARI', 3], ['RAHAYU', 3], ['HIDAYAH', 3], ['MUNAWAROH', 2],
  ['ROFIAH', 2], ['SUSANTI', 3], ['HANDAYANI', 2], ['ZULAIKHA', 2], ['KHOIRIYAH', 2], ['MUSLIMAH', 1],
  ['FATIMAH', 3], ['MUAWANAH', 1], ['RAHMAWATI', 2], ['SUPRIYATIN', 1], ['WIDAYATI', 1], ['KASANAH', 1],
  ['CHASANAH', 1], ['NINGSIH', 2], ['UMAROH', 1], ['MARIYATUN', 1], ['SUGIARTI', 1], ['PURWANTI', 1],
];

/** Fathers' names, for parents' NIKs and bin/binti patronymics. */
// prettier-ignore
export const FATHER_FIRST: Weighted = [
  ['SLAMET', 3], ['SUPRIYADI', 2], ['AHMAD', 4], ['MUHAMMAD', 4], ['MOCH', 2], ['BAMBANG', 2], ['JOKO', 2],
  ['AGUS', 4], ['SUKARDI', 1], ['SUWITO', 1], ['SUDARSONO', 1], ['HERU', 2], ['IMAM', 2], ['KASIM', 1],
  ['MUJI', 1], ['NGATIMAN', 1], ['PURNOMO', 1], ['RUDI', 2], ['SAMSUL', 2], ['SUYANTO', 2], ['TRIONO', 1],
  ['WAGIMAN', 1], ['YUSUF', 1], ['ZAINURI', 1], ['ABDUL', 2], ['ARIFIN', 1], ['DIDIK', 2], ['EDI', 2],
  ['HARIYANTO', 1], ['SOENARJO', 1], ['DJAMARI', 1],
];

/** Places of birth as the registry writes them, weighted. */
// prettier-ignore
export const BIRTHPLACES: Weighted = [
  ['KEDIRI', 78], ['NGANJUK', 4], ['BLITAR', 3], ['TULUNGAGUNG', 2], ['JOMBANG', 2], ['MALANG', 2],
  ['SURABAYA', 2], ['JAKARTA', 1], ['SIDOARJO', 1], ['MADIUN', 1], ['TRENGGALEK', 1], ['BANDUNG', 0.5],
  ['DENPASAR', 0.3], ['BATAM', 0.3], ['KALIMANTAN', 0.2], ['MALAYSIA', 0.3],
];

/** Dusun (hamlet) names for addresses. */
// prettier-ignore
export const DUSUN: readonly string[] = [
  'KRAJAN', 'BARON', 'SUMBER', 'NGEMPLAK', 'TEGALREJO', 'KEDUNGSARI', 'SIDOREJO', 'GEMPOL', 'KALIPANG',
  'PULE', 'JATIREJO', 'DOROK', 'SONOREJO', 'BANARAN', 'GADUNGAN', 'KEMIRI', 'NGRANGKAH', 'SUMBERAGUNG',
  'WONOREJO', 'BENDO', 'PLOSO', 'KAUMAN', 'PATOKAN', 'MANGGIS', 'SUKOREJO', 'JAMBU', 'KEBONAGUNG',
];

/** Word parts for synthesised village names ("SUMBEREJO", "TANJUNGSARI" …). */
// prettier-ignore
export const VILLAGE_HEADS: readonly string[] = [
  'SUMBER', 'TANJUNG', 'KARANG', 'NGADI', 'SUKO', 'WONO', 'BANJAR', 'SIDO', 'PURWO', 'KEDUNG', 'TEGAL',
  'JATI', 'MANGUN', 'SEMBUNG', 'GEDANG', 'BRENGKOK', 'BADAL', 'PAGER', 'TAWANG', 'KWADUNGAN',
];
// prettier-ignore
export const VILLAGE_TAILS: readonly string[] = [
  'REJO', 'SARI', 'MULYO', 'AGUNG', 'JOYO', 'KIDUL', 'WETAN', 'KULON', 'ANYAR', 'DADI', 'HARJO', 'LOR',
];
