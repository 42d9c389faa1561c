import { describe, expect, it } from 'vitest';
import type { LostDayRow, VisitRow } from '../db';
import { calendarWeeks, MAX_WEEKS } from './calendar';

const visit = (date: string, team: string, npsn: string, order = 0): VisitRow => ({
  programmeId: 'p',
  date,
  team,
  npsn,
  wajib: 10,
  dini: 5,
  order,
  pinned: false,
});
const lost = (date: string, team: string): LostDayRow => ({
  programmeId: 'p',
  team,
  date,
  note: '',
});

const VISITS = [
  visit('2023-01-18', 'Tim 1', 'B', 1),
  visit('2023-01-18', 'Tim 1', 'A', 0),
  visit('2023-01-18', 'Tim 2', 'C'),
  visit('2023-01-25', 'Tim 2', 'D'),
];
const HOLIDAYS = [
  { tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' },
  { tanggal: '2023-01-22', keterangan: 'Imlek' },
];

describe('calendarWeeks', () => {
  it("lays one team's visits out Monday to Friday, a week per row, from the start's week", () => {
    const weeks = calendarWeeks({
      visits: VISITS,
      team: 'Tim 1',
      holidays: HOLIDAYS,
      lostDays: [],
      start: '2023-01-17',
    });
    expect(weeks.map((w) => w.monday)).toEqual(['2023-01-16']);
    const days = weeks[0]!.days;
    expect(days.map((d) => d.date)).toEqual([
      '2023-01-16',
      '2023-01-17',
      '2023-01-18',
      '2023-01-19',
      '2023-01-20',
    ]);
    expect(days[0]?.beforeStart).toBe(true);
    expect(days[1]?.beforeStart).toBe(false);
    expect(days[2]?.visits.map((v) => v.npsn)).toEqual(['A', 'B']);
  });

  it('runs to the week of the last visit or lost day of every team, with holidays and lost days', () => {
    const weeks = calendarWeeks({
      visits: VISITS,
      team: null,
      holidays: HOLIDAYS,
      lostDays: [lost('2023-02-01', 'Tim 1')],
      start: '2023-01-16',
    });
    expect(weeks.map((w) => w.monday)).toEqual(['2023-01-16', '2023-01-23', '2023-01-30']);
    expect(weeks[0]?.days[2]?.visits.map((v) => v.npsn)).toEqual(['A', 'B', 'C']);
    expect(weeks[1]?.days[0]?.holidays).toEqual(['Cuti bersama Imlek']);
    expect(weeks[2]?.days[2]?.lost.map((d) => d.team)).toEqual(['Tim 1']);
  });

  it("shows only the chosen team's lost days", () => {
    const weeks = calendarWeeks({
      visits: [],
      team: 'Tim 2',
      holidays: [],
      lostDays: [lost('2023-01-17', 'Tim 1')],
      start: '2023-01-16',
    });
    expect(weeks).toHaveLength(1);
    expect(weeks[0]?.days.every((d) => d.lost.length === 0)).toBe(true);
  });

  describe('invalid input', () => {
    it('has no week when the start is not a date, and leaves weekend visits out of the grid', () => {
      expect(
        calendarWeeks({ visits: VISITS, team: null, holidays: [], lostDays: [], start: 'x' }),
      ).toEqual([]);
      const weeks = calendarWeeks({
        visits: [visit('2023-01-21', 'Tim 1', 'A')],
        team: null,
        holidays: [],
        lostDays: [],
        start: '2023-01-16',
      });
      expect(weeks.flatMap((w) => w.days.flatMap((d) => d.visits))).toEqual([]);
    });

    it('stops at a bounded number of weeks for a far-off date', () => {
      const weeks = calendarWeeks({
        visits: [visit('2030-01-07', 'Tim 1', 'A')],
        team: null,
        holidays: [],
        lostDays: [],
        start: '2023-01-16',
      });
      expect(weeks).toHaveLength(MAX_WEEKS);
    });
  });
});
