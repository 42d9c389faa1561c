import { tableToCsvBytes, type ExportColumn } from '@sahaja/core/io';
import type { MatchReason, StudentMatch } from '../core/types';

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
 * spreadsheet would run as a formula neutralised): one row per student in input order, the probability
 * with six decimals and `alasan` as `reasonText` words it.
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
