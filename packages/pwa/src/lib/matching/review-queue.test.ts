import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateProgramme } from '@sahaja/core';
import { createCoreApi } from '@sahaja/core/api';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import type { MatchStudentsResult, StudentMatch } from '../core/types';
import {
  readMatches,
  readMatchingRun,
  readReviewDecisions,
  replaceProgramme,
  SahajaDatabase,
  saveMatchingRun,
  type MatchingRun,
  type ProgrammeData,
} from '../db';
import { DuplicateQueue } from './duplicate-queue.svelte';
import { createWorkerApi } from '../worker/api';
import { MatchRunner } from './match-runner.svelte';
import { MatchingData } from './matching-data.svelte';
import { NotFoundList } from './not-found.svelte';
import { appendVisitEvent, readSchoolEvents } from '../field/visit-data';
import { pairKey, reviewStateOf } from './review';
import { ReviewQueue } from './review-queue.svelte';
import { walkInRows } from './walk-ins';

// Each test stores a generated programme and its matches; matching takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const P = 'programme-1';
/** Strict thresholds send more students to review, so there is plenty to decide. */
const THRESHOLDS = { match: 0.9999999, review: 0.05 };
const FINISHED = '2023-01-10T08:00:00.000Z';

const core = createCoreApi();
const generated = generateProgramme({ seed: 5, students: 300, registry: 3000, schools: 4 });
const programme: ProgrammeData = {
  summary: generated.summary,
  schools: generated.schools,
  students: generated.students,
  registry: generated.registry,
  teams: generated.teams,
  holidays: generated.holidays,
};

let first: MatchStudentsResult;
let db: SahajaDatabase;
let client: CoreClient | null = null;

beforeAll(async () => {
  // In the order IndexedDB gives them to the runner (by key): the model's estimates follow the order.
  const students = [...programme.students].sort((a, b) => (a.idSiswa < b.idSiswa ? -1 : 1));
  const registry = [...programme.registry].sort((a, b) => (a.nik < b.nik ? -1 : 1));
  const outcome = await core.matching.matchStudents(students, registry, {
    thresholds: THRESHOLDS,
  });
  if (!outcome.ok) throw new Error(outcome.issues[0].message.en);
  first = outcome.value;
});

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-review-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await replaceProgramme(db, P, programme);
  const run: MatchingRun = {
    finishedAt: FINISHED,
    summary: first.summary,
    blocking: first.blocking,
    thresholds: first.thresholds,
    given: { review: 0, duplicates: 0 },
  };
  const saved = await saveMatchingRun(db, P, first.matches, run);
  if (!saved.ok) throw new Error(saved.error.message);
});

afterEach(() => {
  client?.dispose();
  client = null;
  db.close();
});

let clock = 0;
/** The screen's objects on the stored programme, freshly read. */
async function open(locked = () => false) {
  const data = new MatchingData(
    { db: () => db, now: () => new Date(Date.parse('2023-01-11T09:00:00Z') + ++clock * 1000) },
    P,
  );
  await data.load();
  return {
    data,
    queue: new ReviewQueue(data, { locked }),
    duplicates: new DuplicateQueue(data, { locked }),
    notFound: new NotFoundList(data),
  };
}

/** Runs pemadanan again through the worker with the stored decisions, as the screen's button does. */
async function rerun(): Promise<MatchRunner> {
  client = new CoreClient(fakeCoreWorker(createWorkerApi(() => db)).start);
  const runner = new MatchRunner({ core: client });
  await runner.run(P, { thresholds: THRESHOLDS });
  expect(runner.error).toBeNull();
  return runner;
}

async function stored(id: string): Promise<StudentMatch> {
  const [match] = await readMatches(db, P, [id]);
  if (!match) throw new Error(`no stored match for ${id}`);
  return match;
}

const underReview = () =>
  first.matches.filter((m) => m.status === 'PERLU_REVIEW' && m.duplicateOf === '');

describe('the stored result', () => {
  it('reads back what the run stored: its figures, the students to review, those not found', async () => {
    const { data, queue, notFound } = await open();

    expect(data.loaded).toBe(true);
    expect(data.error).toBeNull();
    expect(data.run).toEqual(await readMatchingRun(db, P));
    expect(queue.total).toBe(underReview().length);
    expect(queue.total).toBeGreaterThan(5);
    expect(queue.decided).toBe(0);
    // A second listing of a student is listed once, through the listing it names.
    const notMatched = first.matches.filter(
      (m) => m.status === 'TIDAK_COCOK' && m.duplicateOf === '',
    );
    expect(notFound.all.map((e) => e.idSiswa).sort()).toEqual(
      notMatched.map((m) => m.idSiswa).sort(),
    );
    // Confident matches stay in IndexedDB, except those other listings name.
    const named = new Set(first.matches.map((m) => m.duplicateOf).filter(Boolean));
    for (const m of data.rows.values()) {
      if (m.reason === 'confident') expect(named.has(m.idSiswa)).toBe(true);
      expect(data.students.get(m.idSiswa)?.idSiswa).toBe(m.idSiswa);
    }
  });

  it('shows nothing to decide for a programme that never ran', async () => {
    await replaceProgramme(db, P, programme);
    const { data, queue, duplicates, notFound } = await open();
    expect(data.run).toBeNull();
    expect([queue.total, duplicates.total, notFound.all.length]).toEqual([0, 0, 0]);
    expect(queue.current).toBeNull();
  });
});

describe('the review queue', () => {
  it('accepts the candidate shown and writes it at once: match, decision and counts', async () => {
    const { queue } = await open();
    const student = queue.current as StudentMatch;
    const proposed = queue.shown?.nik;

    await queue.accept();

    const after = await stored(student.idSiswa);
    expect(after).toMatchObject({ nik: proposed, status: 'COCOK', reason: 'accepted' });
    expect(await readReviewDecisions(db, P)).toEqual([
      expect.objectContaining({ idSiswa: student.idSiswa, nik: proposed, decision: 'accept' }),
    ]);
    const run = await readMatchingRun(db, P);
    expect(run?.summary.byStatus.COCOK).toBe(first.summary.byStatus.COCOK + 1);
    expect(run?.summary.byReason.accepted).toBe(1);
    expect(queue.decided).toBe(1);
    expect(queue.notice).toMatchObject({ kind: 'decided', decision: 'accept', state: 'accepted' });
    // The queue moved on to the next student waiting; the decided one stays in the queue.
    expect(queue.currentId).not.toBe(student.idSiswa);
    expect(queue.ids).toContain(student.idSiswa);

    const reopened = await open();
    expect(reopened.data.rows.get(student.idSiswa)).toEqual(after);
    expect(reopened.queue.decided).toBe(1);
  });

  it('rejects: the next candidate is shown for the same student, until none is left', async () => {
    const { queue, notFound } = await open();
    const student = underReview().find(
      (m) => (m.candidates[1]?.probability ?? 0) >= THRESHOLDS.review,
    );
    if (!student) throw new Error('needs a student with a second probable candidate');
    queue.select(student.idSiswa);
    const [best, second] = student.candidates;

    await queue.reject();

    expect(queue.currentId).toBe(student.idSiswa);
    expect(queue.shown?.nik).toBe(second?.nik);
    expect(queue.current).toMatchObject({ status: 'PERLU_REVIEW', reason: 'rejected' });
    expect(queue.candidates.find((c) => c.nik === best?.nik)?.mark).toBe('rejected');
    expect(queue.notice).toMatchObject({ kind: 'decided', decision: 'reject', state: 'open' });

    for (let k = 0; k < 10 && queue.current?.idSiswa === student.idSiswa; k++) {
      if (reviewStateOf(queue.current) !== 'open') break;
      await queue.reject();
    }
    const after = await stored(student.idSiswa);
    expect(after).toMatchObject({ status: 'TIDAK_COCOK', reason: 'not_found', nik: '' });
    expect(notFound.all.find((e) => e.idSiswa === student.idSiswa)?.rejected).toBeGreaterThan(1);
  });

  it('changes a decision: a rejected candidate is accepted after all', async () => {
    const { queue } = await open();
    const id = queue.currentId as string;
    const nik = queue.shown?.nik as string;
    await queue.reject();
    queue.select(id);
    queue.showCandidate(nik);
    expect(queue.shown?.mark).toBe('rejected');

    await queue.accept();

    expect(await stored(id)).toMatchObject({ nik, status: 'COCOK', reason: 'accepted' });
    expect((await readReviewDecisions(db, P)).map((d) => [d.idSiswa, d.nik, d.decision])).toEqual([
      [id, nik, 'accept'],
    ]);
  });

  it('is respected by a re-run: the core gives the decided students what was stored', async () => {
    const { queue } = await open();
    const ids = queue.ids;
    // Accept one, reject the proposal of another, reject a third until nothing is left.
    queue.select(ids[0] as string);
    await queue.accept();
    queue.select(ids[1] as string);
    await queue.reject();
    queue.select(ids[2] as string);
    while (queue.current && reviewStateOf(queue.current) === 'open') await queue.reject();
    const decided = await Promise.all(ids.slice(0, 3).map(stored));
    const decisions = await readReviewDecisions(db, P);

    const runner = await rerun();

    expect(runner.lastRun?.given.review).toBe(decisions.length);
    expect(runner.lastRun?.summary.unusedDecisions).toBe(0);
    for (const before of decided) {
      const after = await stored(before.idSiswa);
      const { candidates, ...rest } = before;
      expect({ ...after, candidates: [] }, before.idSiswa).toEqual({ ...rest, candidates: [] });
      expect(after.candidates.slice(0, candidates.length)).toEqual(candidates);
    }
    const [accepted, once, none] = decided as [StudentMatch, StudentMatch, StudentMatch];
    expect(reviewStateOf(accepted)).toBe('accepted');
    expect(once.rejected).toHaveLength(1);
    expect(reviewStateOf(none)).toBe('rejected');
    const { queue: again } = await open();
    expect(again.decided).toBe(queue.decided);
  });

  it('moves through the queue by command, never past either end', async () => {
    const { queue } = await open();
    expect(queue.index).toBe(0);
    await queue.command({ kind: 'previous' });
    expect(queue.index).toBe(0);
    await queue.command({ kind: 'next' });
    await queue.command({ kind: 'next' });
    expect(queue.index).toBe(2);
    queue.select(queue.ids.at(-1) as string);
    await queue.command({ kind: 'next' });
    expect(queue.index).toBe(queue.total - 1);
  });

  it('jumps to the next student waiting with N, skipping decided ones', async () => {
    const { queue } = await open();
    const [a, b, c] = queue.ids as [string, string, string];
    queue.select(b);
    await queue.accept();
    queue.select(a);

    await queue.command({ kind: 'nextOpen' });

    expect(queue.currentId).toBe(c);
  });

  it('shows another candidate with a digit key, and ignores a digit beyond the candidates', async () => {
    const { queue } = await open();
    const student = underReview().find((m) => m.candidates.length >= 2) as StudentMatch;
    queue.select(student.idSiswa);

    await queue.command({ kind: 'candidate', index: 1 });
    expect(queue.shown?.nik).toBe(student.candidates[1]?.nik);
    await queue.command({ kind: 'candidate', index: 4 + student.candidates.length });
    expect(queue.shown?.nik).toBe(student.candidates[1]?.nik);
  });

  it('writes nothing while pemadanan runs, and says why', async () => {
    const { queue } = await open(() => true);
    const id = queue.currentId as string;

    await queue.command({ kind: 'accept' });

    expect(queue.notice).toEqual({ kind: 'locked' });
    expect(await readReviewDecisions(db, P)).toEqual([]);
    expect(await stored(id)).toEqual(first.matches.find((m) => m.idSiswa === id));
  });

  it('refuses a decision on a row another tab changed meanwhile, and reads the rows again', async () => {
    const stale = await open();
    const other = await open();
    const id = stale.queue.currentId as string;
    await other.queue.accept();

    await stale.queue.reject();

    expect(stale.queue.notice).toMatchObject({ kind: 'failed', error: { code: 'conflict' } });
    expect((await readReviewDecisions(db, P)).map((d) => d.decision)).toEqual(['accept']);
    expect(stale.data.rows.get(id)).toMatchObject({ status: 'COCOK', reason: 'accepted' });
  });
});

describe('students listed twice', () => {
  it('are pairs to decide; "different" sends the listing to the review queue, and a re-run agrees', async () => {
    const { data, queue, duplicates } = await open();
    expect(duplicates.total).toBeGreaterThan(0);
    const pair = duplicates.current;
    if (!pair) throw new Error('no pair');
    expect(queue.ids).not.toContain(pair.listing);

    await duplicates.command({ kind: 'reject' });

    expect(duplicates.pairs.find((p) => p.listing === pair.listing)?.decision).toBe('different');
    expect(data.rows.get(pair.listing)?.duplicateOf).toBe('');
    expect(queue.ids).toContain(pair.listing);
    expect(await db.duplicateDecisions.count()).toBe(1);

    const runner = await rerun();

    expect(runner.lastRun?.given.duplicates).toBe(1);
    expect(runner.lastRun?.summary.unusedDuplicateDecisions).toBe(0);
    const after = await stored(pair.listing);
    expect(after.duplicateOf).toBe('');
    expect(after.reason).not.toBe('duplicate');
    const { duplicates: again } = await open();
    expect(again.pairs.find((p) => p.listing === pair.listing)?.decision).toBe('different');
  });

  it('"same" keeps the listing a duplicate on a re-run, and the decision can be changed', async () => {
    const { duplicates } = await open();
    const pair = duplicates.current;
    if (!pair) throw new Error('no pair');
    const listing = await stored(pair.listing);

    await duplicates.same();
    await rerun();

    expect(await stored(pair.listing)).toMatchObject({
      duplicateOf: listing.duplicateOf,
      reason: 'duplicate',
    });
    const { duplicates: again } = await open();
    again.select(again.keys[again.pairs.findIndex((p) => p.listing === pair.listing)] as string);
    await again.different();
    const rows = await db.duplicateDecisions.toArray();
    expect(rows.map((r) => r.decision)).toEqual(['different']);
  });
});

describe('students not found', () => {
  it('are listed with their school, and filtered by school', async () => {
    const { notFound } = await open();
    expect(notFound.all.length).toBeGreaterThan(0);
    const [school] = notFound.schools;
    if (!school) throw new Error('no school');
    expect(notFound.schools.reduce((sum, s) => sum + s.count, 0)).toBe(notFound.all.length);

    notFound.school = school.npsn;

    expect(notFound.entries).toHaveLength(school.count);
    expect(notFound.entries.every((e) => e.npsn === school.npsn && e.school === school.nama)).toBe(
      true,
    );
    expect(notFound.entries.every((e) => e.nama !== '')).toBe(true);
  });
});

describe('walk-ins', () => {
  let minute = 0;
  /** Adds a walk-in at a visit of `npsn`, as the visit screen does, a minute after the last. */
  async function addWalkIn(id: string, npsn: string, details: Record<string, string>) {
    const visit = { date: '2023-01-16', team: 'Tim 1', npsn };
    const at = new Date(Date.parse('2023-01-16T02:00:00Z') + ++minute * 60_000).toISOString();
    const added = await appendVisitEvent(
      db,
      P,
      { id, at, kind: 'walk_in', visit, ...details },
      await readSchoolEvents(db, P, npsn),
      visit,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.error));
  }

  it('are matched by the next run like listed students, and each is shown where it stands', async () => {
    const matched = new Set(first.matches.flatMap((m) => m.candidates.map((c) => c.nik)));
    const person = programme.registry.find(
      (r) => !matched.has(r.nik) && r.tanggalLahir.startsWith('2007'),
    );
    // A confidently matched student whose list gives the birth date as the walk-in form takes it.
    const student = programme.students.find(
      (s) =>
        /^\d{4}-\d{2}-\d{2}$/.test(s.tanggalLahir) &&
        /^\d{10}$/.test(s.nisn) &&
        /^[LP]$/.test(s.jenisKelamin) &&
        first.matches.some(
          (m) => m.idSiswa === s.idSiswa && m.status === 'COCOK' && m.reason === 'confident',
        ),
    );
    const listed = first.matches.find((m) => m.idSiswa === student?.idSiswa);
    if (!person || !student) throw new Error('fixture: no free person or confident student');
    const npsn = student.npsn;
    await addWalkIn('walkin:found', npsn, {
      nama: person.nama,
      nik: person.nik,
      tanggalLahir: person.tanggalLahir,
      jenisKelamin: person.jenisKelamin,
    });
    await addWalkIn('walkin:nobody', npsn, { nama: 'Zzyzx Qwerty', tanggalLahir: '2007-02-28' });
    await addWalkIn('walkin:listed', npsn, {
      nama: student.nama,
      nisn: student.nisn,
      tanggalLahir: student.tanggalLahir,
      jenisKelamin: student.jenisKelamin,
    });

    // Before a run they wait, and the screen says so.
    let { data } = await open();
    expect(data.walkIns.map((w) => w.walkIn.id)).toEqual([
      'walkin:found',
      'walkin:nobody',
      'walkin:listed',
    ]);
    expect(walkInRows(data.walkIns, data.rows, data.schools).map((r) => r.state)).toEqual([
      'unmatched',
      'unmatched',
      'unmatched',
    ]);

    await rerun();

    const opened = await open();
    data = opened.data;
    expect(data.run?.walkIns).toBe(3);
    expect(data.run?.summary.students).toBe(programme.students.length + 3);
    const rows = walkInRows(data.walkIns, data.rows, data.schools);
    // The thresholds of these tests are strict: the one found may wait for a person.
    expect(['COCOK', 'PERLU_REVIEW']).toContain(rows[0]?.state);
    expect(rows.slice(1).map((r) => [r.id, r.state, r.match?.nik ?? ''])).toEqual([
      ['walkin:nobody', 'TIDAK_COCOK', ''],
      ['walkin:listed', 'duplicate', listed?.nik],
    ]);
    expect(rows[0]?.match?.nik).toBe(person.nik);
    expect(rows[2]?.match?.duplicateOf).toBe(student.idSiswa);
    if (rows[0]?.state === 'PERLU_REVIEW') {
      // Opened in the review queue and accepted there, as the screen's button does.
      opened.queue.select('walkin:found');
      expect(opened.queue.current?.idSiswa).toBe('walkin:found');
      await opened.queue.accept();
    }
    expect(walkInRows(data.walkIns, data.rows, data.schools)[0]?.state).toBe('COCOK');
    expect(rows.every((r) => r.school === data.schools.get(npsn)?.nama)).toBe(true);
    // The walk-in not found is on the not-found list with the others, under its school.
    expect(opened.notFound.all.some((e) => e.idSiswa === 'walkin:nobody')).toBe(true);
    // The one taken for a listed student is a pair to decide.
    opened.duplicates.select(pairKey('walkin:listed', student.idSiswa));
    expect(opened.duplicates.current).toMatchObject({
      listing: 'walkin:listed',
      of: student.idSiswa,
    });
    // Listed students keep their matches: the walk-ins are apart from the eligibility and the plan.
    expect(await stored(student.idSiswa)).toMatchObject({ status: 'COCOK', nik: listed?.nik });
  });

  it('refuse a run stored after one was added or undone, and drop an undone one from the screen', async () => {
    await addWalkIn('walkin:1', programme.students[0]?.npsn ?? '', { nama: 'Siti Contoh' });
    await rerun();
    // Undone after the run: its match describes no one now.
    const visit = { date: '2023-01-16', team: 'Tim 1', npsn: programme.students[0]?.npsn ?? '' };
    const log = await readSchoolEvents(db, P, visit.npsn);
    const undone = await appendVisitEvent(
      db,
      P,
      { id: 'u1', at: '2023-01-16T03:00:00.000Z', kind: 'undo', undoes: 'walkin:1' },
      log,
      visit,
    );
    expect(undone.ok).toBe(true);
    const { data } = await open();
    expect(data.walkIns).toEqual([]);
    expect(data.rows.has('walkin:1')).toBe(false);
    // A run that still holds the walk-in is refused, and the stored one kept.
    const all = await data.allMatches();
    const before = await readMatchingRun(db, P);
    const saved = await saveMatchingRun(db, P, all, before as MatchingRun);
    expect(saved).toMatchObject({ ok: false, error: { code: 'changed' } });
    expect(await readMatchingRun(db, P)).toEqual(before);
    // So is one without a walk-in added meanwhile.
    await addWalkIn('walkin:2', visit.npsn, { nama: 'Budi Contoh' });
    const listedOnly = all.filter((m) => m.idSiswa !== 'walkin:1');
    const run = {
      ...(before as MatchingRun),
      summary: { ...before!.summary, students: listedOnly.length },
    };
    expect(await saveMatchingRun(db, P, listedOnly, run)).toMatchObject({
      ok: false,
      error: { code: 'changed' },
    });
  });
});
