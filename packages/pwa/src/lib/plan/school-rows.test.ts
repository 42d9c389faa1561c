import { describe, expect, it } from 'vitest';
import type { School } from '../core/types';
import type { PlanFigures, VisitRow } from '../db';
import { filterSchoolRows, schoolRows } from './school-rows';

const school = (npsn: string, nama: string): School => ({
  npsn,
  nama,
  kecamatan: '35.06.17',
  waktuTempuhMenit: 20,
  latitude: -7.75,
  longitude: 112.18,
  tanggalTidakBisa: [],
});
const visit = (
  date: string,
  team: string,
  npsn: string,
  wajib: number,
  dini: number,
): VisitRow => ({
  programmeId: 'p',
  date,
  team,
  npsn,
  wajib,
  dini,
  order: 0,
  pinned: false,
});

const SCHOOLS = [
  school('1', 'SMA Negeri 2 Pare'),
  school('2', 'SMA Negeri 1 Kandat'),
  school('3', 'MA Al Huda'),
  school('4', 'SMK Wates'),
];
const FIGURES = {
  targets: [
    { npsn: '1', wajib: 50, dini: 30 },
    { npsn: '2', wajib: 40, dini: 60 },
    { npsn: '3', wajib: 10, dini: 0 },
  ],
  unserved: [{ npsn: '2', wajib: 0, dini: 20, reason: 'after_end' as const }],
} as unknown as PlanFigures;
const VISITS = [
  visit('2023-01-17', 'Tim 2', '1', 0, 30),
  visit('2023-01-16', 'Tim 1', '1', 50, 0),
  visit('2023-01-18', 'Tim 1', '2', 40, 40),
];

describe('schoolRows', () => {
  const rows = schoolRows(SCHOOLS, VISITS, FIGURES);

  it('lists every school in name order with its visits, teams and planned students', () => {
    expect(rows.map((r) => r.nama)).toEqual([
      'MA Al Huda',
      'SMA Negeri 1 Kandat',
      'SMA Negeri 2 Pare',
      'SMK Wates',
    ]);
    const pare = rows.find((r) => r.npsn === '1')!;
    expect(pare.visits.map((v) => v.date)).toEqual(['2023-01-16', '2023-01-17']);
    expect(pare.teams).toEqual(['Tim 1', 'Tim 2']);
    expect(pare.planned).toEqual({ wajib: 50, dini: 30 });
    expect(pare.target).toEqual({ wajib: 50, dini: 30 });
  });

  it('says whether each school is served in full, in part, not at all, or has nobody to plan', () => {
    expect(Object.fromEntries(rows.map((r) => [r.npsn, r.status]))).toEqual({
      '1': 'complete',
      '2': 'partial',
      '3': 'unplanned',
      '4': 'none',
    });
    expect(rows.find((r) => r.npsn === '2')?.unserved).toEqual(FIGURES.unserved);
  });

  it('keeps a school with visits that is no longer in the list, named by NPSN', () => {
    const more = schoolRows(SCHOOLS, [...VISITS, visit('2023-01-19', 'Tim 1', '9', 5, 0)], FIGURES);
    expect(more.at(-1)).toMatchObject({ npsn: '9', nama: '9', status: 'complete' });
  });

  it('works before any plan is made', () => {
    expect(schoolRows(SCHOOLS, [], null).every((r) => r.status === 'none')).toBe(true);
  });
});

describe('filterSchoolRows', () => {
  const rows = schoolRows(SCHOOLS, VISITS, FIGURES);

  it('finds schools by part of the name or NPSN, case ignored, and by status', () => {
    expect(filterSchoolRows(rows, { query: 'negeri', status: null }).map((r) => r.npsn)).toEqual([
      '2',
      '1',
    ]);
    expect(filterSchoolRows(rows, { query: '3', status: null }).map((r) => r.npsn)).toEqual(['3']);
    expect(filterSchoolRows(rows, { query: '', status: 'partial' }).map((r) => r.npsn)).toEqual([
      '2',
    ]);
    expect(filterSchoolRows(rows, { query: '  ', status: null })).toHaveLength(4);
  });
});
