import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, deriveState } from '@sahaja/core/sync';
import { DEMO_PROGRAMME_ID, replaceProgramme, SahajaDatabase, type ProgrammeRow } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { appendVisitEvent, closeDay, readSchoolEvents } from '../field/visit-data';
import { appendCardEvent } from '../handover/card-log';
import { eventOf, readChanges } from './change-log';
import { LaptopClock, setLaptopClock } from './clock';
import { makeExchangeFile, mergeExchangeFile, readConflicts, readPeers } from './exchange';
import { DEFAULT_THRESHOLDS } from '@sahaja/core';
import { createCoreApi } from '@sahaja/core/api';
import type { StudentMatch } from '../core/types';
import { readMatches, readReviewDecisions, saveMatchingRun, writeReviewChange } from '../db';
import { duplicateChange, reviewChange } from '../matching/review';
import { runMatching } from '../worker/matching';
import { conflictRows } from './conflict-rows';
import { matchesOf, runOf } from './test-support/office';

const PASS = 'kunci rahasia tim';
/** Few iterations: the tests check the file, not the key derivation's cost. */
const FAST = { iterations: 1_000 };
const T0 = Date.parse('2023-01-16T01:00:00Z');
const fixture = programmeFixture('A');
const npsn = fixture.schools[0]!.npsn;
const VISIT = { date: '2023-01-16', team: 'Tim 1', npsn };

interface Laptop {
  readonly db: SahajaDatabase;
  readonly clock: LaptopClock;
  readonly name: string;
  programme: ProgrammeRow;
  minute: number;
}
let laptops: Laptop[] = [];

async function laptop(name: string, offsetMs: number): Promise<Laptop> {
  const db = new SahajaDatabase(`sahaja-exchange-${name}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  const stored = await replaceProgramme(db, DEMO_PROGRAMME_ID, fixture);
  if (!stored.ok) throw new Error(stored.error.message);
  const l: Laptop = {
    db,
    name,
    clock: undefined as unknown as LaptopClock,
    programme: stored.value,
    minute: 0,
  };
  (l as { clock: LaptopClock }).clock = new LaptopClock(
    null,
    () => T0 + offsetMs + l.minute * 60_000,
    name,
  );
  laptops.push(l);
  return l;
}

/** Does `work` as laptop `l` (its clock is the page's while it runs). */
async function as<T>(l: Laptop, work: () => Promise<T>): Promise<T> {
  setLaptopClock(l.clock);
  l.minute++;
  try {
    return await work();
  } finally {
    setLaptopClock(null);
  }
}

async function mark(l: Laptop, idSiswa: string, outcome: string) {
  return as(l, async () => {
    const log = await readSchoolEvents(l.db, DEMO_PROGRAMME_ID, npsn);
    const id = `${l.name}.${l.minute}`;
    const at = new Date(T0 + l.minute * 60_000).toISOString();
    const stored = await appendVisitEvent(
      l.db,
      DEMO_PROGRAMME_ID,
      { id, at, kind: 'mark', visit: VISIT, idSiswa, outcome, device: l.name },
      log,
      VISIT,
    );
    if (!stored.ok) throw new Error(JSON.stringify(stored.error));
    return id;
  });
}

const student = (i: number) => fixture.students[i]!.idSiswa;

async function send(from: Laptop, to: Laptop, forDevice?: string) {
  const file = await makeExchangeFile(
    from.db,
    from.programme,
    PASS,
    { device: from.name, author: `Petugas ${from.name}` },
    { ...FAST, ...(forDevice && { forDevice }) },
  );
  if (!file.ok) throw new Error(file.issues[0].message.en);
  const merged = await mergeExchangeFile(to.db, to.programme, file.value.bytes, PASS);
  if (!merged.ok) throw new Error(merged.issues[0].message.en);
  return { file: file.value, summary: merged.value };
}

/** Everything a laptop's screens and its next file read, as text. */
async function stateOf(l: Laptop): Promise<string> {
  const events = (await readChanges(l.db, DEMO_PROGRAMME_ID)).map(eventOf);
  const byId = <T extends { id: string }>(rows: T[]) =>
    rows
      .map(({ programmeId: _p, ...r }: T & { programmeId?: string }) => r)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonicalJson({
    log: [...events].sort((a, b) => (a.id < b.id ? -1 : 1)),
    conflicts: deriveState(events).conflicts,
    visitEvents: byId(await l.db.visitEvents.toArray()),
    cardEvents: byId(await l.db.cardEvents.toArray()),
    dayClosures: (await l.db.dayClosures.toArray()).map(({ programmeId: _p, ...r }) => r),
  });
}

beforeEach(() => {
  laptops = [];
});
afterEach(() => {
  for (const l of laptops) l.db.close();
});

describe('exchange files', () => {
  it('two laptops swap files both ways and end with the same state; a disagreement is shown', async () => {
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 3 * 60_000);
    await mark(a, student(0), 'recorded');
    await mark(a, student(1), 'absent');
    await mark(b, student(0), 'absent');
    await mark(b, student(2), 'refused');
    await as(b, () =>
      closeDay(b.db, {
        programmeId: DEMO_PROGRAMME_ID,
        date: VISIT.date,
        team: VISIT.team,
        closedBy: 'Ketua B',
        closedAt: new Date(T0).toISOString(),
        note: '',
      }),
    );

    const first = await send(a, b);
    expect(first.file.count).toBe(2);
    expect(first.summary).toMatchObject({
      from: { device: 'laptop-a', author: 'Petugas laptop-a' },
      added: { visit: 2 },
      addedCount: 2,
      known: 0,
      clashes: 0,
      notApplied: 0,
    });
    // laptop-a recorded the student laptop-b marked absent: the recording stands, the conflict shows.
    expect(first.summary.conflicts).toEqual([
      expect.objectContaining({ kind: 'outcome', idSiswa: student(0) }),
    ]);
    const second = await send(b, a);
    expect(second.summary.added).toEqual({ visit: 2, day_closed: 1 });
    expect(second.summary.known).toBe(2);

    expect(await stateOf(a)).toBe(await stateOf(b));
    expect(await a.db.dayClosures.count()).toBe(1);
    expect(await readConflicts(a.db, DEMO_PROGRAMME_ID)).toHaveLength(1);
    expect((await readPeers(b.db, DEMO_PROGRAMME_ID)).map((p) => p.device)).toEqual(['laptop-a']);
  });

  it('merging the same file again, or files in another order, changes nothing', async () => {
    const [a, b, c] = [await laptop('a', 0), await laptop('b', 0), await laptop('c', 0)];
    await mark(a, student(0), 'recorded');
    await mark(b, student(1), 'absent');
    await mark(c, student(1), 'refused');
    const fileOf = async (l: Laptop) => {
      const f = await makeExchangeFile(
        l.db,
        l.programme,
        PASS,
        { device: l.name, author: '' },
        FAST,
      );
      if (!f.ok) throw new Error('no file');
      return f.value.bytes;
    };
    const [fa, fb, fc] = [await fileOf(a), await fileOf(b), await fileOf(c)];
    const again = await mergeExchangeFile(b.db, b.programme, fa, PASS);
    const twice = await mergeExchangeFile(b.db, b.programme, fa, PASS);
    expect(again.ok && again.value.addedCount).toBe(1);
    expect(twice.ok && [twice.value.addedCount, twice.value.known]).toEqual([0, 1]);
    await mergeExchangeFile(b.db, b.programme, fc, PASS);
    await mergeExchangeFile(c.db, c.programme, fb, PASS);
    await mergeExchangeFile(c.db, c.programme, fa, PASS);
    expect(await stateOf(b)).toBe(await stateOf(c));
  });

  it('for one laptop, holds only the changes since the last file made for it', async () => {
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 0);
    await mark(b, student(3), 'absent');
    await send(b, a); // a now knows laptop-b
    await mark(a, student(0), 'recorded');
    expect((await send(a, b, 'laptop-b')).file.count).toBe(2);
    await mark(a, student(1), 'absent');
    expect((await send(a, b, 'laptop-b')).file.count).toBe(1);
    // All changes, whenever asked.
    expect((await send(a, b)).file.count).toBe(3);
  });

  it('carries card handovers, and an undo made on another laptop', async () => {
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 0);
    const id = await mark(a, student(0), 'absent');
    await send(a, b);
    await as(b, async () => {
      const log = await readSchoolEvents(b.db, DEMO_PROGRAMME_ID, npsn);
      const undone = await appendVisitEvent(
        b.db,
        DEMO_PROGRAMME_ID,
        { id: 'laptop-b.undo', at: new Date(T0 + 600_000).toISOString(), kind: 'undo', undoes: id },
        log,
        VISIT,
      );
      expect(undone.ok).toBe(true);
      const card = await appendCardEvent(b.db, DEMO_PROGRAMME_ID, {
        id: 'laptop-b.card',
        at: new Date(T0 + 700_000).toISOString(),
        kind: 'handover',
        idSiswa: student(4),
        handedAt: '2023-01-16',
        receivedBy: 'Orang tua',
      });
      expect(card.ok).toBe(true);
    });
    const { summary } = await send(b, a);
    expect(summary.added).toEqual({ visit: 1, card: 1 });
    expect(await a.db.visitEvents.get([DEMO_PROGRAMME_ID, 'laptop-b.undo'])).toMatchObject({
      undoes: id,
      visit: VISIT,
    });
    expect(await a.db.cardEvents.count()).toBe(1);
    expect(await stateOf(a)).toBe(await stateOf(b));
  });

  it('applies an undo that came before its mark once the mark arrives', async () => {
    const [a, b, c] = [
      await laptop('laptop-a', 0),
      await laptop('laptop-b', 0),
      await laptop('laptop-c', 0),
    ];
    const id = await mark(a, student(0), 'absent');
    await send(a, b);
    await as(b, async () => {
      const undone = await appendVisitEvent(
        b.db,
        DEMO_PROGRAMME_ID,
        { id: 'laptop-b.undo', at: new Date(T0 + 600_000).toISOString(), kind: 'undo', undoes: id },
        await readSchoolEvents(b.db, DEMO_PROGRAMME_ID, npsn),
        VISIT,
      );
      expect(undone.ok).toBe(true);
    });
    // laptop-b's file for laptop-c holds only what came after the mark: the undo alone.
    await b.db.peers.put({
      programmeId: DEMO_PROGRAMME_ID,
      device: 'laptop-c',
      author: '',
      lastImportAt: '',
      lastExportAt: '',
      sentSeq: 1,
    });
    const early = await send(b, c, 'laptop-c');
    expect(early.file.count).toBe(1);
    expect(early.summary.notApplied).toBe(1);
    expect(await c.db.visitEvents.count()).toBe(0);

    const late = await send(a, c);
    expect(late.summary.notApplied).toBe(0);
    expect(await c.db.visitEvents.get([DEMO_PROGRAMME_ID, 'laptop-b.undo'])).toMatchObject({
      undoes: id,
      visit: VISIT,
    });
    expect(await stateOf(c)).toBe(await stateOf(b));
  });

  describe('invalid input', () => {
    async function fileFrom(l: Laptop) {
      await mark(l, student(0), 'recorded');
      const f = await makeExchangeFile(
        l.db,
        l.programme,
        PASS,
        { device: l.name, author: '' },
        FAST,
      );
      if (!f.ok) throw new Error('no file');
      return f.value.bytes;
    }

    it('refuses a passphrase too short to make a file with', async () => {
      const a = await laptop('a', 0);
      const made = await makeExchangeFile(a.db, a.programme, 'pendek', { device: 'a', author: '' });
      expect(made).toMatchObject({ ok: false, issues: [{ code: 'passphrase_too_short' }] });
    });

    it('refuses a wrong passphrase, a changed file and a foreign file, and merges nothing', async () => {
      const a = await laptop('a', 0);
      const b = await laptop('b', 0);
      const bytes = await fileFrom(a);
      const before = await stateOf(b);
      const code = async (data: Uint8Array, pass = PASS) => {
        const r = await mergeExchangeFile(b.db, b.programme, data, pass);
        return r.ok ? 'ok' : r.issues[0].code;
      };
      expect(await code(bytes, 'kunci yang salah sekali')).toBe('wrong_passphrase');
      const changed = bytes.slice();
      changed[changed.length - 5] = (changed[changed.length - 5] ?? 0) ^ 1;
      expect(await code(changed)).toBe('tampered_file');
      expect(await code(new TextEncoder().encode('nik,nama\n3506011501060001,SITI'))).toBe(
        'not_sahaja_file',
      );
      expect(await stateOf(b)).toBe(before);
    });

    it('refuses a file of another programme, naming both', async () => {
      const a = await laptop('a', 0);
      const b = await laptop('b', 0);
      const bytes = await fileFrom(a);
      const other = {
        ...b.programme,
        id: 'lain',
        settings: { ...b.programme.settings, name: 'Program lain' },
      };
      const r = await mergeExchangeFile(b.db, other, bytes, PASS);
      expect(r).toMatchObject({ ok: false, issues: [{ code: 'other_programme' }] });
      expect(r.ok ? '' : r.issues[0].message.en).toContain('Program lain');
    });

    it('refuses a whole file when one change in it cannot be read, saying which', async () => {
      const { sealFile } = await import('@sahaja/core/secure');
      const b = await laptop('b', 0);
      const content = {
        format: 'sahaja-changes',
        version: 1,
        programmeId: DEMO_PROGRAMME_ID,
        programmeName: b.programme.settings.name,
        device: 'x',
        author: '',
        exportedAt: new Date(T0).toISOString(),
        events: [
          { id: 'ok.1', hlc: 'nonsense', device: 'x', author: '', kind: 'visit', payload: {} },
        ],
      };
      const bytes = await sealFile(new TextEncoder().encode(JSON.stringify(content)), PASS, {
        kind: 'exchange',
        ...FAST,
      });
      const r = await mergeExchangeFile(b.db, b.programme, bytes, PASS);
      expect(r).toMatchObject({ ok: false, issues: [{ code: 'invalid_change' }] });
      expect(r.ok ? '' : r.issues[0].message.en).toMatch(
        /^Change 1 in the file is not valid \(hlc\)/,
      );
      expect(await b.db.changes.count()).toBe(0);

      // A change whose envelope is sound but whose visit event is not (no visit, no outcome).
      const hollow = {
        ...content,
        events: [
          {
            id: 'x.1',
            hlc: '000lcy3n340-0000-x',
            device: 'x',
            author: '',
            kind: 'visit',
            payload: { id: 'x.1', at: new Date(T0).toISOString(), kind: 'mark', idSiswa: 'S1' },
          },
        ],
      };
      const sealed = await sealFile(new TextEncoder().encode(JSON.stringify(hollow)), PASS, {
        kind: 'exchange',
        ...FAST,
      });
      const r2 = await mergeExchangeFile(b.db, b.programme, sealed, PASS);
      expect(r2.ok ? '' : r2.issues[0].message.en).toMatch(
        /^Change 1 in the file is not valid \(content\)/,
      );
      expect(await b.db.changes.count()).toBe(0);
    });
  });
});

describe("reviewers' decisions", () => {
  /** Laptop `l` stores pemadanan's run of the fixture, as its office did. */
  async function matched(l: Laptop) {
    const matches = matchesOf(fixture);
    await as(l, async () => {
      const saved = await saveMatchingRun(l.db, DEMO_PROGRAMME_ID, matches, runOf(matches, 40));
      if (!saved.ok) throw new Error(saved.error.message);
    });
    return matches;
  }

  /** Laptop `l` decides on `idSiswa`'s candidate `nik` as the review screen does. */
  async function decide(l: Laptop, idSiswa: string, nik: string, decision: 'accept' | 'reject') {
    await as(l, async () => {
      const [match] = await readMatches(l.db, DEMO_PROGRAMME_ID, [idSiswa]);
      const outcome = reviewChange(match!, nik, decision, {
        programmeId: DEMO_PROGRAMME_ID,
        thresholds: DEFAULT_THRESHOLDS,
        decisions: await readReviewDecisions(l.db, DEMO_PROGRAMME_ID),
        holder: null,
        decidedAt: new Date(T0 + l.minute * 60_000).toISOString(),
      });
      if (!outcome.ok) throw new Error(outcome.refusal.code);
      const written = await writeReviewChange(l.db, DEMO_PROGRAMME_ID, outcome.change);
      if (!written.ok) throw new Error(written.error.message);
    });
  }

  const decisionsOf = async (l: Laptop) =>
    (await readReviewDecisions(l.db, DEMO_PROGRAMME_ID)).map(({ idSiswa, nik, decision }) => ({
      idSiswa,
      nik,
      decision,
    }));

  it('a decision made on one laptop is applied on the other; merging again adds nothing', async () => {
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 0);
    const [first] = await matched(a);
    await matched(b);
    const [nik1, nik2] = first!.candidates.map((c) => c.nik) as [string, string];
    await decide(a, first!.idSiswa, nik1, 'accept');

    const { summary } = await send(a, b);
    expect(summary.added).toEqual({ matching_run: 1, review_decision: 1 });
    expect(await decisionsOf(b)).toEqual([
      { idSiswa: first!.idSiswa, nik: nik1, decision: 'accept' },
    ]);
    expect((await send(a, b)).summary.addedCount).toBe(0);

    // Accepting the other candidate takes the first back, on both laptops.
    await decide(a, first!.idSiswa, nik2, 'accept');
    await send(a, b);
    expect(await decisionsOf(b)).toEqual([
      { idSiswa: first!.idSiswa, nik: nik2, decision: 'accept' },
    ]);
    expect(await readConflicts(b.db, DEMO_PROGRAMME_ID)).toEqual([]);
  });

  it('different decisions made without seeing each other are a conflict until one laptop decides again', async () => {
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 2 * 60_000);
    const [first] = await matched(a);
    await matched(b);
    const nik = first!.candidates[0]!.nik;
    await decide(a, first!.idSiswa, nik, 'accept');
    await decide(b, first!.idSiswa, nik, 'reject');
    await send(a, b);
    await send(b, a);

    for (const l of [a, b]) {
      const conflicts = conflictRows(await readConflicts(l.db, DEMO_PROGRAMME_ID));
      expect(conflicts).toEqual([
        expect.objectContaining({
          kind: 'review_decision',
          idSiswa: first!.idSiswa,
          kept: expect.objectContaining({ value: 'reject', device: 'laptop-b' }),
          others: [expect.objectContaining({ value: 'accept', device: 'laptop-a' })],
        }),
      ]);
      // The latest stands meanwhile, on both laptops alike.
      expect(await decisionsOf(l)).toEqual([{ idSiswa: first!.idSiswa, nik, decision: 'reject' }]);
    }

    await decide(a, first!.idSiswa, nik, 'accept');
    await send(a, b);
    for (const l of [a, b]) {
      expect(await readConflicts(l.db, DEMO_PROGRAMME_ID)).toEqual([]);
      expect(await decisionsOf(l)).toEqual([{ idSiswa: first!.idSiswa, nik, decision: 'accept' }]);
    }
    expect(await stateOf(a)).toBe(await stateOf(b));
  });

  it('carries decisions on two listings', async () => {
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 0);
    const matches = await matched(a);
    const listing = matches.at(-1)!;
    const other = matches.at(-2)!;
    await as(a, async () => {
      const { change } = duplicateChange(listing, other, 'different', {
        programmeId: DEMO_PROGRAMME_ID,
        decisions: [],
        decidedAt: new Date(T0).toISOString(),
      });
      expect((await writeReviewChange(a.db, DEMO_PROGRAMME_ID, change)).ok).toBe(true);
    });
    await send(a, b);
    expect(await b.db.duplicateDecisions.toArray()).toEqual([
      expect.objectContaining({
        idSiswa: listing.idSiswa,
        duplicateOf: other.idSiswa,
        decision: 'different',
      }),
    ]);
  });

  it("a merged decision changes the next pemadanan run as the laptop's own decision would", async () => {
    const deps = { matchStudents: createCoreApi().matching.matchStudents, now: () => new Date(T0) };
    const run = (l: Laptop) => runMatching(l.db, DEMO_PROGRAMME_ID, {}, deps);
    const a = await laptop('laptop-a', 0);
    const b = await laptop('laptop-b', 0);
    expect((await run(a)).ok && (await run(b)).ok).toBe(true);
    const [decided] = (await readMatches(a.db, DEMO_PROGRAMME_ID, [student(1)])) as StudentMatch[];
    expect(decided!.nik).not.toBe('');
    await decide(a, decided!.idSiswa, decided!.nik, 'reject');
    await send(a, b);

    expect((await run(a)).ok && (await run(b)).ok).toBe(true);
    const [onA] = await readMatches(a.db, DEMO_PROGRAMME_ID, [student(1)]);
    const [onB] = await readMatches(b.db, DEMO_PROGRAMME_ID, [student(1)]);
    expect(onA!.nik).not.toBe(decided!.nik);
    expect(onA!.rejected?.map((c) => c.nik)).toContain(decided!.nik);
    expect(onB).toEqual(onA);
  });
});

describe('the upgrade to the change log (database version 4)', () => {
  it('copies the visit events, card events and closed days stored before into the log', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('sahaja-v3', { indexedDB: factory, IDBKeyRange });
    old.version(3).stores({
      programmes: 'id, kind',
      visitEvents: '[programmeId+id], [programmeId+visit.npsn], [programmeId+visit.date]',
      cardEvents: '[programmeId+id]',
      dayClosures: '[programmeId+date+team]',
    });
    await old.open();
    const at = new Date(T0).toISOString();
    await old.table('visitEvents').bulkAdd([
      {
        programmeId: 'p',
        id: 'm1',
        at,
        kind: 'mark',
        visit: VISIT,
        idSiswa: 'S1',
        outcome: 'absent',
        device: 'laptop-x',
      },
      { programmeId: 'p', id: 'u1', at, kind: 'undo', undoes: 'm1', visit: VISIT },
    ]);
    await old.table('cardEvents').add({
      programmeId: 'p',
      id: 'c1',
      at,
      kind: 'handover',
      idSiswa: 'S2',
      handedAt: '2023-01-16',
      receivedBy: 'Ibu',
    });
    await old.table('dayClosures').add({
      programmeId: 'p',
      date: '2023-01-16',
      team: 'Tim 1',
      closedBy: 'Ketua',
      closedAt: at,
      note: '',
    });
    old.close();

    const db = new SahajaDatabase('sahaja-v3', { indexedDB: factory, IDBKeyRange });
    await db.open();
    const rows = await readChanges(db, 'p');
    expect(rows.map((r) => [r.seq, r.kind, r.device])).toEqual([
      [1, 'visit', 'laptop-x'],
      [2, 'visit', 'before-v4'],
      [3, 'card', 'before-v4'],
      [4, 'day_closed', 'before-v4'],
    ]);
    const state = deriveState(rows.map(eventOf));
    expect(state.refused).toEqual([]);
    expect(state.outcomes.size).toBe(0); // the mark was undone
    expect(state.handovers.get('S2')?.receivedBy).toBe('Ibu');
    expect([...state.dayClosures.values()].map((r) => r.value.closedBy)).toEqual(['Ketua']);
    // The undo's payload is the event as made: without the visit it was filed under.
    expect(rows[1]?.payload).not.toHaveProperty('visit');
    db.close();
  });
});
