/** Plain schedule data for the letter and day-sheet tests: two schools, one team, two days. */
import type { Visit } from '@sahaja/core';
import type { School, Team } from '../../core/types';
import type { ScheduleSource } from '../schedule';
import type { SchoolTargets, TargetStudent } from '../school-targets';

export function student(
  nama: string,
  kelas: string,
  category: TargetStudent['category'],
): TargetStudent {
  return {
    idSiswa: nama,
    nisn: `00${nama.length}`,
    nama,
    kelas,
    jenisKelamin: 'L',
    tanggalLahir: '2006-08-17',
    category,
    seventeenth: null,
  };
}

export const A: School = {
  npsn: '20510001',
  nama: 'SMA A',
  kecamatan: '35.06.17',
  waktuTempuhMenit: 20,
  latitude: -7.75,
  longitude: 112.18,
  tanggalTidakBisa: [],
};
export const B: School = {
  ...A,
  npsn: '20510002',
  nama: 'SMA B',
  latitude: -7.8,
  waktuTempuhMenit: 35,
};
export const TEAMS: Team[] = [{ tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 }];

export const A_STUDENTS = [
  student('CITRA', 'XI 2', 'REKAM_DINI'),
  student('ANI', 'XII 1', 'REKAM_DINI'),
  student('BUDI', 'XII 1', 'WAJIB'),
  student('KARTIKA', 'XII 2', 'WAJIB'),
  student('JOKO', 'XII 10', 'WAJIB'),
];
export const targetsOf = (npsn: string, students: TargetStudent[], pending = 0): SchoolTargets => {
  const wajib = students.filter((s) => s.category === 'WAJIB').length;
  return { npsn, students, wajib, dini: students.length - wajib, pending };
};
export const A_TARGETS = targetsOf(A.npsn, A_STUDENTS, 2);
export const B_TARGETS = targetsOf(B.npsn, [
  student('MAYA', 'X 1', 'WAJIB'),
  student('LINA', 'X 1', 'REKAM_DINI'),
]);

export const VISITS: Visit[] = [
  { date: '2023-01-16', team: 'Tim 1', npsn: A.npsn, wajib: 3, dini: 0, order: 0 },
  { date: '2023-01-16', team: 'Tim 1', npsn: B.npsn, wajib: 1, dini: 1, order: 1 },
  { date: '2023-01-17', team: 'Tim 1', npsn: A.npsn, wajib: 0, dini: 2, order: 0 },
];
export const SOURCE: ScheduleSource = { visits: VISITS, schools: [A, B], teams: TEAMS };
