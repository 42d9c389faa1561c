import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@sahaja/core';
import type { DomainEvent } from '@sahaja/core/sync';
import type { StudentMatch } from '../core/types';
import {
  addLostDay,
  createProgramme,
  importRegistry,
  importStudentList,
  readMatches,
  readReviewDecisions,
  removeLostDay,
  saveHolidays,
  saveMatchingRun,
  saveSchool,
  saveTeams,
  setPinned,
  updateSettings,
  writePlan,
  writeReviewChange,
  type PlanFigures,
  type PlanVisit,
  type ReviewChange,
} from '../db';
import { SahajaDatabase } from '../db/database';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { duplicateChange, reviewChange } from '../matching/review';
import { defaultSettings } from '../programme/settings';
import { eventOf, readChanges } from './change-log';
import type { LaptopClock } from './clock';
import { laptopOf, runOf, storeMatchedProgramme } from './test-support/office';

const P = 'p';
const T0 = Date.parse('2023-01-10T01:00:00Z');
const data = programmeFixture('A');
let db: SahajaDatabase;
let office: LaptopClock;
let matches: StudentMatch[];

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-office-changes', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  office = laptopOf('laptop-office', 'Bu Sari', T0);
  matches = await storeMatchedProgramme(db, P, data, office);
});

afterEach(() => db.close());

async function changes(): Promise<DomainEvent[]> {
  return (await readChanges(db, P)).map(eventOf);
}

/** What `work` logged: the changes after those already in the log. */
async function logged(work: () => Promise<unknown>): Promise<DomainEvent[]> {
  const before = (await changes()).length;
  await work();
  return (await changes()).slice(before);
}

const NAMES_AND_NIKS = [
  ...data.students.flatMap((s) => [s.nama, s.tanggalLahir]),
  ...data.registry.flatMap((r) => [r.nik, r.nama]),
];

/** No student's name, birth date or NIK, and no registry person, in the changes' payloads. */
function expectNoPersonalData(events: readonly DomainEvent[]) {
  const text = JSON.stringify(events.map((e) => e.payload));
  for (const value of NAMES_AND_NIKS) if (value) expect(text).not.toContain(value);
}

/** The review change of a decision, as the review screen works it out. */
async function decide(
  match: StudentMatch,
  nik: string,
  decision: 'accept' | 'reject',
): Promise<ReviewChange> {
  const outcome = reviewChange(match, nik, decision, {
    programmeId: P,
    thresholds: DEFAULT_THRESHOLDS,
    decisions: await readReviewDecisions(db, P),
    holder: null,
    decidedAt: new Date(T0).toISOString(),
  });
  if (!outcome.ok) throw new Error(outcome.refusal.code);
  return outcome.change;
}

describe('office actions in the change log', () => {
  it('are stamped by the laptop: its id, the person signed in, and a time later than the last', async () => {
    const events = await changes();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'matching_run',
      device: 'laptop-office',
      author: 'Bu Sari',
    });
    expect(events[0]!.hlc.endsWith('-laptop-office')).toBe(true);
  });

  describe('review decisions', () => {
    it('log one decision per pair decided, with the student, the NIK and the decision', async () => {
      const match = matches[0]!;
      const nik = match.candidates[0]!.nik;
      const change = await decide(match, nik, 'reject');
      const events = await logged(() => writeReviewChange(db, P, change, office));
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'review_decision',
          payload: { idSiswa: match.idSiswa, nik, decision: 'reject' },
          device: 'laptop-office',
          author: 'Bu Sari',
        }),
      ]);
      expect(events[0]).not.toHaveProperty('replaces');
    });

    it('log a change of mind as replacing the earlier decision, and an acceptance of another NIK as taking the first back', async () => {
      const match = matches[1]!;
      const [first, second] = match.candidates.map((c) => c.nik) as [string, string];
      const accepted = await logged(async () =>
        writeReviewChange(db, P, await decide(match, first, 'accept'), office),
      );
      const [after] = await readMatches(db, P, [match.idSiswa]);
      const changed = await logged(async () =>
        writeReviewChange(db, P, await decide(after!, second, 'accept'), office),
      );
      expect(changed.map((e) => e.payload)).toEqual([
        { idSiswa: match.idSiswa, nik: second, decision: 'accept' },
        { idSiswa: match.idSiswa, nik: first, decision: 'clear' },
      ]);
      expect(changed[1]!.replaces).toEqual([accepted[0]!.id]);
      const [again] = await readMatches(db, P, [match.idSiswa]);
      const back = await logged(async () =>
        writeReviewChange(db, P, await decide(again!, first, 'reject'), office),
      );
      expect(back[0]!.replaces).toEqual([changed[1]!.id]);
    });

    it('log a decision on two listings, replacing the earlier one on the pair', async () => {
      const listing = matches.at(-1)!;
      const other = matches.at(-2)!;
      const decideListings = async (decision: 'same' | 'different') => {
        const [current] = await readMatches(db, P, [listing.idSiswa]);
        const { change } = duplicateChange(current!, other, decision, {
          programmeId: P,
          decisions: await db.duplicateDecisions.toArray(),
          decidedAt: new Date(T0).toISOString(),
        });
        return logged(() => writeReviewChange(db, P, change, office));
      };
      const [first] = await decideListings('different');
      const [second] = await decideListings('same');
      expect(first).toMatchObject({
        kind: 'duplicate_decision',
        payload: { idSiswa: listing.idSiswa, duplicateOf: other.idSiswa, decision: 'different' },
      });
      expect(second).toMatchObject({ payload: { decision: 'same' }, replaces: [first!.id] });
    });

    it('log nothing when the decision is refused: a failing write leaves neither', async () => {
      const match = matches[2]!;
      const change = await decide(match, match.candidates[0]!.nik, 'accept');
      const stale: ReviewChange = {
        ...change,
        matches: change.matches.map((m) => ({
          ...m,
          before: { ...m.before, status: 'COCOK' as const },
        })),
      };
      const events = await logged(async () => {
        const written = await writeReviewChange(db, P, stale, office);
        expect(written).toMatchObject({ ok: false, error: { code: 'conflict' } });
      });
      expect(events).toEqual([]);
      expect(await readReviewDecisions(db, P)).toEqual([]);
    });
  });

  describe('a pemadanan run', () => {
    it('logs its figures only: counts, never a name or an NIK', async () => {
      const [run] = await changes();
      expect(run!.payload).toEqual({
        students: 25,
        registry: 40,
        byStatus: { COCOK: 14, PERLU_REVIEW: 6, TIDAK_COCOK: 5 },
        walkIns: 0,
        decisions: 0,
        duplicateDecisions: 0,
      });
      expectNoPersonalData([run!]);
    });

    it('logs nothing when the run is refused', async () => {
      const fewer = matches.slice(1);
      const events = await logged(async () => {
        const saved = await saveMatchingRun(db, P, fewer, runOf(fewer, 40), { clock: office });
        expect(saved).toMatchObject({ ok: false, error: { code: 'changed' } });
      });
      expect(events).toEqual([]);
    });
  });

  describe('an import', () => {
    it("logs the file's name, kind and counts, not its records", async () => {
      const students = data.students.slice(0, 4).map((s) => ({ ...s, idSiswa: `X${s.idSiswa}` }));
      const events = await logged(() =>
        importStudentList(db, P, students, {
          fileName: 'siswa-sma-1.xlsx',
          rejected: 2,
          warnings: 1,
          clock: office,
        }),
      );
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'imported',
          payload: {
            fileName: 'siswa-sma-1.xlsx',
            kind: 'student',
            accepted: 4,
            rejected: 2,
            warnings: 1,
          },
        }),
      ]);
      expectNoPersonalData(events);
    });

    it('logs nothing when the import is cancelled: a failing write leaves neither', async () => {
      const abort = new AbortController();
      const residents = data.registry.map((r) => ({ ...r, nama: `${r.nama} BARU` }));
      const before = await db.residents.toArray();
      const events = await logged(async () => {
        const written = await importRegistry(db, P, residents, {
          fileName: 'register.csv',
          chunkSize: 10,
          clock: office,
          onProgress: ({ done }) => done >= 20 && abort.abort(),
          signal: abort.signal,
        });
        expect(written).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      });
      expect(events).toEqual([]);
      expect(await db.residents.toArray()).toEqual(before);
    });
  });

  describe('the visit plan', () => {
    const VISITS: PlanVisit[] = [
      {
        date: '2023-01-16',
        team: 'Tim 1',
        npsn: data.schools[0]!.npsn,
        wajib: 5,
        dini: 0,
        order: 0,
      },
      {
        date: '2023-01-17',
        team: 'Tim 2',
        npsn: data.schools[1]!.npsn,
        wajib: 3,
        dini: 2,
        order: 0,
      },
    ];
    const figures = (change: Partial<PlanFigures['change']> = {}): PlanFigures => ({
      mode: 'normal',
      madeAt: '2023-01-10T08:00:00.000Z',
      start: '2023-01-16',
      end: null,
      dayMinutes: 480,
      fridayMinutes: null,
      workingDays: 2,
      workingDaysWajib: 2,
      lowerBound: 1,
      lowerBoundWajib: 1,
      gap: 1,
      finish: '2023-01-17',
      finishWajib: '2023-01-17',
      visitsPerSchool: 1,
      teams: [],
      unserved: [],
      earliestEnd: null,
      targets: [],
      pending: { notMatched: 0, review: 0 },
      released: [],
      change: {
        kind: 'plan',
        at: '2023-01-10T08:00:00.000Z',
        removed: [],
        added: [],
        lostDay: null,
        ...change,
      },
    });
    const plan = () => writePlan(db, P, VISITS, figures(), { pinned: new Set(), clock: office });

    it('logs a plan made with its figures', async () => {
      const events = await logged(plan);
      expect(events.map((e) => [e.kind, e.payload])).toEqual([
        [
          'plan_made',
          {
            mode: 'normal',
            visits: 2,
            pinned: 0,
            workingDays: 2,
            lowerBound: 1,
            gap: 1,
            finish: '2023-01-17',
          },
        ],
      ]);
    });

    it('logs a visit pinned, moved, and a day lost and given back, each once', async () => {
      await plan();
      const pinned = await logged(() => setPinned(db, P, VISITS[0]!, true, office));
      const moved = await logged(() =>
        writePlan(
          db,
          P,
          [{ ...VISITS[0]!, date: '2023-01-18' }, VISITS[1]!],
          figures({ kind: 'move' }),
          {
            pinned: new Set(),
            moved: { from: VISITS[0]!, to: { ...VISITS[0]!, date: '2023-01-18' } },
            clock: office,
          },
        ),
      );
      const lostDay = { programmeId: P, team: 'Tim 2', date: '2023-01-17', note: 'Alat rusak' };
      const replanned = await logged(() =>
        writePlan(
          db,
          P,
          [VISITS[0]!, { ...VISITS[1]!, date: '2023-01-19' }],
          figures({
            kind: 'replan',
            removed: [VISITS[1]!],
            added: [{ ...VISITS[1]!, date: '2023-01-19' }],
          }),
          { pinned: new Set(), lostDay, clock: office },
        ),
      );
      const restored = await logged(() => removeLostDay(db, P, lostDay, office));
      const alone = await logged(() =>
        addLostDay(db, { ...lostDay, date: '2023-01-20', note: '' }, office),
      );
      expect(
        [...pinned, ...moved, ...replanned, ...restored, ...alone].map((e) => e.payload),
      ).toEqual([
        { date: '2023-01-16', team: 'Tim 1', npsn: VISITS[0]!.npsn, pinned: true },
        {
          npsn: VISITS[0]!.npsn,
          from: { date: '2023-01-16', team: 'Tim 1' },
          to: { date: '2023-01-18', team: 'Tim 1' },
        },
        { team: 'Tim 2', date: '2023-01-17', note: 'Alat rusak', removed: 1, added: 1 },
        { team: 'Tim 2', date: '2023-01-17' },
        { team: 'Tim 2', date: '2023-01-20', note: '', removed: 0, added: 0 },
      ]);
      expect([pinned, moved, replanned, restored, alone].map((e) => e.map((c) => c.kind))).toEqual([
        ['visit_pinned'],
        ['visit_moved'],
        ['day_lost'],
        ['day_restored'],
        ['day_lost'],
      ]);
    });

    it('logs nothing when the write fails or finds nothing to change', async () => {
      await plan();
      const events = await logged(async () => {
        const twice = await writePlan(db, P, [VISITS[0]!, VISITS[0]!], figures(), {
          pinned: new Set(),
          clock: office,
        });
        expect(twice.ok).toBe(false);
        const missing = await setPinned(db, P, { ...VISITS[0]!, team: 'Tim 9' }, true, office);
        expect(missing).toEqual({ ok: true, value: false });
        await removeLostDay(db, P, { team: 'Tim 1', date: '2023-02-01' }, office);
      });
      expect(events).toEqual([]);
      expect(await db.visits.count()).toBe(2);
    });
  });

  describe('the programme set-up', () => {
    it('logs a programme created, and which settings, teams, holidays and school details changed', async () => {
      const settings = defaultSettings('Program 2024', '2024-01-15');
      const created = await logged(() => createProgramme(db, settings, 'q', office));
      expect(created).toEqual([]); // logged in programme q's log
      const q = (await readChanges(db, 'q')).map(eventOf);
      expect(q.map((e) => [e.kind, e.payload])).toEqual([
        ['programme_created', { name: 'Program 2024' }],
      ]);

      const events = await logged(async () => {
        await updateSettings(db, P, { ...defaultSettings('Program A', '2023-01-16') }, office);
        await updateSettings(
          db,
          P,
          { ...defaultSettings('Program A', '2023-01-16'), minimumAge: 17, end: '2023-03-31' },
          office,
        );
        await saveTeams(
          db,
          P,
          [
            { tim: data.teams[0]!.tim, jumlahAlat: 9, kapasitasPerAlat: 40 },
            { tim: 'Tim Baru', jumlahAlat: 1, kapasitasPerAlat: 40 },
          ],
          office,
        );
        await saveHolidays(db, P, [{ tanggal: '2023-03-22', keterangan: 'Nyepi' }], office);
        await saveSchool(
          db,
          P,
          data.schools[0]!.npsn,
          { kecamatan: '35.06.17', waktuTempuhMenit: 45, tanggalTidakBisa: ['2023-01-20'] },
          office,
        );
      });
      expect(events.map((e) => [e.kind, e.payload])).toEqual([
        ['settings_changed', { parts: ['name'] }],
        ['settings_changed', { parts: ['end', 'minimumAge'] }],
        [
          'teams_changed',
          {
            teams: 2,
            added: ['Tim Baru'],
            removed: [data.teams[1]!.tim],
            changed: [data.teams[0]!.tim],
          },
        ],
        ['holidays_changed', { holidays: 1, added: 1, removed: data.holidays.length }],
        ['school_changed', { npsn: data.schools[0]!.npsn, parts: ['waktuTempuhMenit'] }],
      ]);
    });

    it('logs nothing when nothing changed, or the programme is gone', async () => {
      const events = await logged(async () => {
        const programme = await db.programmes.get(P);
        await updateSettings(db, P, programme!.settings, office);
        await saveTeams(db, P, data.teams, office);
        await saveTeams(db, 'gone', data.teams, office);
        const { npsn, kecamatan, waktuTempuhMenit, tanggalTidakBisa } = data.schools[0]!;
        const same = { kecamatan, waktuTempuhMenit, tanggalTidakBisa: [...tanggalTidakBisa] };
        await saveSchool(db, P, npsn, same, office);
      });
      expect(events).toEqual([]);
    });
  });
});
