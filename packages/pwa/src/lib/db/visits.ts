/**
 * The stored visit plan of a programme: its visits (table `visits`, one row per team, day and school),
 * its figures (table `runs`, kind `plan`) and the team-days marked lost (table `lostDays`). A plan is
 * written whole, visits and figures in one transaction, so what is stored is always one plan. The
 * exports (XLSX, .ics, letters, day sheets) read the same rows; {@link PlanFigures} documents the
 * figures.
 */
import Dexie from 'dexie';
import * as z from 'zod/mini';
import type {
  DayLostPayload,
  DayRestoredPayload,
  PlanMadePayload,
  VisitMovedPayload,
  VisitPinnedPayload,
} from '@sahaja/core/sync';
import { recordChange, type NewChange } from '../sync/change-log';
import type { ChangeClock } from '../sync/clock';
import type { LostDayRow, SahajaDatabase, VisitRow } from './database';
import type { StoreError } from './programmes';

/** A calendar date `YYYY-MM-DD`. */
type IsoDate = string;

/** One visit without its programme: team, day, school, WAJIB and REKAM_DINI students, place in the day. */
export interface PlanVisit {
  readonly date: IsoDate;
  readonly team: string;
  readonly npsn: string;
  readonly wajib: number;
  readonly dini: number;
  /** Position of the school in the team's day (0 first). */
  readonly order: number;
}

/** A bilingual message as the core writes it. */
const messageSchema = z.object({ id: z.string(), en: z.string() });

const visitSchema = z.object({
  date: z.string(),
  team: z.string(),
  npsn: z.string(),
  wajib: z.number(),
  dini: z.number(),
  order: z.number(),
});

const pinSchema = z.object({
  date: z.string(),
  team: z.string(),
  npsn: z.string(),
  wajib: z.number(),
  dini: z.number(),
});

/**
 * What a plan was made from besides the calendar settings kept beside it: compared with the programme
 * as it is now, it tells whether the plan is out of date (`plan/staleness.ts`).
 */
export const planBasisSchema = z.object({
  /** The eligibility settings its targets were computed with. */
  referenceDate: z.string(),
  minimumAge: z.number(),
  /** The programme's region codes, sorted. */
  regions: z.array(z.string()),
  /** The teams, by name: recording sets and students per set per day. */
  teams: z.array(
    z.object({ tim: z.string(), jumlahAlat: z.number(), kapasitasPerAlat: z.number() }),
  ),
  /** The holidays' dates, sorted, each once (the descriptions do not change a plan). */
  holidays: z.array(z.string()),
  /** Each planned school's visit details: kecamatan, travel, blackout days (sorted), coordinates. */
  schools: z.array(
    z.object({
      npsn: z.string(),
      kecamatan: z.string(),
      waktuTempuhMenit: z.number(),
      tanggalTidakBisa: z.array(z.string()),
      latitude: z.nullable(z.number()),
      longitude: z.nullable(z.number()),
    }),
  ),
  /** {@link readTargetsMark} when the plan was made: the lists, registry, pemadanan and review. */
  targetsMark: z.string(),
});

/** What a plan was made from (see {@link planBasisSchema}). */
export type PlanBasis = z.infer<typeof planBasisSchema>;

/**
 * The figures of a stored plan, kept in `runs` (kind `plan`) as `result`. Dates are `YYYY-MM-DD`;
 * `null` where the plan has none (nothing planned, no end date, everyone served).
 */
export const planFiguresSchema = z.object({
  /** `normal`, or `wajib-first` (every WAJIB student as early as capacity allows). */
  mode: z.enum(['normal', 'wajib-first']),
  /** When the plan was generated (ISO timestamp); moves and re-plans keep it. */
  madeAt: z.string(),
  /** The programme settings the plan was made with. */
  start: z.string(),
  end: z.nullable(z.string()),
  dayMinutes: z.number(),
  fridayMinutes: z.nullable(z.number()),
  /** Working days from the start up to the last visit, and up to the last visit with WAJIB students. */
  workingDays: z.number(),
  workingDaysWajib: z.number(),
  /** No plan can use fewer working days (all students over the teams' daily capacity); and for WAJIB. */
  lowerBound: z.number(),
  lowerBoundWajib: z.number(),
  /** `workingDays − lowerBound`: how far the plan may be from the best possible. */
  gap: z.number(),
  /** The last visit's date, and the last date with WAJIB students. */
  finish: z.nullable(z.string()),
  finishWajib: z.nullable(z.string()),
  /** Runs of consecutive visit days per school, averaged over the schools with students. */
  visitsPerSchool: z.number(),
  /** Per team: students planned, days used, utilisation (students ÷ capacity × working days). */
  teams: z.array(
    z.object({ team: z.string(), students: z.number(), days: z.number(), utilisation: z.number() }),
  ),
  /** Students the plan cannot serve, per school and reason (`after_end`, `too_far`, `no_working_day`). */
  unserved: z.array(
    z.object({
      npsn: z.string(),
      wajib: z.number(),
      dini: z.number(),
      reason: z.enum(['after_end', 'too_far', 'no_working_day']),
    }),
  ),
  /** With an end date that is too early: the earliest end date that serves everyone. */
  earliestEnd: z.nullable(z.string()),
  /** The students to plan per school when the plan was made (schools with targets only). */
  targets: z.array(z.object({ npsn: z.string(), wajib: z.number(), dini: z.number() })),
  /** Students left out because they are not decided yet: never matched, or waiting for review. */
  pending: z.object({ notMatched: z.number(), review: z.number() }),
  /** Pinned visits the last change could not keep, each with every reason (both languages). */
  released: z.array(
    z.object({
      visit: pinSchema,
      issues: z.array(z.object({ code: z.string(), message: messageSchema })),
    }),
  ),
  /** The last change: a new plan, a moved visit or a re-plan after a lost day, and what it changed. */
  change: z.object({
    kind: z.enum(['plan', 'move', 'replan']),
    /** When it was made (ISO timestamp). */
    at: z.string(),
    removed: z.array(visitSchema),
    added: z.array(visitSchema),
    /** The lost team-day a re-plan was made for. */
    lostDay: z.nullable(z.object({ team: z.string(), date: z.string() })),
  }),
  /**
   * What the plan was made from; moves and re-plans keep it (they change visits, not targets). Plans
   * stored before the app kept it have none: whether they are out of date cannot be told.
   */
  basis: z.optional(planBasisSchema),
});

/** The figures of a stored plan (see {@link planFiguresSchema} for each field). */
export type PlanFigures = z.infer<typeof planFiguresSchema>;

/** A programme's stored plan: its visits in date, team and order; its figures; its lost days. */
export interface StoredPlan {
  readonly visits: readonly VisitRow[];
  /** Null when no plan was made, or its stored figures are not readable (then make it again). */
  readonly figures: PlanFigures | null;
  readonly lostDays: readonly LostDayRow[];
}

export type PlanStoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreError };

/** The key of a visit in its programme: team, day and school. */
export type VisitKey = Pick<VisitRow, 'date' | 'team' | 'npsn'>;

/** A stable text key of a visit (team, day, school), for maps and lists. */
export const visitKeyOf = (v: VisitKey): string => `${v.date}|${v.team}|${v.npsn}`;

/** Reads programme `id`'s stored plan in one read transaction (empty when none was made). */
export async function readPlan(
  db: SahajaDatabase,
  id: string,
): Promise<PlanStoreResult<StoredPlan>> {
  try {
    return await db.transaction('r', [db.visits, db.runs, db.lostDays], async () => {
      const [visits, run, lostDays] = await Promise.all([
        db.visits.where(':id').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
        db.runs.get([id, 'plan']),
        db.lostDays.where(':id').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
      ]);
      const parsed = run ? planFiguresSchema.safeParse(run.result) : null;
      return {
        ok: true as const,
        value: {
          visits: sortVisits(visits),
          figures: parsed?.success ? parsed.data : null,
          lostDays: lostDays.sort(
            (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team),
          ),
        },
      };
    });
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
}

/** Options of {@link writePlan}. */
export interface WritePlanOptions {
  /** Visits (by {@link visitKeyOf}) that are pinned. */
  readonly pinned: ReadonlySet<string>;
  /** A lost team-day stored in the same transaction (the re-plan made for it). */
  readonly lostDay?: LostDayRow;
  /** A move (`figures.change.kind` `move`): the visit moved, where it was and where it went. */
  readonly moved?: { readonly from: VisitKey; readonly to: VisitKey };
  /** When the plan was finished (ISO timestamp), for `runs.finishedAt`; now by default. */
  readonly finishedAt?: string;
  /** Stamps the change in the log; the page's clock by default. */
  readonly clock?: ChangeClock;
}

/**
 * Replaces programme `id`'s plan with `visits` and `figures`, and stores `options.lostDay`, all in one
 * transaction with the change in the log that `figures.change` says: `plan_made` (its figures),
 * `visit_moved` (`options.moved`) or `day_lost` (`options.lostDay`, and how many visits the re-plan
 * moved). On any failure (two visits with one key, storage full) the previous plan is left exactly
 * as it was, and nothing is logged. Throws a `TypeError` (a programmer error) for figures that do
 * not match the schema.
 */
export async function writePlan(
  db: SahajaDatabase,
  id: string,
  visits: readonly PlanVisit[],
  figures: PlanFigures,
  options: WritePlanOptions,
): Promise<PlanStoreResult<StoredPlan>> {
  const checked = planFiguresSchema.safeParse(figures);
  if (!checked.success) {
    const fields = [...new Set(checked.error.issues.map((i) => i.path.join('.')))];
    throw new TypeError(`Invalid plan figures: ${fields.join(', ')}`);
  }
  const rows: VisitRow[] = visits.map((v) => ({
    programmeId: id,
    date: v.date,
    team: v.team,
    npsn: v.npsn,
    wajib: v.wajib,
    dini: v.dini,
    order: v.order,
    pinned: options.pinned.has(visitKeyOf(v)),
  }));
  const change = planChange(checked.data, rows, options);
  try {
    await db.transaction('rw', [db.visits, db.runs, db.lostDays, db.changes], async () => {
      await db.visits.where(':id').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
      // bulkAdd, not bulkPut: two visits with one key are a mistake that aborts the whole write.
      await db.visits.bulkAdd(rows);
      await db.runs.put({
        programmeId: id,
        kind: 'plan',
        finishedAt: options.finishedAt ?? new Date().toISOString(),
        result: checked.data,
      });
      if (options.lostDay) await db.lostDays.put(options.lostDay);
      await recordChange(db, id, change, options.clock);
    });
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
  return readPlan(db, id);
}

/** The change a plan write logs (see {@link writePlan}). */
function planChange(
  figures: PlanFigures,
  visits: readonly VisitRow[],
  options: WritePlanOptions,
): NewChange {
  const { change } = figures;
  const lost = options.lostDay;
  if (change.kind === 'replan' && lost) {
    const payload: DayLostPayload = {
      team: lost.team,
      date: lost.date,
      note: lost.note,
      removed: change.removed.length,
      added: change.added.length,
    };
    return { kind: 'day_lost', payload };
  }
  const moved = options.moved;
  if (change.kind === 'move' && moved) {
    const payload: VisitMovedPayload = {
      npsn: moved.from.npsn,
      from: { date: moved.from.date, team: moved.from.team },
      to: { date: moved.to.date, team: moved.to.team },
    };
    return { kind: 'visit_moved', payload };
  }
  const payload: PlanMadePayload = {
    mode: figures.mode,
    visits: visits.length,
    pinned: visits.filter((v) => v.pinned).length,
    workingDays: figures.workingDays,
    lowerBound: figures.lowerBound,
    gap: figures.gap,
    finish: figures.finish,
  };
  return { kind: 'plan_made', payload };
}

/**
 * Pins or unpins one visit at once, with a `visit_pinned` change in the log. Returns false when the
 * programme has no such visit (the plan was made again meanwhile); nothing is changed or logged then.
 */
export async function setPinned(
  db: SahajaDatabase,
  id: string,
  visit: VisitKey,
  pinned: boolean,
  clock?: ChangeClock,
): Promise<PlanStoreResult<boolean>> {
  try {
    const key: [string, string, string, string] = [id, visit.date, visit.team, visit.npsn];
    const changed = await db.transaction('rw', [db.visits, db.changes], async () => {
      const row = await db.visits.get(key);
      if (!row) return false;
      await db.visits.put({ ...row, pinned });
      const payload: VisitPinnedPayload = {
        date: visit.date,
        team: visit.team,
        npsn: visit.npsn,
        pinned,
      };
      await recordChange(db, id, { kind: 'visit_pinned', payload }, clock);
      return true;
    });
    return { ok: true, value: changed };
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
}

/**
 * Stores a lost team-day on its own (before any plan is made), with a `day_lost` change in the log.
 * Replaces one with the same key.
 */
export async function addLostDay(
  db: SahajaDatabase,
  row: LostDayRow,
  clock?: ChangeClock,
): Promise<PlanStoreResult<void>> {
  try {
    await db.transaction('rw', [db.lostDays, db.changes], async () => {
      await db.lostDays.put(row);
      const payload: DayLostPayload = {
        team: row.team,
        date: row.date,
        note: row.note,
        removed: 0,
        added: 0,
      };
      await recordChange(db, row.programmeId, { kind: 'day_lost', payload }, clock);
    });
    return { ok: true, value: undefined };
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
}

/**
 * Forgets a lost team-day: the team can work that day again, and a `day_restored` change is logged.
 * The plan's visits do not change. A day that is not marked lost changes nothing.
 */
export async function removeLostDay(
  db: SahajaDatabase,
  id: string,
  day: Pick<LostDayRow, 'team' | 'date'>,
  clock?: ChangeClock,
): Promise<PlanStoreResult<void>> {
  try {
    await db.transaction('rw', [db.lostDays, db.changes], async () => {
      const key: [string, string, string] = [id, day.team, day.date];
      if (!(await db.lostDays.get(key))) return;
      await db.lostDays.delete(key);
      const payload: DayRestoredPayload = { team: day.team, date: day.date };
      await recordChange(db, id, { kind: 'day_restored', payload }, clock);
    });
    return { ok: true, value: undefined };
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
}

/**
 * A mark of what a plan's targets come from: the student lists and the registry (their counts and
 * the import log), pemadanan's last run and the review decisions. Any write to them changes the mark,
 * so a plan that keeps the mark it was made with can tell that its targets may have changed. The
 * mark is opaque text: compare marks for equality only. Read in one transaction; an unknown
 * programme has a mark too (of nothing).
 */
export async function readTargetsMark(
  db: SahajaDatabase,
  id: string,
): Promise<PlanStoreResult<string>> {
  const range = [
    [id, Dexie.minKey],
    [id, Dexie.maxKey],
  ] as const;
  try {
    return await db.transaction(
      'r',
      [db.programmes, db.runs, db.decisions, db.duplicateDecisions, db.imports],
      async () => {
        const [programme, matching, decisions, duplicates, imports] = await Promise.all([
          db.programmes.get(id),
          db.runs.get([id, 'matching']),
          db.decisions
            .where(':id')
            .between(...range)
            .toArray(),
          db.duplicateDecisions
            .where(':id')
            .between(...range)
            .toArray(),
          db.imports
            .where(':id')
            .between(...range)
            .toArray(),
        ]);
        const lists = imports.filter((i) => i.kind === 'student' || i.kind === 'resident');
        const mark = [
          `students:${programme?.counts.students ?? 0}`,
          `registry:${programme?.counts.residents ?? 0}`,
          `matching:${matching?.finishedAt ?? ''}`,
          `decisions:${decisions.length}:${latest(decisions.map((d) => d.decidedAt))}`,
          `duplicates:${duplicates.length}:${latest(duplicates.map((d) => d.decidedAt))}`,
          `imports:${lists.length}:${latest(lists.map((i) => i.importedAt))}`,
        ];
        return { ok: true as const, value: mark.join('|') };
      },
    );
  } catch (thrown) {
    return { ok: false, error: storeError(thrown) };
  }
}

/** The latest of ISO timestamps, or `''` for none. */
function latest(times: readonly string[]): string {
  let last = '';
  for (const time of times) if (time > last) last = time;
  return last;
}

/** Visits in date, team and day order. */
export function sortVisits<T extends PlanVisit>(visits: readonly T[]): T[] {
  return [...visits].sort(
    (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team) || a.order - b.order,
  );
}

function storeError(thrown: unknown): StoreError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const inner = (error as Error & { inner?: unknown }).inner;
  const names = [error.name, inner instanceof Error ? inner.name : ''];
  if (names.includes('QuotaExceededError')) return { code: 'quota', message: error.message };
  return { code: 'storage', message: error.message };
}
