import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { readCardData } from './card-data';
import { DEVICE_KEY, OPERATOR_KEY } from '../field/device';
import type { HandoverResult } from './handover-client';
import { HandoverPrint } from './handover-print.svelte';
import { HandoverScreen, type HandoverScreenDependencies } from './handover-screen.svelte';
import {
  PROGRAMME_ID,
  RECORDINGS,
  SCHOOL_A,
  SCHOOL_B,
  storeHandoverProgramme,
} from './test-support/handover-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-handover-screen', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeHandoverProgramme(db, RECORDINGS);
});

afterEach(() => db.close());

function storage(): Storage {
  const values = new Map<string, string>([
    [DEVICE_KEY, 'laptop-1'],
    [OPERATOR_KEY, 'Bu Ani'],
  ]);
  return {
    length: 0,
    key: () => null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
  };
}

/** The worker's reading done in place (the client is tested with a worker of its own). */
const cardData: HandoverScreenDependencies['cardData'] = async (programmeId, onProgress) => {
  try {
    return { ok: true, value: await readCardData(db, programmeId, onProgress) };
  } catch (thrown) {
    return { ok: false, error: { code: 'missing', message: String(thrown) } };
  }
};

let ids = 0;
function screen(extra: Partial<HandoverScreenDependencies> = {}): HandoverScreen {
  return new HandoverScreen({
    db: () => db,
    cardData,
    storage: storage(),
    now: () => new Date(2023, 11, 1, 9, 30),
    newId: () => `e${++ids}`,
    ...extra,
  });
}

describe('HandoverScreen', () => {
  it('starts on today and shows the cards due then, with those awaiting their birthday', async () => {
    const s = screen({ now: () => new Date(2023, 8, 1, 9, 0) });
    expect(s.on).toBe('2023-09-01');
    await s.load(PROGRAMME_ID);
    expect(s.stage).toBe('ready');
    expect(s.shown.map((c) => c.idSiswa)).toEqual(['S02', 'S12']);
    expect(s.cards?.later).toBe(1);
    expect(s.schools.map((o) => [o.npsn, o.due])).toEqual([
      [SCHOOL_A.npsn, 1],
      [SCHOOL_B.npsn, 1],
    ]);
    expect(s.plan?.visits.map((v) => [v.npsn, v.date, v.students])).toEqual([
      [SCHOOL_A.npsn, '2023-09-15', 1],
      [SCHOOL_B.npsn, '2023-09-15', 1],
      [SCHOOL_A.npsn, '2023-11-03', 1],
    ]);
  });

  it('narrows the cards due and the visits to a school, and the cards due to a search', async () => {
    const s = screen();
    await s.load(PROGRAMME_ID);
    s.school = SCHOOL_A.npsn;
    expect(s.shown.map((c) => c.idSiswa)).toEqual(['S03', 'S02']);
    s.query = 'ani';
    expect(s.shown.map((c) => c.nama)).toEqual(['ANI LESTARI']);
    s.query = '0061000002';
    expect(s.shown.map((c) => c.nama)).toEqual(['CITRA DEWI']);
    s.school = SCHOOL_B.npsn;
    expect(s.shown).toEqual([]);
  });

  it('marks a card handed over: stored, no longer due, listed with who received it', async () => {
    const s = screen();
    await s.load(PROGRAMME_ID);
    const card = s.shown.find((c) => c.idSiswa === 'S02')!;
    s.open(card);
    expect(s.draft).toEqual({ receivedBy: '', handedAt: '2023-12-01', by: 'Bu Ani', note: '' });
    s.draft.receivedBy = 'Siti (ibu)';
    expect(await s.save()).toBe(true);
    expect(s.selected).toBeNull();
    expect(s.status).toEqual({ state: 'saved', nama: 'ANI LESTARI' });
    expect(s.shown.map((c) => c.idSiswa)).toEqual(['S03', 'S12']);
    expect(s.handed.map((h) => [h.nama, h.event.receivedBy, h.event.by])).toEqual([
      ['ANI LESTARI', 'Siti (ibu)', 'Bu Ani'],
    ]);
    expect(s.handedTotal).toBe(1);
    const rows = await db.cardEvents.toArray();
    expect(rows).toMatchObject([
      { programmeId: PROGRAMME_ID, id: 'e' + ids, device: 'laptop-1', author: 'Bu Ani' },
    ]);
  });

  it('undoes this laptop’s last handover: the card is due again', async () => {
    const s = screen();
    await s.load(PROGRAMME_ID);
    s.open(s.shown.find((c) => c.idSiswa === 'S12')!);
    s.draft.receivedBy = 'Lina';
    await s.save();
    expect(s.undoable?.idSiswa).toBe('S12');
    expect(await s.undoLast()).toBe(true);
    expect(s.status).toEqual({ state: 'undone', nama: 'LINA MARLINA' });
    expect(s.shown.map((c) => c.idSiswa)).toEqual(['S03', 'S02', 'S12']);
    expect(s.undoable).toBeNull();
    expect(await db.cardEvents.count()).toBe(2);
  });

  it('shows the handovers of the chosen date, or of every date', async () => {
    const s = screen();
    await s.load(PROGRAMME_ID);
    s.open(s.shown.find((c) => c.idSiswa === 'S02')!);
    s.draft.receivedBy = 'Ani';
    s.draft.handedAt = '2023-11-20';
    await s.save();
    expect(s.handed).toEqual([]);
    s.allDates = true;
    expect(s.handed.map((h) => h.event.handedAt)).toEqual(['2023-11-20']);
  });

  describe('invalid input', () => {
    it('refuses a handover without who received it, naming the field; nothing stored', async () => {
      const s = screen();
      await s.load(PROGRAMME_ID);
      s.open(s.shown[0]!);
      expect(await s.save()).toBe(false);
      expect(s.selected).not.toBeNull();
      expect(s.issues.map((i) => i.field)).toEqual(['receivedBy']);
      expect(s.issues[0]?.message.id).toBe('Nama penerima wajib diisi.');
      expect(await db.cardEvents.count()).toBe(0);
      expect(s.shown).toHaveLength(3);
    });

    it('refuses a handover dated before the 17th birthday with the core’s message', async () => {
      const s = screen();
      await s.load(PROGRAMME_ID);
      s.open(s.shown.find((c) => c.idSiswa === 'S03')!);
      s.draft.receivedBy = 'Citra';
      s.draft.handedAt = '2023-10-04';
      expect(await s.save()).toBe(false);
      expect(s.issues.map((i) => [i.field, i.code])).toEqual([
        ['handedAt', 'before_17th_birthday'],
      ]);
      expect(await db.cardEvents.count()).toBe(0);
    });

    it('computes nothing while the date is not a real one', async () => {
      const s = screen();
      await s.load(PROGRAMME_ID);
      s.on = '2023-02-30';
      expect(s.date).toBeNull();
      expect(s.cards).toBeNull();
      expect(s.plan).toBeNull();
      expect(s.shown).toEqual([]);
    });

    it('says why the data could not be read', async () => {
      const s = screen();
      await s.load('nowhere');
      expect(s.stage).toBe('failed');
      expect(s.failure?.code).toBe('missing');
    });

    it('keeps only the latest of two loads', async () => {
      let release: (value: HandoverResult<never>) => void = () => {};
      const slow: HandoverScreenDependencies['cardData'] = () =>
        new Promise((resolve) => (release = resolve));
      const s = screen({
        cardData: (id, progress) => (id === 'slow' ? slow(id, progress) : cardData(id, progress)),
      });
      const first = s.load('slow');
      await s.load(PROGRAMME_ID);
      release({ ok: false, error: { code: 'internal', message: 'late' } });
      await first;
      expect(s.stage).toBe('ready');
    });

    it('has nothing to undo before a handover on this laptop', async () => {
      const s = screen();
      await s.load(PROGRAMME_ID);
      expect(await s.undoLast()).toBe(false);
    });
  });
});

describe('HandoverPrint', () => {
  it('makes the lists of the date, school by school, then is ready', async () => {
    const job = new HandoverPrint({ db: () => db, cardData });
    await job.load(PROGRAMME_ID, '2023-12-01', null);
    expect(job.stage).toBe('ready');
    expect(job.ready).toBe(true);
    expect(job.total).toBe(2);
    expect(job.lists.map((l) => [l.school.npsn, l.rows.length])).toEqual([
      [SCHOOL_A.npsn, 2],
      [SCHOOL_B.npsn, 1],
    ]);
  });

  it('makes one school’s list when asked', async () => {
    const job = new HandoverPrint({ db: () => db, cardData });
    await job.load(PROGRAMME_ID, '2023-12-01', SCHOOL_B.npsn);
    expect(job.lists.map((l) => l.school.npsn)).toEqual([SCHOOL_B.npsn]);
  });

  describe('invalid input', () => {
    it('is not ready to print when there is nothing on the date', async () => {
      const job = new HandoverPrint({ db: () => db, cardData });
      await job.load(PROGRAMME_ID, '2023-01-16', null);
      expect(job.stage).toBe('ready');
      expect(job.ready).toBe(false);
    });

    it('says why the data could not be read', async () => {
      const job = new HandoverPrint({ db: () => db, cardData });
      await job.load('nowhere', '2023-12-01', null);
      expect(job.stage).toBe('failed');
      expect(job.failure?.code).toBe('missing');
    });

    it('drops a load cleared before it ends', async () => {
      const job = new HandoverPrint({ db: () => db, cardData });
      const pending = job.load(PROGRAMME_ID, '2023-12-01', null);
      job.clear();
      await pending;
      expect(job.stage).toBe('idle');
      expect(job.lists).toEqual([]);
    });
  });
});
