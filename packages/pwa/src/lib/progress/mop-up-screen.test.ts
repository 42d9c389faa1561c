import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { SahajaDatabase } from '../db';
import { ExportClient } from '../export/export-client.svelte';
import { createWorkerApi } from '../worker/api';
import type { ExportFile } from '../worker/exports';
import type { MopUpRequest } from '../worker/progress';
import type { MopUpStart } from './mop-up';
import { MopUpScreen } from './mop-up-screen.svelte';
import {
  A1,
  B1,
  EventLog,
  PROGRAMME_ID,
  storeProgressProgramme,
} from './test-support/progress-fixture';

let db: SahajaDatabase;
let client: ExportClient;
let saved: ExportFile[];
let requests: MopUpRequest[];

const TODAY = '2023-01-18';
const PROPOSED: MopUpStart = { date: '2023-01-19', after: 'today', from: TODAY };

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-mop-up-screen', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeProgressProgramme(db);
  const log = new EventLog(db);
  await log.mark(A1, 'S01', 'absent', 0);
  await log.mark(A1, 'S03', 'failed', 1);
  await log.mark(B1, 'S12', 'absent', 0);
  client = new ExportClient(fakeCoreWorker(createWorkerApi(() => db)).start);
  saved = [];
  requests = [];
});

afterEach(() => {
  client.dispose();
  db.close();
});

function screenWith(): MopUpScreen {
  return new MopUpScreen({
    client: {
      progressMopUp: (request) => {
        requests.push(request);
        return client.progressMopUp(request);
      },
      progressMopUpWorkbook: client.progressMopUpWorkbook.bind(client),
    },
    save: (file) => saved.push(file),
  });
}

describe('MopUpScreen', () => {
  it('fills the form with the proposed start and the default threshold', () => {
    const screen = screenWith();
    screen.prepare(PROGRAMME_ID, PROPOSED);
    expect(screen.start).toBe('2023-01-19');
    expect(screen.minForVisit).toBe(15);
    expect(screen.plan).toBeNull();
  });

  it('computes the plan in the worker from the fields', async () => {
    const screen = screenWith();
    screen.prepare(PROGRAMME_ID, PROPOSED);
    screen.minForVisit = 2;
    await screen.compute(TODAY);
    expect(requests).toEqual([
      { programmeId: PROGRAMME_ID, today: TODAY, start: '2023-01-19', minForVisit: 2 },
    ]);
    expect(screen.computing).toBe(false);
    expect(screen.plan).toMatchObject({ toRecord: 3, visited: 2, referred: 1 });
    expect(screen.plan?.referrals[0]?.students).toEqual([
      { nama: 'LINA MARLINA', kelas: 'X 1', category: 'REKAM_DINI', outcome: 'absent' },
    ]);
    expect(screen.changed).toBe(false);
    screen.minForVisit = 3;
    expect(screen.changed).toBe(true);
  });

  it('downloads the plan shown, with the fields it was computed with', async () => {
    const screen = screenWith();
    screen.prepare(PROGRAMME_ID, PROPOSED);
    await screen.compute(TODAY);
    screen.start = '2023-02-01';
    await screen.download('id');
    expect(saved.map((f) => f.fileName)).toEqual(['susulan-perekaman-sma-2023-2023-01-19.xlsx']);
    expect(screen.notice).toEqual({
      kind: 'done',
      fileName: 'susulan-perekaman-sma-2023-2023-01-19.xlsx',
    });
    expect(screen.downloading).toBe(false);
  });

  it('keeps a date the user typed when the proposal changes, and follows an untouched one', () => {
    const screen = screenWith();
    screen.prepare(PROGRAMME_ID, PROPOSED);
    screen.prepare(PROGRAMME_ID, { ...PROPOSED, date: '2023-01-24' });
    expect(screen.start).toBe('2023-01-24');
    screen.start = '2023-02-01';
    screen.prepare(PROGRAMME_ID, { ...PROPOSED, date: '2023-01-25' });
    expect(screen.start).toBe('2023-02-01');
  });

  it('starts afresh for another programme', async () => {
    const screen = screenWith();
    screen.prepare(PROGRAMME_ID, PROPOSED);
    screen.minForVisit = 1;
    await screen.compute(TODAY);
    expect(screen.plan).not.toBeNull();
    screen.prepare('other', { ...PROPOSED, date: '2023-03-01' });
    expect(screen.plan).toBeNull();
    expect(screen.start).toBe('2023-03-01');
    expect(screen.minForVisit).toBe(15);
  });

  describe('invalid input', () => {
    it('refuses bad fields on the page, naming each, and asks the worker nothing', async () => {
      const screen = screenWith();
      screen.prepare(PROGRAMME_ID, PROPOSED);
      screen.start = '';
      screen.minForVisit = 0;
      await screen.compute(TODAY);
      expect(requests).toEqual([]);
      expect(screen.issueOf('start')?.message.id).toBe('Isi "Tanggal mulai susulan".');
      expect(screen.issueOf('minForVisit')?.message.id).toBe(
        '"Minimal siswa susulan untuk kunjungan" harus bilangan bulat 1 atau lebih (bukan "0").',
      );
      expect(screen.plan).toBeNull();
      screen.start = '2023-01-19';
      screen.minForVisit = 1;
      await screen.compute(TODAY);
      expect(screen.issues).toEqual([]);
      expect(screen.plan).not.toBeNull();
    });

    it('keeps the worker’s refusal for the screen to say', async () => {
      const screen = screenWith();
      screen.prepare('nope', PROPOSED);
      await screen.compute(TODAY);
      expect(screen.error).toMatchObject({ code: 'missing' });
      expect(screen.plan).toBeNull();
    });

    it('downloads nothing before a plan is computed', async () => {
      const screen = screenWith();
      screen.prepare(PROGRAMME_ID, PROPOSED);
      await screen.download('id');
      expect(saved).toEqual([]);
      expect(screen.notice).toBeNull();
    });
  });
});
