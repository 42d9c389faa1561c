import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import { readPlanRequest, type PlanRequest } from './request.js';

const REQUEST: PlanRequest = {
  schools: [
    {
      npsn: '20500001',
      nama: 'SMA 1',
      kecamatan: 'Pare',
      waktuTempuhMenit: 30,
      jumlahWajib: 40,
      jumlahDini: 20,
      tanggalTidakBisa: [],
    },
  ],
  teams: [{ tim: 'Tim 1', jumlahAlat: 2, kapasitasPerAlat: 50 }],
  holidays: HOLIDAYS_2023,
  start: '2023-01-16',
  end: null,
  dayMinutes: 480,
  fridayMinutes: null,
  mode: 'wajib-first',
  pinned: [{ date: '2023-01-16', team: 'Tim 1', npsn: '20500001', wajib: 10, dini: 0 }],
  lostDays: [{ team: 'Tim 1', date: '2023-01-17' }],
};

const codes = (request: PlanRequest) => {
  const result = readPlanRequest(request);
  return result.ok ? [] : result.issues.map((i) => i.code);
};

describe('readPlanRequest', () => {
  it("turns ISO dates into the planner's calendar and carries the options", () => {
    const result = readPlanRequest(REQUEST);
    if (!result.ok) throw new Error(result.issues[0].message.en);
    expect(result.value.calendar).toMatchObject({
      start: { year: 2023, month: 1, day: 16 },
      end: undefined,
      dayMinutes: 480,
      fridayMinutes: undefined,
    });
    expect(result.value.options).toEqual({
      mode: 'wajib-first',
      pinned: REQUEST.pinned,
      lostDays: REQUEST.lostDays,
    });
  });

  it('reads an end date', () => {
    const result = readPlanRequest({ ...REQUEST, end: '2023-03-31', fridayMinutes: 420 });
    expect(result.ok && result.value.calendar.end).toEqual({ year: 2023, month: 3, day: 31 });
    expect(result.ok && result.value.calendar.fridayMinutes).toBe(420);
  });

  describe('invalid input', () => {
    it('names bad dates, an end before the start and bad day lengths', () => {
      expect(codes({ ...REQUEST, start: '2023-02-30' })).toEqual(['invalid_start']);
      expect(codes({ ...REQUEST, end: '31/03/2023' })).toEqual(['invalid_end']);
      expect(codes({ ...REQUEST, end: '2023-01-02' })).toEqual(['end_before_start']);
      expect(codes({ ...REQUEST, dayMinutes: 30, fridayMinutes: 2000 })).toEqual([
        'invalid_minutes',
        'invalid_minutes',
      ]);
      expect(codes({ ...REQUEST, weekdays: [] })).toEqual(['invalid_weekdays']);
      expect(codes({ ...REQUEST, holidays: [{ tanggal: '2023-13-01', keterangan: 'X' }] })).toEqual(
        ['invalid_holiday'],
      );
    });

    it('names schools and teams listed twice or with impossible numbers', () => {
      const school = REQUEST.schools[0]!;
      const team = REQUEST.teams[0]!;
      const result = readPlanRequest({
        ...REQUEST,
        schools: [school, { ...school, jumlahWajib: -3 }],
        teams: [team, { ...team, jumlahAlat: 1.5 }],
      });
      expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([
        'duplicate_school',
        'invalid_school',
        'duplicate_team',
        'invalid_team',
      ]);
      expect(!result.ok && result.issues[1]?.message.en).toBe(
        'SMA 1 (NPSN 20500001): jumlahWajib must be whole numbers, 0 or more.',
      );
    });

    it('refuses a programme without a team that can record', () => {
      expect(codes({ ...REQUEST, teams: [] })).toEqual(['no_team']);
      expect(
        codes({ ...REQUEST, teams: [{ tim: 'Tim 1', jumlahAlat: 0, kapasitasPerAlat: 50 }] }),
      ).toEqual(['no_team']);
    });
  });
});
