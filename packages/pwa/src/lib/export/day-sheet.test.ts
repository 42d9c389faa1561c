import { describe, expect, it } from 'vitest';
import { daySheetModel } from './day-sheet';
import { teamDayData } from './schedule';
import { A, A_TARGETS, B, B_TARGETS, SOURCE } from './test-support/schedule-fixture';

const TARGETS = new Map([
  [A.npsn, A_TARGETS],
  [B.npsn, B_TARGETS],
]);

describe('daySheetModel', () => {
  const sheet = daySheetModel(teamDayData('Tim 1', '2023-01-16', SOURCE, TARGETS), 'id');

  it('routes the day: schools in order with travel, arrival and recording times', () => {
    expect(sheet).toMatchObject({ key: 'Tim 1|2023-01-16', team: 'Tim 1', sets: 3 });
    expect(sheet.route.map((r) => [r.order, r.nama, r.fromOffice, r.arrival])).toEqual([
      [1, 'SMA A', true, '07.50'],
      [2, 'SMA B', false, expect.stringMatching(/^08\.\d\d$/)],
    ]);
    expect(sheet.route[0]?.recording).toBe('08.10–08.17');
  });

  it('puts each school on its own page, the first after the route', () => {
    expect(sheet.sections.map((s) => [s.route.nama, s.newPage])).toEqual([
      ['SMA A', false],
      ['SMA B', true],
    ]);
  });

  it('lists each school’s turns and students expected that day, numbered from 1', () => {
    const [a, b] = sheet.sections;
    expect(a?.turns.map((t) => [t.time, t.kelas, t.wajib])).toEqual([
      ['08.10–08.12', 'XII 1', 1],
      ['08.12–08.15', 'XII 2', 1],
      ['08.15–08.17', 'XII 10', 1],
    ]);
    expect(a?.students.map((s) => [s.no, s.nama, s.kelas, s.category, s.time])).toEqual([
      [1, 'BUDI', 'XII 1', 'WAJIB', '08.10–08.12'],
      [2, 'KARTIKA', 'XII 2', 'WAJIB', '08.12–08.15'],
      [3, 'JOKO', 'XII 10', 'WAJIB', '08.15–08.17'],
    ]);
    expect(b?.students.map((s) => [s.no, s.nama])).toEqual([
      [1, 'MAYA'],
      [2, 'LINA'],
    ]);
  });

  it('writes times as English does when asked', () => {
    const en = daySheetModel(teamDayData('Tim 1', '2023-01-16', SOURCE, TARGETS), 'en');
    expect(en.route[0]?.arrival).toBe('07:50');
  });

  describe('invalid input', () => {
    it('gives a day without visits no section', () => {
      const empty = daySheetModel(teamDayData('Tim 1', '2023-03-01', SOURCE, TARGETS), 'id');
      expect(empty.route).toEqual([]);
      expect(empty.sections).toEqual([]);
    });
  });
});
