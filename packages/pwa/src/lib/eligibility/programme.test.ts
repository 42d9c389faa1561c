import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreApi } from '@sahaja/core/api';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import type { StudentMatch } from '../core/types';
import { replaceProgramme, SahajaDatabase, type ProgrammeRow } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { evaluateProgramme, schoolTargets, type EligibilityProgress } from './programme';

let db: SahajaDatabase;
let core: CoreClient;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-eligibility-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  core = new CoreClient(fakeCoreWorker(createCoreApi()).start);
});

afterEach(() => {
  core.dispose();
  db.close();
});

const data = programmeFixture('A', { schools: 2, students: 6, residents: 10 });
// Resident 1 is 17 on the reference date (WAJIB); the others are 16 (REKAM_DINI).
const registry = data.registry.map((r, i) => (i === 1 ? { ...r, tanggalLahir: '2005-03-01' } : r));

function match(idSiswa: string, status: StudentMatch['status'], nik = '', duplicateOf = '') {
  return {
    programmeId: 'demo',
    idSiswa,
    nik,
    probability: status === 'COCOK' ? 1 : 0.5,
    status,
    reason: status === 'COCOK' ? 'confident' : 'not_found',
    duplicateOf,
    explanation: [],
    candidates: [],
  } as unknown as StudentMatch & { programmeId: string };
}

async function stored(): Promise<ProgrammeRow> {
  const result = await replaceProgramme(db, 'demo', { ...data, registry });
  if (!result.ok) throw new Error(result.error.message);
  const nik = (i: number) => registry[i]!.nik;
  await db.matches.bulkAdd([
    match('S1', 'COCOK', nik(0)),
    match('S2', 'COCOK', nik(1)),
    match('S3', 'TIDAK_COCOK'),
    match('S4', 'PERLU_REVIEW', nik(3)),
    match('S5', 'COCOK', nik(0), 'S1'),
  ]);
  return result.value;
}

describe('evaluateProgramme', () => {
  it('decides matched students on their registry record and the unmatched as TIDAK_DITEMUKAN', async () => {
    const result = await evaluateProgramme({ core, db: () => db }, await stored());
    if (!result.ok) throw new Error(result.error.message);
    const byId = new Map(result.value.students.map((s) => [s.idSiswa, s]));

    expect(byId.get('S1')).toMatchObject({ nik: registry[0]!.nik, pending: null });
    expect(byId.get('S1')?.decision?.category).toBe('REKAM_DINI');
    expect(byId.get('S2')?.decision?.category).toBe('WAJIB');
    expect(byId.get('S3')?.decision?.category).toBe('TIDAK_DITEMUKAN');
    expect(byId.get('S4')).toMatchObject({ decision: null, pending: 'review', nik: null });
    expect(byId.get('S6')).toMatchObject({ decision: null, pending: 'not_matched' });
    expect(byId.get('S5')).toMatchObject({ duplicateOf: 'S1' });
  });

  it('counts each student once: duplicates and pending students apart from the categories', async () => {
    const result = await evaluateProgramme({ core, db: () => db }, await stored());
    if (!result.ok) throw new Error(result.error.message);
    const { counts, bySchool } = result.value;

    expect(counts).toMatchObject({
      REKAM_DINI: 1,
      WAJIB: 1,
      TIDAK_DITEMUKAN: 1,
      pendingReview: 1,
      pendingMatch: 1,
      duplicates: 1,
    });
    // Students alternate between the two schools: S1, S3, S5 at the first; S2, S4, S6 at the second.
    expect(bySchool.get(data.schools[0]!.npsn)).toMatchObject({
      REKAM_DINI: 1,
      TIDAK_DITEMUKAN: 1,
      duplicates: 1,
    });
    expect(bySchool.get(data.schools[1]!.npsn)).toMatchObject({
      WAJIB: 1,
      pendingReview: 1,
      pendingMatch: 1,
    });
  });

  it('gives the planner every school with its WAJIB and REKAM_DINI targets', async () => {
    const result = await evaluateProgramme({ core, db: () => db }, await stored());
    if (!result.ok) throw new Error(result.error.message);
    const targets = schoolTargets(result.value, [
      ...data.schools,
      { ...data.schools[0]!, npsn: 'X' },
    ]);

    expect(targets.map((t) => [t.npsn, t.jumlahWajib, t.jumlahDini])).toEqual([
      [data.schools[0]!.npsn, 0, 1],
      [data.schools[1]!.npsn, 1, 0],
      ['X', 0, 0],
    ]);
    expect(targets[0]).toMatchObject({
      waktuTempuhMenit: data.schools[0]!.waktuTempuhMenit,
      tanggalTidakBisa: data.schools[0]!.tanggalTidakBisa,
    });
  });

  it('gives a school without coordinates (created from a list) none, and one coordinate alone none', async () => {
    const result = await evaluateProgramme({ core, db: () => db }, await stored());
    if (!result.ok) throw new Error(result.error.message);
    const { latitude: _latitude, longitude: _longitude, ...bare } = data.schools[0]!;
    const targets = schoolTargets(result.value, [
      bare,
      { ...bare, npsn: 'Y', latitude: -7.8 },
      data.schools[1]!,
    ]);

    expect(targets[0]).not.toHaveProperty('latitude');
    expect(targets[0]).not.toHaveProperty('longitude');
    expect(targets[0]).toMatchObject({ npsn: bare.npsn, jumlahDini: 1 });
    expect(targets[1]).not.toHaveProperty('latitude');
    expect(targets[2]).toMatchObject({
      latitude: data.schools[1]!.latitude,
      longitude: data.schools[1]!.longitude,
    });
  });

  it('reads the matches a chunk at a time, reporting the rows read, then the deciding', async () => {
    const programme = await stored();
    const progress: EligibilityProgress[] = [];
    const chunked = await evaluateProgramme({ core, db: () => db }, programme, {
      chunkSize: 2,
      onProgress: (p) => progress.push(p),
    });
    const whole = await evaluateProgramme({ core, db: () => db }, programme);
    if (!chunked.ok || !whole.ok) throw new Error('not computed');

    expect(chunked.value.counts).toEqual(whole.value.counts);
    expect(chunked.value.students.map((s) => s.decision?.category)).toEqual(
      whole.value.students.map((s) => s.decision?.category),
    );
    const steps = (phase: EligibilityProgress['phase']) =>
      progress.filter((p) => p.phase === phase).map((p) => `${p.done}/${p.total}`);
    // 6 students (2 at a time), then 5 matches in chunks of 2.
    expect(steps('read')).toEqual(['0/11', '2/11', '4/11', '6/11', '8/11', '10/11', '11/11']);
    // S1, S2 and S5 are COCOK on two NIKs: two registry records to look up.
    expect(steps('lookup')).toEqual(['0/2', '2/2']);
    // S1, S2, S3 and S5 are decided (S4 waits for review, S6 was never matched), two per call.
    expect(steps('decide')).toEqual(['0/4', '2/4']);
  });

  it('stops when aborted, as a cancelled error', async () => {
    const programme = await stored();
    const abort = new AbortController();
    const result = await evaluateProgramme({ core, db: () => db }, programme, {
      chunkSize: 2,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.done >= 8) abort.abort();
      },
    });
    expect(!result.ok && result.error.code).toBe('cancelled');
  });

  describe('invalid input', () => {
    it('says the database could not be read', async () => {
      const programme = await stored();
      db.close();
      const result = await evaluateProgramme({ core, db: () => db }, programme);
      expect(!result.ok && result.error.code).toBe('storage');
    });

    it('refuses a chunk size that is not a positive integer', async () => {
      const programme = await stored();
      await expect(
        evaluateProgramme({ core, db: () => db }, programme, { chunkSize: 0 }),
      ).rejects.toThrow(RangeError);
    });

    it('says the settings were refused when the core cannot use them', async () => {
      const programme = await stored();
      const broken = { ...programme, settings: { ...programme.settings, regions: ['9'] } };
      const result = await evaluateProgramme({ core, db: () => db }, broken);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('settings');
      expect(!result.ok && result.error.localized?.id).toMatch(/^Kode wilayah program "9"/);
    });
  });
});
