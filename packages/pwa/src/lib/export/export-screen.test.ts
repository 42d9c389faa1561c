import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { SahajaDatabase, type ProgrammeRow } from '../db';
import { createWorkerApi } from '../worker/api';
import type { ExportFile } from '../worker/exports';
import { ExportClient } from './export-client.svelte';
import { ExportScreen } from './export-screen.svelte';
import {
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeExportProgramme,
} from './test-support/export-fixture';

let db: SahajaDatabase;
let client: ExportClient;
let saved: ExportFile[];

async function screenFor(options: { plan?: boolean; matches?: boolean } = {}) {
  await storeExportProgramme(db, options);
  const row = (await db.programmes.get(PROGRAMME_ID)) as ProgrammeRow;
  const screen = new ExportScreen({ db: () => db, client, save: (file) => saved.push(file) });
  await screen.show(row);
  return screen;
}

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-export-screen', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  client = new ExportClient(fakeCoreWorker(createWorkerApi(() => db)).start);
  saved = [];
});

afterEach(() => {
  client.dispose();
  db.close();
});

describe('ExportScreen', () => {
  it('offers the schools by name, the visited schools by first visit, the teams and their days', async () => {
    const screen = await screenFor();
    expect(screen.stage).toBe('ready');
    expect(screen.choices).toMatchObject({ matched: true, planned: true, teams: ['Tim 1'] });
    expect(screen.choices?.schools.map((s) => s.npsn)).toEqual([
      SCHOOL_A.npsn,
      SCHOOL_B.npsn,
      SCHOOL_C.npsn,
    ]);
    expect(screen.choices?.visited.map((s) => s.nama)).toEqual([SCHOOL_A.nama, SCHOOL_B.nama]);
    expect(screen.choices?.days['Tim 1']).toEqual(['2023-01-16', '2023-01-17']);
  });

  it('knows when there is no plan and no pemadanan yet', async () => {
    const screen = await screenFor({ plan: false, matches: false });
    expect(screen.choices).toMatchObject({
      matched: false,
      planned: false,
      teams: [],
      visited: [],
    });
  });

  it('saves the target lists and says what they hold', async () => {
    const screen = await screenFor();
    await screen.targets(PROGRAMME_ID, 'id', null);
    expect(saved.map((f) => f.fileName)).toEqual(['daftar-sasaran-perekaman-sma-2023.xlsx']);
    expect(screen.notice).toEqual({
      kind: 'done',
      export: 'targets',
      fileName: 'daftar-sasaran-perekaman-sma-2023.xlsx',
      counts: { schools: 2, students: 7, pending: 2 },
    });
    expect(screen.running).toBeNull();
    expect(screen.progress).toBeNull();
  });

  it('saves the plan and one team’s calendar', async () => {
    const screen = await screenFor();
    await screen.plan(PROGRAMME_ID, 'en');
    await screen.calendar(PROGRAMME_ID, 'en', 'Tim 1');
    expect(saved.map((f) => f.fileName)).toEqual([
      'visit-plan-perekaman-sma-2023.xlsx',
      'visit-plan-perekaman-sma-2023-tim-1.ics',
    ]);
    expect(screen.notice).toMatchObject({ kind: 'done', export: 'calendar' });
  });

  it('makes one export at a time', async () => {
    const screen = await screenFor();
    const first = screen.plan(PROGRAMME_ID, 'id');
    const second = screen.calendar(PROGRAMME_ID, 'id', null);
    await Promise.all([first, second]);
    expect(saved).toHaveLength(1);
  });

  describe('invalid input', () => {
    it('says why a file could not be made and saves nothing', async () => {
      const screen = await screenFor({ plan: false });
      await screen.plan(PROGRAMME_ID, 'id');
      expect(saved).toEqual([]);
      expect(screen.notice).toMatchObject({
        kind: 'failed',
        export: 'plan',
        error: { code: 'no_plan' },
      });
    });

    it('says why the programme’s data could not be read', async () => {
      await storeExportProgramme(db);
      const row = (await db.programmes.get(PROGRAMME_ID)) as ProgrammeRow;
      db.close();
      const screen = new ExportScreen({ db: () => db, client, save: () => {} });
      await screen.show(row);
      expect(screen.stage).toBe('failed');
      expect(screen.loadError).toBeTruthy();
    });
  });
});
