import { createKeyring, type UnlockedKeys } from '@sahaja/core/secure';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db/database';
import { DEMO_PROGRAMME_ID, readRecords, replaceProgramme } from '../db/programmes';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { changePassphrase, hasKeyring, setPassphrase, unlock } from './keyring-store';
import { DamagedRowError, sealAhead } from './sealing';
import { closeVault, LockedError, openVault, vaultKeysOrNull } from './vault';

const NAME = 'sahaja-sealing-test';
const PASSPHRASE = 'kata sandi laptop kediri';
const FAST = { iterations: 1_000 };

let factory: IDBFactory;
let db: SahajaDatabase;
let testKeys: UnlockedKeys;

beforeEach(async () => {
  testKeys = vaultKeysOrNull() ?? testKeys;
  factory = new IDBFactory();
  db = new SahajaDatabase(NAME, { indexedDB: factory, IDBKeyRange });
  await db.open();
});

afterEach(() => {
  db.close();
  openVault(testKeys);
});

/** The database as IndexedDB holds it, read without the app's middleware: every store as text. */
async function rawDump(): Promise<string> {
  const raw = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
  await raw.open();
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of raw.tables) out[table.name] = await table.toArray();
    return JSON.stringify(out);
  } finally {
    raw.close();
  }
}

/** Every NIK, name, mother's name and birth date of `data`: what must never be on disk in plain text. */
function personalValues(data: ReturnType<typeof programmeFixture>): string[] {
  const values = [
    ...data.students.flatMap((s) => [s.nik, s.nama, s.tanggalLahir, s.namaIbu]),
    ...data.registry.flatMap((r) => [r.nik, r.nama, r.tanggalLahir, r.namaIbu, r.noKk]),
  ];
  return [...new Set(values.filter((v) => v.length >= 6))];
}

async function storeFixture() {
  const data = programmeFixture('A');
  const stored = await replaceProgramme(db, DEMO_PROGRAMME_ID, data, { storedOn: '2025-11-28' });
  expect(stored.ok).toBe(true);
  return data;
}

describe('sealed tables', () => {
  it('keep no NIK, name or birth date in plain text, and read back exactly what was written', async () => {
    const data = await storeFixture();
    const resident = data.registry[0]!;
    await db.decisions.put({
      programmeId: DEMO_PROGRAMME_ID,
      idSiswa: data.students[0]!.idSiswa,
      nik: resident.nik,
      decision: 'accept',
      decidedAt: '2025-11-28T08:00:00.000Z',
    });

    const dump = await rawDump();
    const values = personalValues(data);
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((value) => dump.includes(value))).toEqual([]);

    const read = await readRecords(db, DEMO_PROGRAMME_ID, ['students', 'residents', 'schools']);
    if (!read.ok) throw new Error(read.error.message);
    // In key order, the residents by NIK as before the NIKs were stored as blind indexes.
    const by =
      <T>(key: (row: T) => string) =>
      (a: T, b: T) =>
        key(a) < key(b) ? -1 : 1;
    expect(read.value.students).toEqual([...data.students].sort(by((s) => s.idSiswa)));
    expect(read.value.residents).toEqual([...data.registry].sort(by((r) => r.nik)));
    expect(read.value.schools).toEqual([...data.schools].sort(by((s) => s.npsn)));
    expect(await db.decisions.toArray()).toEqual([
      expect.objectContaining({ nik: resident.nik, decision: 'accept' }),
    ]);
  });

  it('find a resident by NIK through its blind index, and a second write of one NIK replaces it', async () => {
    const data = await storeFixture();
    const resident = data.registry[3]!;
    const key: [string, string] = [DEMO_PROGRAMME_ID, resident.nik];

    expect(await db.residents.get(key)).toEqual({ ...resident, programmeId: DEMO_PROGRAMME_ID });
    expect(await db.residents.where('[programmeId+nik]').equals(key).toArray()).toEqual([
      { ...resident, programmeId: DEMO_PROGRAMME_ID },
    ]);
    const before = await db.residents.count();

    await db.residents.put({ ...resident, programmeId: DEMO_PROGRAMME_ID, alamat: 'JL. BARU 1' });
    expect(await db.residents.count()).toBe(before);
    expect((await db.residents.get(key))?.alamat).toBe('JL. BARU 1');

    await db.residents.delete(key);
    expect(await db.residents.get(key)).toBeUndefined();
    expect(await db.residents.count()).toBe(before - 1);
  });

  it('write in the order asked, even when a later write is sealed first', async () => {
    const data = await storeFixture();
    const resident = { ...data.registry[0]!, programmeId: DEMO_PROGRAMME_ID };
    const others = data.registry.slice(1).map((r) => ({ ...r, programmeId: DEMO_PROGRAMME_ID }));
    // Both in one transaction, neither awaited before the other: the long first write takes longer
    // to seal than the single row after it, which must still land last.
    await db.transaction('rw', db.residents, async () => {
      await Promise.all([
        db.residents.bulkPut([...others, { ...resident, alamat: 'PERTAMA' }]),
        db.residents.put({ ...resident, alamat: 'KEDUA' }),
      ]);
    });
    expect((await db.residents.get([DEMO_PROGRAMME_ID, resident.nik]))?.alamat).toBe('KEDUA');
  });

  it('store rows sealed ahead of their write as if sealed on the way in', async () => {
    const data = programmeFixture('A');
    const residents = data.registry.map((r) => ({ ...r, programmeId: 'p' }));
    const students = data.students.map((s) => ({ ...s, programmeId: 'p' }));
    // Sealed outside any transaction, then written inside one: the writer's pattern.
    sealAhead(db, 'residents', residents);
    sealAhead(db, 'students', students);
    await db.transaction('rw', [db.residents, db.students], async () => {
      await db.residents.bulkPut(residents);
      await db.students.bulkAdd(students);
    });

    const dump = await rawDump();
    expect(personalValues(data).filter((value) => dump.includes(value))).toEqual([]);
    const resident = residents[7]!;
    expect(await db.residents.get(['p', resident.nik])).toEqual(resident);
    expect(await db.residents.count()).toBe(residents.length);
    expect(await db.students.toArray()).toEqual(
      [...students].sort((a, b) => (a.idSiswa < b.idSiswa ? -1 : 1)),
    );
  });

  it('refuse a row sealed ahead while locked, even when the write comes after unlocking', async () => {
    const rows = programmeFixture('A').students.map((s) => ({ ...s, programmeId: 'p' }));
    closeVault();
    sealAhead(db, 'students', rows);
    openVault(testKeys);
    await expect(db.students.bulkAdd(rows)).rejects.toThrow(LockedError);
    expect(await db.students.count()).toBe(0);
  });

  it('refuse a range over the NIK, which is stored as a keyed hash', async () => {
    await storeFixture();
    await expect(
      db.residents
        .where('[programmeId+nik]')
        .between([DEMO_PROGRAMME_ID, '3506010000000000'], [DEMO_PROGRAMME_ID, '3506019999999999'])
        .toArray(),
    ).rejects.toThrow(/blind index/);
  });

  it('refuse every read and write while locked, and write nothing', async () => {
    await storeFixture();
    const students = await db.students.count();
    closeVault();

    await expect(db.students.toArray()).rejects.toBeInstanceOf(LockedError);
    await expect(
      db.runs.put({ programmeId: DEMO_PROGRAMME_ID, kind: 'plan', finishedAt: 'x', result: {} }),
    ).rejects.toBeInstanceOf(LockedError);

    openVault(testKeys);
    expect(await db.students.count()).toBe(students);
    expect(await db.runs.count()).toBe(0);
  });

  it('do not open a sealed value moved into another row, or with another key', async () => {
    await storeFixture();
    const raw = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    await raw.open();
    const [first, second] = (await raw.table('students').limit(2).toArray()) as Record<
      string,
      unknown
    >[];
    await raw.table('students').put({ ...first, $sealed: second!['$sealed'] });
    raw.close();

    await expect(db.students.toArray()).rejects.toBeInstanceOf(DamagedRowError);

    const other = await createKeyring('kunci laptop lain sekali', { programmeId: 'x', ...FAST });
    openVault(other.keys);
    await expect(db.schools.toArray()).rejects.toBeInstanceOf(DamagedRowError);
  });
});

describe('the laptop passphrase', () => {
  it('seals the rows stored before it, in one go, and opens them only with the passphrase', async () => {
    // A laptop of version 4: plain rows, written as IndexedDB held them then.
    db.close();
    const data = programmeFixture('B');
    const old = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    await old.open();
    await old.table('students').bulkAdd(data.students.map((s) => ({ ...s, programmeId: 'p' })));
    await old.table('residents').bulkAdd(data.registry.map((r) => ({ ...r, programmeId: 'p' })));
    old.close();
    expect(await rawDump()).toContain(data.registry[0]!.nik);

    db = new SahajaDatabase(NAME, { indexedDB: factory, IDBKeyRange });
    await db.open();
    closeVault();
    expect(await hasKeyring(db)).toBe(false);
    expect(await setPassphrase(db, PASSPHRASE, PASSPHRASE, FAST)).toEqual({ ok: true });

    const dump = await rawDump();
    expect(personalValues(data).filter((value) => dump.includes(value))).toEqual([]);
    expect(await db.students.count()).toBe(data.students.length);
    expect(await db.residents.count()).toBe(data.registry.length);
    const resident = data.registry[5]!;
    expect(await db.residents.get(['p', resident.nik])).toEqual({ ...resident, programmeId: 'p' });

    closeVault();
    const wrong = await unlock(db, 'bukan kata sandinya');
    expect(wrong).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'wrong_passphrase',
        message: expect.objectContaining({ id: expect.stringMatching(/^Kata sandi salah\./) }),
      }),
    });
    await expect(db.students.count()).resolves.toBe(data.students.length); // counts read no values
    await expect(db.students.toArray()).rejects.toBeInstanceOf(LockedError);

    expect(await unlock(db, PASSPHRASE)).toEqual({ ok: true });
    expect(await db.residents.get(['p', resident.nik])).toEqual({ ...resident, programmeId: 'p' });

    const next = 'kata sandi baru yang panjang';
    expect(await changePassphrase(db, PASSPHRASE, next, next)).toEqual({ ok: true });
    closeVault();
    expect((await unlock(db, PASSPHRASE)).ok).toBe(false);
    expect(await unlock(db, next)).toEqual({ ok: true });
    expect(await db.students.count()).toBe(data.students.length);
    expect((await db.students.toArray()).map((s) => s.nama).sort()).toEqual(
      data.students.map((s) => s.nama).sort(),
    );
  });

  it('is refused when too short, typed differently twice, or set again, and nothing changes', async () => {
    closeVault();
    expect(await setPassphrase(db, 'pendek', 'pendek', FAST)).toMatchObject({
      ok: false,
      error: { code: 'passphrase_too_short' },
    });
    expect(await setPassphrase(db, PASSPHRASE, `${PASSPHRASE}!`, FAST)).toMatchObject({
      ok: false,
      error: { code: 'passphrases_differ' },
    });
    expect(await hasKeyring(db)).toBe(false);
    expect(vaultKeysOrNull()).toBeNull();

    expect(await setPassphrase(db, PASSPHRASE, PASSPHRASE, FAST)).toEqual({ ok: true });
    expect(await setPassphrase(db, PASSPHRASE, PASSPHRASE, FAST)).toMatchObject({
      ok: false,
      error: { code: 'keyring_exists' },
    });
  });

  it('leaves the laptop as it was when the storage is full while sealing', async () => {
    db.close();
    const data = programmeFixture('C');
    const old = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    await old.open();
    await old.table('residents').bulkAdd(data.registry.map((r) => ({ ...r, programmeId: 'p' })));
    old.close();
    const before = await rawDump();

    db = new SahajaDatabase(NAME, { indexedDB: factory, IDBKeyRange });
    await db.open();
    closeVault();
    // IndexedDB runs out of space on the 10th row written.
    const store = Object.getPrototypeOf(rawStore(db).objectStore('residents')) as IDBObjectStore;
    let writes = 0;
    const original = store.add;
    store.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      writes += 1;
      if (writes === 10)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
    try {
      const result = await setPassphrase(db, PASSPHRASE, PASSPHRASE, FAST);
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'storage',
          message: { id: expect.stringMatching(/^Ruang penyimpanan laptop tidak cukup/) },
        },
      });
    } finally {
      store.add = original;
    }
    expect(vaultKeysOrNull()).toBeNull();
    expect(await hasKeyring(db)).toBe(false);
    expect(await rawDump()).toBe(before);
  });
});

/** A transaction of the fake IndexedDB behind `database` (to reach its object store prototype). */
function rawStore(database: SahajaDatabase): IDBTransaction {
  return database.backendDB().transaction('residents', 'readonly');
}
