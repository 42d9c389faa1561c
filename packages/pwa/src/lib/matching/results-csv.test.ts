import { parseCsv } from '@sahaja/core/io';
import { describe, expect, it } from 'vitest';
import type { StudentMatch } from '../core/types';
import { matchesToCsv, RESULTS_CSV_HEADER } from './results-csv';

function match(fields: Partial<StudentMatch> & Pick<StudentMatch, 'idSiswa'>): StudentMatch {
  return {
    nik: '',
    probability: 0,
    status: 'TIDAK_COCOK',
    reason: 'not_found',
    duplicateOf: '',
    explanation: [],
    candidates: [],
    ...fields,
  };
}

const matches: readonly StudentMatch[] = [
  match({
    idSiswa: '0012',
    nik: '3506190507070002',
    probability: 0.9999999999998685,
    status: 'COCOK',
    reason: 'confident',
  }),
  match({
    idSiswa: '0013',
    nik: '3506190507070002',
    probability: 0.99,
    status: 'PERLU_REVIEW',
    reason: 'duplicate',
    duplicateOf: '0012',
  }),
  match({ idSiswa: '=HYPERLINK("x")', probability: 3.2e-7 }),
];

const words = {
  confident: 'yakin',
  duplicate: 'dua kali, "lihat" duplikat_dari',
  not_found: 'tidak',
};
const reasonText = (reason: StudentMatch['reason']) =>
  words[reason as keyof typeof words] ?? reason;

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('matchesToCsv', () => {
  it('writes a header and one row per student, in order, with the reason in words', () => {
    const { rows } = parseCsv(decode(matchesToCsv(matches, reasonText)));

    expect(rows.slice(0, 3)).toEqual([
      [...RESULTS_CSV_HEADER],
      ['0012', '3506190507070002', '1.000000', 'COCOK', 'yakin', ''],
      [
        '0013',
        '3506190507070002',
        '0.990000',
        'PERLU_REVIEW',
        'dua kali, "lihat" duplikat_dari',
        '0012',
      ],
    ]);
    expect(rows).toHaveLength(matches.length + 1);
  });

  it('writes for Excel: a byte-order mark, CRLF line ends and formulas neutralised', () => {
    const text = decode(matchesToCsv(matches, reasonText));

    expect(
      text.startsWith('\uFEFFid_siswa,nik_cocok,probabilitas,status,alasan,duplikat_dari\r\n'),
    ).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")",,0.000000,TIDAK_COCOK,tidak,\r\n`);
  });

  it('does not modify the matches it is given', () => {
    const before = structuredClone(matches);
    matchesToCsv(matches, reasonText);
    expect(matches).toEqual(before);
  });

  describe('invalid input', () => {
    it('writes only the header for no matches', () => {
      expect(decode(matchesToCsv([], reasonText))).toBe(
        '\uFEFFid_siswa,nik_cocok,probabilitas,status,alasan,duplikat_dari\r\n',
      );
    });
  });
});
