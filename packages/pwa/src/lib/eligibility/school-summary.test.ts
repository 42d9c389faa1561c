import { describe, expect, it } from 'vitest';
import { emptyEligibilityCounts, type EligibilityCounts } from './programme';
import { OTHER_CATEGORIES, schoolSummaries, summarise } from './school-summary';
import { eligibilityOf, school } from './test-support/eligibility-fixture';

function counts(values: Partial<Record<keyof EligibilityCounts, number>>): EligibilityCounts {
  return { ...emptyEligibilityCounts(), ...values };
}

describe('summarise', () => {
  it('puts every category but the targets and the recorded under "others", and adds up', () => {
    const line = summarise(
      '20510001',
      'SMA A',
      counts({
        WAJIB: 3,
        REKAM_DINI: 4,
        SUDAH_REKAM: 5,
        DATA_TIDAK_VALID: 1,
        WNA: 1,
        PERLU_TINDAK_LANJUT: 1,
        LUAR_WILAYAH: 1,
        BELUM_CUKUP_UMUR: 1,
        TIDAK_DITEMUKAN: 1,
        pendingMatch: 2,
        pendingReview: 1,
        duplicates: 2,
      }),
    );
    expect(OTHER_CATEGORIES).toHaveLength(6);
    expect(line).toMatchObject({
      wajib: 3,
      rekamDini: 4,
      targets: 7,
      sudahRekam: 5,
      others: 6,
      pending: 3,
      duplicates: 2,
      total: 23,
    });
  });
});

describe('schoolSummaries', () => {
  it('lists every school by name, with zeros for a school without students, unknown NPSNs last', () => {
    const eligibility = {
      ...eligibilityOf([]),
      bySchool: new Map([
        ['20510002', counts({ WAJIB: 2 })],
        ['99999999', counts({ TIDAK_DITEMUKAN: 1 })],
        ['20510001', counts({ REKAM_DINI: 1 })],
      ]),
    };
    const lines = schoolSummaries(eligibility, [
      school('20510001', 'SMA Negeri 2 Pare'),
      school('20510003', 'MA Al Falah'),
      school('20510002', 'SMA Negeri 10 Kediri'),
    ]);

    expect(lines.map((l) => [l.nama, l.total])).toEqual([
      ['MA Al Falah', 0],
      ['SMA Negeri 2 Pare', 1],
      ['SMA Negeri 10 Kediri', 2],
      [null, 1],
    ]);
    expect(lines.at(-1)?.npsn).toBe('99999999');
  });
});
