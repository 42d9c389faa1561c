import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreApi } from '@sahaja/core/api';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import type { CoreApi, StudentMatch } from '../core/types';
import {
  readPlan,
  replaceProgramme,
  SahajaDatabase,
  saveHolidays,
  saveSchool,
  saveTeams,
  visitKeyOf,
  type ProgrammeRow,
  type SchoolRow,
  type VisitRow,
} from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { PlanManager, type PlanStage } from './plan-manager.svelte';

const core = createCoreApi();
const PROGRAMME = 'demo';
const base = programmeFixture('A', { schools: 3, students: 300, residents: 300 });
// Every fourth resident is 17 on the reference date (WAJIB); the others are 16 (REKAM_DINI).
const data = {
  ...base,
  registry: base.registry.map((r, i) => (i % 4 === 0 ? { ...r, tanggalLahir: '2005-03-01' } : r)),
};

let db: SahajaDatabase;
let client: CoreClient | null = null;
let programme: ProgrammeRow;

/** Pemadanan as stored: students 0–294 found (COCOK), 295–297 waiting for review, 298–299 never matched. */
async function storeMatches(count = 295): Promise<void> {
  const rows = data.students.slice(0, 298).map((s, i) => ({
    programmeId: PROGRAMME,
    idSiswa: s.idSiswa,
    nik: i < count ? (data.registry[i]?.nik ?? '') : '',
    probability: i < count ? 1 : 0.5,
    status: i < count ? 'COCOK' : 'PERLU_REVIEW',
    reason: i < count ? 'confident' : 'uncertain',
    duplicateOf: '',
    explanation: [],
    candidates: [],
  })) as unknown as (StudentMatch & { programmeId: string })[];
  await db.matches.bulkAdd(rows);
}

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-plan-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const stored = await replaceProgramme(db, PROGRAMME, data);
  if (!stored.ok) throw new Error(stored.error.message);
  programme = stored.value;
  await storeMatches();
});

afterEach(() => {
  client?.dispose();
  db.close();
});

/** A manager whose worker runs the real core (with `scheduling` replaced when given). */
function managerWith(scheduling: Partial<CoreApi['scheduling']> = {}) {
  client = new CoreClient(
    fakeCoreWorker({ ...core, scheduling: { ...core.scheduling, ...scheduling } }).start,
  );
  let holds = 0;
  const stages: PlanStage[] = [];
  const manager = new PlanManager({
    core: client,
    db: () => db,
    hold: () => {
      holds += 1;
      return () => {
        holds -= 1;
      };
    },
    now: () => '2023-01-10T08:00:00.000Z',
  });
  return { manager, holds: () => holds, stages };
}

async function planned(mode: 'normal' | 'wajib-first' = 'normal') {
  const made = managerWith();
  await made.manager.load(programme);
  await made.manager.generate(mode);
  if (made.manager.error) throw new Error(made.manager.error.code);
  return made;
}

async function reach(manager: PlanManager, stage: PlanStage): Promise<void> {
  for (let i = 0; i < 1000 && manager.stage !== stage; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  expect(manager.stage).toBe(stage);
}

const total = (visits: readonly VisitRow[]) => visits.reduce((a, v) => a + v.wajib + v.dini, 0);

describe('PlanManager', () => {
  describe('making the plan', () => {
    it('plans the decided students from the stored matches and stores visits and figures', async () => {
      const { manager, holds } = managerWith();
      await manager.load(programme);
      expect(manager.stage).toBe('ready');
      expect(manager.hasPlan).toBe(false);

      const running = manager.generate('normal');
      expect(manager.stage).toBe('reading');
      expect(manager.progress).toMatchObject({ step: 'reading', index: 1 });
      expect(holds()).toBe(1);
      await running;

      expect(manager.stage).toBe('ready');
      expect(manager.error).toBeNull();
      expect(total(manager.visits)).toBe(295);
      const figures = manager.figures!;
      expect(figures.pending).toEqual({ notMatched: 2, review: 3 });
      expect(figures.lowerBound).toBe(2);
      expect(figures.gap).toBe(figures.workingDays - figures.lowerBound);
      expect(figures.targets.map((t) => t.wajib + t.dini)).toEqual([99, 98, 98]);
      expect(figures.targets.reduce((a, t) => a + t.wajib, 0)).toBe(74);
      expect(figures.change.kind).toBe('plan');
      expect(figures.madeAt).toBe('2023-01-10T08:00:00.000Z');
      expect(manager.notice).toEqual({ kind: 'planned', visits: manager.visits.length, pinned: 0 });
      expect(holds()).toBe(0);

      const stored = await readPlan(db, PROGRAMME);
      expect(stored.ok && stored.value.visits).toEqual(manager.visits);
      expect(stored.ok && stored.value.figures).toEqual(figures);
    });

    it('shows a stored plan when the screen opens again', async () => {
      const first = await planned();
      const { manager } = managerWith();
      await manager.load(programme);
      expect(manager.visits).toEqual(first.manager.visits);
      expect(manager.figures).toEqual(first.manager.figures);
      expect(manager.hasPlan).toBe(true);
    });

    it('keeps pinned visits where they are when the plan is made again, in either mode', async () => {
      const { manager } = await planned();
      const pin = manager.visits.at(-1)!;
      await manager.setPinned(pin, true);

      await manager.generate('wajib-first');

      expect(manager.figures?.mode).toBe('wajib-first');
      const again = manager.visits.find((v) => visitKeyOf(v) === visitKeyOf(pin));
      expect(again).toMatchObject({ wajib: pin.wajib, dini: pin.dini, pinned: true });
      expect(manager.pinnedCount).toBe(1);
      expect(total(manager.visits)).toBe(295);
    });

    it('plans nothing on a lost team-day', async () => {
      const { manager } = managerWith();
      await manager.load(programme);
      await manager.markLost('Tim 1', '2023-01-16', 'Alat belum datang');
      expect(manager.notice).toEqual({
        kind: 'lostStored',
        day: { team: 'Tim 1', date: '2023-01-16' },
      });
      await manager.generate('normal');
      expect(manager.visits.some((v) => v.team === 'Tim 1' && v.date === '2023-01-16')).toBe(false);
      expect(total(manager.visits)).toBe(295);
    });
  });

  describe('pinning and moving', () => {
    it('pins and unpins a visit at once', async () => {
      const { manager } = await planned();
      const visit = manager.visits[0]!;
      await manager.setPinned(visit, true);
      expect(manager.visits[0]?.pinned).toBe(true);
      const stored = await readPlan(db, PROGRAMME);
      expect(stored.ok && stored.value.visits[0]?.pinned).toBe(true);
      await manager.setPinned(visit, false);
      expect(manager.pinnedCount).toBe(0);
    });

    it('moves a visit the core allows, pins it and stores the new figures', async () => {
      const { manager } = await planned();
      const visit = manager.visits[0]!;

      const moved = await manager.move(visit, { date: '2023-01-25', team: 'Tim 2' });

      expect(moved).toBe(true);
      expect(manager.refusal).toBeNull();
      const now = manager.visits.find((v) => v.date === '2023-01-25' && v.npsn === visit.npsn);
      expect(now).toMatchObject({ team: 'Tim 2', pinned: true });
      expect(manager.visits.some((v) => visitKeyOf(v) === visitKeyOf(visit))).toBe(false);
      expect(manager.figures?.finish).toBe('2023-01-25');
      expect(manager.figures?.change).toMatchObject({ kind: 'move' });
      expect(manager.figures?.change.removed).toEqual([
        expect.objectContaining({ date: visit.date, npsn: visit.npsn }),
      ]);
      expect(total(manager.visits)).toBe(295);
      const stored = await readPlan(db, PROGRAMME);
      expect(stored.ok && stored.value.visits).toEqual(manager.visits);
    });

    it('refuses a move that breaks a constraint with every reason in both languages, and changes nothing', async () => {
      const { manager } = await planned();
      const before = await readPlan(db, PROGRAMME);
      const visit = manager.visits[0]!;

      const moved = await manager.move(visit, { date: '2023-01-22', team: 'Tim 1' });

      expect(moved).toBe(false);
      expect(manager.refusal?.map((m) => m.en)).toEqual([
        'Sunday, 22 January 2023 is not a working day.',
        '22 January 2023 is a holiday: Tahun Baru Imlek.',
      ]);
      expect(manager.refusal?.[0]?.id).toBe('Minggu, 22 Januari 2023 bukan hari kerja.');
      expect(await readPlan(db, PROGRAMME)).toEqual(before);
      manager.clearRefusal();
      expect(manager.refusal).toBeNull();
    });

    it("refuses a move to a school's blackout day, naming the school, never a student", async () => {
      const { manager } = await planned();
      const visit = manager.visits[0]!;
      await manager.move(visit, { date: '2023-01-20', team: visit.team });
      const school = data.schools.find((s) => s.npsn === visit.npsn)!;
      expect(manager.refusal?.map((m) => m.id)).toEqual([
        `${school.nama} (NPSN ${school.npsn}) tidak bisa menerima kunjungan pada 20 Januari 2023.`,
      ]);
    });
  });

  describe('lost days', () => {
    it('re-plans after a lost day: its visits move, the rest stays, and the screen says what changed', async () => {
      const { manager } = await planned();
      const before = manager.visits;
      const lost = before[0]!;
      const keep = before.find((v) => !(v.team === lost.team && v.date === lost.date))!;
      await manager.setPinned(keep, true);

      await manager.markLost(lost.team, lost.date, 'Alat rusak');

      expect(manager.error).toBeNull();
      expect(manager.visits.some((v) => v.team === lost.team && v.date === lost.date)).toBe(false);
      expect(manager.visits.find((v) => visitKeyOf(v) === visitKeyOf(keep))?.pinned).toBe(true);
      expect(total(manager.visits)).toBe(295);
      expect(manager.lostDays).toEqual([
        { programmeId: PROGRAMME, team: lost.team, date: lost.date, note: 'Alat rusak' },
      ]);
      const change = manager.figures?.change;
      expect(change?.kind).toBe('replan');
      expect(change?.lostDay).toEqual({ team: lost.team, date: lost.date });
      expect(change?.removed.map((v) => v.date)).toContain(lost.date);
      expect(change?.added.length).toBeGreaterThan(0);
      expect(manager.notice).toMatchObject({ kind: 'replanned', removed: change?.removed.length });
    });

    it('moves a pinned visit on the lost day, says so, and it is no longer pinned', async () => {
      const { manager } = await planned();
      const lost = manager.visits[0]!;
      await manager.setPinned(lost, true);

      await manager.markLost(lost.team, lost.date, '');

      expect(manager.figures?.released).toEqual([
        {
          visit: {
            date: lost.date,
            team: lost.team,
            npsn: lost.npsn,
            wajib: lost.wajib,
            dini: lost.dini,
          },
          issues: [expect.objectContaining({ code: 'lost_day' })],
        },
      ]);
      expect(manager.pinnedCount).toBe(0);
    });

    it('forgets a lost day without changing the plan', async () => {
      const { manager } = await planned();
      const lost = manager.visits[0]!;
      await manager.markLost(lost.team, lost.date, '');
      const visits = manager.visits;
      await manager.removeLost({ team: lost.team, date: lost.date });
      expect(manager.lostDays).toEqual([]);
      expect(manager.visits).toBe(visits);
      const stored = await readPlan(db, PROGRAMME);
      expect(stored.ok && stored.value.lostDays).toEqual([]);
    });
  });

  describe('an out-of-date plan', () => {
    /** The stored plan as a screen opened now shows it. */
    async function reopened() {
      const { manager } = managerWith();
      await manager.load(programme);
      return manager;
    }

    it('is not out of date when it is made, nor when the screen opens again', async () => {
      const { manager } = await planned();
      expect(manager.figures?.basis?.schools.map((s) => s.npsn)).toEqual(
        data.schools.map((s) => s.npsn),
      );
      expect(manager.stale).toEqual([]);
      expect((await reopened()).stale).toEqual([]);
    });

    it('says the teams changed after they are saved, until the plan is made again', async () => {
      await planned();
      const saved = await saveTeams(db, PROGRAMME, [
        ...data.teams,
        { tim: 'Tim 3', jumlahAlat: 1, kapasitasPerAlat: 50 },
      ]);
      expect(saved.ok).toBe(true);
      const manager = await reopened();
      expect(manager.stale).toEqual([{ kind: 'teams' }]);
      await manager.generate('normal');
      expect(manager.error).toBeNull();
      expect(manager.stale).toEqual([]);
      expect((await reopened()).stale).toEqual([]);
    });

    it('says the holidays changed, and no longer once the change is undone', async () => {
      await planned();
      await saveHolidays(db, PROGRAMME, [
        ...data.holidays,
        { tanggal: '2023-01-17', keterangan: 'Libur daerah' },
      ]);
      expect((await reopened()).stale).toEqual([{ kind: 'holidays' }]);
      await saveHolidays(db, PROGRAMME, data.holidays);
      expect((await reopened()).stale).toEqual([]);
    });

    it('names a planned school whose travel time or blackout days changed', async () => {
      await planned();
      const school = data.schools[1]!;
      await saveSchool(db, PROGRAMME, school.npsn, {
        kecamatan: school.kecamatan,
        waktuTempuhMenit: school.waktuTempuhMenit,
        tanggalTidakBisa: ['2023-01-17', '2023-01-20'],
      });
      const manager = await reopened();
      expect(manager.stale).toEqual([{ kind: 'schools', npsns: [school.npsn] }]);
      await saveSchool(db, PROGRAMME, school.npsn, {
        kecamatan: school.kecamatan,
        waktuTempuhMenit: 90,
        tanggalTidakBisa: [...school.tanggalTidakBisa],
      });
      expect((await reopened()).stale).toEqual([{ kind: 'schools', npsns: [school.npsn] }]);
    });

    it("follows the programme's settings at once", async () => {
      const { manager } = await planned();
      await manager.show({ ...programme, settings: { ...programme.settings, dayMinutes: 420 } });
      expect(manager.stale).toEqual([{ kind: 'calendar' }]);
      await manager.show({ ...programme, settings: { ...programme.settings, minimumAge: 17 } });
      expect(manager.stale).toEqual([{ kind: 'policy' }]);
      await manager.show(programme);
      expect(manager.stale).toEqual([]);
    });

    it('says the students changed after a review decision or a new matching run', async () => {
      await planned();
      await db.decisions.put({
        programmeId: PROGRAMME,
        idSiswa: data.students[295]!.idSiswa,
        nik: data.registry[295]!.nik,
        decision: 'accept',
        decidedAt: '2023-01-11T08:00:00.000Z',
      });
      expect((await reopened()).stale).toEqual([{ kind: 'students' }]);
    });

    it('stays out of date after a move or a re-plan for a lost day (they keep the targets)', async () => {
      const { manager } = await planned();
      await saveHolidays(db, PROGRAMME, [
        ...data.holidays,
        { tanggal: '2023-03-01', keterangan: 'Libur daerah' },
      ]);
      const reopen = await reopened();
      expect(reopen.stale).toEqual([{ kind: 'holidays' }]);
      expect(await reopen.move(reopen.visits[0]!, { date: '2023-01-25', team: 'Tim 2' })).toBe(
        true,
      );
      expect(reopen.figures?.change.kind).toBe('move');
      expect(reopen.stale).toEqual([{ kind: 'holidays' }]);
      const lost = reopen.visits.find((v) => !v.pinned)!;
      await reopen.markLost(lost.team, lost.date, '');
      expect(reopen.figures?.change.kind).toBe('replan');
      expect(reopen.stale).toEqual([{ kind: 'holidays' }]);
      expect(reopen.figures?.basis).toEqual(manager.figures?.basis);
    });

    it('has nothing to say without a plan', async () => {
      await saveTeams(db, PROGRAMME, data.teams.slice(1));
      const manager = await reopened();
      expect(manager.hasPlan).toBe(false);
      expect(manager.stale).toEqual([]);
    });
  });

  describe('schools without coordinates', () => {
    it('plans schools created from a student list (no coordinates), giving the planner none', async () => {
      await db.schools.toCollection().modify((row: SchoolRow) => {
        const bare = row as { latitude?: number; longitude?: number };
        delete bare.latitude;
        delete bare.longitude;
      });
      const requests: Parameters<CoreApi['scheduling']['plan']>[0][] = [];
      const { manager } = managerWith({
        plan: (request) => {
          requests.push(request);
          return core.scheduling.plan(request);
        },
      });
      await manager.load(programme);
      expect(manager.schools.some((s) => 'latitude' in s)).toBe(false);
      await manager.generate('normal');
      expect(manager.error).toBeNull();
      expect(total(manager.visits)).toBe(295);
      expect(requests[0]?.schools.some((s) => 'latitude' in s || 'longitude' in s)).toBe(false);
      expect(manager.stale).toEqual([]);
    });
  });

  describe('invalid input', () => {
    it('refuses a lost day of an unknown team, an impossible date or one already marked', async () => {
      const { manager } = await planned();
      await manager.markLost('Tim 9', '2023-01-17', '');
      expect(manager.error?.code).toBe('lost_team');
      await manager.markLost('Tim 1', '2023-02-30', '');
      expect(manager.error?.code).toBe('lost_date');
      await manager.markLost('Tim 1', '2023-01-17', '');
      await manager.markLost('Tim 1', '2023-01-17', 'again');
      expect(manager.error?.code).toBe('lost_exists');
      expect(manager.lostDays).toHaveLength(1);
    });

    it('says there is nothing to plan before any student is decided, and stores nothing', async () => {
      await db.matches.clear();
      const { manager } = managerWith();
      await manager.load(programme);
      await manager.generate('normal');
      expect(manager.stage).toBe('failed');
      expect(manager.error).toEqual({ code: 'no_targets', detail: { id: '300', en: '300' } });
      expect(await db.visits.count()).toBe(0);
    });

    it('needs a team that can record', async () => {
      await db.teams.clear();
      const { manager } = managerWith();
      await manager.load(programme);
      await manager.generate('normal');
      expect(manager.error?.code).toBe('no_team');
    });

    it('keeps the stored plan when the planner fails or is cancelled', async () => {
      let hang = false;
      const { manager, holds } = managerWith({
        plan: (request) => {
          if (hang) return new Promise<never>(() => {}) as never;
          return core.scheduling.plan(request);
        },
      });
      await manager.load(programme);
      await manager.generate('normal');
      const before = await readPlan(db, PROGRAMME);
      hang = true;

      const running = manager.generate('wajib-first');
      await reach(manager, 'planning');
      manager.cancel();
      await running;

      expect(manager.stage).toBe('ready');
      expect(manager.notice).toEqual({ kind: 'cancelled' });
      expect(await readPlan(db, PROGRAMME)).toEqual(before);
      expect(holds()).toBe(0);
    });

    it('reports a worker failure and keeps the stored plan', async () => {
      let fail = false;
      const { manager } = managerWith({
        plan: (request) => {
          if (fail) throw new Error('planner broke');
          return core.scheduling.plan(request);
        },
      });
      await manager.load(programme);
      await manager.generate('normal');
      const visits = manager.visits;
      fail = true;
      await manager.generate('normal');
      expect(manager.stage).toBe('failed');
      expect(manager.error).toEqual({
        code: 'internal',
        detail: { id: 'planner broke', en: 'planner broke' },
      });
      expect(manager.visits).toEqual(visits);
    });

    it('ignores a second action while one runs', async () => {
      let calls = 0;
      const { manager } = managerWith({
        plan: (request) => {
          calls += 1;
          return core.scheduling.plan(request);
        },
      });
      await manager.load(programme);
      await Promise.all([manager.generate('normal'), manager.generate('normal')]);
      expect(calls).toBe(1);
    });

    it('drops the outcome of work begun for another programme', async () => {
      const { manager } = managerWith();
      await manager.load(programme);
      const running = manager.generate('normal');
      await manager.load({ ...programme, id: 'other' });
      await running;
      expect(manager.programme?.id).toBe('other');
      expect(manager.visits).toEqual([]);
    });
  });
});
