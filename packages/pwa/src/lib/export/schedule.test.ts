import { travelBetween, type TimetableSlot, type Visit } from '@sahaja/core';
import { describe, expect, it } from 'vitest';
import { clock } from './dates';
import {
  classGroups,
  DAY_START,
  kecamatanLabel,
  letterData,
  normalClock,
  placeStudents,
  SETUP_MINUTES,
  teamDayData,
} from './schedule';
import {
  A,
  A_STUDENTS,
  A_TARGETS,
  B,
  B_TARGETS,
  SOURCE,
  student,
  targetsOf,
} from './test-support/schedule-fixture';

describe('classGroups', () => {
  it('counts WAJIB and REKAM_DINI students per class', () => {
    expect(classGroups(A_STUDENTS)).toEqual([
      { kelas: 'XI 2', wajib: 0, dini: 1 },
      { kelas: 'XII 1', wajib: 1, dini: 1 },
      { kelas: 'XII 2', wajib: 1, dini: 0 },
      { kelas: 'XII 10', wajib: 1, dini: 0 },
    ]);
  });
});

describe('placeStudents', () => {
  const slot = (kelas: string, wajib: number, dini: number, start: string): TimetableSlot => ({
    date: '2023-01-16',
    team: 'Tim 1',
    kelas,
    wajib,
    dini,
    start,
    end: start,
  });

  it('gives each turn the next students of its class and category, in list order', () => {
    const placed = placeStudents(
      [slot('XII 1', 1, 0, '08:10'), slot('XII 1', 0, 1, '08:20'), slot('XI 2', 0, 1, '08:30')],
      A_STUDENTS,
    );
    expect(placed.map((s) => [s.nama, s.start])).toEqual([
      ['BUDI', '08:10'],
      ['ANI', '08:20'],
      ['CITRA', '08:30'],
      ['KARTIKA', null],
      ['JOKO', null],
    ]);
    expect(placed[3]).toMatchObject({ date: null, team: null, end: null });
  });

  it('places a class split over two turns', () => {
    const many = [
      student('A1', 'X', 'WAJIB'),
      student('A2', 'X', 'WAJIB'),
      student('A3', 'X', 'WAJIB'),
    ];
    const placed = placeStudents([slot('X', 2, 0, '08:00'), slot('X', 1, 0, '13:00')], many);
    expect(placed.map((s) => s.start)).toEqual(['08:00', '08:00', '13:00']);
  });

  it('does not modify the students', () => {
    const copy = structuredClone(A_STUDENTS);
    placeStudents([slot('XII 1', 1, 0, '08:10')], A_STUDENTS);
    expect(A_STUDENTS).toEqual(copy);
  });
});

describe('letterData', () => {
  const letter = letterData(A.npsn, SOURCE, A_TARGETS);

  it('states the school and each visit with the team’s sets and times', () => {
    expect(letter.school).toEqual({ npsn: A.npsn, nama: 'SMA A', kecamatan: 'Pare' });
    // Leave at 07:30, 20 minutes' travel, 20 minutes to set up; 3 sets of 50 a day: 2.4 min each.
    expect(letter.visits).toEqual([
      {
        date: '2023-01-16',
        team: 'Tim 1',
        sets: 3,
        arrival: '07:50',
        start: '08:10',
        end: clock(490 + 3 * 2.4),
        wajib: 3,
        dini: 0,
      },
      {
        date: '2023-01-17',
        team: 'Tim 1',
        sets: 3,
        arrival: '07:50',
        start: '08:10',
        end: clock(490 + 2 * 2.4),
        wajib: 0,
        dini: 2,
      },
    ]);
  });

  it('has the timetable: WAJIB students first, class by class, and each student’s turn', () => {
    expect(letter.slots.map((s) => [s.date, s.kelas, s.wajib, s.dini])).toEqual([
      ['2023-01-16', 'XII 1', 1, 0],
      ['2023-01-16', 'XII 2', 1, 0],
      ['2023-01-16', 'XII 10', 1, 0],
      ['2023-01-17', 'XII 1', 0, 1],
      ['2023-01-17', 'XI 2', 0, 1],
    ]);
    expect(letter.slots[0]?.start).toBe('08:10');
    const turns = new Map(letter.students.map((s) => [s.nama, s.date]));
    expect(turns.get('BUDI')).toBe('2023-01-16');
    expect(turns.get('CITRA')).toBe('2023-01-17');
    expect(letter.planned).toEqual({ wajib: 3, dini: 2 });
    expect(letter.targets).toEqual({ wajib: 3, dini: 2, pending: 2 });
  });

  it('leaves students the plan does not hold without a turn', () => {
    // One WAJIB student more than the plan holds: XII 1 now has the most and comes first, so the
    // last class in the timetable's order (XII 10) has no turn left.
    const more = targetsOf(A.npsn, [...A_STUDENTS, student('ZAHRA', 'XII 1', 'WAJIB')]);
    const data = letterData(A.npsn, SOURCE, more);
    expect(data.students.filter((s) => s.date === null).map((s) => s.nama)).toEqual(['JOKO']);
    expect(data.targets.wajib).toBe(4);
    expect(data.planned.wajib).toBe(3);
  });
});

describe('teamDayData', () => {
  const targets = new Map([
    [A.npsn, A_TARGETS],
    [B.npsn, B_TARGETS],
  ]);

  it('lists the day’s schools in order, with travel from the office, then between schools', () => {
    const day = teamDayData('Tim 1', '2023-01-16', SOURCE, targets);
    expect(day).toMatchObject({ team: 'Tim 1', sets: 3, date: '2023-01-16' });
    const [first, second] = day.stops;
    expect(first).toMatchObject({
      order: 1,
      npsn: A.npsn,
      travelMinutes: 20,
      fromOffice: true,
      arrival: '07:50',
      start: '08:10',
    });
    const between = Math.round(
      travelBetween(
        { ...A, jumlahWajib: 0, jumlahDini: 0 },
        { ...B, jumlahWajib: 0, jumlahDini: 0 },
      ),
    );
    const arrival = 490 + 3 * 2.4 + between;
    expect(second).toMatchObject({
      order: 2,
      npsn: B.npsn,
      travelMinutes: between,
      fromOffice: false,
      arrival: clock(arrival),
      start: clock(arrival + SETUP_MINUTES),
    });
  });

  it('holds only that day’s turns and students of each school', () => {
    const day = teamDayData('Tim 1', '2023-01-16', SOURCE, targets);
    expect(day.stops[0]?.students.map((s) => s.nama)).toEqual(['BUDI', 'KARTIKA', 'JOKO']);
    expect(day.stops[1]?.students.map((s) => s.nama)).toEqual(['MAYA', 'LINA']);
    const next = teamDayData('Tim 1', '2023-01-17', SOURCE, targets);
    expect(next.stops.map((s) => s.npsn)).toEqual([A.npsn]);
    expect(next.stops[0]?.students.map((s) => s.nama)).toEqual(['ANI', 'CITRA']);
    expect(next.stops[0]?.slots.every((s) => s.date === '2023-01-17')).toBe(true);
  });

  describe('invalid input', () => {
    it('names a school no longer stored by its NPSN and starts from the office', () => {
      const gone: Visit = {
        date: '2023-01-18',
        team: 'Tim 1',
        npsn: '99999999',
        wajib: 5,
        dini: 0,
        order: 0,
      };
      const day = teamDayData('Tim 1', '2023-01-18', { ...SOURCE, visits: [gone] }, new Map());
      expect(day.stops[0]).toMatchObject({
        nama: '99999999',
        kecamatan: '',
        arrival: clock(DAY_START),
      });
      expect(day.stops[0]?.students).toEqual([]);
    });

    it('gives an empty day for a day without visits', () => {
      expect(teamDayData('Tim 1', '2023-02-01', SOURCE, targets).stops).toEqual([]);
    });
  });
});

describe('normalClock', () => {
  it('carries a rounded 60th minute into the hour and keeps other times', () => {
    expect(normalClock('09:60')).toBe('10:00');
    expect(normalClock('23:60')).toBe('24:00');
    expect(normalClock('08:15')).toBe('08:15');
    expect(normalClock('')).toBe('');
  });
});

describe('kecamatanLabel', () => {
  it('names a known kecamatan and keeps anything else as written', () => {
    expect(kecamatanLabel('35.06.17')).toBe('Pare');
    expect(kecamatanLabel('35.99.01')).toBe('35.99.01');
    expect(kecamatanLabel('')).toBe('');
  });
});
