/**
 * A full disk (issue 9): IndexedDB refuses a write with QuotaExceededError part-way through. Each write
 * the app makes is one transaction, so the failure is reported as "storage full" and nothing of the
 * write is left: the database holds what it held before.
 */
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudentRecord } from '../core/types';
import { appendVisitEvent } from '../field/visit-data';
import { defaultSettings } from '../programme/settings';
import { PROGRAMME_TABLES, SahajaDatabase } from './database';
import { importStudentList } from './imports';
import { createProgramme } from './programmes';

const P = 'p-full';
let db: SahajaDatabase;
let restore: (() => void) | null = null;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-storage-full', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await createProgramme(db, defaultSettings('Program 2023', '2023-01-16'), P);
});

afterEach(() => {
  restore?.();
  restore = null;
  db.close();
});

/** From now on, the `n`-th row written (added or put) fails as a full disk does, and every one after. */
function storageFullAfter(n: number): void {
  const proto = IDBObjectStore.prototype as unknown as Record<
    'add' | 'put',
    (...a: unknown[]) => unknown
  >;
  const original = { add: proto.add, put: proto.put };
  let writes = 0;
  for (const method of ['add', 'put'] as const) {
    proto[method] = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      if (writes >= n) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original[method].apply(this, args);
    };
  }
  restore = () => Object.assign(proto, original);
}

async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = ['programmes', ...PROGRAMME_TABLES] as const;
  const rows = await Promise.all(tables.map((t) => db.table(t).toArray()));
  return Object.fromEntries(tables.map((t, i) => [t, rows[i] ?? []]));
}

function students(count: number, name = 'SISWA'): StudentRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    idSiswa: `20512345-${String(i + 1).padStart(4, '0')}`,
    npsn: '20512345',
    nisn: `00${String(6_000_000 + i).padStart(8, '0')}`,
    nik: '',
    nama: `${name} ${i + 1}`,
    jenisKelamin: i % 2 ? 'L' : 'P',
    tempatLahir: 'KEDIRI',
    tanggalLahir: '2006-08-17',
    namaIbu: `IBU ${i + 1}`,
    alamat: 'DSN. KRAJAN',
    kelas: 'XII',
  }));
}

describe('a full disk', () => {
  it('stops an import with "quota" and leaves none of its rows', async () => {
    const before = await snapshot();
    storageFullAfter(20);

    const result = await importStudentList(db, P, students(40), {
      fileName: 'a.csv',
      chunkSize: 7,
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'quota' } });
    restore?.();
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the previous list whole when a repeated import fails midway', async () => {
    const first = await importStudentList(db, P, students(40), { fileName: 'a.csv' });
    expect(first.ok).toBe(true);
    const before = await snapshot();
    storageFullAfter(30);

    const again = await importStudentList(db, P, students(40, 'BARU'), {
      fileName: 'a.csv',
      chunkSize: 7,
    });

    expect(again).toMatchObject({ ok: false, error: { code: 'quota' } });
    restore?.();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a visit mark with "storage full", storing neither the mark nor its change', async () => {
    const before = await snapshot();
    storageFullAfter(2); // the mark is written, its change in the log is not

    const visit = { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' };
    const result = await appendVisitEvent(
      db,
      P,
      {
        id: 'e1',
        kind: 'mark',
        at: '2023-01-16T01:00:00.000Z',
        visit,
        idSiswa: '20512345-0001',
        outcome: 'recorded',
      },
      [],
      visit,
    );

    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', quota: true } });
    restore?.();
    expect(await snapshot()).toEqual(before);
  });
});
