import { describe, expect, it } from 'vitest';
import type { Plan } from '@sahaja/core';
import type { School } from '../core/types';
import type { LostDayRow, VisitRow } from '../db';
import { defaultSettings } from '../programme/settings';
import {
  figuresOf,
  pinnedKeys,
  pinnedVisits,
  planRequest,
  planSchools,
  storedPlan,
} from './plan-data';

const SCHOOL: School = {
  npsn: '20510001',
  nama: 'SMA 1',
  kecamatan: '35.06.17',
  waktuTempuhMenit: 25,
  latitude: -7.75,
  longitude: 112.18,
  tanggalTidakBisa: ['2023-01-20'],
};
const ROWS: VisitRow[] = [
  {
    programmeId: 'p',
    date: '2023-01-16',
    team: 'Tim 1',
    npsn: '20510001',
    wajib: 40,
    dini: 10,
    order: 0,
    pinned: true,
  },
  {
    programmeId: 'p',
    date: '2023-01-17',
    team: 'Tim 1',
    npsn: '20510001',
    wajib: 0,
    dini: 30,
    order: 0,
    pinned: false,
  },
];
const SETTINGS = { ...defaultSettings('Program 2023', '2023-01-16'), end: '2023-03-31' };

describe('plan data', () => {
  it('gives the planner each school with targets as it stands now, and a removed school by NPSN', () => {
    const schools = planSchools(
      [
        { npsn: '20510001', wajib: 40, dini: 40 },
        { npsn: '20519999', wajib: 5, dini: 0 },
      ],
      [SCHOOL],
    );
    expect(schools[0]).toEqual({
      npsn: '20510001',
      nama: 'SMA 1',
      kecamatan: '35.06.17',
      waktuTempuhMenit: 25,
      jumlahWajib: 40,
      jumlahDini: 40,
      tanggalTidakBisa: ['2023-01-20'],
      latitude: -7.75,
      longitude: 112.18,
    });
    expect(schools[1]).toMatchObject({ npsn: '20519999', nama: '20519999', jumlahWajib: 5 });
    expect(schools[1]).not.toHaveProperty('latitude');
  });

  it('gives a school without coordinates (created from a student list) to the planner without them', () => {
    const { latitude: _latitude, longitude: _longitude, ...bare } = SCHOOL;
    const [school] = planSchools([{ npsn: '20510001', wajib: 3, dini: 4 }], [bare]);
    expect(school).toEqual({
      npsn: '20510001',
      nama: 'SMA 1',
      kecamatan: '35.06.17',
      waktuTempuhMenit: 25,
      jumlahWajib: 3,
      jumlahDini: 4,
      tanggalTidakBisa: ['2023-01-20'],
    });
  });

  it("builds the request from the programme's calendar settings and the user's placements", () => {
    const lost: LostDayRow = { programmeId: 'p', team: 'Tim 2', date: '2023-01-18', note: 'x' };
    const request = planRequest(
      SETTINGS,
      { schools: [], teams: [], holidays: [] },
      {
        mode: 'wajib-first',
        pinned: pinnedVisits(ROWS),
        lostDays: [lost],
      },
    );
    expect(request).toMatchObject({
      start: '2023-01-16',
      end: '2023-03-31',
      dayMinutes: 480,
      fridayMinutes: null,
      mode: 'wajib-first',
      pinned: [{ date: '2023-01-16', team: 'Tim 1', npsn: '20510001', wajib: 40, dini: 10 }],
      lostDays: [{ team: 'Tim 2', date: '2023-01-18' }],
    });
    expect([...pinnedKeys(ROWS)]).toEqual(['2023-01-16|Tim 1|20510001']);
  });

  it('turns a plan into stored figures and back without losing anything the core needs', () => {
    const plan: Plan = {
      visits: ROWS.map(({ programmeId: _p, pinned: _pinned, ...v }) => v),
      workingDays: 2,
      workingDaysWajib: 1,
      lowerBound: 1,
      lowerBoundWajib: 1,
      finish: '2023-01-17',
      finishWajib: '2023-01-16',
      teams: [{ team: 'Tim 1', students: 80, days: 2, utilisation: 0.27 }],
      visitsPerSchool: 1,
      unserved: [{ npsn: '20510002', wajib: 3, dini: 0, reason: 'after_end' }],
      earliestEnd: '2023-04-03',
      released: [],
    };
    const figures = figuresOf(plan, {
      mode: 'normal',
      madeAt: 'T',
      settings: SETTINGS,
      targets: [{ npsn: '20510001', wajib: 40, dini: 40 }],
      pending: { notMatched: 1, review: 2 },
      change: { kind: 'plan', at: 'T', removed: [], added: [], lostDay: null },
      basis: undefined,
    });
    expect(figures).toMatchObject({ gap: 1, end: '2023-03-31', earliestEnd: '2023-04-03' });
    expect(figures).not.toHaveProperty('basis');
    expect(storedPlan(ROWS, figures)).toEqual(plan);
  });
});
