import { describe, expect, it } from 'vitest';
import { I18n } from '../i18n/i18n.svelte';
import { reasonText } from './reason';
import { buildRows } from './rows';
import { eligibilityOf, POLICY, school, student } from './test-support/eligibility-fixture';

const rows = buildRows(
  eligibilityOf([
    student('S1', '20510001', 'SITI NUR AISYAH', 'WAJIB', { kelas: 'XII' }),
    student('S3', '20510002', 'MOCH RIZKY', 'BELUM_CUKUP_UMUR', { kelas: 'X' }),
    student('S4', '20510002', 'DEWI LESTARI', 'review'),
    student('S5', '20510002', 'AGUS SALIM', 'not_matched'),
    student('S6', '20510002', 'SITI NUR AISYAH', 'WAJIB', { duplicateOf: 'S1' }),
    student('S7', '99999999', 'BUDI', 'TIDAK_DITEMUKAN'),
    student('S8', '20510002', 'EKA', 'LUAR_WILAYAH'),
    student('S9', '20510002', 'FAJAR', 'DATA_TIDAK_VALID'),
    student('S10', '20510002', 'GITA', 'PERLU_TINDAK_LANJUT'),
  ]),
  [school('20510001', 'SMA NEGERI 2 PARE'), school('20510002', 'SMA NEGERI 1 GURAH')],
);
const row = (id: string) => rows.find((r) => r.student.idSiswa === id)!;

describe('reasonText', () => {
  it("writes a decision's reason in the chosen language", () => {
    const i18n = new I18n(null);
    expect(reasonText(row('S3'), POLICY, i18n)).toContain('10 Mei 2024');
    i18n.setLocale('en');
    expect(reasonText(row('S3'), POLICY, i18n)).toContain('10 May 2024');
    expect(reasonText(row('S7'), POLICY, i18n)).toContain('update the KK');
  });

  it('says why a student has no category yet, and where a duplicate listing is counted', () => {
    const i18n = new I18n(null);
    expect(reasonText(row('S5'), POLICY, i18n)).toBe(i18n.t('eligibility.reason.pendingMatch'));
    expect(reasonText(row('S4'), POLICY, i18n)).toBe(i18n.t('eligibility.reason.pendingReview'));
    expect(reasonText(row('S6'), POLICY, i18n, row('S1'))).toContain(
      'SMA NEGERI 2 PARE, kelas XII',
    );
    expect(reasonText(row('S6'), POLICY, i18n)).toBe(i18n.t('eligibility.reason.duplicate'));
  });

  it('says what to do for each follow-up: the status, the domicile, the invalid field', () => {
    const i18n = new I18n(null);
    expect(reasonText(row('S10'), POLICY, i18n)).toContain('DUPLICATE_RECORD');
    expect(reasonText(row('S8'), POLICY, i18n)).toContain('Kota Kediri');
    expect(reasonText(row('S9'), POLICY, i18n)).toMatch(/^Data tidak valid — NIK/);
  });

  it('never repeats an NIK', () => {
    const i18n = new I18n(null);
    for (const r of rows) expect(reasonText(r, POLICY, i18n)).not.toMatch(/\d{16}/);
  });
});
