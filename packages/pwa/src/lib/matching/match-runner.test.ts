import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreApi } from '@sahaja/core/api';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import type { CoreApi, MatchRequest, Resident, StudentRecord } from '../core/types';
import {
  DEMO_PROGRAMME_ID,
  readMatchingRun,
  replaceProgramme,
  rowsOf,
  SahajaDatabase,
  scanMatches,
} from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { createWorkerApi } from '../worker/api';
import { createDataApi } from '../worker/data-api';
import { MatchRunner, type MatchRunProgress } from './match-runner.svelte';

type MatchStudents = CoreApi['matching']['matchStudents'];

const core = createCoreApi();
const data = programmeFixture('A');
let db: SahajaDatabase;
let client: CoreClient | null = null;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-matching-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await replaceProgramme(db, DEMO_PROGRAMME_ID, data);
});

afterEach(() => {
  client?.dispose();
  db.close();
});

/**
 * A runner whose worker runs the real data API on the test database, with `matchStudents` (the real
 * core's unless given) and a fixed clock.
 */
function runnerWith(matchStudents: MatchStudents = core.matching.matchStudents) {
  const now = () => new Date('2023-01-10T08:00:00.000Z');
  const api = {
    ...createWorkerApi(() => db),
    data: createDataApi(() => db, { matchStudents, now }),
  };
  client = new CoreClient(fakeCoreWorker(api).start);
  let holds = 0;
  const runner = new MatchRunner({
    core: client,
    hold: () => {
      holds += 1;
      return () => {
        holds -= 1;
      };
    },
  });
  return { runner, holds: () => holds };
}

/** The programme's stored matches, by student id. */
async function storedMatches(id = DEMO_PROGRAMME_ID) {
  const rows: { idSiswa: string; status: string }[] = [];
  await scanMatches(db, id, (chunk) => rows.push(...chunk));
  return rows;
}

/** Resolves after the runner reaches `stage` (polling: the stages change across worker messages). */
async function reach(runner: MatchRunner, stage: MatchRunner['stage']): Promise<void> {
  for (let i = 0; i < 500 && runner.stage !== stage; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  expect(runner.stage).toBe(stage);
}

describe('MatchRunner', () => {
  it('reads the stored students and residents, matches them in the worker and stores every match', async () => {
    const { runner, holds } = runnerWith();

    const running = runner.run(DEMO_PROGRAMME_ID);
    expect(runner.stage).toBe('reading');
    expect(runner.busy).toBe(true);
    expect(runner.programmeId).toBe(DEMO_PROGRAMME_ID);
    expect(holds()).toBe(1);
    await running;

    expect(runner.stage).toBe('done');
    expect(runner.error).toBeNull();
    expect(runner.completed).toBe(1);
    const { COCOK, PERLU_REVIEW, TIDAK_COCOK } = runner.summary?.byStatus ?? {};
    expect((COCOK ?? 0) + (PERLU_REVIEW ?? 0) + (TIDAK_COCOK ?? 0)).toBe(data.students.length);
    expect(runner.blocking.map((b) => b.rule)).toContain('NIK');
    expect(runner.progress).toBeNull();
    expect(holds()).toBe(0);

    const stored = await storedMatches();
    expect(stored.map((m) => m.idSiswa).sort()).toEqual(data.students.map((s) => s.idSiswa).sort());
    expect(stored.filter((m) => m.status === 'COCOK')).toHaveLength(COCOK ?? -1);
    expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toEqual(runner.lastRun);
    expect(runner.lastRun).toMatchObject({
      finishedAt: '2023-01-10T08:00:00.000Z',
      thresholds: { match: 0.999, review: 0.2 },
      given: { review: 0, duplicates: 0 },
    });
  });

  it('sends the records as the core knows them, the stored decisions and the options', async () => {
    const calls: { students: StudentRecord[]; registry: Resident[]; options: MatchRequest }[] = [];
    const { runner } = runnerWith((students, registry, options, onProgress) => {
      calls.push({ students: [...students], registry: [...registry], options });
      return core.matching.matchStudents(students, registry, options, onProgress);
    });
    const decidedAt = '2023-01-09T10:00:00.000Z';
    const nik = data.registry[0]?.nik ?? '';
    await db.decisions.add({
      programmeId: DEMO_PROGRAMME_ID,
      idSiswa: 'S1',
      nik,
      decision: 'reject',
      decidedAt,
    });
    await db.duplicateDecisions.add({
      programmeId: DEMO_PROGRAMME_ID,
      idSiswa: 'S2',
      duplicateOf: 'S3',
      decision: 'different',
      decidedAt,
    });
    // Another programme's decisions stay out of it.
    await db.decisions.add({
      programmeId: 'other',
      idSiswa: 'S1',
      nik,
      decision: 'accept',
      decidedAt,
    });
    const thresholds = { match: 0.99, review: 0.3 };

    await runner.run(DEMO_PROGRAMME_ID, { thresholds });

    const byId = (a: StudentRecord, b: StudentRecord) => (a.idSiswa < b.idSiswa ? -1 : 1);
    const byNik = (a: Resident, b: Resident) => (a.nik < b.nik ? -1 : 1);
    expect(calls).toHaveLength(1);
    const [{ students, registry, options }] = calls as [(typeof calls)[number]];
    expect([...students].sort(byId)).toEqual([...data.students].sort(byId));
    expect([...registry].sort(byNik)).toEqual([...data.registry].sort(byNik));
    expect(students.some((s) => 'programmeId' in s)).toBe(false);
    expect(options).toEqual({
      thresholds,
      decisions: [{ idSiswa: 'S1', nik, decision: 'reject' }],
      duplicateDecisions: [{ idSiswa: 'S2', duplicateOf: 'S3', decision: 'different' }],
    });
    expect(runner.lastRun?.thresholds).toEqual(thresholds);
    expect(runner.lastRun?.given).toEqual({ review: 1, duplicates: 1 });
  });

  it('shows the reading step, the hand-over, then the step and phase the worker reports', async () => {
    const seen: (MatchRunProgress | null)[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { runner } = runnerWith(async (students, registry, options, onProgress) => {
      await gate;
      await onProgress?.({ step: 'registry', phase: 'block', done: 5, total: 25 });
      seen.push(runner.progress);
      await onProgress?.({ step: 'duplicates', phase: 'estimate', done: 2, total: 8 });
      seen.push(runner.progress);
      return core.matching.matchStudents(students, registry, options);
    });

    const running = runner.run(DEMO_PROGRAMME_ID);
    expect(runner.progress).toEqual({ step: 'reading', phase: 'read', done: 0, total: 0 });
    await reach(runner, 'matching');
    expect(runner.progress).toEqual({ step: 'registry', phase: 'start', done: 0, total: 0 });
    release();
    await running;

    expect(seen).toEqual([
      { step: 'registry', phase: 'block', done: 5, total: 25 },
      { step: 'duplicates', phase: 'estimate', done: 2, total: 8 },
    ]);
  });

  it('shows storing the result as the last step, counting the students', async () => {
    const { runner } = runnerWith();
    const steps: MatchRunProgress['step'][] = [];
    let saving: MatchRunProgress | null = null;

    const running = runner.run(DEMO_PROGRAMME_ID);
    while (runner.busy) {
      const progress = runner.progress;
      if (progress && steps.at(-1) !== progress.step) steps.push(progress.step);
      if (progress?.step === 'saving') saving = progress;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await running;

    expect(steps[0]).toBe('reading');
    expect(steps.at(-1)).toBe('saving');
    expect(saving).toMatchObject({ phase: 'save', total: data.students.length });
  });

  it('reports a run the core refuses as failed, with its message in both languages', async () => {
    const message = { id: 'Terlalu banyak pasangan calon.', en: 'Too many candidate pairs.' };
    const { runner, holds } = runnerWith(async () => ({
      ok: false,
      issues: [{ code: 'too_many_pairs', message }],
    }));

    await runner.run(DEMO_PROGRAMME_ID);

    expect(runner.stage).toBe('failed');
    expect(runner.error).toEqual({ code: 'too_many_pairs', message });
    expect(runner.lastRun).toBeNull();
    expect(await db.matches.count()).toBe(0);
    expect(holds()).toBe(0);
  });

  it('reports a worker failure and keeps the stored result', async () => {
    let fail = false;
    const { runner } = runnerWith((students, registry, options) => {
      if (fail) return Promise.reject(new Error('matcher broke'));
      return core.matching.matchStudents(students, registry, options);
    });
    await runner.run(DEMO_PROGRAMME_ID);
    const previous = runner.lastRun;
    const stored = await storedMatches();
    fail = true;

    await runner.run(DEMO_PROGRAMME_ID);

    expect(runner.stage).toBe('failed');
    expect(runner.error).toEqual({
      code: 'internal',
      message: { id: 'matcher broke', en: 'matcher broke' },
    });
    expect(runner.lastRun).toBe(previous);
    expect(await storedMatches()).toEqual(stored);
    expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toEqual(previous);
  });

  it('stores nothing when the students changed while it ran, and says so', async () => {
    const { runner } = runnerWith(async (students, registry, options) => {
      const outcome = await core.matching.matchStudents(students, registry, options);
      await rowsOf(db, 'students', DEMO_PROGRAMME_ID).limit(1).delete();
      return outcome;
    });

    await runner.run(DEMO_PROGRAMME_ID);

    expect(runner.stage).toBe('failed');
    expect(runner.error?.code).toBe('changed');
    expect(await db.matches.count()).toBe(0);
    expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toBeNull();
  });

  describe('cancelling', () => {
    it('stops a run in the worker by ending it, keeps the stored result and shows no error', async () => {
      let hang = false;
      const { runner, holds } = runnerWith((students, registry, options) =>
        hang
          ? new Promise<never>(() => {})
          : core.matching.matchStudents(students, registry, options),
      );
      await runner.run(DEMO_PROGRAMME_ID);
      const previous = runner.lastRun;
      hang = true;

      const running = runner.run(DEMO_PROGRAMME_ID);
      await reach(runner, 'matching');
      runner.cancel();
      await running;

      expect(runner.stage).toBe('cancelled');
      expect(runner.error).toBeNull();
      expect(runner.lastRun).toBe(previous);
      expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toEqual(previous);
      expect(runner.busy).toBe(false);
      expect(holds()).toBe(0);
    });

    it('stops while reading by ending the worker, and shows no error', async () => {
      const { runner, holds } = runnerWith();

      const running = runner.run(DEMO_PROGRAMME_ID);
      expect(runner.stage).toBe('reading');
      runner.cancel();
      await running;

      // The stand-in worker cannot stop code already running in this process; a real one ends.
      expect(runner.stage).toBe('cancelled');
      expect(runner.error).toBeNull();
      expect(runner.busy).toBe(false);
      expect(holds()).toBe(0);
    });

    it('cannot be cancelled while the result is being stored (the write is all-or-nothing)', async () => {
      const { runner } = runnerWith();
      const running = runner.run(DEMO_PROGRAMME_ID);
      await reach(runner, 'saving');
      runner.cancel();
      await running;

      expect(runner.stage).toBe('done');
      expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toEqual(runner.lastRun);
    });

    it('forgets the last run on reset, and a reset run drops its outcome', async () => {
      const { runner } = runnerWith();
      await runner.run(DEMO_PROGRAMME_ID);
      expect(runner.lastRun).not.toBeNull();

      const running = runner.run(DEMO_PROGRAMME_ID);
      runner.reset();
      await running;

      expect(runner.stage).toBe('idle');
      expect(runner.lastRun).toBeNull();
      expect(runner.programmeId).toBeNull();
      expect(runner.error).toBeNull();
    });
  });

  describe('invalid input', () => {
    it('fails on a programme that is not stored: there is nothing to store its result with', async () => {
      const { runner } = runnerWith();

      await runner.run('missing');

      expect(runner.stage).toBe('failed');
      expect(runner.error?.code).toBe('changed');
      expect(await db.matches.count()).toBe(0);
    });

    it('ignores a second run while one is going on', async () => {
      let calls = 0;
      const { runner } = runnerWith((students, registry, options) => {
        calls += 1;
        return core.matching.matchStudents(students, registry, options);
      });

      await Promise.all([runner.run(DEMO_PROGRAMME_ID), runner.run(DEMO_PROGRAMME_ID)]);

      expect(calls).toBe(1);
      expect(runner.stage).toBe('done');
    });
  });
});
