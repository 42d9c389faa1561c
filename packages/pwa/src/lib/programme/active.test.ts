import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgramme, DEMO_PROGRAMME_ID, replaceProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { ACTIVE_PROGRAMME_KEY, ActiveProgramme } from './active.svelte';
import { defaultSettings } from './settings';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-active-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

/** A Storage that keeps values in a map, or throws on every call when `broken`. */
function memoryStorage(broken = false): Storage {
  const values = new Map<string, string>();
  const check = () => {
    if (broken) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    key: (i) => [...values.keys()][i] ?? null,
    getItem: (key) => (check(), values.get(key) ?? null),
    setItem: (key, value) => (check(), void values.set(key, value)),
    removeItem: (key) => void values.delete(key),
  };
}

describe('ActiveProgramme', () => {
  it('has no programme until it has read the database, and none when nothing is stored', async () => {
    const active = new ActiveProgramme(() => db, memoryStorage());
    expect(active.loaded).toBe(false);
    await active.refresh();
    expect(active.loaded).toBe(true);
    expect(active.row).toBeNull();
  });

  it('works on the most recently stored programme unless one was chosen', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), {
      storedOn: '2023-01-01',
    });
    await createProgramme(db, defaultSettings('Tahun 2024', '2024-01-15'), 'p-2024');
    const active = new ActiveProgramme(() => db, memoryStorage());
    await active.refresh();
    expect(active.row?.id).toBe('p-2024');

    active.select(DEMO_PROGRAMME_ID);
    expect(active.row?.id).toBe(DEMO_PROGRAMME_ID);
  });

  it('remembers the choice on this device for the next visit', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), {
      storedOn: '2023-01-01',
    });
    await createProgramme(db, defaultSettings('Tahun 2024', '2024-01-15'), 'p-2024');
    const storage = memoryStorage();
    new ActiveProgramme(() => db, storage).select(DEMO_PROGRAMME_ID);
    expect(storage.getItem(ACTIVE_PROGRAMME_KEY)).toBe(DEMO_PROGRAMME_ID);

    const next = new ActiveProgramme(() => db, storage);
    await next.refresh();
    expect(next.row?.id).toBe(DEMO_PROGRAMME_ID);
  });

  it('falls back to the most recent programme when the chosen one was deleted', async () => {
    await createProgramme(db, defaultSettings('Tahun 2024', '2024-01-15'), 'p-2024');
    const storage = memoryStorage();
    storage.setItem(ACTIVE_PROGRAMME_KEY, 'gone');
    const active = new ActiveProgramme(() => db, storage);
    await active.refresh();
    expect(active.row?.id).toBe('p-2024');
  });

  it('shows a changed row at once, and a new one first', async () => {
    const created = await createProgramme(db, defaultSettings('Tahun 2024', '2024-01-15'), 'p-1');
    const active = new ActiveProgramme(() => db, memoryStorage());
    await active.refresh();
    const renamed = { ...created, settings: { ...created.settings, name: 'Baru' } };
    active.replace(renamed);
    expect(active.row?.settings.name).toBe('Baru');

    active.replace({ ...created, id: 'p-2' });
    expect(active.programmes.map((p) => p.id)).toEqual(['p-2', 'p-1']);
  });

  describe('when storage fails', () => {
    it('still selects for this visit when localStorage is blocked', async () => {
      await createProgramme(db, defaultSettings('A', '2024-01-15'), 'p-a');
      await createProgramme(db, defaultSettings('B', '2024-01-15'), 'p-b');
      const active = new ActiveProgramme(() => db, memoryStorage(true));
      await active.refresh();
      active.select('p-b');
      expect(active.row?.id).toBe('p-b');
    });

    it('says why when IndexedDB cannot be read', async () => {
      const active = new ActiveProgramme(() => {
        throw new Error('IndexedDB is blocked');
      }, memoryStorage());
      await active.refresh();
      expect(active.loaded).toBe(true);
      expect(active.error).toBe('IndexedDB is blocked');
      expect(active.row).toBeNull();
    });
  });
});
