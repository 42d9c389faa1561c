import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '@sahaja/core/sync';
import { DEMO_PROGRAMME_ID, replaceProgramme, SahajaDatabase, type ProgrammeRow } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { appendVisitEvent } from '../field/visit-data';
import { LaptopClock, setLaptopClock } from './clock';
import { conflictRows, shortDevice } from './conflict-rows';
import { createExchangeApi } from './exchange-api';
import { ExchangeScreen } from './exchange-screen.svelte';

const PASS = 'kunci rahasia tim';
const fixture = programmeFixture('A');
const VISIT = { date: '2023-01-16', team: 'Tim 1', npsn: fixture.schools[0]!.npsn };
const T0 = Date.parse('2023-01-16T01:00:00Z');

interface Laptop {
  db: SahajaDatabase;
  clock: LaptopClock;
  programme: ProgrammeRow;
  screen: ExchangeScreen;
  files: { bytes: Uint8Array; name: string }[];
}
const open: SahajaDatabase[] = [];

async function laptop(name: string): Promise<Laptop> {
  const db = new SahajaDatabase(`sahaja-screen-${name}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  open.push(db);
  const stored = await replaceProgramme(db, DEMO_PROGRAMME_ID, fixture);
  if (!stored.ok) throw new Error(stored.error.message);
  let minute = 0;
  const clock = new LaptopClock(null, () => T0 + ++minute * 60_000, name);
  const files: Laptop['files'] = [];
  // The worker's operations, called directly (the page calls them through the worker).
  const api = createExchangeApi(() => db, { iterations: 1_000 });
  const screen = new ExchangeScreen({
    calls: {
      state: async (id) => ({ ok: true, value: await api.exchangeState(id) }),
      make: async (...args) => ({ ok: true, value: await api.makeExchangeFile(...args) }),
      merge: async (...args) => ({ ok: true, value: await api.mergeExchangeFile(...args) }),
    },
    clock: () => clock,
    download: (bytes, fileName) => files.push({ bytes, name: fileName }),
  });
  return { db, clock, programme: stored.value, screen, files };
}

async function mark(l: Laptop, id: string, idSiswa: string, outcome: string, minute: number) {
  setLaptopClock(l.clock);
  try {
    const at = new Date(T0 + minute * 60_000).toISOString();
    const done = await appendVisitEvent(
      l.db,
      DEMO_PROGRAMME_ID,
      { id, at, kind: 'mark', visit: VISIT, idSiswa, outcome },
      [],
      VISIT,
    );
    if (!done.ok) throw new Error('not stored');
  } finally {
    setLaptopClock(null);
  }
}

beforeEach(() => {
  open.length = 0;
});
afterEach(() => {
  for (const db of open) db.close();
});

describe('the exchange screen', () => {
  it('makes a file, merges it on the other laptop, and lists the laptop and the disagreement', async () => {
    const a = await laptop('laptop-a');
    const b = await laptop('laptop-b');
    const student = fixture.students[0]!;
    await mark(a, 'a1', student.idSiswa, 'recorded', 1);
    await mark(b, 'b1', student.idSiswa, 'absent', 2);
    await a.screen.load(DEMO_PROGRAMME_ID);
    expect(a.screen.changes).toBe(1);

    a.screen.exportPassphrase = PASS;
    await a.screen.makeFile(a.programme);
    expect(a.screen.exportError).toBeNull();
    expect(a.screen.exported).toMatchObject({ count: 1 });
    expect(a.files).toHaveLength(1);
    // The passphrase is not kept on the screen once used.
    expect(a.screen.exportPassphrase).toBe('');

    b.screen.file = new File([a.files[0]!.bytes.slice()], a.files[0]!.name);
    b.screen.importPassphrase = PASS;
    await b.screen.merge(b.programme);
    expect(b.screen.importError).toBeNull();
    expect(b.screen.summary).toMatchObject({
      addedCount: 1,
      known: 0,
      from: { device: 'laptop-a' },
    });
    expect(b.screen.changes).toBe(2);
    expect(b.screen.peers.map((p) => p.device)).toEqual(['laptop-a']);
    expect(b.screen.conflicts).toMatchObject([
      {
        kind: 'outcome',
        idSiswa: student.idSiswa,
        kept: { value: 'recorded' },
        others: [{ value: 'absent' }],
      },
    ]);
    expect(b.screen.names.get(student.idSiswa)).toBe(student.nama);
  });

  describe('invalid input', () => {
    it('says when the worker failed', async () => {
      const clock = new LaptopClock(null, () => T0, 'laptop-x');
      const failing = {
        ok: false as const,
        error: { code: 'internal' as const, message: 'worker ended' },
      };
      const screen = new ExchangeScreen({
        calls: {
          state: async () => failing,
          make: async () => failing,
          merge: async () => failing,
        },
        clock: () => clock,
        download: () => {},
      });
      await screen.load(DEMO_PROGRAMME_ID);
      expect(screen.loadError).toBe('worker ended');
      screen.exportPassphrase = PASS;
      const programme = { id: DEMO_PROGRAMME_ID } as ProgrammeRow;
      await screen.makeFile(programme);
      expect(screen.exportError?.en).toBe('Something went wrong: worker ended');
      screen.file = new File(['x'], 'x.sahaja');
      await screen.merge(programme);
      expect(screen.importError?.en).toBe('Something went wrong: worker ended');
    });

    it('says why a file was not made or not merged, and keeps the laptop as it was', async () => {
      const a = await laptop('laptop-a');
      a.screen.exportPassphrase = 'pendek';
      await a.screen.makeFile(a.programme);
      expect(a.screen.exportError?.en).toMatch(/at least 10/);
      expect(a.files).toEqual([]);

      a.screen.file = new File([new TextEncoder().encode('bukan berkas')], 'x.sahaja');
      a.screen.importPassphrase = PASS;
      await a.screen.merge(a.programme);
      expect(a.screen.importError?.en).toMatch(/^This is not a Sahaja file/);
      expect(a.screen.summary).toBeNull();
      expect(await a.db.changes.count()).toBe(0);
    });
  });
});

describe('conflict rows', () => {
  it('name each side by its value, who said it and when; a decision by its student and candidate, never the NIK', () => {
    const at = '2023-01-16T02:00:00.000Z';
    const mark = (id: string, outcome: string, device: string) => ({
      id,
      at,
      kind: 'mark' as const,
      visit: VISIT,
      idSiswa: 'S1',
      outcome: outcome as 'recorded',
      device,
      author: `Petugas ${device}`,
    });
    const decision = (id: string, value: string, device: string) => ({
      value,
      event: {
        id,
        hlc: `${T0.toString(36).padStart(11, '0')}-0000-${device}`,
        device,
        author: '',
        kind: 'review_decision',
        payload: {},
      },
    });
    const conflicts: Conflict[] = [
      {
        kind: 'outcome',
        idSiswa: 'S1',
        kept: mark('m1', 'recorded', 'a'),
        others: [mark('m2', 'absent', 'b')],
      },
      {
        kind: 'review_decision',
        key: 'S2\u00003506995506070002',
        kept: decision('d2', 'reject', 'b'),
        others: [decision('d1', 'accept', 'a')],
      },
    ];
    const candidates = new Map([['3506995506070002', 'WARGA SATU']]);
    expect(conflictRows(conflicts, candidates)).toEqual([
      {
        kind: 'outcome',
        subject: 'S1',
        idSiswa: 'S1',
        otherId: '',
        candidate: '',
        kept: { value: 'recorded', detail: '', at, device: 'a', author: 'Petugas a' },
        others: [{ value: 'absent', detail: '', at, device: 'b', author: 'Petugas b' }],
      },
      {
        kind: 'review_decision',
        subject: 'S2',
        idSiswa: 'S2',
        otherId: '',
        candidate: 'WARGA SATU',
        kept: {
          value: 'reject',
          detail: '',
          device: 'b',
          author: '',
          at: new Date(T0).toISOString(),
        },
        others: [
          { value: 'accept', detail: '', device: 'a', author: '', at: new Date(T0).toISOString() },
        ],
      },
    ]);
  });
});

describe('laptop ids', () => {
  it('are shortened to their first random characters for reading', () => {
    expect(shortDevice('laptop-1eec4fd4-6950-4c89-b99f-64f4b6f4eb83')).toBe('laptop-1eec4fd4');
    expect(shortDevice('laptop-a')).toBe('laptop-a');
  });
});
