import { describe, expect, it } from 'vitest';
import type { VisitRow } from '../db';
import { planFigures, SCHOOL_A, SCHOOL_B } from './test-support/export-fixture';
import { planTables, summaryLines, type PlanWorkbookSource } from './plan-sheets';
import { exportText } from './text';

const row = (v: Omit<VisitRow, 'programmeId'>): VisitRow => ({ programmeId: 'p', ...v });

const SOURCE: PlanWorkbookSource = {
  programme: 'Perekaman SMA 2023',
  visits: [
    row({
      date: '2023-01-16',
      team: 'Tim 1',
      npsn: SCHOOL_A.npsn,
      wajib: 3,
      dini: 0,
      order: 0,
      pinned: false,
    }),
    row({
      date: '2023-01-16',
      team: 'Tim 1',
      npsn: SCHOOL_B.npsn,
      wajib: 1,
      dini: 1,
      order: 1,
      pinned: false,
    }),
    row({
      date: '2023-01-17',
      team: 'Tim 2',
      npsn: SCHOOL_A.npsn,
      wajib: 0,
      dini: 2,
      order: 0,
      pinned: true,
    }),
  ],
  figures: planFigures(),
  schools: new Map([
    [SCHOOL_A.npsn, { nama: SCHOOL_A.nama, kecamatan: 'Pare' }],
    [SCHOOL_B.npsn, { nama: SCHOOL_B.nama, kecamatan: 'Pare' }],
  ]),
  teams: ['Tim 1', 'Tim 2', 'Tim 3'],
};

const cells = (table: ReturnType<typeof planTables>[number]) =>
  table.rows.map((r) => table.columns.map((c) => c.value(r)));

describe('planTables', () => {
  it('has a summary, the visits, a sheet per team with visits, and the unserved students', () => {
    const tables = planTables(SOURCE, exportText('id'));
    expect(tables.map((t) => [t.sheet, t.rows.length])).toEqual([
      ['Ringkasan', expect.any(Number)],
      ['Kunjungan', 3],
      ['Tim 1', 2],
      ['Tim 2', 1],
      ['Tidak terlayani', 1],
    ]);
  });

  it('writes every visit with its weekday, order from 1, school, kecamatan and pin', () => {
    const visits = planTables(SOURCE, exportText('id'))[1]!;
    expect(visits.columns.map((c) => c.header)).toEqual([
      'Tanggal',
      'Hari',
      'Tim',
      'Urutan',
      'NPSN',
      'Sekolah',
      'Kecamatan',
      'WAJIB',
      'REKAM_DINI',
      'Disematkan',
    ]);
    expect(cells(visits)[1]).toEqual([
      '2023-01-16',
      'Senin',
      'Tim 1',
      2,
      SCHOOL_B.npsn,
      SCHOOL_B.nama,
      'Pare',
      1,
      1,
      'Tidak',
    ]);
    expect(cells(visits)[2]?.at(-1)).toBe('Ya');
  });

  it('leaves the team column out of a team’s own sheet', () => {
    const team = planTables(SOURCE, exportText('en'))[2]!;
    expect(team.columns.map((c) => c.header)).not.toContain('Team');
    expect(cells(team)[0]?.slice(0, 2)).toEqual(['2023-01-16', 'Monday']);
  });

  it('names the unserved students’ schools and the reason', () => {
    const unserved = planTables(SOURCE, exportText('id')).at(-1)!;
    expect(cells(unserved)).toEqual([
      [SCHOOL_B.npsn, SCHOOL_B.nama, 0, 4, 'Melewati hari kunjungan terakhir'],
    ]);
  });

  it('has no unserved sheet when the plan serves everyone', () => {
    const tables = planTables(
      { ...SOURCE, figures: planFigures({ unserved: [] }) },
      exportText('id'),
    );
    expect(tables.map((t) => t.sheet)).not.toContain('Tidak terlayani');
  });
});

describe('summaryLines', () => {
  it('writes the plan’s figures: working days, lower bound, gap, finish and unserved', () => {
    const lines = new Map(summaryLines(SOURCE, exportText('id')).map((l) => [l.item, l.value]));
    expect(lines.get('Program')).toBe('Perekaman SMA 2023');
    expect(lines.get('Kunjungan')).toBe('3');
    expect(lines.get('Hari kerja terpakai')).toBe('2');
    expect(lines.get('Batas bawah hari kerja')).toBe('1');
    expect(lines.get('Selisih dari batas bawah')).toBe('1');
    expect(lines.get('Tanggal selesai')).toBe('17 Januari 2023');
    expect(lines.get('Siswa tidak terlayani')).toBe('0 WAJIB, 4 REKAM_DINI');
    expect(lines.get('Hari kunjungan terakhir yang boleh')).toBe('tidak dibatasi');
    expect(lines.get('Pemakaian Tim 1')).toBe('7 siswa, 2 hari, 2% kapasitas');
  });

  describe('invalid input', () => {
    it('gives the visits’ counts only when the stored figures cannot be read', () => {
      const lines = summaryLines({ ...SOURCE, figures: null }, exportText('en'));
      expect(lines.map((l) => l.item)).toEqual([
        'Programme',
        'Visits',
        'Schools visited',
        'WAJIB students planned',
        'REKAM_DINI students planned',
      ]);
      expect(lines.map((l) => l.value)).toEqual(['Perekaman SMA 2023', '3', '2', '4', '3']);
    });
  });
});
