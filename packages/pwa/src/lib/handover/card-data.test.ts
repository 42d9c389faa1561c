import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { SahajaDatabase } from '../db';
import { createWorkerApi } from '../worker/api';
import { createHandoverApi } from '../worker/handover';
import { CardDataRefusal, readCardData } from './card-data';
import { HandoverClient } from './handover-client';
import {
  PROGRAMME_ID,
  RECORDINGS,
  SCHOOL_A,
  SCHOOL_B,
  addVisitEvents,
  mark,
  storeHandoverProgramme,
  undo,
} from './test-support/handover-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-handover-data', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

describe('readCardData', () => {
  it('lists the REKAM_DINI students whose standing outcome is recorded, by school', async () => {
    await storeHandoverProgramme(db, RECORDINGS);
    const data = await readCardData(db, PROGRAMME_ID);
    expect(data.candidates.map((c) => [c.npsn, c.idSiswa, c.birthDate])).toEqual([
      [SCHOOL_A.npsn, 'S03', '2006-10-05'],
      [SCHOOL_A.npsn, 'S02', '2006-08-17'],
      [SCHOOL_B.npsn, 'S12', '2006-08-17'],
    ]);
    expect([...data.outcomes.keys()].sort()).toEqual(['S02', 'S03', 'S12']);
    expect(data.outcomes.get('S02')).toEqual({
      outcome: 'recorded',
      visit: { date: '2023-01-16', team: 'Tim 1', npsn: SCHOOL_A.npsn },
    });
  });

  it('leaves out WAJIB students, and REKAM_DINI students not recorded', async () => {
    await storeHandoverProgramme(db, [
      mark('m1', 'S01', 'recorded', 1),
      mark('m2', 'S02', 'absent', 2),
      mark('m3', 'S03', 'refused', 3),
    ]);
    const data = await readCardData(db, PROGRAMME_ID);
    expect(data.candidates).toEqual([]);
  });

  it('drops a student whose recording was undone', async () => {
    await storeHandoverProgramme(db, [...RECORDINGS, undo('u1', 'm2', 10)]);
    const data = await readCardData(db, PROGRAMME_ID);
    expect(data.candidates.map((c) => c.idSiswa)).toEqual(['S03', 'S12']);
  });

  it('keeps what a school needs only: no NIK, mother’s name or address', async () => {
    await storeHandoverProgramme(db, RECORDINGS);
    const text = JSON.stringify((await readCardData(db, PROGRAMME_ID)).candidates);
    expect(text).not.toContain('RAHASIA');
    expect(text).not.toContain('3506170108');
  });

  it('gives the schools by name with their blackout days, and the holidays', async () => {
    await storeHandoverProgramme(db, RECORDINGS);
    const data = await readCardData(db, PROGRAMME_ID);
    expect(data.schools.map((s) => s.npsn)).toEqual([SCHOOL_A.npsn, SCHOOL_B.npsn, '20510003']);
    expect(data.schools[0]).toMatchObject({ tanggalTidakBisa: ['2023-01-20'] });
    expect(data.holidays.map((h) => h.tanggal)).toEqual(['2023-01-22', '2023-01-23']);
    expect(data.leapDayRule).toBe('march-1');
  });

  it('reads only the schools where somebody was recorded, reporting each', async () => {
    await storeHandoverProgramme(db, [mark('m4', 'S12', 'recorded', 4)]);
    const seen: [number, number][] = [];
    const data = await readCardData(db, PROGRAMME_ID, (p) => seen.push([p.done, p.total]));
    expect(data.candidates.map((c) => c.idSiswa)).toEqual(['S12']);
    expect(seen).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  describe('invalid input', () => {
    it('refuses a programme that is not stored', async () => {
      await expect(readCardData(db, 'nowhere')).rejects.toBeInstanceOf(CardDataRefusal);
    });

    it('gives nothing for a programme without visit-day events', async () => {
      await storeHandoverProgramme(db);
      await addVisitEvents(db, []);
      expect((await readCardData(db, PROGRAMME_ID)).candidates).toEqual([]);
    });
  });
});

describe('the worker’s handover API', () => {
  it('answers with the data as a value', async () => {
    await storeHandoverProgramme(db, RECORDINGS);
    const result = await createHandoverApi(() => db).cardData(PROGRAMME_ID);
    expect(result.ok && result.value.candidates).toHaveLength(3);
  });

  describe('invalid input', () => {
    it('turns a missing programme into an error value', async () => {
      const result = await createHandoverApi(() => db).cardData('nowhere');
      expect(result).toEqual({ ok: false, error: { code: 'missing', message: 'missing' } });
    });

    it('passes the core’s refusal of the settings on in both languages', async () => {
      await storeHandoverProgramme(db, RECORDINGS);
      const row = await db.programmes.get(PROGRAMME_ID);
      await db.programmes.update(PROGRAMME_ID, {
        settings: { ...row!.settings, regions: ['99'] },
      });
      const result = await createHandoverApi(() => db).cardData(PROGRAMME_ID);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('settings');
        expect(result.error.localized?.id).toBeTruthy();
        expect(result.error.localized?.en).toBeTruthy();
      }
    });

    it('turns a closed database into a storage error', async () => {
      await storeHandoverProgramme(db, RECORDINGS);
      db.close();
      const result = await createHandoverApi(() => db).cardData(PROGRAMME_ID);
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    });
  });
});

describe('HandoverClient', () => {
  it('gets the data from the worker and reports its progress', async () => {
    await storeHandoverProgramme(db, RECORDINGS);
    const worker = fakeCoreWorker(createWorkerApi(() => db));
    const client = new HandoverClient(worker.start);
    const seen: number[] = [];
    const result = await client.cardData(PROGRAMME_ID, (p) => seen.push(p.done));
    expect(result.ok && result.value.candidates.map((c) => c.idSiswa)).toEqual([
      'S03',
      'S02',
      'S12',
    ]);
    expect(result.ok && result.value.outcomes).toBeInstanceOf(Map);
    await vi.waitFor(() => expect(seen).toEqual([0, 1, 2]));
    client.dispose();
  });

  it('ends an idle worker and starts a fresh one for the next call', async () => {
    await storeHandoverProgramme(db, RECORDINGS);
    const worker = fakeCoreWorker(createWorkerApi(() => db));
    const client = new HandoverClient(worker.start, 10);
    await client.cardData(PROGRAMME_ID);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(worker.stats).toEqual({ started: 1, terminated: 1 });
    expect((await client.cardData(PROGRAMME_ID)).ok).toBe(true);
    expect(worker.stats.started).toBe(2);
    client.dispose();
  });

  describe('invalid input', () => {
    it('passes the worker’s refusal on as data', async () => {
      const worker = fakeCoreWorker(createWorkerApi(() => db));
      const client = new HandoverClient(worker.start);
      expect(await client.cardData('nowhere')).toEqual({
        ok: false,
        error: { code: 'missing', message: 'missing' },
      });
      client.dispose();
    });

    it('fails a call in flight as cancelled when the client is disposed', async () => {
      await storeHandoverProgramme(db, RECORDINGS);
      const worker = fakeCoreWorker(createWorkerApi(() => db));
      const client = new HandoverClient(worker.start);
      const pending = client.cardData(PROGRAMME_ID);
      client.dispose();
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    });
  });
});
