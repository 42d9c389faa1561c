import { describe, expect, it } from 'vitest';
import type { SchoolTargets, TargetStudent } from './school-targets';
import { numberTargets, targetTables, type TargetSchool } from './target-sheets';
import { exportText } from './text';

function student(nama: string, kelas: string, category: TargetStudent['category']): TargetStudent {
  return {
    idSiswa: nama,
    nisn: '0061000001',
    nama,
    kelas,
    jenisKelamin: 'P',
    tanggalLahir: '2006-08-17',
    category,
    seventeenth: category === 'REKAM_DINI' ? '2023-08-17' : null,
  };
}

function school(npsn: string, nama: string, students: TargetStudent[], pending = 0): TargetSchool {
  const wajib = students.filter((s) => s.category === 'WAJIB').length;
  const targets: SchoolTargets = { npsn, students, wajib, dini: students.length - wajib, pending };
  return { school: { npsn, nama }, kecamatan: 'Pare', targets, visitDates: ['2023-01-16'] };
}

const SCHOOLS = [
  school('20510001', 'SMA Negeri 1 Kabupaten Contoh Timur Jauh', [
    student('ANI', 'XII 1', 'REKAM_DINI'),
    student('BUDI', 'XII 1', 'WAJIB'),
  ]),
  school(
    '20510002',
    'SMA Negeri 1 Kabupaten Contoh Timur Jauh Sekali',
    [student('CICI', 'X', 'WAJIB')],
    3,
  ),
  school('20510003', 'SMK Tanpa Sasaran', []),
];

describe('targetTables', () => {
  it('starts with a summary line per school, every school included', () => {
    const [summary] = targetTables(SCHOOLS, exportText('id'), { summary: true });
    expect(summary?.sheet).toBe('Ringkasan');
    expect(summary?.columns.map((c) => c.header)).toEqual([
      'NPSN',
      'Sekolah',
      'Kecamatan',
      'WAJIB',
      'REKAM_DINI',
      'Jumlah sasaran',
      'Belum diputuskan',
      'Tanggal kunjungan',
    ]);
    const values = summary?.rows.map((row) => summary.columns.map((c) => c.value(row)));
    expect(values).toEqual([
      ['20510001', SCHOOLS[0]?.school.nama, 'Pare', 1, 1, 2, 0, '16 Januari 2023'],
      ['20510002', SCHOOLS[1]?.school.nama, 'Pare', 1, 0, 1, 3, '16 Januari 2023'],
      ['20510003', 'SMK Tanpa Sasaran', 'Pare', 0, 0, 0, 0, '16 Januari 2023'],
    ]);
  });

  it('gives each school with targets its own sheet, names unique and within 31 characters', () => {
    const tables = targetTables(SCHOOLS, exportText('id'), { summary: true });
    expect(tables.map((t) => t.sheet)).toEqual([
      'Ringkasan',
      'SMA Negeri 1 Kabupaten Contoh T',
      'SMA Negeri 1 Kabupaten Cont (2)',
    ]);
  });

  it('writes a school’s students numbered, with only what the school needs', () => {
    const tables = targetTables(SCHOOLS, exportText('id'), { summary: true });
    const sheet = tables[1];
    expect(sheet?.columns.map((c) => [c.header, c.type])).toEqual([
      ['No', 'number'],
      ['NISN', 'identifier'],
      ['Nama', 'text'],
      ['Kelas', 'text'],
      ['L/P', 'text'],
      ['Tanggal lahir', 'date'],
      ['Kategori', 'text'],
      ['Ulang tahun ke-17 (penyerahan KTP-el)', 'date'],
    ]);
    const values = sheet?.rows.map((row) => sheet.columns.map((c) => c.value(row)));
    expect(values).toEqual([
      [1, '0061000001', 'ANI', 'XII 1', 'P', '2006-08-17', 'REKAM_DINI', '2023-08-17'],
      [2, '0061000001', 'BUDI', 'XII 1', 'P', '2006-08-17', 'WAJIB', null],
    ]);
  });

  it('writes the headers in English when asked', () => {
    const [summary, first] = targetTables(SCHOOLS, exportText('en'), { summary: true });
    expect(summary?.sheet).toBe('Summary');
    expect(first?.columns.map((c) => c.header)).toContain('17th birthday (card handover)');
  });

  it('makes one school’s list without a summary, even when it is empty', () => {
    const third = SCHOOLS[2] as TargetSchool;
    const tables = targetTables([third], exportText('id'), { summary: false });
    expect(tables.map((t) => [t.sheet, t.rows.length])).toEqual([['SMK Tanpa Sasaran', 0]]);
  });

  it('does not modify the students it numbers', () => {
    const students = [student('ANI', 'X', 'WAJIB')];
    const numbered = numberTargets(students);
    expect(numbered[0]?.no).toBe(1);
    expect(students[0]).not.toHaveProperty('no');
  });
});
