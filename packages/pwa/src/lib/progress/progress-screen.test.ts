import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { SahajaDatabase } from '../db';
import { ExportClient, type ExportResult } from '../export/export-client.svelte';
import { createWorkerApi } from '../worker/api';
import type { ExportFile } from '../worker/exports';
import type { ProgressDashboard } from './dashboard';
import { ProgressScreen } from './progress-screen.svelte';
import {
  A1,
  EventLog,
  PROGRAMME_ID,
  storeProgressProgramme,
} from './test-support/progress-fixture';

let db: SahajaDatabase;
let client: ExportClient;
let saved: ExportFile[];

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-progress-screen', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeProgressProgramme(db);
  client = new ExportClient(fakeCoreWorker(createWorkerApi(() => db)).start);
  saved = [];
});

afterEach(() => {
  client.dispose();
  db.close();
});

const screenWith = (deps: Partial<ConstructorParameters<typeof ProgressScreen>[0]> = {}) =>
  new ProgressScreen({
    client,
    save: (file) => saved.push(file),
    today: () => '2023-01-18',
    ...deps,
  });

describe('ProgressScreen', () => {
  it('gets the figures from the export worker, as plain data across the boundary', async () => {
    await new EventLog(db).mark(A1, 'S02', 'recorded', 0);
    const screen = screenWith();
    expect(screen.stage).toBe('loading');
    await screen.show(PROGRAMME_ID);
    expect(screen.stage).toBe('ready');
    expect(screen.dashboard).toMatchObject({
      today: '2023-01-18',
      hasPlan: true,
      marked: true,
      total: { targets: 7, recorded: 1 },
    });
    expect(screen.dashboard?.schools).toHaveLength(3);
  });

  it('computes again on request, keeping the figures shown meanwhile', async () => {
    const screen = screenWith();
    await screen.show(PROGRAMME_ID);
    expect(screen.dashboard?.total.recorded).toBe(0);
    await new EventLog(db).mark(A1, 'S02', 'recorded', 0);
    const again = screen.show(PROGRAMME_ID);
    expect(screen.stage).toBe('loading');
    expect(screen.dashboard?.total.recorded).toBe(0);
    await again;
    expect(screen.dashboard?.total.recorded).toBe(1);
  });

  it('downloads the workbook as of the figures’ date through the save helper', async () => {
    const screen = screenWith();
    await screen.show(PROGRAMME_ID);
    await screen.download(PROGRAMME_ID, 'en');
    expect(saved.map((f) => f.fileName)).toEqual(['progress-perekaman-sma-2023-2023-01-18.xlsx']);
    expect(saved[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(screen.notice).toEqual({
      kind: 'done',
      fileName: 'progress-perekaman-sma-2023-2023-01-18.xlsx',
    });
    expect(screen.downloading).toBe(false);
  });

  it('shows the latest programme asked for when answers come back out of order', async () => {
    const answers: ((value: ExportResult<ProgressDashboard>) => void)[] = [];
    const slow = {
      progressDashboard: () =>
        new Promise<ExportResult<ProgressDashboard>>((resolve) => answers.push(resolve)),
      progressWorkbook: client.progressWorkbook.bind(client),
    };
    const screen = screenWith({ client: slow });
    const first = screen.show('first');
    const second = screen.show('second');
    const fake = (programme: string) =>
      ({ ok: true, value: { programme } as ProgressDashboard }) as const;
    answers[1]!(fake('second'));
    answers[0]!(fake('first'));
    await Promise.all([first, second]);
    expect(screen.dashboard?.programme).toBe('second');
  });

  describe('invalid input', () => {
    it('keeps the worker’s refusal for the screen to say', async () => {
      const screen = screenWith();
      await screen.show('nope');
      expect(screen.stage).toBe('failed');
      expect(screen.error).toMatchObject({ code: 'missing' });
      expect(screen.dashboard).toBeNull();
    });

    it('says why a download failed and saves nothing', async () => {
      await db.visits.clear();
      const screen = screenWith();
      await screen.show(PROGRAMME_ID);
      expect(screen.dashboard?.hasPlan).toBe(false);
      await screen.download(PROGRAMME_ID, 'id');
      expect(saved).toEqual([]);
      expect(screen.notice).toMatchObject({ kind: 'failed', error: { code: 'no_plan' } });
    });

    it('clears another programme’s figures before showing a new one', async () => {
      const screen = screenWith();
      await screen.show(PROGRAMME_ID);
      const pending = screen.show('nope');
      expect(screen.dashboard).toBeNull();
      await pending;
      expect(screen.stage).toBe('failed');
    });
  });
});
