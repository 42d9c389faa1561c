/**
 * The visit plan screen's state and work: the active programme's stored plan, and making it (eligibility
 * → targets → the planner in the worker → one write), pinning, moving and re-planning after a lost day.
 * Every change is checked by the core and stored whole; a refused or failed change leaves the stored
 * plan as it was. Whether the stored plan is out of date (`stale`) is decided in `staleness.ts`.
 */
import type { Message, PlanMode, Visit } from '@sahaja/core';
import type { CoreClient } from '../core/core-client.svelte';
import type { Holiday, Team } from '../core/types';
import {
  addLostDay,
  readPlan,
  readRecords,
  readTargetsMark,
  removeLostDay,
  setPinned,
  visitKeyOf,
  writePlan,
  type LostDayRow,
  type PlanFigures,
  type ProgrammeRow,
  type SahajaDatabase,
  type StoreError,
  type StoredPlan,
  type StoredSchool,
  type VisitKey,
  type VisitRow,
} from '../db';
import {
  evaluateProgramme,
  schoolTargets,
  type EligibilityProgress,
} from '../eligibility/programme';
import {
  changedFigures,
  figuresOf,
  isoNow,
  pinnedAfter,
  pinnedVisits,
  planRequest,
  planSchools,
  storedPlan,
  type SchoolTargetCount,
} from './plan-data';
import { planBasis, staleReasons, type PlanInputs, type StaleReason } from './staleness';
import { isoDate } from '../programme/settings';

/** Where the screen stands. `reading` to `storing` are the steps of making a plan. */
export type PlanStage =
  'idle' | 'loading' | 'ready' | 'reading' | 'eligibility' | 'planning' | 'storing' | 'failed';

/** The steps of making a plan, in order. */
export const PLAN_STEPS = ['reading', 'eligibility', 'planning', 'storing'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/** A change in progress on the stored plan (one at a time). */
export type PlanAction = 'pin' | 'move' | 'lost' | 'unlost';

/**
 * Why something did not happen; the stored plan is unchanged. `detail` is the core's or the storage's
 * own words (the same text in both languages when it has only one).
 */
export interface PlanError {
  readonly code:
    | 'storage'
    | 'quota'
    | 'internal'
    | 'settings'
    | 'request'
    | 'no_team'
    | 'no_targets'
    | 'no_plan'
    | 'missing_visit'
    | 'lost_team'
    | 'lost_date'
    | 'lost_exists';
  readonly detail: Message | null;
}

/** What the last action did, for the screen to say. */
export type PlanNotice =
  | { readonly kind: 'planned'; readonly visits: number; readonly pinned: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'pinned'; readonly visit: VisitKey; readonly pinned: boolean }
  | { readonly kind: 'moved'; readonly visit: Visit }
  | {
      readonly kind: 'replanned';
      readonly day: Pick<LostDayRow, 'team' | 'date'>;
      readonly removed: number;
      readonly added: number;
    }
  | { readonly kind: 'lostStored'; readonly day: Pick<LostDayRow, 'team' | 'date'> }
  | { readonly kind: 'lostRemoved'; readonly day: Pick<LostDayRow, 'team' | 'date'> };

/** Progress of making a plan: the step (1–4) and, while reading, rows read. */
export interface PlanProgress {
  readonly step: PlanStep;
  readonly index: number;
  readonly done: number;
  readonly total: number;
}

export interface PlanManagerDependencies {
  readonly core: CoreClient;
  readonly db: () => SahajaDatabase;
  /** Marks work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
  /** The current time (ISO timestamp); tests fix it. */
  readonly now?: () => string;
}

const same = (text: string): Message => ({ id: text, en: text });
const messageOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown);

export class PlanManager {
  stage = $state<PlanStage>('idle');
  /** The programme whose plan is shown. */
  programme = $state.raw<ProgrammeRow | null>(null);
  visits = $state.raw<readonly VisitRow[]>([]);
  figures = $state.raw<PlanFigures | null>(null);
  lostDays = $state.raw<readonly LostDayRow[]>([]);
  schools = $state.raw<readonly StoredSchool[]>([]);
  teams = $state.raw<readonly Team[]>([]);
  holidays = $state.raw<readonly Holiday[]>([]);
  error = $state.raw<PlanError | null>(null);
  notice = $state.raw<PlanNotice | null>(null);
  /** Why the last move was refused: every reason, in both languages; null when none was refused. */
  refusal = $state.raw<readonly Message[] | null>(null);
  /** The change being stored, or null. */
  action = $state<PlanAction | null>(null);
  /** What the last notice or error is about: making the plan, or a change (the screen shows it there). */
  origin = $state<PlanAction | 'generate' | null>(null);
  /** The key ({@link visitKeyOf}) of the visit open for pinning or moving, or null. */
  selected = $state<string | null>(null);
  #readProgress = $state.raw<EligibilityProgress | null>(null);
  /** The mark of the lists, registry, pemadanan and review as last read (`readTargetsMark`). */
  #targetsMark = $state<string | null>(null);

  /** Making a plan (steps 1–4). */
  readonly generating = $derived(
    (PLAN_STEPS as readonly string[]).includes(this.stage) || this.stage === 'loading',
  );
  /** Nothing else may start: a plan is being made, or a change stored. */
  readonly busy = $derived(this.generating || this.action !== null);
  readonly hasPlan = $derived(this.figures !== null && this.visits.length > 0);
  readonly pinnedCount = $derived(this.visits.filter((v) => v.pinned).length);
  /**
   * Why the stored plan is out of date — settings, teams, holidays, planned schools or the students
   * changed since it was made (see {@link StaleReason}); empty when it is not, or there is no plan.
   * Follows the programme's settings at once; the records as last read (on opening and on making).
   */
  readonly stale = $derived.by((): readonly StaleReason[] => {
    const inputs = this.#inputs();
    return this.hasPlan && this.figures && inputs ? staleReasons(this.figures, inputs) : [];
  });
  /** The visit open for pinning or moving; null when none is, or it is no longer in the plan. */
  readonly selectedVisit = $derived(
    this.selected === null
      ? null
      : (this.visits.find((v) => visitKeyOf(v) === this.selected) ?? null),
  );
  readonly #names = $derived(Object.fromEntries(this.schools.map((s) => [s.npsn, s.nama])));
  readonly progress = $derived.by((): PlanProgress | null => {
    const index = (PLAN_STEPS as readonly string[]).indexOf(this.stage);
    if (index < 0) return null;
    const read = this.stage === 'eligibility' ? this.#readProgress : null;
    return {
      step: this.stage as PlanStep,
      index: index + 1,
      done: read?.done ?? 0,
      total: read?.total ?? 0,
    };
  });

  #deps: PlanManagerDependencies;
  #abort: AbortController | null = null;
  /** Counts programme switches: work begun for another programme drops its outcome. */
  #generation = 0;

  constructor(deps: PlanManagerDependencies) {
    this.#deps = deps;
  }

  /** A school's name for people (its NPSN when the school is no longer in the list). */
  schoolName(npsn: string): string {
    return this.#names[npsn] ?? npsn;
  }

  /** Opens a visit for pinning or moving. */
  select(visit: VisitKey | null): void {
    this.selected = visit ? visitKeyOf(visit) : null;
    this.refusal = null;
  }

  /**
   * Follows the active programme: its stored plan is read when it is another programme; the same
   * programme with changed settings is only taken in (the next change uses them).
   */
  async show(programme: ProgrammeRow): Promise<void> {
    if (this.programme?.id === programme.id && this.stage !== 'idle') {
      this.programme = programme;
      return;
    }
    await this.load(programme);
  }

  /** Shows `programme`'s stored plan, its lost days and the records the screen names. */
  async load(programme: ProgrammeRow): Promise<void> {
    this.cancel();
    this.#generation += 1;
    const generation = this.#generation;
    this.programme = programme;
    this.stage = 'loading';
    this.error = null;
    this.notice = null;
    this.refusal = null;
    this.selected = null;
    this.visits = [];
    this.figures = null;
    this.lostDays = [];
    this.#targetsMark = null;
    const loaded = await this.#readAll(programme.id);
    if (generation !== this.#generation) return;
    if (!loaded.ok) return this.#failPlan(loaded.error);
    this.stage = 'ready';
  }

  /**
   * Makes the plan again from the stored matches (eligibility decides the targets), keeping the pinned
   * visits and avoiding lost days, and stores it in place of the previous one. Does nothing while other
   * work runs. A failure or a cancel leaves the stored plan as it was.
   */
  async generate(mode: PlanMode): Promise<void> {
    const programme = this.programme;
    if (this.busy || !programme) return;
    const generation = this.#generation;
    const release = this.#deps.hold?.() ?? (() => {});
    const abort = new AbortController();
    this.#abort = abort;
    this.origin = 'generate';
    this.error = null;
    this.notice = null;
    this.refusal = null;
    this.#readProgress = null;
    try {
      this.stage = 'reading';
      const loaded = await this.#readAll(programme.id);
      if (generation !== this.#generation) return;
      if (abort.signal.aborted) return this.#cancelled();
      if (!loaded.ok) return this.#failPlan(loaded.error);
      if (!this.teams.some((t) => t.jumlahAlat * t.kapasitasPerAlat > 0)) {
        return this.#failPlan({ code: 'no_team', detail: null });
      }

      this.stage = 'eligibility';
      const eligibility = await evaluateProgramme(
        { core: this.#deps.core, db: this.#deps.db },
        programme,
        {
          signal: abort.signal,
          onProgress: (progress) => {
            this.#readProgress = progress;
          },
        },
      );
      if (generation !== this.#generation) return;
      if (!eligibility.ok) {
        const { code, message } = eligibility.error;
        if (code === 'cancelled') return this.#cancelled();
        return this.#failPlan({ code, detail: eligibility.error.localized ?? same(message) });
      }
      const { counts } = eligibility.value;
      const pending = { notMatched: counts.pendingMatch, review: counts.pendingReview };
      const targets: SchoolTargetCount[] = schoolTargets(eligibility.value, this.schools)
        .filter((t) => t.jumlahWajib + t.jumlahDini > 0)
        .map((t) => ({ npsn: t.npsn, wajib: t.jumlahWajib, dini: t.jumlahDini }));
      if (targets.length === 0) {
        const waiting = pending.notMatched + pending.review;
        return this.#failPlan({ code: 'no_targets', detail: same(String(waiting)) });
      }

      this.stage = 'planning';
      // What this plan is made from: the records and the mark read in step 1, and its settings.
      const inputs = this.#inputs(programme);
      const pinned = pinnedVisits(this.visits);
      const request = planRequest(
        programme.settings,
        { schools: planSchools(targets, this.schools), teams: this.teams, holidays: this.holidays },
        { mode, pinned, lostDays: this.lostDays },
      );
      const called = await this.#deps.core.planVisits(request);
      if (generation !== this.#generation) return;
      if (!called.ok) {
        if (called.error.code === 'cancelled') return this.#cancelled();
        return this.#failPlan({ code: 'internal', detail: same(called.error.message) });
      }
      if (!called.value.ok) {
        return this.#failPlan({ code: 'request', detail: called.value.issues[0].message });
      }
      const plan = called.value.value;
      if (abort.signal.aborted) return this.#cancelled();

      this.stage = 'storing';
      const now = this.#now();
      const keep = pinnedAfter(this.visits, plan);
      const figures = figuresOf(plan, {
        mode,
        madeAt: now,
        settings: programme.settings,
        targets,
        pending,
        change: { kind: 'plan', at: now, removed: [], added: [], lostDay: null },
        basis: inputs ? planBasis(inputs, targets) : undefined,
      });
      const written = await writePlan(this.#deps.db(), programme.id, plan.visits, figures, {
        pinned: keep,
        finishedAt: now,
      });
      if (generation !== this.#generation) return;
      if (!written.ok) return this.#failPlan(written.error);
      this.#show(written.value);
      this.notice = { kind: 'planned', visits: plan.visits.length, pinned: keep.size };
      this.stage = 'ready';
    } catch (thrown) {
      if (generation !== this.#generation) return;
      this.#failPlan({ code: 'internal', detail: same(messageOf(thrown)) });
    } finally {
      if (this.#abort === abort) this.#abort = null;
      release();
    }
  }

  /** Stops making a plan; the stored plan stays as it was. */
  cancel(): void {
    if (!this.generating || !this.#abort) return;
    this.#abort.abort();
    if (this.stage === 'eligibility' || this.stage === 'planning') this.#deps.core.cancel();
  }

  /** Pins or unpins one visit, stored at once: a pinned visit stays where it is when the plan is made again. */
  async setPinned(visit: VisitKey, pinned: boolean): Promise<void> {
    const programme = this.programme;
    if (this.busy || !programme) return;
    await this.#change('pin', async (stale) => {
      const stored = await setPinned(this.#deps.db(), programme.id, visit, pinned);
      if (stale()) return;
      if (!stored.ok) return this.#fail(stored.error);
      if (!stored.value) return this.#fail({ code: 'missing_visit', detail: null });
      const key = visitKeyOf(visit);
      this.visits = this.visits.map((v) => (visitKeyOf(v) === key ? { ...v, pinned } : v));
      this.notice = { kind: 'pinned', visit, pinned };
    });
  }

  /**
   * Moves a visit to another day and/or team when the core finds that it breaks no constraint; the
   * moved visit is then pinned (a person placed it) and the plan stored with its new figures. A refused
   * move sets `refusal` to every reason and changes nothing. Returns whether the visit moved.
   */
  async move(
    visit: VisitKey,
    to: { readonly date: string; readonly team: string },
  ): Promise<boolean> {
    const programme = this.programme;
    const figures = this.figures;
    if (this.busy || !programme) return false;
    this.refusal = null;
    if (!figures) {
      this.origin = 'move';
      this.error = { code: 'no_plan', detail: null };
      return false;
    }
    let moved = false;
    await this.#change('move', async (stale) => {
      const request = this.#request(programme, figures, this.lostDays);
      const called = await this.#deps.core.moveVisit(
        storedPlan(this.visits, figures),
        visit,
        to,
        request,
      );
      if (stale()) return;
      if (!called.ok) return this.#fail({ code: 'internal', detail: same(called.error.message) });
      if (!called.value.ok) {
        this.refusal = called.value.issues.map((i) => i.message);
        return;
      }
      const result = called.value.value;
      // The moved visit is where a person put it: pinned.
      const pinned = pinnedAfter(this.visits, result.plan, result.moved);
      const now = this.#now();
      const next = changedFigures(result.plan, figures, programme.settings, {
        kind: 'move',
        at: now,
        removed: [...result.removed],
        added: [...result.added],
        lostDay: null,
      });
      const written = await writePlan(this.#deps.db(), programme.id, result.plan.visits, next, {
        pinned,
        moved: { from: visit, to: result.moved },
        finishedAt: now,
      });
      if (stale()) return;
      if (!written.ok) return this.#fail(written.error);
      this.#show(written.value);
      this.selected = visitKeyOf(result.moved);
      this.notice = { kind: 'moved', visit: result.moved };
      moved = true;
    });
    return moved;
  }

  /**
   * Marks a team-day lost (equipment failure, illness) with a note, and re-plans: the visits of that
   * day move, everything else stays (pinned visits too, unless they were on that day). The lost day
   * and the new plan are stored together. Without a plan the lost day is only stored; the next plan
   * avoids it.
   */
  async markLost(team: string, date: string, note: string): Promise<void> {
    const programme = this.programme;
    if (this.busy || !programme) return;
    this.origin = 'lost';
    this.error = null;
    this.notice = null;
    if (!this.teams.some((t) => t.tim === team)) {
      this.error = { code: 'lost_team', detail: same(team) };
      return;
    }
    if (!isoDate.safeParse(date).success) {
      this.error = { code: 'lost_date', detail: same(date) };
      return;
    }
    if (this.lostDays.some((d) => d.team === team && d.date === date)) {
      this.error = { code: 'lost_exists', detail: null };
      return;
    }
    const day = { team, date };
    const row: LostDayRow = { programmeId: programme.id, team, date, note: note.trim() };
    const figures = this.figures;
    await this.#change('lost', async (stale) => {
      if (!figures || this.visits.length === 0) {
        const stored = await addLostDay(this.#deps.db(), row);
        if (stale()) return;
        if (!stored.ok) return this.#fail(stored.error);
        this.lostDays = [...this.lostDays, row].sort(
          (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team),
        );
        this.notice = { kind: 'lostStored', day };
        return;
      }
      const lostDays = [...this.lostDays, row];
      const request = this.#request(programme, figures, lostDays);
      const called = await this.#deps.core.replanVisits(storedPlan(this.visits, figures), request, {
        lostDays: [day],
      });
      if (stale()) return;
      if (!called.ok) return this.#fail({ code: 'internal', detail: same(called.error.message) });
      if (!called.value.ok) {
        return this.#fail({ code: 'request', detail: called.value.issues[0].message });
      }
      const result = called.value.value;
      const now = this.#now();
      const next = changedFigures(result.plan, figures, programme.settings, {
        kind: 'replan',
        at: now,
        removed: [...result.removed],
        added: [...result.added],
        lostDay: day,
      });
      const pinned = pinnedAfter(this.visits, result.plan);
      const written = await writePlan(this.#deps.db(), programme.id, result.plan.visits, next, {
        pinned,
        lostDay: row,
        finishedAt: now,
      });
      if (stale()) return;
      if (!written.ok) return this.#fail(written.error);
      this.#show(written.value);
      this.notice = {
        kind: 'replanned',
        day,
        removed: result.removed.length,
        added: result.added.length,
      };
    });
  }

  /** Forgets a lost team-day; the plan does not change (make it again to use the day). */
  async removeLost(day: Pick<LostDayRow, 'team' | 'date'>): Promise<void> {
    const programme = this.programme;
    if (this.busy || !programme) return;
    await this.#change('unlost', async (stale) => {
      const removed = await removeLostDay(this.#deps.db(), programme.id, day);
      if (stale()) return;
      if (!removed.ok) return this.#fail(removed.error);
      this.lostDays = this.lostDays.filter((d) => !(d.team === day.team && d.date === day.date));
      this.notice = { kind: 'lostRemoved', day: { team: day.team, date: day.date } };
    });
  }

  /** Forgets the reasons of a refused move (the user chose another day). */
  clearRefusal(): void {
    this.refusal = null;
  }

  /** The request for a change of the stored plan: its targets with the records as they are now. */
  #request(programme: ProgrammeRow, figures: PlanFigures, lostDays: readonly LostDayRow[]) {
    return planRequest(
      programme.settings,
      {
        schools: planSchools(figures.targets, this.schools),
        teams: this.teams,
        holidays: this.holidays,
      },
      { mode: figures.mode, pinned: pinnedVisits(this.visits), lostDays },
    );
  }

  /**
   * Runs one change of the stored plan; `stale()` says the screen moved to another programme meanwhile
   * (the change is stored, but its outcome no longer shown).
   */
  async #change(action: PlanAction, work: (stale: () => boolean) => Promise<void>): Promise<void> {
    const generation = this.#generation;
    const stale = () => generation !== this.#generation;
    const release = this.#deps.hold?.() ?? (() => {});
    this.action = action;
    this.origin = action;
    this.error = null;
    this.notice = null;
    try {
      await work(stale);
    } catch (thrown) {
      if (!stale()) this.#fail({ code: 'internal', detail: same(messageOf(thrown)) });
    } finally {
      this.action = null;
      release();
    }
  }

  async #readAll(id: string): Promise<{ ok: true } | { ok: false; error: StoreError }> {
    const db = this.#deps.db();
    const records = await readRecords(db, id, ['schools', 'teams', 'holidays']);
    if (!records.ok) return records;
    const plan = await readPlan(db, id);
    if (!plan.ok) return plan;
    const mark = await readTargetsMark(db, id);
    if (!mark.ok) return mark;
    this.#targetsMark = mark.value;
    this.schools = records.value.schools;
    this.teams = [...records.value.teams].sort((a, b) => a.tim.localeCompare(b.tim));
    this.holidays = records.value.holidays;
    this.#show(plan.value);
    return { ok: true };
  }

  /** The programme as last read, as far as a plan depends on it; null before the first read. */
  #inputs(programme = this.programme): PlanInputs | null {
    const targetsMark = this.#targetsMark;
    if (!programme || targetsMark === null) return null;
    const { schools, teams, holidays } = this;
    return { settings: programme.settings, schools, teams, holidays, targetsMark };
  }

  #show(plan: StoredPlan): void {
    this.visits = plan.visits;
    this.figures = plan.figures;
    this.lostDays = plan.lostDays;
  }

  #now(): string {
    return this.#deps.now?.() ?? isoNow();
  }

  #cancelled(): void {
    this.stage = 'ready';
    this.notice = { kind: 'cancelled' };
  }

  /** A change failed: says why; the stored plan is as it was. */
  #fail(error: PlanError | StoreError): void {
    this.error =
      'message' in error
        ? { code: error.code === 'quota' ? 'quota' : 'storage', detail: same(error.message) }
        : error;
  }

  /** Making (or reading) the plan failed, or was cancelled. */
  #failPlan(error: PlanError | StoreError): void {
    if ('message' in error && error.code === 'cancelled') return this.#cancelled();
    this.#fail(error);
    this.stage = 'failed';
  }
}
