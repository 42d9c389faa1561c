import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudentMatch } from '../core/types';
import {
  readDuplicateDecisions,
  readMatches,
  readMatchingRun,
  readReviewDecisions,
  recount,
  saveMatchingRun,
  scanMatches,
  writeReviewChange,
  type MatchingRun,
  type ReviewChange,
} from './matches';
import { DEMO_PROGRAMME_ID, replaceProgramme } from './programmes';
import { SahajaDatabase } from './database';
import { summaryOf } from './test-support/match-summary';
import { programmeFixture } from './test-support/programme-fixture';

const OTHER = 'other';
const data = programmeFixture('A');
let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-matches-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await replaceProgramme(db, DEMO_PROGRAMME_ID, data);
  await replaceProgramme(db, OTHER, programmeFixture('B'));
});

afterEach(() => db.close());

const candidate = (nik: string, probability: number) => ({
  nik,
  probability,
  explanation: [
    {
      comparison: 'nama',
      level: 'exact',
      weight: 8.5,
      text: { id: 'sama persis', en: 'identical' },
    },
  ],
});

/** One match per fixture student: the first five under review, the next five not found. */
function matchesOf(students: readonly { idSiswa: string }[]): StudentMatch[] {
  return students.map(({ idSiswa }, i): StudentMatch => {
    const nik = data.registry[i]?.nik ?? '';
    const [status, reason] =
      i < 5
        ? (['PERLU_REVIEW', 'uncertain'] as const)
        : i < 10
          ? (['TIDAK_COCOK', 'not_found'] as const)
          : (['COCOK', 'confident'] as const);
    return {
      idSiswa,
      nik: status === 'TIDAK_COCOK' ? '' : nik,
      probability: status === 'COCOK' ? 0.9999 : 0.6,
      status,
      reason,
      duplicateOf: '',
      explanation: candidate(nik, 0.6).explanation,
      candidates: [candidate(nik, 0.6)],
    };
  });
}

function runOf(matches: readonly StudentMatch[], finishedAt = '2023-01-10T08:00:00.000Z') {
  const run: MatchingRun = {
    finishedAt,
    summary: summaryOf(matches, data.registry.length),
    blocking: [{ rule: 'NIK', pairs: 20, newPairs: 20 }],
    thresholds: { match: 0.999, review: 0.2 },
    given: { review: 0, duplicates: 0 },
  };
  return run;
}

async function allMatches(id: string, chunkSize?: number): Promise<StudentMatch[]> {
  const rows: StudentMatch[] = [];
  await scanMatches(db, id, (chunk) => rows.push(...chunk), chunkSize ? { chunkSize } : {});
  return rows;
}

const noChange: ReviewChange = {
  matches: [],
  putDecisions: [],
  deleteDecisions: [],
  putDuplicateDecisions: [],
  deleteDuplicateDecisions: [],
};

describe('saveMatchingRun', () => {
  it('stores every match and the run figures, replacing the previous run of that programme only', async () => {
    const matches = matchesOf(data.students);
    const other = matchesOf(programmeFixture('B').students);
    expect(await saveMatchingRun(db, OTHER, other, runOf(other))).toEqual({ ok: true });
    const earlier = matches.map((m) => ({ ...m, probability: 0.5 }));
    await saveMatchingRun(db, DEMO_PROGRAMME_ID, earlier, runOf(earlier, '2023-01-09T00:00:00Z'));
    const progress: number[] = [];

    const saved = await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches), {
      chunkSize: 10,
      onProgress: (done) => progress.push(done),
    });

    expect(saved).toEqual({ ok: true });
    const byId = (a: StudentMatch, b: StudentMatch) => a.idSiswa.localeCompare(b.idSiswa);
    expect(await allMatches(DEMO_PROGRAMME_ID)).toEqual([...matches].sort(byId));
    expect(await allMatches(OTHER)).toHaveLength(other.length);
    expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toEqual(runOf(matches));
    expect(progress).toEqual([0, 10, 20, 25]);
  });

  describe('invalid input', () => {
    it('refuses a run whose programme has other students now, and keeps the previous run', async () => {
      const matches = matchesOf(data.students);
      await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches));
      const fewer = matches.slice(1);

      const saved = await saveMatchingRun(db, DEMO_PROGRAMME_ID, fewer, runOf(fewer));

      expect(saved).toMatchObject({ ok: false, error: { code: 'changed' } });
      expect(await allMatches(DEMO_PROGRAMME_ID)).toHaveLength(matches.length);
      expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toEqual(runOf(matches));
    });

    it('refuses a run of a registry of another size, or of a programme that is gone', async () => {
      const matches = matchesOf(data.students);
      const run = runOf(matches);
      const bigger = { ...run, summary: { ...run.summary, registry: 41 } };
      expect(await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, bigger)).toMatchObject({
        ok: false,
        error: { code: 'changed' },
      });
      expect(await saveMatchingRun(db, 'gone', matches, run)).toMatchObject({
        ok: false,
        error: { code: 'changed' },
      });
      expect(await db.matches.count()).toBe(0);
    });

    it('throws on a chunk size that is not a positive integer', async () => {
      await expect(
        saveMatchingRun(db, DEMO_PROGRAMME_ID, [], runOf([]), { chunkSize: 0 }),
      ).rejects.toThrow(RangeError);
      await expect(
        scanMatches(db, DEMO_PROGRAMME_ID, () => {}, { chunkSize: 1.5 }),
      ).rejects.toThrow(RangeError);
    });
  });
});

describe('reading', () => {
  it('scans the matches a chunk at a time, in student id order', async () => {
    const matches = matchesOf(data.students);
    await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches));
    const sizes: number[] = [];

    await scanMatches(db, DEMO_PROGRAMME_ID, (rows) => sizes.push(rows.length), { chunkSize: 7 });

    expect(sizes).toEqual([7, 7, 7, 4]);
    const ids = (await allMatches(DEMO_PROGRAMME_ID, 7)).map((m) => m.idSiswa);
    expect(ids).toEqual([...ids].sort());
    expect(await allMatches('never-matched')).toEqual([]);
  });

  it('reads chosen students’ matches, null for one without', async () => {
    const matches = matchesOf(data.students);
    await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches));
    expect(await readMatches(db, DEMO_PROGRAMME_ID, ['S2', 'nobody'])).toEqual([matches[1], null]);
  });

  it('reads no run for a programme that never ran, or one stored in another shape', async () => {
    expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toBeNull();
    await db.runs.put({
      programmeId: DEMO_PROGRAMME_ID,
      kind: 'matching',
      finishedAt: '2023-01-10T08:00:00Z',
      result: { students: 3 },
    });
    expect(await readMatchingRun(db, DEMO_PROGRAMME_ID)).toBeNull();
  });
});

describe('writeReviewChange', () => {
  const decidedAt = '2023-01-11T09:30:00.000Z';

  it('writes the decisions, the changed matches and the run counts together', async () => {
    const matches = matchesOf(data.students);
    await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches));
    const before = matches[0] as StudentMatch;
    const after: StudentMatch = { ...before, status: 'COCOK', reason: 'accepted' };

    const written = await writeReviewChange(db, DEMO_PROGRAMME_ID, {
      ...noChange,
      matches: [{ before, after }],
      putDecisions: [
        { programmeId: 'ignored', idSiswa: 'S1', nik: before.nik, decision: 'accept', decidedAt },
      ],
      putDuplicateDecisions: [
        {
          programmeId: DEMO_PROGRAMME_ID,
          idSiswa: 'S3',
          duplicateOf: 'S2',
          decision: 'different',
          decidedAt,
        },
      ],
    });

    expect(written).toEqual({ ok: true });
    expect(await readMatches(db, DEMO_PROGRAMME_ID, ['S1'])).toEqual([after]);
    expect(await readReviewDecisions(db, DEMO_PROGRAMME_ID)).toEqual([
      {
        programmeId: DEMO_PROGRAMME_ID,
        idSiswa: 'S1',
        nik: before.nik,
        decision: 'accept',
        decidedAt,
      },
    ]);
    expect(await readDuplicateDecisions(db, DEMO_PROGRAMME_ID)).toHaveLength(1);
    const run = await readMatchingRun(db, DEMO_PROGRAMME_ID);
    expect(run?.summary.byStatus).toEqual({ COCOK: 16, PERLU_REVIEW: 4, TIDAK_COCOK: 5 });
    expect(run?.summary.byReason).toMatchObject({ accepted: 1, uncertain: 4 });
  });

  it('removes the decisions it is told to remove', async () => {
    const matches = matchesOf(data.students);
    await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches));
    const nik = matches[0]?.nik ?? '';
    await writeReviewChange(db, DEMO_PROGRAMME_ID, {
      ...noChange,
      putDecisions: [
        { programmeId: DEMO_PROGRAMME_ID, idSiswa: 'S1', nik, decision: 'reject', decidedAt },
      ],
      putDuplicateDecisions: [
        {
          programmeId: DEMO_PROGRAMME_ID,
          idSiswa: 'S3',
          duplicateOf: 'S2',
          decision: 'same',
          decidedAt,
        },
      ],
    });

    await writeReviewChange(db, DEMO_PROGRAMME_ID, {
      ...noChange,
      deleteDecisions: [{ idSiswa: 'S1', nik }],
      deleteDuplicateDecisions: [{ idSiswa: 'S3', duplicateOf: 'S2' }],
    });

    expect(await readReviewDecisions(db, DEMO_PROGRAMME_ID)).toEqual([]);
    expect(await readDuplicateDecisions(db, DEMO_PROGRAMME_ID)).toEqual([]);
  });

  describe('invalid input', () => {
    it('writes nothing when a match is no longer stored as it was read', async () => {
      const matches = matchesOf(data.students);
      await saveMatchingRun(db, DEMO_PROGRAMME_ID, matches, runOf(matches));
      const before = { ...(matches[0] as StudentMatch), status: 'TIDAK_COCOK' as const };

      const written = await writeReviewChange(db, DEMO_PROGRAMME_ID, {
        ...noChange,
        matches: [{ before, after: { ...before, status: 'COCOK', reason: 'accepted' } }],
        putDecisions: [
          {
            programmeId: DEMO_PROGRAMME_ID,
            idSiswa: 'S1',
            nik: 'x',
            decision: 'accept',
            decidedAt,
          },
        ],
      });

      expect(written).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await readMatches(db, DEMO_PROGRAMME_ID, ['S1'])).toEqual([matches[0]]);
      expect(await readReviewDecisions(db, DEMO_PROGRAMME_ID)).toEqual([]);
      expect((await readMatchingRun(db, DEMO_PROGRAMME_ID))?.summary).toEqual(
        runOf(matches).summary,
      );
    });

    it('refuses to change the match of a student that has none stored', async () => {
      const before = matchesOf(data.students)[0] as StudentMatch;
      const written = await writeReviewChange(db, DEMO_PROGRAMME_ID, {
        ...noChange,
        matches: [{ before, after: before }],
      });
      expect(written).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await db.matches.count()).toBe(0);
    });
  });
});

describe('recount', () => {
  it('moves each changed student from its old status and reason to its new ones', () => {
    const matches = matchesOf(data.students);
    const summary = summaryOf(matches, data.registry.length);
    const before = matches[0] as StudentMatch;
    const after: StudentMatch = { ...before, status: 'TIDAK_COCOK', reason: 'not_found' };
    const counted = recount(summary, [{ before, after }]);
    expect(counted.byStatus).toEqual({ COCOK: 15, PERLU_REVIEW: 4, TIDAK_COCOK: 6 });
    expect(counted.byReason.not_found).toBe(6);
    expect(summary.byStatus.PERLU_REVIEW).toBe(5);
  });
});
