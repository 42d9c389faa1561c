import { createCoreApi, type CoreApi } from '@sahaja/core/api';
import { formatCsv } from '@sahaja/core/io';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgramme, rowsOf, SahajaDatabase } from '../db';
import { defaultSettings } from '../programme/settings';
import { eventOf, readChanges } from '../sync/change-log';
import { stampChange } from '../sync/clock';
import { laptopOf } from '../sync/test-support/office';
import { createImportsApi } from './imports';

const P = 'p-imports';
const core = createCoreApi();
let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-worker-imports', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await createProgramme(db, defaultSettings('Program 2023', '2023-01-16'), P);
});

afterEach(() => db.close());

const teams = (...names: string[]) =>
  new TextEncoder().encode(
    formatCsv([['tim', 'jumlah_alat', 'kapasitas_per_alat'], ...names.map((n) => [n, '2', '50'])]),
  );
const request = { kind: 'team' as const };
const target = { programmeId: P, name: 'tim.csv', school: null };

/** The imports API with a file reader that counts its reads. */
function apiCountingReads() {
  let reads = 0;
  const files: CoreApi['files'] = {
    ...core.files,
    importInBatches: (...args) => {
      reads += 1;
      return core.files.importInBatches(...args);
    },
  };
  return { api: createImportsApi(() => db, files), reads: () => reads };
}

const storedTeams = async () => (await rowsOf(db, 'teams', P).toArray()).map((t) => t.tim).sort();

describe('the worker imports', () => {
  it('answers a read with the report only, and stores the records it kept without reading again', async () => {
    const { api, reads } = apiCountingReads();

    const read = await api.readFile('f1:0', teams('A', 'B'), request);

    expect(read.ok && read.value.counts.accepted).toBe(2);
    expect(read.ok && 'records' in read.value).toBe(false);
    const stored = await api.storeFile('f1:0', teams('ignored'), request, target, 'j1');
    expect(stored.ok && stored.value.added).toBe(2);
    expect(stored.ok && stored.value.writeMs).toBeGreaterThanOrEqual(0);
    expect(reads()).toBe(1);
    expect(await storedTeams()).toEqual(['A', 'B']);
  });

  it("logs the import with the page's stamp: the laptop's id and user, not the worker's", async () => {
    const { api } = apiCountingReads();
    const page = laptopOf('laptop-office', 'Bu Sari', Date.parse('2023-01-10T01:00:00Z'));
    const stamp = stampChange(page);
    await api.readFile('f1:0', teams('A'), request);

    await api.storeFile('f1:0', teams('A'), request, { ...target, stamp }, 'j1');

    const [, imported] = (await readChanges(db, P)).map(eventOf);
    expect(imported).toMatchObject({
      kind: 'imported',
      hlc: stamp.hlc,
      device: 'laptop-office',
      author: 'Bu Sari',
      payload: { fileName: 'tim.csv', kind: 'team', accepted: 1 },
    });
  });

  it('reads the bytes again for a key it no longer keeps (forgotten, or already stored)', async () => {
    const { api, reads } = apiCountingReads();
    await api.readFile('f1:0', teams('A'), request);
    api.forgetFile('f1:0');

    const stored = await api.storeFile('f1:0', teams('C'), request, target, 'j1');

    expect(stored.ok).toBe(true);
    expect(reads()).toBe(2);
    expect(await storedTeams()).toEqual(['C']);
  });

  it('refuses a file that no longer reads, writing nothing', async () => {
    const { api } = apiCountingReads();

    const stored = await api.storeFile('f9:0', new Uint8Array(), request, target, 'j1');

    expect(stored.ok).toBe(false);
    expect(!stored.ok && stored.error.code).toBe('refused');
    expect(await storedTeams()).toEqual([]);
  });

  it('rolls a write back whole when its job is aborted, and keeps the records for another try', async () => {
    const { api, reads } = apiCountingReads();
    const names = Array.from({ length: 3000 }, (_, i) => `Tim ${i}`);
    await api.readFile('f1:0', teams(...names), request);

    const aborted = await api.storeFile('f1:0', new Uint8Array(), request, target, 'j1', () =>
      api.abortStore('j1'),
    );

    expect(!aborted.ok && aborted.error.code).toBe('cancelled');
    expect(await storedTeams()).toEqual([]);
    const again = await api.storeFile('f1:0', new Uint8Array(), request, target, 'j2');
    expect(again.ok && again.value.added).toBe(3000);
    expect(reads()).toBe(1);
  });
});
