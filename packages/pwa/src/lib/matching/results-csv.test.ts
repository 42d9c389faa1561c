import { parseCsv } from '@sahaja/core/io';
import { describe, expect, it } from 'vitest';
import type { StudentMatch } from '../core/types';
import {
  matchesToCsv,
  NOT_FOUND_CSV_HEADER,
  notFoundToCsv,
  RESULTS_CSV_HEADER,
} from './results-csv';

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

describe('notFoundToCsv', () => {
  const entries = [
    {
      idSiswa: '0007',
      nama: 'GALIH SAPUTRA',
      kelas: 'XI IPA 2',
      npsn: '20512345',
      school: 'SMA Negeri 1 Pare',
      rejected: 0,
    },
    {
      idSiswa: '0008',
      nama: '+SITI',
      kelas: 'X',
      npsn: '20512345',
      school: 'SMA Negeri 1 Pare',
      rejected: 2,
    },
  ];

  it('writes one row per student with TIDAK_DITEMUKAN and what the family should do', () => {
    const { rows } = parseCsv(decode(notFoundToCsv(entries, 'Perbarui KK di Dukcapil.')));
    expect(rows[0]).toEqual([...NOT_FOUND_CSV_HEADER]);
    expect(rows[1]).toEqual([
      '0007',
      '20512345',
      'SMA Negeri 1 Pare',
      'GALIH SAPUTRA',
      'XI IPA 2',
      'TIDAK_DITEMUKAN',
      'Perbarui KK di Dukcapil.',
    ]);
    expect(rows).toHaveLength(3);
  });

  it('neutralises a name Excel would run as a formula', () => {
    expect(decode(notFoundToCsv(entries, 'x'))).toContain(",'+SITI,");
  });
});
