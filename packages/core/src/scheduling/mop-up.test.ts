import { describe, expect, it } from 'vitest';
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Team } from '../domain/records.js';
import { planMopUp, type StudentOutcome, type VisitOutcome } from './mop-up.js';
import type { PlanSchool } from './types.js';

const school = (npsn: string): PlanSchool => ({
  npsn,
  nama: `Sekolah ${npsn}`,
  kecamatan: 'Pare',
  waktuTempuhMenit: 30,
  jumlahWajib: 0,
  jumlahDini: 0,
  tanggalTidakBisa: [],
});
const TEAMS: Team[] = [{ tim: 'Tim 1', jumlahAlat: 2, kapasitasPerAlat: 50 }];
const CALENDAR = { start: parseIsoDate('2023-03-01') as PlainDate, holidays: [] };

function outcomes(npsn: string, counts: Partial<Record<VisitOutcome, number>>): StudentOutcome[] {
  return Object.entries(counts).flatMap(([outcome, n]) =>
    Array.from({ length: n }, (_, i) => ({
      idSiswa: `${npsn}-${outcome}-${i}`,
      npsn,
      category: i % 3 === 0 ? ('WAJIB' as const) : ('REKAM_DINI' as const),
      outcome: outcome as VisitOutcome,
    })),
  );
}

describe('planMopUp', () => {
  const all = [
    ...outcomes('A', { recorded: 120, absent: 14, failed: 6 }),
    ...outcomes('B', { recorded: 80, absent: 3, refused: 1 }),
    ...outcomes('C', { absent: 2, not_eligible: 4 }),
  ];
  const result = planMopUp(all, [school('A'), school('B')], TEAMS, CALENDAR);

  it('sends a team back to a school with enough absent or failed students', () => {
    const planned = result.followUp.visits.filter((v) => v.npsn === 'A');
    expect(planned.reduce((a, v) => a + v.wajib + v.dini, 0)).toBe(20);
    expect(planned[0]?.date).toBe('2023-03-01');
    expect(result.followUp.visits.every((v) => v.npsn === 'A')).toBe(true);
  });

  it('refers the few of other schools to the office, by name, and a school it cannot plan for', () => {
    expect(result.referrals.map((r) => r.npsn)).toEqual(['B', 'C']);
    expect(result.referrals[0]?.students).toHaveLength(3);
    expect(result.referrals[1]?.students.map((s) => s.idSiswa)).toEqual([
      'C-absent-0',
      'C-absent-1',
    ]);
  });

  it('reports refusals apart, and never mops up the recorded or the not eligible', () => {
    expect(result.refused).toEqual([
      { npsn: 'B', students: [{ idSiswa: 'B-refused-0', category: 'WAJIB' }] },
    ]);
    const everyone = [
      ...result.referrals.flatMap((r) => r.students.map((s) => s.idSiswa)),
      ...result.refused.flatMap((r) => r.students.map((s) => s.idSiswa)),
    ];
    expect(everyone.some((id) => id.includes('recorded') || id.includes('not_eligible'))).toBe(
      false,
    );
  });

  it('counts WAJIB and REKAM_DINI students of a follow-up visit apart', () => {
    const a = all.filter(
      (o) => o.npsn === 'A' && (o.outcome === 'absent' || o.outcome === 'failed'),
    );
    const wajib = result.followUp.visits.reduce((s, v) => s + v.wajib, 0);
    expect(wajib).toBe(a.filter((o) => o.category === 'WAJIB').length);
  });

  describe('invalid input', () => {
    it('refuses a threshold that is not a whole number of at least 1', () => {
      expect(() => planMopUp([], [], TEAMS, CALENDAR, { minForVisit: 0 })).toThrow(RangeError);
    });
  });
});
