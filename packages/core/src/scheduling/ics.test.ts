import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import { visitsToIcs } from './ics.js';
import { planVisits } from './planner.js';
import type { PlanSchool, Visit } from './types.js';

const SCHOOLS: PlanSchool[] = [
  {
    npsn: '20500001',
    nama: 'SMA Negeri 1 Pare; kelas "IPA", ruang\\aula',
    kecamatan: 'Pare',
    waktuTempuhMenit: 40,
    jumlahWajib: 180,
    jumlahDini: 120,
    tanggalTidakBisa: [],
  },
  {
    npsn: '20500002',
    nama: 'MA Al-Hikmah Ngadiluwih, cabang Kandat — program keagamaan dan bahasa Arab',
    kecamatan: 'Kandat',
    waktuTempuhMenit: 25,
    jumlahWajib: 90,
    jumlahDini: 60,
    tanggalTidakBisa: [],
  },
];

const plan = planVisits(SCHOOLS, [{ tim: 'Tim 1', jumlahAlat: 2, kapasitasPerAlat: 50 }], {
  start: parseIsoDate('2023-01-16') as PlainDate,
  holidays: HOLIDAYS_2023,
});
const names = new Map(SCHOOLS.map((s) => [s.npsn, { nama: s.nama, kecamatan: s.kecamatan }]));
const ics = visitsToIcs(plan.visits, names, { stamp: '2023-01-10T08:00:00Z' });

describe('visitsToIcs', () => {
  it('parses with ical.js into one all-day event per visit with the school, team and counts', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(plan.visits.length);
    events.forEach((event, i) => {
      const visit = plan.visits[i] as Visit;
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(visit.date);
      const school = SCHOOLS.find((s) => s.npsn === visit.npsn) as PlanSchool;
      expect(event.summary).toBe(`Perekaman KTP-el: ${school.nama} (${visit.team})`);
      expect(event.description).toContain(`Siswa WAJIB: ${visit.wajib}`);
      expect(event.description).toContain(`siswa REKAM_DINI: ${visit.dini}`);
      expect(event.location).toBe(`${school.nama}, ${school.kecamatan}`);
    });
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('follows the line rules: CRLF endings, lines of at most 75 octets, folded with a space', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n'))
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n /);
  });

  it('is the same file for the same plan and stamp, so a re-import updates events', () => {
    expect(visitsToIcs(plan.visits, names, { stamp: '2023-01-10T08:00:00Z' })).toBe(ics);
  });

  it('writes English when asked', () => {
    const en = visitsToIcs(plan.visits, names, { stamp: '2023-01-10T08:00:00Z', lang: 'en' });
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(en)).getFirstSubcomponent('vevent') as ICAL.Component,
    );
    expect(event.summary).toMatch(/^KTP-el recording: /);
  });

  describe('invalid input', () => {
    it('refuses a stamp that is not an ISO timestamp and a visit without a real date', () => {
      expect(() => visitsToIcs(plan.visits, names, { stamp: 'yesterday' })).toThrow(RangeError);
      const bad = [{ ...(plan.visits[0] as Visit), date: '2023-02-30' }];
      expect(() => visitsToIcs(bad, names, { stamp: '2023-01-10T08:00:00Z' })).toThrow(RangeError);
    });
  });
});
