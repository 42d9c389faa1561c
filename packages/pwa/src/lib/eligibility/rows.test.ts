import { describe, expect, it } from 'vitest';
import {
  buildRows,
  countKeyOf,
  filterRows,
  keyDates,
  NO_FILTER,
  normaliseName,
  type RowFilter,
} from './rows';
import { eligibilityOf, school, student } from './test-support/eligibility-fixture';

const SCHOOLS = [school('20510001', 'SMA NEGERI 2 PARE'), school('20510002', 'SMA NEGERI 1 GURAH')];

const STUDENTS = [
  student('S1', '20510001', 'Siti  Nur Aisyah', 'WAJIB', { kelas: 'XII' }),
  student('S2', '20510001', 'MUHAMMAD RIZKY', 'REKAM_DINI', { kelas: 'XI' }),
  student('S3', '20510002', 'Moch. Rizky Pratama', 'BELUM_CUKUP_UMUR', { kelas: 'X' }),
  student('S4', '20510002', 'DEWI LESTARI', 'review'),
  student('S5', '20510002', 'AGUS SALIM', 'not_matched'),
  student('S6', '20510002', 'SITI NUR AISYAH', 'WAJIB', { duplicateOf: 'S1' }),
  student('S7', '99999999', 'BUDI', 'TIDAK_DITEMUKAN'),
];

const rows = buildRows(eligibilityOf(STUDENTS), SCHOOLS);
const ids = (list: readonly { student: { idSiswa: string } }[]) =>
  list.map((r) => r.student.idSiswa);
const filter = (changes: Partial<RowFilter>) => filterRows(rows, { ...NO_FILTER, ...changes });

describe('buildRows', () => {
  it('sorts by school name, class and name; a school the programme does not list comes last', () => {
    expect(ids(rows)).toEqual(['S3', 'S5', 'S4', 'S6', 'S2', 'S1', 'S7']);
    expect(rows.find((r) => r.student.idSiswa === 'S7')?.schoolName).toBe('');
    expect(rows.find((r) => r.student.idSiswa === 'S1')?.schoolName).toBe('SMA NEGERI 2 PARE');
  });

  it('counts each student as the totals do: duplicates and pending students apart', () => {
    expect(Object.fromEntries(rows.map((r) => [r.student.idSiswa, r.key]))).toEqual({
      S1: 'WAJIB',
      S2: 'REKAM_DINI',
      S3: 'BELUM_CUKUP_UMUR',
      S4: 'pendingReview',
      S5: 'pendingMatch',
      S6: 'duplicates',
      S7: 'TIDAK_DITEMUKAN',
    });
    expect(countKeyOf(STUDENTS[5]!)).toBe('duplicates');
  });

  it('does not modify the result', () => {
    const result = eligibilityOf(STUDENTS);
    const before = result.students.map((s) => s.idSiswa);
    buildRows(result, SCHOOLS);
    expect(result.students.map((s) => s.idSiswa)).toEqual(before);
    expect(before).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
  });
});

describe('normaliseName', () => {
  it('folds case, accents, punctuation and extra spaces', () => {
    expect(normaliseName('  Moch.  Rizky ')).toBe('MOCH RIZKY');
    expect(normaliseName('Nur\u00a0Aini-Rahmawati')).toBe('NUR AINI RAHMAWATI');
    expect(normaliseName('Andrés')).toBe('ANDRES');
  });
});

describe('filterRows', () => {
  it('returns the rows themselves when no filter is set', () => {
    expect(filterRows(rows, NO_FILTER)).toBe(rows);
  });

  it('shows the chosen categories, several at once, without duplicate listings', () => {
    expect(ids(filter({ categories: new Set(['WAJIB']) }))).toEqual(['S1']);
    expect(ids(filter({ categories: new Set(['WAJIB', 'REKAM_DINI']) }))).toEqual(['S2', 'S1']);
  });

  it("shows one school's students", () => {
    expect(ids(filter({ school: '20510002' }))).toEqual(['S3', 'S5', 'S4', 'S6']);
    expect(ids(filter({ school: '20510002', categories: new Set(['WAJIB']) }))).toEqual([]);
  });

  it('shows students by pending state', () => {
    expect(ids(filter({ state: 'pending' }))).toEqual(['S5', 'S4']);
    expect(ids(filter({ state: 'not_matched' }))).toEqual(['S5']);
    expect(ids(filter({ state: 'review' }))).toEqual(['S4']);
    expect(ids(filter({ state: 'duplicate' }))).toEqual(['S6']);
    expect(ids(filter({ state: 'decided' }))).toEqual(['S3', 'S2', 'S1', 'S7']);
  });

  it('finds names whatever the case, spacing and punctuation, every word anywhere', () => {
    expect(ids(filter({ name: '  siti   AISYAH ' }))).toEqual(['S6', 'S1']);
    expect(ids(filter({ name: 'aisyah siti' }))).toEqual(['S6', 'S1']);
    expect(ids(filter({ name: 'moch. rizky' }))).toEqual(['S3']);
    expect(ids(filter({ name: 'rizky' }))).toEqual(['S3', 'S2']);
    expect(ids(filter({ name: 'riz', categories: new Set(['REKAM_DINI']) }))).toEqual(['S2']);
  });

  describe('invalid input', () => {
    it('treats a name of only spaces and punctuation as no name filter', () => {
      expect(filter({ name: '  .,  ' })).toBe(rows);
    });

    it('shows nothing for a school no student is listed at', () => {
      expect(filter({ school: '00000000' })).toEqual([]);
    });
  });
});

describe('keyDates', () => {
  it("gives a decision's 17th birthday and first recording day as ISO dates", () => {
    const young = rows.find((r) => r.student.idSiswa === 'S3')!;
    expect(keyDates(young.student.decision)).toEqual({
      seventeenth: '2025-05-10',
      eligibleFrom: '2024-05-10',
    });
  });

  it('leaves out a first recording day that has passed on the reference date', () => {
    const early = rows.find((r) => r.student.idSiswa === 'S2')!;
    expect(keyDates(early.student.decision)).toEqual({
      seventeenth: '2023-08-17',
      eligibleFrom: '2022-08-17',
    });
    expect(keyDates(early.student.decision, '2023-01-16')).toEqual({
      seventeenth: '2023-08-17',
      eligibleFrom: null,
    });
    const young = rows.find((r) => r.student.idSiswa === 'S3')!;
    expect(keyDates(young.student.decision, '2023-01-16').eligibleFrom).toBe('2024-05-10');
  });

  it('gives none for a pending student or one not found', () => {
    expect(keyDates(null)).toEqual({ seventeenth: null, eligibleFrom: null });
    const notFound = rows.find((r) => r.student.idSiswa === 'S7')!;
    expect(keyDates(notFound.student.decision)).toEqual({ seventeenth: null, eligibleFrom: null });
  });
});
