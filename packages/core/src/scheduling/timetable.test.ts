import { describe, expect, it } from 'vitest';
import type { Team } from '../domain/records.js';
import { schoolTimetable, type ClassGroup } from './timetable.js';
import type { PlanSchool, Visit } from './types.js';

const school = (npsn: string, travel: number, kecamatan = 'Pare'): PlanSchool => ({
  npsn,
  nama: `Sekolah ${npsn}`,
  kecamatan,
  waktuTempuhMenit: travel,
  jumlahWajib: 0,
  jumlahDini: 0,
  tanggalTidakBisa: [],
});
const TEAM: Team = { tim: 'Tim 1', jumlahAlat: 2, kapasitasPerAlat: 50 };
const SCHOOLS = [school('A', 30), school('B', 20)];
const CLASSES: ClassGroup[] = [
  { kelas: 'X-1', wajib: 2, dini: 30 },
  { kelas: 'XII IPA 1', wajib: 30, dini: 4 },
  { kelas: 'XI IPS 2', wajib: 20, dini: 24 },
];
// 110 students over two days: 100 on the first, 10 on the second, then school B the same day.
const VISITS: Visit[] = [
  { date: '2023-01-16', team: 'Tim 1', npsn: 'A', wajib: 52, dini: 48, order: 0 },
  { date: '2023-01-17', team: 'Tim 1', npsn: 'A', wajib: 0, dini: 10, order: 0 },
  { date: '2023-01-17', team: 'Tim 1', npsn: 'B', wajib: 40, dini: 0, order: 1 },
];

describe('schoolTimetable', () => {
  const slots = schoolTimetable('A', VISITS, CLASSES, SCHOOLS, [TEAM]);

  it('takes WAJIB students first, the class with the most of them first, then REKAM_DINI', () => {
    const first = slots.filter((s) => s.date === '2023-01-16');
    expect(first.map((s) => [s.kelas, s.wajib, s.dini])).toEqual([
      ['XII IPA 1', 30, 0],
      ['XI IPS 2', 20, 0],
      ['X-1', 2, 0],
      ['XII IPA 1', 0, 4],
      ['XI IPS 2', 0, 24],
      ['X-1', 0, 20],
    ]);
    expect(slots.filter((s) => s.date === '2023-01-17').map((s) => [s.kelas, s.dini])).toEqual([
      ['X-1', 10],
    ]);
  });

  it('times the day from leaving the office: travel, setting up, then 3.6 minutes a student', () => {
    // 07:30 + 30 min travel + 20 min setting up = 08:20; 30 students at 360/100 minutes each.
    expect(slots[0]).toMatchObject({ start: '08:20', end: '10:08' });
    for (let i = 1; i < 6; i++) expect(slots[i]?.start).toBe(slots[i - 1]?.end);
  });

  it('never writes 60 minutes: a time that rounds up to the hour is the next hour', () => {
    // 07:30 + 30 + 20 = 08:20, then 11 students at 3.6 minutes: 08:59.6, which is 09:00.
    const eleven = schoolTimetable(
      'A',
      [{ date: '2023-01-16', team: 'Tim 1', npsn: 'A', wajib: 11, dini: 0, order: 0 }],
      [{ kelas: 'XII', wajib: 11, dini: 0 }],
      SCHOOLS,
      [TEAM],
    );
    expect(eleven[0]).toMatchObject({ start: '08:20', end: '09:00' });
  });

  it('lets a school visited second in the day start after the first school', () => {
    const b = schoolTimetable('B', VISITS, [{ kelas: 'XII', wajib: 40, dini: 0 }], SCHOOLS, [TEAM]);
    // A: 07:30 + 30 + 20 + 10 × 3.6 = 08:56; hop within Pare 15, setting up 20: 09:31.
    expect(b).toEqual([
      {
        date: '2023-01-17',
        team: 'Tim 1',
        kelas: 'XII',
        wajib: 40,
        dini: 0,
        start: '09:31',
        end: '11:55',
      },
    ]);
  });

  it('lists students beyond the classes it was given as a group without a class', () => {
    const few = schoolTimetable(
      'A',
      VISITS.slice(0, 1),
      [{ kelas: 'X', wajib: 50, dini: 40 }],
      SCHOOLS,
      [TEAM],
    );
    expect(few.filter((s) => s.kelas === '').reduce((a, s) => a + s.wajib + s.dini, 0)).toBe(10);
  });
});
