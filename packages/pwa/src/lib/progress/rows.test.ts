import { describe, expect, it } from 'vitest';
import type { SchoolProgressRow } from './dashboard';
import { SCHOOL_ORDERS, sortSchools } from './rows';

const school = (
  npsn: string,
  nama: string,
  extra: Partial<SchoolProgressRow> = {},
): SchoolProgressRow => ({
  npsn,
  nama,
  kecamatan: '35.06.17',
  kecamatanName: 'Pare',
  team: 'Tim 1',
  plannedFinish: '2023-01-17',
  targets: 10,
  targetsWajib: 5,
  recorded: 5,
  recordedWajib: 2,
  absent: 0,
  refused: 0,
  failed: 0,
  notEligible: 0,
  unmarked: 5,
  remaining: 5,
  remainingWajib: 3,
  done: 5,
  planned: 10,
  plannedByNow: 10,
  ...extra,
});

const ROWS = [
  school('3', 'SMA Negeri 10 Kediri', {
    team: 'Tim 10',
    remaining: 2,
    done: 8,
    kecamatanName: 'Gurah',
  }),
  school('1', 'SMA Negeri 2 Kediri', { team: undefined, plannedFinish: undefined, remaining: 9 }),
  school('2', 'sma negeri 1 kediri', { team: 'Tim 2', targets: 0, done: 0, remaining: 0 }),
  school('4', 'SMK Tanpa Kecamatan', { kecamatan: undefined, kecamatanName: '', done: 1 }),
];

const npsns = (rows: readonly SchoolProgressRow[]) => rows.map((r) => r.npsn);

describe('sortSchools', () => {
  it('orders by name by default, numbers as numbers and case ignored', () => {
    expect(npsns(sortSchools(ROWS, 'name'))).toEqual(['2', '1', '3', '4']);
  });

  it('puts the most remaining first', () => {
    expect(npsns(sortSchools(ROWS, 'remaining'))).toEqual(['1', '4', '3', '2']);
  });

  it('puts the lowest share done first, schools without targets last', () => {
    expect(npsns(sortSchools(ROWS, 'percent'))).toEqual(['4', '1', '3', '2']);
  });

  it('orders by kecamatan, team and last visit, unknown ones last', () => {
    expect(npsns(sortSchools(ROWS, 'kecamatan'))).toEqual(['3', '2', '1', '4']);
    expect(npsns(sortSchools(ROWS, 'team'))).toEqual(['4', '2', '3', '1']);
    expect(npsns(sortSchools(ROWS, 'finish'))).toEqual(['2', '3', '4', '1']);
  });

  it('does not change its input, for every order', () => {
    const before = npsns(ROWS);
    for (const order of SCHOOL_ORDERS) {
      expect(sortSchools(ROWS, order)).toHaveLength(ROWS.length);
      expect(npsns(ROWS)).toEqual(before);
    }
  });

  describe('invalid input', () => {
    it('sorts an empty list to an empty list', () => {
      expect(sortSchools([], 'remaining')).toEqual([]);
    });
  });
});
