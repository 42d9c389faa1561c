import { HOLIDAYS_2023, HOLIDAYS_2024 } from '@sahaja/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getProgramme, readHolidays, replaceProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { ActiveProgramme } from './active.svelte';
import { checkHolidays, type HolidayDraft } from './holiday-rows';
import { HolidaysForm } from './holidays-form.svelte';

const row = (key: number, tanggal: string, keterangan: string): HolidayDraft => ({
  key,
  tanggal,
  keterangan,
});

describe('checkHolidays', () => {
  it('reads valid rows into holidays, descriptions trimmed', () => {
    expect(checkHolidays([row(1, '2024-02-14', ' Pemilihan Umum ')])).toEqual({
      ok: true,
      value: [{ tanggal: '2024-02-14', keterangan: 'Pemilihan Umum' }],
    });
  });

  describe('invalid input', () => {
    it('names each bad field of each row', () => {
      expect(
        checkHolidays([row(1, '', 'Libur'), row(2, '2023-02-29', ''), row(3, '2024-01-01', 'x')]),
      ).toEqual({
        ok: false,
        errors: {
          1: { tanggal: { key: 'programme.error.dateRequired' } },
          2: {
            tanggal: { key: 'programme.error.date' },
            keterangan: { key: 'programme.error.descriptionRequired' },
          },
        },
      });
    });

    it('flags the later of two rows with the same date and description', () => {
      const check = checkHolidays([
        row(1, '2024-02-14', 'Pemilihan Umum'),
        row(2, '2024-02-14', 'Acara kantor'),
        row(3, '2024-02-14', 'pemilihan  umum'),
      ]);
      expect(check).toEqual({
        ok: false,
        errors: { 3: { keterangan: { key: 'programme.error.holidayRepeated' } } },
      });
    });
  });
});

describe('HolidaysForm', () => {
  let db: SahajaDatabase;
  let active: ActiveProgramme;
  let form: HolidaysForm;

  beforeEach(async () => {
    db = new SahajaDatabase('sahaja-holidays-form', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await replaceProgramme(db, 'demo', programmeFixture('A'));
    active = new ActiveProgramme(() => db, null);
    await active.refresh();
    form = new HolidaysForm({ db: () => db, active });
    await form.load('demo');
  });

  afterEach(() => db.close());

  describe('adding a national list', () => {
    it('adds the 2023 holidays the programme lacks, skipping those already there', () => {
      // The demo's two Imlek rows are worded differently from the national list; one more row is
      // exactly the list's Isra Mikraj.
      expect(form.rows).toHaveLength(2);
      const isra = HOLIDAYS_2023.find((h) => h.tanggal === '2023-02-18')!;
      Object.assign(form.add(), isra);

      const result = form.addList(HOLIDAYS_2023);

      expect(result).toEqual({ added: HOLIDAYS_2023.length - 1, present: 1 });
      expect(form.rows).toHaveLength(3 + HOLIDAYS_2023.length - 1);
      expect(form.rows.filter((r) => r.tanggal === '2023-02-18')).toHaveLength(1);
      expect(checkHolidays(form.rows).ok).toBe(true);
    });

    it('adds nothing the second time', () => {
      form.addList(HOLIDAYS_2024);
      const count = form.rows.length;
      expect(form.addList(HOLIDAYS_2024)).toEqual({ added: 0, present: HOLIDAYS_2024.length });
      expect(form.rows).toHaveLength(count);
    });

    it('counts a holiday typed with other case or spacing as already there', () => {
      const first = HOLIDAYS_2024[0]!;
      const typed = form.add();
      typed.tanggal = first.tanggal;
      typed.keterangan = `  ${first.keterangan.toUpperCase()} `;
      expect(form.addList([first])).toEqual({ added: 0, present: 1 });
    });

    it('keeps a user’s edit of a listed holiday and adds the original beside it', () => {
      form.addList(HOLIDAYS_2024);
      const election = form.rows.find((r) => r.tanggal === '2024-02-14')!;
      election.keterangan = 'Pemilu (kantor tutup)';
      expect(form.addList(HOLIDAYS_2024)).toEqual({ added: 1, present: HOLIDAYS_2024.length - 1 });
    });

    it('orders the rows by date, rows still without a date last', () => {
      const blank = form.add();
      form.addList(HOLIDAYS_2024);
      const dates = form.rows.map((r) => r.tanggal);
      expect(dates.at(-1)).toBe('');
      const dated = dates.slice(0, -1);
      expect(dated).toEqual([...dated].sort());
      expect(form.rows.at(-1)?.key).toBe(blank.key);
    });

    it('does not modify the list it is given', () => {
      const list = structuredClone([...HOLIDAYS_2023]);
      form.addList(list);
      expect(list).toEqual(HOLIDAYS_2023);
    });
  });

  it('saves the list in one go, counts refreshed', async () => {
    form.addList(HOLIDAYS_2024);
    form.remove(form.rows.find((r) => r.tanggal === '2024-02-14')!.key);

    expect(await form.save()).toBe(true);

    const stored = await readHolidays(db, 'demo');
    const expected = 2 + HOLIDAYS_2024.length - 1;
    expect(stored.ok && stored.value).toHaveLength(expected);
    expect(stored.ok && stored.value.some((h) => h.tanggal === '2024-02-14')).toBe(false);
    expect((await getProgramme(db, 'demo'))?.counts.holidays).toBe(expected);
    expect(active.row?.counts.holidays).toBe(expected);
  });

  it('keeps the old holidays when the write fails half way', async () => {
    form.addList(HOLIDAYS_2024);
    let written = 0;
    db.holidays.hook('creating', () => {
      written += 1;
      if (written > 5) throw new Error('disk full');
    });

    expect(await form.save()).toBe(false);

    expect(form.status).toMatchObject({ state: 'failed' });
    expect(await readHolidays(db, 'demo')).toEqual({
      ok: true,
      value: programmeFixture('A').holidays,
    });
    expect((await getProgramme(db, 'demo'))?.counts.holidays).toBe(2);
  });

  it('saves nothing while a row is invalid', async () => {
    const blank = form.add();
    expect(await form.save()).toBe(false);
    expect(form.status).toEqual({ state: 'invalid', count: 2 });
    expect(form.errors[blank.key]).toEqual({
      tanggal: { key: 'programme.error.dateRequired' },
      keterangan: { key: 'programme.error.descriptionRequired' },
    });
    expect((await getProgramme(db, 'demo'))?.counts.holidays).toBe(2);
  });
});
