import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countProgrammeRows,
  createProgramme,
  getProgramme,
  replaceProgramme,
  SahajaDatabase,
} from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { ActiveProgramme } from './active.svelte';
import { ProgrammeDeletion } from './deletion.svelte';
import { defaultSettings } from './settings';

let db: SahajaDatabase;
let active: ActiveProgramme;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-deletion', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await replaceProgramme(db, 'demo', programmeFixture('A'), { storedOn: '2023-01-01' });
  await createProgramme(db, defaultSettings('Tahun 2024', '2024-01-15'), 'p-2024');
  active = new ActiveProgramme(() => db, null);
  await active.refresh();
  active.select('demo');
});

afterEach(() => db.close());

describe('ProgrammeDeletion', () => {
  it('deletes nothing until the user confirms', async () => {
    const deletion = new ProgrammeDeletion({ db: () => db, active });
    deletion.request(active.row!);
    expect(deletion.pending?.id).toBe('demo');

    deletion.cancel();

    expect(deletion.pending).toBeNull();
    expect(await deletion.confirm()).toBe(false);
    expect(await getProgramme(db, 'demo')).not.toBeNull();
  });

  it('deletes the confirmed programme with all its rows, and the next one becomes active', async () => {
    let held = 0;
    const deletion = new ProgrammeDeletion({
      db: () => db,
      active,
      hold: () => {
        held += 1;
        return () => (held -= 1);
      },
    });
    deletion.request(active.row!);

    expect(await deletion.confirm()).toBe(true);

    expect(deletion.status).toEqual({ state: 'deleted', name: 'Program contoh' });
    expect(deletion.pending).toBeNull();
    expect(held).toBe(0);
    expect(await getProgramme(db, 'demo')).toBeNull();
    expect(await countProgrammeRows(db, 'demo')).toEqual({
      schools: 0,
      students: 0,
      residents: 0,
      teams: 0,
      holidays: 0,
    });
    expect(active.programmes.map((p) => p.id)).toEqual(['p-2024']);
    expect(active.row?.id).toBe('p-2024');
  });

  it('says why and deletes nothing when the delete fails', async () => {
    const deletion = new ProgrammeDeletion({ db: () => db, active });
    deletion.request(active.row!);
    db.students.hook('deleting', () => {
      throw new Error('disk error');
    });

    expect(await deletion.confirm()).toBe(false);

    expect(deletion.status).toMatchObject({ state: 'failed', name: 'Program contoh' });
    expect(await getProgramme(db, 'demo')).not.toBeNull();
    expect((await countProgrammeRows(db, 'demo')).students).toBe(25);
  });
});
