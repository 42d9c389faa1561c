import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_GROUPS,
  followUpGroupOf,
  followUpItems,
  followUpSections,
  followUpTotal,
} from './follow-up';
import { buildRows } from './rows';
import { eligibilityOf, school, student } from './test-support/eligibility-fixture';

const A = '20510001';
const B = '20510002';
const rows = buildRows(
  eligibilityOf([
    student('S1', A, 'ANI', 'WAJIB'),
    student('S2', A, 'BUDI', 'REKAM_DINI'),
    student('S3', A, 'CICI', 'SUDAH_REKAM'),
    student('S4', A, 'DEDI', 'WNA'),
    student('S5', A, 'EKA', 'PERLU_TINDAK_LANJUT'),
    student('S6', B, 'FAJAR', 'DATA_TIDAK_VALID'),
    student('S7', B, 'GITA', 'TIDAK_DITEMUKAN'),
    student('S8', A, 'HADI', 'LUAR_WILAYAH'),
    student('S9', B, 'INDAH', 'BELUM_CUKUP_UMUR'),
    student('S10', B, 'JOKO', 'review'),
    student('S11', B, 'KIKI', 'not_matched'),
    student('S12', B, 'GITA', 'TIDAK_DITEMUKAN', { duplicateOf: 'S7' }),
    student('S13', A, 'LINA', 'TIDAK_DITEMUKAN'),
  ]),
  [school(A, 'SMA A'), school(B, 'SMA B')],
);
const groupIds = (sections: ReturnType<typeof followUpSections>) =>
  Object.fromEntries(sections.map((s) => [s.group, s.rows.map((r) => r.student.idSiswa)]));

describe('followUpSections', () => {
  it('groups the people who need something done, in the screen order, with what they are', () => {
    expect(groupIds(followUpSections(rows))).toEqual({
      PERLU_TINDAK_LANJUT: ['S5'],
      DATA_TIDAK_VALID: ['S6'],
      TIDAK_DITEMUKAN: ['S13', 'S7'],
      LUAR_WILAYAH: ['S8'],
      BELUM_CUKUP_UMUR: ['S9'],
      review: ['S10'],
    });
    expect(followUpSections(rows).map((s) => s.group)).toEqual([...FOLLOW_UP_GROUPS]);
  });

  it('leaves out targets, recorded students, foreigners, duplicate listings and the unmatched', () => {
    const none = ['S1', 'S2', 'S3', 'S4', 'S11', 'S12'];
    for (const row of rows.filter((r) => none.includes(r.student.idSiswa))) {
      expect(followUpGroupOf(row), row.student.idSiswa).toBeNull();
    }
    expect(followUpTotal(followUpSections(rows))).toBe(7);
  });

  it("keeps one school's people when a school is chosen, and every group even when empty", () => {
    const sections = followUpSections(rows, B);
    expect(groupIds(sections)).toEqual({
      PERLU_TINDAK_LANJUT: [],
      DATA_TIDAK_VALID: ['S6'],
      TIDAK_DITEMUKAN: ['S7'],
      LUAR_WILAYAH: [],
      BELUM_CUKUP_UMUR: ['S9'],
      review: ['S10'],
    });
    expect(followUpTotal(followUpSections(rows, '00000000'))).toBe(0);
  });
});

describe('followUpItems', () => {
  it('puts each non-empty group heading before its people, numbered from 1 per group', () => {
    const items = followUpItems(followUpSections(rows, A));
    expect(
      items.map((i) =>
        i.kind === 'group' ? `${i.group}:${i.count}` : `${i.number}.${i.row.student.idSiswa}`,
      ),
    ).toEqual([
      'PERLU_TINDAK_LANJUT:1',
      '1.S5',
      'TIDAK_DITEMUKAN:1',
      '1.S13',
      'LUAR_WILAYAH:1',
      '1.S8',
    ]);
  });

  it('is empty when nobody needs follow-up', () => {
    expect(followUpItems(followUpSections([]))).toEqual([]);
  });
});
