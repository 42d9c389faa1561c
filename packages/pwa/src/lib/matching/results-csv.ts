import { tableToCsvBytes, type ExportColumn } from '@sahaja/core/io';
import type { MatchReason, StudentMatch } from '../core/types';
import type { NotFoundEntry } from './not-found';

/** The columns of the results file, as `sahaja match` writes them (without its explanation column). */
export const RESULTS_CSV_HEADER = [
  'id_siswa',
  'nik_cocok',
  'probabilitas',
  'status',
  'alasan',
  'duplikat_dari',
] as const;

/**
 * The pemadanan results as a CSV file for Excel (UTF-8 with a byte-order mark, CRLF, cells that a
 * spreadsheet would run as a formula neutralised): one row per student in the order given, the
 * probability with six decimals and `alasan` as `reasonText` words it.
 *
 * @example matchesToCsv(result.matches, (reason) => i18n.t(`matching.reasonDetail.${reason}`))
 */
export function matchesToCsv(
  matches: readonly StudentMatch[],
  reasonText: (reason: MatchReason) => string,
): Uint8Array {
  const [idSiswa, nik, probability, status, reason, duplicateOf] = RESULTS_CSV_HEADER;
  const columns: readonly ExportColumn<StudentMatch>[] = [
    { header: idSiswa, type: 'identifier', value: (m) => m.idSiswa },
    { header: nik, type: 'identifier', value: (m) => m.nik },
    { header: probability, type: 'text', value: (m) => m.probability.toFixed(6) },
    { header: status, type: 'text', value: (m) => m.status },
    { header: reason, type: 'text', value: (m) => reasonText(m.reason) },
    { header: duplicateOf, type: 'identifier', value: (m) => m.duplicateOf },
  ];
  return tableToCsvBytes({ sheet: 'pemadanan', columns, rows: matches });
}

/** The columns of the list of students not found in the registry, for the schools and families. */
export const NOT_FOUND_CSV_HEADER = [
  'id_siswa',
  'npsn',
  'sekolah',
  'nama',
  'kelas',
  'alasan',
  'tindak_lanjut',
] as const;

/**
 * The students not found in the registry as a CSV file for Excel (same form as {@link matchesToCsv}):
 * one row per entry in the order given, with the reason (`TIDAK_DITEMUKAN`) and `advice`, what the
 * family should do, in the words of the screen's language.
 */
export function notFoundToCsv(entries: readonly NotFoundEntry[], advice: string): Uint8Array {
  const [idSiswa, npsn, school, name, kelas, reason, followUp] = NOT_FOUND_CSV_HEADER;
  const columns: readonly ExportColumn<NotFoundEntry>[] = [
    { header: idSiswa, type: 'identifier', value: (e) => e.idSiswa },
    { header: npsn, type: 'identifier', value: (e) => e.npsn },
    { header: school, type: 'text', value: (e) => e.school },
    { header: name, type: 'text', value: (e) => e.nama },
    { header: kelas, type: 'text', value: (e) => e.kelas },
    { header: reason, type: 'text', value: () => 'TIDAK_DITEMUKAN' },
    { header: followUp, type: 'text', value: () => advice },
  ];
  return tableToCsvBytes({ sheet: 'tidak-ditemukan', columns, rows: entries });
}
