import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { SahajaDatabase } from '../db';
import { createWorkerApi } from '../worker/api';
import { ExportClient } from './export-client.svelte';
import { PROGRAMME_ID, SCHOOL_A, storeExportProgramme } from './test-support/export-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-export-client', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeExportProgramme(db);
});

afterEach(() => db.close());

describe('ExportClient', () => {
  it('gets a file’s bytes from the worker and reports its progress', async () => {
    const worker = fakeCoreWorker(createWorkerApi(() => db));
    const client = new ExportClient(worker.start);
    const seen: number[] = [];
    const result = await client.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' }, (p) =>
      seen.push(p.done),
    );
    expect(result.ok && result.value.bytes).toBeInstanceOf(Uint8Array);
    expect(result.ok && result.value.students).toBe(7);
    // Progress comes through a channel of its own: the last report may follow the answer.
    await vi.waitFor(() => expect(seen).toEqual([1, 2, 3]));
    expect(client.running).toBe(false);
    client.dispose();
  });

  it('gets the letters’ data of the schools asked', async () => {
    const worker = fakeCoreWorker(createWorkerApi(() => db));
    const client = new ExportClient(worker.start);
    const result = await client.schoolLetters(PROGRAMME_ID, [SCHOOL_A.npsn]);
    expect(result.ok && result.value.map((l) => l.school.npsn)).toEqual([SCHOOL_A.npsn]);
    client.dispose();
  });

  it('ends an idle worker and starts a fresh one for the next call', async () => {
    const worker = fakeCoreWorker(createWorkerApi(() => db));
    const client = new ExportClient(worker.start, 10);
    await client.planWorkbook({ programmeId: PROGRAMME_ID, locale: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(worker.stats).toEqual({ started: 1, terminated: 1 });
    const again = await client.planWorkbook({ programmeId: PROGRAMME_ID, locale: 'en' });
    expect(again.ok).toBe(true);
    expect(worker.stats.started).toBe(2);
    client.dispose();
  });

  describe('invalid input', () => {
    it('passes the worker’s refusal on as data', async () => {
      const worker = fakeCoreWorker(createWorkerApi(() => db));
      const client = new ExportClient(worker.start);
      const result = await client.teamDays(PROGRAMME_ID, 'Tim 9', ['2023-01-16']);
      expect(result).toEqual({
        ok: false,
        error: { code: 'unknown_team', message: 'unknown_team' },
      });
      client.dispose();
    });

    it('fails a call in flight as cancelled when the client is disposed', async () => {
      const worker = fakeCoreWorker(createWorkerApi(() => db));
      const client = new ExportClient(worker.start);
      const pending = client.planWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' });
      client.dispose();
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    });
  });
});
