import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase, type VisitRow } from '../db';
import type { ExportResult } from './export-client.svelte';
import { PrintJob } from './print-job.svelte';
import { daySheetKeys, letterKeys, schoolsByFirstVisit, teamsOf } from './print-plan';
import {
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  storeExportProgramme,
} from './test-support/export-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-print-job', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

describe('what to print', () => {
  it('gives every visited school’s letter by first visit, or one school’s', async () => {
    await storeExportProgramme(db);
    expect(await letterKeys(db, PROGRAMME_ID, null)).toEqual({
      ok: true,
      keys: [SCHOOL_A.npsn, SCHOOL_B.npsn],
    });
    expect(await letterKeys(db, PROGRAMME_ID, SCHOOL_B.npsn)).toEqual({
      ok: true,
      keys: [SCHOOL_B.npsn],
    });
  });

  it('gives a team’s visit days, or one of them', async () => {
    await storeExportProgramme(db);
    expect(await daySheetKeys(db, PROGRAMME_ID, 'Tim 1', null)).toEqual({
      ok: true,
      keys: ['2023-01-16', '2023-01-17'],
    });
    expect(await daySheetKeys(db, PROGRAMME_ID, 'Tim 1', '2023-01-17')).toEqual({
      ok: true,
      keys: ['2023-01-17'],
    });
  });

  it('orders schools by first visit and teams by number', () => {
    const v = (date: string, team: string, npsn: string, order = 0) =>
      ({ programmeId: 'p', date, team, npsn, wajib: 1, dini: 0, order, pinned: false }) as VisitRow;
    const visits = [
      v('2023-01-17', 'Tim 10', 'B'),
      v('2023-01-16', 'Tim 2', 'C', 1),
      v('2023-01-16', 'Tim 2', 'A'),
    ];
    expect(schoolsByFirstVisit(visits)).toEqual(['A', 'C', 'B']);
    expect(teamsOf(visits)).toEqual(['Tim 2', 'Tim 10']);
  });

  describe('invalid input', () => {
    it('says there is nothing: no plan, a school or team without a visit', async () => {
      await storeExportProgramme(db, { plan: false });
      expect(await letterKeys(db, PROGRAMME_ID, null)).toEqual({ ok: false, reason: 'no_plan' });
      expect(await daySheetKeys(db, PROGRAMME_ID, 'Tim 1', null)).toEqual({
        ok: false,
        reason: 'no_plan',
      });
      await storeExportProgramme(db);
      expect(await letterKeys(db, PROGRAMME_ID, '20510003')).toEqual({
        ok: false,
        reason: 'no_visit',
      });
      expect(await daySheetKeys(db, PROGRAMME_ID, 'Tim 2', null)).toEqual({
        ok: false,
        reason: 'no_days',
      });
    });
  });
});

describe('PrintJob', () => {
  const pages = (keys: readonly string[]): Promise<ExportResult<string[]>> =>
    Promise.resolve({ ok: true, value: keys.map((k) => `page ${k}`) });

  it('fetches the pages a few at a time and is ready once all are in', async () => {
    const job = new PrintJob<string>();
    const asked: string[][] = [];
    await job.load(
      async () => ({ ok: true, keys: ['1', '2', '3', '4', '5'] }),
      (keys) => {
        asked.push([...keys]);
        return pages(keys);
      },
      2,
    );
    expect(asked).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(job.items).toEqual(['page 1', 'page 2', 'page 3', 'page 4', 'page 5']);
    expect([job.stage, job.total, job.ready]).toEqual(['ready', 5, true]);
  });

  it('drops a load overtaken by another', async () => {
    const job = new PrintJob<string>();
    let release: () => void = () => {};
    const slow = job.load(
      () => new Promise((resolve) => (release = () => resolve({ ok: true, keys: ['old'] }))),
      pages,
    );
    await job.load(async () => ({ ok: true, keys: ['new'] }), pages);
    release();
    await slow;
    expect(job.items).toEqual(['page new']);
  });

  describe('invalid input', () => {
    it('stops at a failed chunk, keeping the error', async () => {
      const job = new PrintJob<string>();
      await job.load(
        async () => ({ ok: true, keys: ['1', '2', '3'] }),
        async (keys) =>
          keys.includes('3')
            ? { ok: false, error: { code: 'storage', message: 'broken' } }
            : pages(keys),
        2,
      );
      expect(job.stage).toBe('failed');
      expect(job.error).toEqual({ code: 'storage', message: 'broken' });
      expect(job.ready).toBe(false);
    });

    it('says why there is nothing to print', async () => {
      const job = new PrintJob<string>();
      await job.load(async () => ({ ok: false, reason: 'no_plan' }), pages);
      expect([job.stage, job.empty]).toEqual(['empty', 'no_plan']);
    });
  });
});
