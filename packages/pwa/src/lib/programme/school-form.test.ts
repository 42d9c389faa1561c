import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { ActiveProgramme } from './active.svelte';
import {
  checkSchoolDraft,
  draftFromSchool,
  kecamatanName,
  normaliseKecamatan,
  type SchoolDraft,
} from './school-draft';
import { matchesFilter, SchoolList } from './school-list.svelte';

const draft = (change: Partial<SchoolDraft> = {}): SchoolDraft => ({
  kecamatan: '35.06.17',
  waktuTempuhMenit: '45',
  tanggalTidakBisa: ['2023-02-01'],
  newDate: '',
  ...change,
});

describe('normaliseKecamatan', () => {
  it('writes a kecamatan code with dots, and a Kabupaten Kediri kecamatan name as its code', () => {
    expect(normaliseKecamatan('350617')).toBe('35.06.17');
    expect(normaliseKecamatan(' 35.06.17 ')).toBe('35.06.17');
    expect(normaliseKecamatan('Pare')).toBe('35.06.17');
    expect(normaliseKecamatan('Kec. Kayen Kidul')).toBe('35.06.24');
    expect(kecamatanName('35.06.17')).toBe('Pare');
  });

  it('leaves anything else as typed (trimmed), for the check to refuse', () => {
    expect(normaliseKecamatan(' 3506 ')).toBe('3506');
    expect(normaliseKecamatan('Kota')).toBe('Kota');
  });
});

describe('checkSchoolDraft', () => {
  it('reads a valid draft into the changes to store', () => {
    expect(checkSchoolDraft(draft({ kecamatan: 'pare', waktuTempuhMenit: ' 0 ' }))).toEqual({
      ok: true,
      value: { kecamatan: '35.06.17', waktuTempuhMenit: 0, tanggalTidakBisa: ['2023-02-01'] },
    });
    expect(checkSchoolDraft(draft({ kecamatan: '' })).ok).toBe(true);
  });

  describe('invalid input', () => {
    it.each<[string, Partial<SchoolDraft>, object]>([
      [
        'a regency code',
        { kecamatan: '3506' },
        { kecamatan: { key: 'schools.error.kecamatan', params: { code: '3506' } } },
      ],
      [
        'an unknown name',
        { kecamatan: 'Kota' },
        { kecamatan: { key: 'schools.error.kecamatan', params: { code: 'Kota' } } },
      ],
      [
        'an empty travel time',
        { waktuTempuhMenit: '' },
        { waktuTempuhMenit: { key: 'programme.error.required' } },
      ],
      [
        'a fractional travel time',
        { waktuTempuhMenit: '12.5' },
        { waktuTempuhMenit: { key: 'programme.error.wholeNumber' } },
      ],
      [
        'a travel time over 600',
        { waktuTempuhMenit: '601' },
        { waktuTempuhMenit: { key: 'schools.error.travel', params: { min: 0, max: 600 } } },
      ],
      [
        'an impossible date',
        { tanggalTidakBisa: ['2023-02-30'] },
        { tanggalTidakBisa: { key: 'programme.error.date' } },
      ],
    ])('refuses %s, naming only that field', (_what, change, errors) => {
      expect(checkSchoolDraft(draft(change))).toEqual({ ok: false, errors });
    });
  });
});

describe('the schools screen', () => {
  let db: SahajaDatabase;
  let list: SchoolList;

  beforeEach(async () => {
    db = new SahajaDatabase('sahaja-school-form', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await replaceProgramme(db, 'demo', programmeFixture('A', { schools: 12, students: 60 }));
    const active = new ActiveProgramme(() => db, null);
    list = new SchoolList({ db: () => db, active });
    await list.load('demo');
  });

  afterEach(() => db.close());

  it('lists the schools by name with their student counts', () => {
    expect(list.loadState).toBe('loaded');
    expect(list.schools.map((s) => s.nama).slice(0, 4)).toEqual([
      'SMA A 1',
      'SMA A 10',
      'SMA A 11',
      'SMA A 12',
    ]);
    expect(list.schools.reduce((sum, s) => sum + s.students, 0)).toBe(60);
  });

  it('filters by name, NPSN or kecamatan', () => {
    list.filter = 'sma a 1';
    expect(list.shown.map((s) => s.nama)).toEqual(['SMA A 1', 'SMA A 10', 'SMA A 11', 'SMA A 12']);
    list.filter = '12 SMA';
    expect(list.shown.map((s) => s.nama)).toEqual(['SMA A 12']);
    list.filter = '20510003';
    expect(list.shown.map((s) => s.npsn)).toEqual(['20510003']);
    list.filter = 'pare';
    expect(list.shown).toHaveLength(12);
    list.filter = 'tidak ada';
    expect(list.shown).toEqual([]);
    expect(matchesFilter(list.schools[0]!, '   ')).toBe(true);
  });

  it('edits one school: blackout dates added sorted, without duplicates, and removed', () => {
    const form = list.edit('20510003')!;
    expect(form.draft).toEqual(draftFromSchool(list.schools.find((s) => s.npsn === '20510003')!));
    expect(form.dirty).toBe(false);

    form.draft.newDate = '2023-01-10';
    expect(form.addDate()).toBe(true);
    expect(form.draft.tanggalTidakBisa).toEqual(['2023-01-10', '2023-01-20']);
    expect(form.draft.newDate).toBe('');

    form.draft.newDate = '2023-01-20';
    expect(form.addDate()).toBe(false);
    expect(form.dateError).toEqual({ key: 'schools.error.dateRepeated' });
    form.draft.newDate = '';
    expect(form.addDate()).toBe(false);
    expect(form.dateError).toEqual({ key: 'programme.error.dateRequired' });
    form.draft.newDate = '2023-02-31';
    expect(form.addDate()).toBe(false);
    expect(form.dateError).toEqual({ key: 'programme.error.date' });

    form.removeDate('2023-01-20');
    expect(form.draft.tanggalTidakBisa).toEqual(['2023-01-10']);
    expect(form.dirty).toBe(true);
  });

  it('saves the school, showing it in the list and keeping its other data', async () => {
    const form = list.edit('20510003')!;
    form.draft.kecamatan = 'Mojo';
    form.draft.waktuTempuhMenit = '90';
    form.draft.newDate = '2023-03-01';
    form.addDate();

    expect(await list.save()).toBe(true);

    expect(list.editor).toBeNull();
    expect(list.lastSaved).toBe('SMA A 4');
    const shown = list.schools.find((s) => s.npsn === '20510003');
    expect(shown).toMatchObject({
      kecamatan: '35.06.02',
      waktuTempuhMenit: 90,
      tanggalTidakBisa: ['2023-01-20', '2023-03-01'],
      students: 5,
    });
    expect(await db.schools.get(['demo', '20510003'])).toMatchObject({
      nama: 'SMA A 4',
      latitude: -7.75,
      kecamatan: '35.06.02',
      waktuTempuhMenit: 90,
    });
  });

  it('saves nothing while a field is invalid, and keeps the editor open', async () => {
    const form = list.edit('20510003')!;
    form.draft.waktuTempuhMenit = '-5';

    expect(await list.save()).toBe(false);

    expect(list.editor).toBe(form);
    expect(form.status).toEqual({ state: 'invalid', count: 1 });
    expect(form.errors.waktuTempuhMenit).toEqual({
      key: 'schools.error.travel',
      params: { min: 0, max: 600 },
    });
    expect((await db.schools.get(['demo', '20510003']))?.waktuTempuhMenit).toBe(23);
  });

  it('says so when the school was deleted meanwhile', async () => {
    const form = list.edit('20510003')!;
    await db.schools.delete(['demo', '20510003']);

    expect(await list.save()).toBe(false);
    expect(form.status).toMatchObject({ state: 'failed', error: { code: 'missing' } });
    expect(await db.schools.get(['demo', '20510003'])).toBeUndefined();
  });
});
