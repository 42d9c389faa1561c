import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { programmeFixture } from './test-support/programme-fixture';
import { SahajaDatabase } from './database';
import { writeSealingAhead } from './pipelined';
import type { StudentRecord } from '../core/types';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-pipelined-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

const students = programmeFixture('A').students.slice(0, 7);
const ids = (rows: readonly { idSiswa: string }[]) => rows.map((r) => r.idSiswa);

describe('writeSealingAhead', () => {
  it('prepares each chunk before the one ahead of it is stored, and stores them in order', async () => {
    const calls: string[] = [];
    const stored: string[][] = [];
    const progress: number[] = [];
    await db.transaction('rw', db.students, () =>
      writeSealingAhead(db, students, {
        table: 'students',
        size: 3,
        prepare: (chunk) => {
          calls.push(`prepare ${chunk.length}`);
          return chunk.map((s) => ({ ...s, programmeId: 'p' }));
        },
        store: async (rows) => {
          calls.push(`store ${rows.length}`);
          stored.push(ids(rows));
          await db.students.bulkAdd(rows);
        },
        onChunk: (done) => progress.push(done),
      }),
    );
    // The next chunk is being sealed while the current one is stored; only one write at a time.
    expect(calls).toEqual(['prepare 3', 'prepare 3', 'store 3', 'prepare 1', 'store 3', 'store 1']);
    expect(stored).toEqual([
      ids(students.slice(0, 3)),
      ids(students.slice(3, 6)),
      ids(students.slice(6)),
    ]);
    expect(progress).toEqual([3, 6, 7]);
    expect(await db.students.count()).toBe(7);
  });

  it('stops when the signal is aborted, and the transaction keeps nothing', async () => {
    const controller = new AbortController();
    const write = db.transaction('rw', db.students, () =>
      writeSealingAhead<StudentRecord, StudentRecord & { programmeId: string }>(db, students, {
        table: 'students',
        size: 3,
        prepare: (chunk) => chunk.map((s) => ({ ...s, programmeId: 'p' })),
        store: (rows) => db.students.bulkAdd(rows),
        onChunk: () => controller.abort(),
        signal: controller.signal,
      }),
    );
    await expect(write).rejects.toThrow();
    expect(await db.students.count()).toBe(0);
  });

  it('writes nothing and calls nothing for no rows', async () => {
    const calls: string[] = [];
    await writeSealingAhead(db, [], {
      table: 'students',
      size: 3,
      prepare: (chunk) => (calls.push('prepare'), chunk),
      store: async () => void calls.push('store'),
    });
    expect(calls).toEqual([]);
  });
});
