import { describe, expect, it } from 'vitest';
import type { PlanFigures, StoredSchool } from '../db';
import { defaultSettings } from '../programme/settings';
import { planBasis, staleReasons, type PlanInputs } from './staleness';

const SCHOOLS: StoredSchool[] = [
  {
    npsn: '20510001',
    nama: 'SMA 1',
    kecamatan: '35.06.17',
    waktuTempuhMenit: 25,
    latitude: -7.75,
    longitude: 112.18,
    tanggalTidakBisa: ['2023-01-20', '2023-01-19'],
  },
  // Created from a student list: no coordinates.
  {
    npsn: '20510002',
    nama: 'SMA 2',
    kecamatan: '',
    waktuTempuhMenit: 30,
    tanggalTidakBisa: [],
  },
  // No students to record: not in the plan.
  {
    npsn: '20510003',
    nama: 'SMA 3',
    kecamatan: '35.06.01',
    waktuTempuhMenit: 15,
    tanggalTidakBisa: [],
  },
];
const TARGETS = [
  { npsn: '20510001', wajib: 40, dini: 10 },
  { npsn: '20510002', wajib: 0, dini: 30 },
];
const INPUTS: PlanInputs = {
  settings: { ...defaultSettings('Program 2023', '2023-01-16'), end: '2023-03-31' },
  schools: SCHOOLS,
  teams: [
    { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
    { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
  ],
  holidays: [
    { tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' },
    { tanggal: '2023-01-22', keterangan: 'Imlek' },
  ],
  targetsMark: 'students:300|matching:2023-01-09T08:00:00.000Z',
};

/** The figures of a plan made from `inputs` (only what staleness reads is meaningful). */
function figuresFrom(inputs: PlanInputs, extra: Partial<PlanFigures> = {}): PlanFigures {
  const { settings } = inputs;
  return {
    mode: 'normal',
    madeAt: '2023-01-10T08:00:00.000Z',
    start: settings.start,
    end: settings.end,
    dayMinutes: settings.dayMinutes,
    fridayMinutes: settings.fridayMinutes,
    workingDays: 2,
    workingDaysWajib: 1,
    lowerBound: 1,
    lowerBoundWajib: 1,
    gap: 1,
    finish: '2023-01-17',
    finishWajib: '2023-01-16',
    visitsPerSchool: 1,
    teams: [],
    unserved: [],
    earliestEnd: null,
    targets: TARGETS,
    pending: { notMatched: 0, review: 0 },
    released: [],
    change: { kind: 'plan', at: '2023-01-10T08:00:00.000Z', removed: [], added: [], lostDay: null },
    basis: planBasis(inputs, TARGETS),
    ...extra,
  };
}

const FIGURES = figuresFrom(INPUTS);
const withSchool = (npsn: string, change: Partial<StoredSchool>): StoredSchool[] =>
  SCHOOLS.map((s) => (s.npsn === npsn ? { ...s, ...change } : s));

describe('plan staleness', () => {
  it('keeps what a plan depends on: the planned schools only, lists sorted, coordinates or null', () => {
    expect(FIGURES.basis).toEqual({
      referenceDate: '2023-01-16',
      minimumAge: 16,
      regions: ['3506'],
      teams: [
        { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
        { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
      ],
      holidays: ['2023-01-22', '2023-01-23'],
      schools: [
        {
          npsn: '20510001',
          kecamatan: '35.06.17',
          waktuTempuhMenit: 25,
          tanggalTidakBisa: ['2023-01-19', '2023-01-20'],
          latitude: -7.75,
          longitude: 112.18,
        },
        {
          npsn: '20510002',
          kecamatan: '',
          waktuTempuhMenit: 30,
          tanggalTidakBisa: [],
          latitude: null,
          longitude: null,
        },
      ],
      targetsMark: INPUTS.targetsMark,
    });
  });

  it('finds nothing when nothing the plan depends on changed', () => {
    expect(staleReasons(FIGURES, INPUTS)).toEqual([]);
    // Order, holiday descriptions, school names and schools without targets do not matter.
    const same: PlanInputs = {
      ...INPUTS,
      teams: [...INPUTS.teams].reverse(),
      holidays: [
        { tanggal: '2023-01-22', keterangan: 'Tahun Baru Imlek 2574' },
        { tanggal: '2023-01-23', keterangan: 'Cuti' },
        { tanggal: '2023-01-23', keterangan: 'Cuti bersama' },
      ],
      schools: withSchool('20510001', {
        nama: 'SMA Negeri 1 Pare',
        tanggalTidakBisa: ['2023-01-19', '2023-01-20'],
      }).map((s) => (s.npsn === '20510003' ? { ...s, waktuTempuhMenit: 90 } : s)),
      settings: { ...INPUTS.settings, name: 'Renamed', regions: ['3506'] },
    };
    expect(staleReasons(FIGURES, same)).toEqual([]);
  });

  it('says the teams changed: a team added, removed, or given other sets or capacity', () => {
    const { teams } = INPUTS;
    for (const changed of [
      [...teams, { tim: 'Tim 3', jumlahAlat: 1, kapasitasPerAlat: 50 }],
      teams.slice(1),
      teams.map((t) => (t.tim === 'Tim 1' ? { ...t, jumlahAlat: 2 } : t)),
      teams.map((t) => (t.tim === 'Tim 2' ? { ...t, kapasitasPerAlat: 40 } : t)),
      teams.map((t) => (t.tim === 'Tim 2' ? { ...t, tim: 'Tim B' } : t)),
    ]) {
      expect(staleReasons(FIGURES, { ...INPUTS, teams: changed })).toEqual([{ kind: 'teams' }]);
    }
  });

  it('says the holidays changed when a date is added or removed', () => {
    const added = [...INPUTS.holidays, { tanggal: '2023-01-17', keterangan: 'Libur daerah' }];
    expect(staleReasons(FIGURES, { ...INPUTS, holidays: added })).toEqual([{ kind: 'holidays' }]);
    expect(staleReasons(FIGURES, { ...INPUTS, holidays: INPUTS.holidays.slice(1) })).toEqual([
      { kind: 'holidays' },
    ]);
  });

  it('names the planned schools whose travel, blackout days, kecamatan or coordinates changed, or that are gone', () => {
    const cases: [StoredSchool[], string[]][] = [
      [withSchool('20510001', { waktuTempuhMenit: 40 }), ['20510001']],
      [withSchool('20510002', { tanggalTidakBisa: ['2023-01-18'] }), ['20510002']],
      [withSchool('20510001', { tanggalTidakBisa: ['2023-01-20'] }), ['20510001']],
      [withSchool('20510002', { kecamatan: '35.06.17' }), ['20510002']],
      [withSchool('20510002', { latitude: -7.8, longitude: 112.1 }), ['20510002']],
      [SCHOOLS.filter((s) => s.npsn !== '20510001'), ['20510001']],
    ];
    for (const [schools, npsns] of cases) {
      expect(staleReasons(FIGURES, { ...INPUTS, schools })).toEqual([{ kind: 'schools', npsns }]);
    }
  });

  it('says the calendar changed (start, end, day or Friday minutes), or the eligibility settings', () => {
    const { settings } = INPUTS;
    for (const changed of [
      { start: '2023-01-17' },
      { end: null },
      { dayMinutes: 420 },
      { fridayMinutes: 300 },
    ]) {
      expect(staleReasons(FIGURES, { ...INPUTS, settings: { ...settings, ...changed } })).toEqual([
        { kind: 'calendar' },
      ]);
    }
    for (const changed of [
      { referenceDate: '2023-02-01' },
      { minimumAge: 17 },
      { regions: ['3506', '3571'] },
    ]) {
      expect(staleReasons(FIGURES, { ...INPUTS, settings: { ...settings, ...changed } })).toEqual([
        { kind: 'policy' },
      ]);
    }
  });

  it('says the students changed when the lists, registry, pemadanan or review mark differs', () => {
    expect(staleReasons(FIGURES, { ...INPUTS, targetsMark: 'students:301|matching:x' })).toEqual([
      { kind: 'students' },
    ]);
  });

  it('gives every reason at once, in order', () => {
    const inputs: PlanInputs = {
      settings: { ...INPUTS.settings, start: '2023-01-18', minimumAge: 15 },
      schools: withSchool('20510002', { waktuTempuhMenit: 5 }),
      teams: INPUTS.teams.slice(1),
      holidays: [],
      targetsMark: 'other',
    };
    expect(staleReasons(FIGURES, inputs).map((r) => r.kind)).toEqual([
      'calendar',
      'policy',
      'students',
      'teams',
      'holidays',
      'schools',
    ]);
  });

  it('cannot tell for a plan stored without its basis, but still checks the calendar kept with it', () => {
    const { basis: _basis, ...legacy } = FIGURES;
    expect(staleReasons(legacy, INPUTS)).toEqual([{ kind: 'unknown' }]);
    const later = { ...INPUTS, settings: { ...INPUTS.settings, dayMinutes: 300 } };
    expect(staleReasons(legacy, later)).toEqual([{ kind: 'calendar' }, { kind: 'unknown' }]);
  });

  it('does not modify its arguments', () => {
    const inputs = structuredClone(INPUTS);
    const figures = structuredClone(FIGURES);
    staleReasons(figures, { ...inputs, teams: [] });
    planBasis(inputs, TARGETS);
    expect(inputs).toEqual(INPUTS);
    expect(figures).toEqual(FIGURES);
  });
});
