/**
 * Region codes the project carries (Kepmendagri No. 300.2.2-2138 Tahun 2025): the provinces, the regencies
 * and cities of Jawa Timur, and the 26 kecamatan of Kabupaten Kediri. A test checks them against the full
 * public table when it is available. Villages are not carried: the generator synthesises them or takes a
 * table from its caller.
 */

/** A region code and its name; codes are written with dots, e.g. `35.06.17`. */
export interface Region {
  readonly kode: string;
  readonly nama: string;
}

/** A kecamatan with an approximate centre, used for travel estimates and synthetic data. */
export interface Kecamatan extends Region {
  readonly latitude: number;
  readonly longitude: number;
}

/** The 38 provinces. */
export const PROVINCES: readonly Region[] = [
  { kode: '11', nama: 'Aceh' },
  { kode: '12', nama: 'Sumatera Utara' },
  { kode: '13', nama: 'Sumatera Barat' },
  { kode: '14', nama: 'Riau' },
  { kode: '15', nama: 'Jambi' },
  { kode: '16', nama: 'Sumatera Selatan' },
  { kode: '17', nama: 'Bengkulu' },
  { kode: '18', nama: 'Lampung' },
  { kode: '19', nama: 'Kepulauan Bangka Belitung' },
  { kode: '21', nama: 'Kepulauan Riau' },
  { kode: '31', nama: 'Daerah Khusus Ibukota Jakarta' },
  { kode: '32', nama: 'Jawa Barat' },
  { kode: '33', nama: 'Jawa Tengah' },
  { kode: '34', nama: 'Daerah Istimewa Yogyakarta' },
  { kode: '35', nama: 'Jawa Timur' },
  { kode: '36', nama: 'Banten' },
  { kode: '51', nama: 'Bali' },
  { kode: '52', nama: 'Nusa Tenggara Barat' },
  { kode: '53', nama: 'Nusa Tenggara Timur' },
  { kode: '61', nama: 'Kalimantan Barat' },
  { kode: '62', nama: 'Kalimantan Tengah' },
  { kode: '63', nama: 'Kalimantan Selatan' },
  { kode: '64', nama: 'Kalimantan Timur' },
  { kode: '65', nama: 'Kalimantan Utara' },
  { kode: '71', nama: 'Sulawesi Utara' },
  { kode: '72', nama: 'Sulawesi Tengah' },
  { kode: '73', nama: 'Sulawesi Selatan' },
  { kode: '74', nama: 'Sulawesi Tenggara' },
  { kode: '75', nama: 'Gorontalo' },
  { kode: '76', nama: 'Sulawesi Barat' },
  { kode: '81', nama: 'Maluku' },
  { kode: '82', nama: 'Maluku Utara' },
  { kode: '91', nama: 'Papua' },
  { kode: '92', nama: 'Papua Barat' },
  { kode: '93', nama: 'Papua Selatan' },
  { kode: '94', nama: 'Papua Tengah' },
  { kode: '95', nama: 'Papua Pegunungan' },
  { kode: '96', nama: 'Papua Barat Daya' },
];

/** The regencies (kabupaten) and cities (kota) of Jawa Timur (35). */
export const JAWA_TIMUR_REGENCIES: readonly Region[] = [
  { kode: '35.01', nama: 'Kabupaten Pacitan' },
  { kode: '35.02', nama: 'Kabupaten Ponorogo' },
  { kode: '35.03', nama: 'Kabupaten Trenggalek' },
  { kode: '35.04', nama: 'Kabupaten Tulungagung' },
  { kode: '35.05', nama: 'Kabupaten Blitar' },
  { kode: '35.06', nama: 'Kabupaten Kediri' },
  { kode: '35.07', nama: 'Kabupaten Malang' },
  { kode: '35.08', nama: 'Kabupaten Lumajang' },
  { kode: '35.09', nama: 'Kabupaten Jember' },
  { kode: '35.10', nama: 'Kabupaten Banyuwangi' },
  { kode: '35.11', nama: 'Kabupaten Bondowoso' },
  { kode: '35.12', nama: 'Kabupaten Situbondo' },
  { kode: '35.13', nama: 'Kabupaten Probolinggo' },
  { kode: '35.14', nama: 'Kabupaten Pasuruan' },
  { kode: '35.15', nama: 'Kabupaten Sidoarjo' },
  { kode: '35.16', nama: 'Kabupaten Mojokerto' },
  { kode: '35.17', nama: 'Kabupaten Jombang' },
  { kode: '35.18', nama: 'Kabupaten Nganjuk' },
  { kode: '35.19', nama: 'Kabupaten Madiun' },
  { kode: '35.20', nama: 'Kabupaten Magetan' },
  { kode: '35.21', nama: 'Kabupaten Ngawi' },
  { kode: '35.22', nama: 'Kabupaten Bojonegoro' },
  { kode: '35.23', nama: 'Kabupaten Tuban' },
  { kode: '35.24', nama: 'Kabupaten Lamongan' },
  { kode: '35.25', nama: 'Kabupaten Gresik' },
  { kode: '35.26', nama: 'Kabupaten Bangkalan' },
  { kode: '35.27', nama: 'Kabupaten Sampang' },
  { kode: '35.28', nama: 'Kabupaten Pamekasan' },
  { kode: '35.29', nama: 'Kabupaten Sumenep' },
  { kode: '35.71', nama: 'Kota Kediri' },
  { kode: '35.72', nama: 'Kota Blitar' },
  { kode: '35.73', nama: 'Kota Malang' },
  { kode: '35.74', nama: 'Kota Probolinggo' },
  { kode: '35.75', nama: 'Kota Pasuruan' },
  { kode: '35.76', nama: 'Kota Mojokerto' },
  { kode: '35.77', nama: 'Kota Madiun' },
  { kode: '35.78', nama: 'Kota Surabaya' },
  { kode: '35.79', nama: 'Kota Batu' },
];

/** Code of Kabupaten Kediri, the first user's regency. */
export const KAB_KEDIRI = '35.06';

/** Code of Kota Kediri, the city inside it whose students often attend the regency's schools. */
export const KOTA_KEDIRI = '35.71';

/**
 * The 26 kecamatan of Kabupaten Kediri, with approximate centres (about a kilometre off; enough for
 * travel-time estimates, not for navigation).
 */
export const KEDIRI_KECAMATAN: readonly Kecamatan[] = [
  { kode: '35.06.01', nama: 'Semen', latitude: -7.83, longitude: 111.93 },
  { kode: '35.06.02', nama: 'Mojo', latitude: -7.88, longitude: 111.95 },
  { kode: '35.06.03', nama: 'Kras', latitude: -7.93, longitude: 112.04 },
  { kode: '35.06.04', nama: 'Ngadiluwih', latitude: -7.88, longitude: 112.03 },
  { kode: '35.06.05', nama: 'Kandat', latitude: -7.92, longitude: 112.1 },
  { kode: '35.06.06', nama: 'Wates', latitude: -7.9, longitude: 112.17 },
  { kode: '35.06.07', nama: 'Ngancar', latitude: -7.9, longitude: 112.24 },
  { kode: '35.06.08', nama: 'Puncu', latitude: -7.8, longitude: 112.26 },
  { kode: '35.06.09', nama: 'Plosoklaten', latitude: -7.86, longitude: 112.2 },
  { kode: '35.06.10', nama: 'Gurah', latitude: -7.8, longitude: 112.12 },
  { kode: '35.06.11', nama: 'Pagu', latitude: -7.75, longitude: 112.09 },
  { kode: '35.06.12', nama: 'Gampengrejo', latitude: -7.77, longitude: 112.03 },
  { kode: '35.06.13', nama: 'Grogol', latitude: -7.78, longitude: 111.96 },
  { kode: '35.06.14', nama: 'Papar', latitude: -7.68, longitude: 112.07 },
  { kode: '35.06.15', nama: 'Purwoasri', latitude: -7.64, longitude: 112.11 },
  { kode: '35.06.16', nama: 'Plemahan', latitude: -7.68, longitude: 112.14 },
  { kode: '35.06.17', nama: 'Pare', latitude: -7.76, longitude: 112.2 },
  { kode: '35.06.18', nama: 'Kepung', latitude: -7.73, longitude: 112.3 },
  { kode: '35.06.19', nama: 'Kandangan', latitude: -7.69, longitude: 112.29 },
  { kode: '35.06.20', nama: 'Tarokan', latitude: -7.74, longitude: 111.92 },
  { kode: '35.06.21', nama: 'Kunjang', latitude: -7.63, longitude: 112.06 },
  { kode: '35.06.22', nama: 'Banyakan', latitude: -7.8, longitude: 111.9 },
  { kode: '35.06.23', nama: 'Ringinrejo', latitude: -7.97, longitude: 112.08 },
  { kode: '35.06.24', nama: 'Kayen Kidul', latitude: -7.74, longitude: 112.12 },
  { kode: '35.06.25', nama: 'Ngasem', latitude: -7.79, longitude: 112.07 },
  { kode: '35.06.26', nama: 'Badas', latitude: -7.72, longitude: 112.22 },
];
