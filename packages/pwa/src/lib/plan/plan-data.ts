/**
 * Between the stored plan and the core's planner: the request the worker plans from (programme settings,
 * schools with their targets, teams, holidays, pinned visits, lost days), the plan the core re-plans
 * from (stored visits and figures), and the figures stored from a plan the core made.
 */
import type { PinnedVisit, Plan, PlanMode, PlanRequest, PlanSchool, Visit } from '@sahaja/core';
import type { Holiday, Team } from '../core/types';
import {
  visitKeyOf,
  type LostDayRow,
  type PlanBasis,
  type PlanFigures,
  type StoredSchool,
  type VisitRow,
} from '../db';
import type { ProgrammeSettings } from '../programme/settings';

/** Students to plan at one school. */
export interface SchoolTargetCount {
  readonly npsn: string;
  readonly wajib: number;
  readonly dini: number;
}

/**
 * The planner's schools: each school with targets, as it stands now (travel, blackout days,
 * coordinates when it has both) with its counts. A target whose school was removed is planned with its
 * NPSN as name and no travel known, so that its visits are never silently dropped.
 */
export function planSchools(
  targets: readonly SchoolTargetCount[],
  schools: readonly StoredSchool[],
): PlanSchool[] {
  const byNpsn = new Map(schools.map((s) => [s.npsn, s]));
  return targets.map((t) => {
    const school = byNpsn.get(t.npsn);
    const latitude = school?.latitude;
    const longitude = school?.longitude;
    return {
      npsn: t.npsn,
      nama: school?.nama ?? t.npsn,
      kecamatan: school?.kecamatan ?? '',
      waktuTempuhMenit: school?.waktuTempuhMenit ?? 0,
      jumlahWajib: t.wajib,
      jumlahDini: t.dini,
      tanggalTidakBisa: school?.tanggalTidakBisa ?? [],
      // A school created from a student list has no coordinates: travel then comes from its minutes.
      ...(latitude !== undefined && longitude !== undefined && { latitude, longitude }),
    };
  });
}

/** What the worker plans from: the settings' calendar, the records and the user's placements. */
export function planRequest(
  settings: ProgrammeSettings,
  records: {
    readonly schools: readonly PlanSchool[];
    readonly teams: readonly Team[];
    readonly holidays: readonly Holiday[];
  },
  placements: {
    readonly mode: PlanMode;
    readonly pinned: readonly PinnedVisit[];
    readonly lostDays: readonly Pick<LostDayRow, 'team' | 'date'>[];
  },
): PlanRequest {
  return {
    schools: records.schools,
    teams: records.teams,
    holidays: records.holidays,
    start: settings.start,
    end: settings.end,
    dayMinutes: settings.dayMinutes,
    fridayMinutes: settings.fridayMinutes,
    mode: placements.mode,
    pinned: placements.pinned,
    lostDays: placements.lostDays.map((d) => ({ team: d.team, date: d.date })),
  };
}

/** A stored visit as the core sees it. */
export function visitOf(row: VisitRow): Visit {
  return {
    date: row.date,
    team: row.team,
    npsn: row.npsn,
    wajib: row.wajib,
    dini: row.dini,
    order: row.order,
  };
}

/** The pinned visits among the stored ones, as the planner takes them. */
export function pinnedVisits(rows: readonly VisitRow[]): PinnedVisit[] {
  return rows
    .filter((r) => r.pinned)
    .map((r) => ({ date: r.date, team: r.team, npsn: r.npsn, wajib: r.wajib, dini: r.dini }));
}

/** The keys ({@link visitKeyOf}) of the pinned visits among the stored ones. */
export function pinnedKeys(rows: readonly VisitRow[]): Set<string> {
  return new Set(rows.filter((r) => r.pinned).map(visitKeyOf));
}

/**
 * The pinned visits of `rows` that the new `plan` still holds as they were (not released), and the
 * `moved` visit when a person just placed it.
 */
export function pinnedAfter(
  rows: readonly VisitRow[],
  plan: Pick<Plan, 'visits' | 'released'>,
  moved?: Pick<VisitRow, 'date' | 'team' | 'npsn'>,
): Set<string> {
  const present = new Set(plan.visits.map(visitKeyOf));
  const released = new Set(plan.released.map((r) => visitKeyOf(r.visit)));
  const keys = new Set([...pinnedKeys(rows)].filter((k) => present.has(k) && !released.has(k)));
  if (moved) keys.add(visitKeyOf(moved));
  return keys;
}

/** Now, as an ISO timestamp. */
export function isoNow(): string {
  return new Date().toISOString();
}

/** The stored plan as the core re-plans it. */
export function storedPlan(rows: readonly VisitRow[], figures: PlanFigures): Plan {
  return {
    visits: rows.map(visitOf),
    workingDays: figures.workingDays,
    workingDaysWajib: figures.workingDaysWajib,
    lowerBound: figures.lowerBound,
    lowerBoundWajib: figures.lowerBoundWajib,
    finish: figures.finish ?? undefined,
    finishWajib: figures.finishWajib ?? undefined,
    teams: figures.teams,
    visitsPerSchool: figures.visitsPerSchool,
    unserved: figures.unserved,
    earliestEnd: figures.earliestEnd ?? undefined,
    released: [],
  };
}

/** What the figures keep beside the plan's own: how and when it was made, and from what. */
export interface FiguresContext {
  readonly mode: PlanMode;
  readonly madeAt: string;
  readonly settings: ProgrammeSettings;
  readonly targets: readonly SchoolTargetCount[];
  readonly pending: PlanFigures['pending'];
  readonly change: PlanFigures['change'];
  /** What it was made from (`staleness.ts`); a move or re-plan keeps the plan's (none: unknown). */
  readonly basis: PlanBasis | undefined;
}

/**
 * The figures after a change to a stored plan (a moved visit, or a re-plan after a lost day): the new
 * plan's figures, keeping what the stored plan was made for and from (its order, when it was made, its
 * targets, the students not yet in it, its basis).
 */
export function changedFigures(
  plan: Plan,
  previous: PlanFigures,
  settings: ProgrammeSettings,
  change: PlanFigures['change'],
): PlanFigures {
  const { mode, madeAt, targets, pending, basis } = previous;
  return figuresOf(plan, { mode, madeAt, settings, targets, pending, change, basis });
}

/** The figures to store for a plan the core made. */
export function figuresOf(plan: Plan, context: FiguresContext): PlanFigures {
  const { settings } = context;
  return {
    mode: context.mode,
    madeAt: context.madeAt,
    start: settings.start,
    end: settings.end,
    dayMinutes: settings.dayMinutes,
    fridayMinutes: settings.fridayMinutes,
    workingDays: plan.workingDays,
    workingDaysWajib: plan.workingDaysWajib,
    lowerBound: plan.lowerBound,
    lowerBoundWajib: plan.lowerBoundWajib,
    gap: plan.workingDays - plan.lowerBound,
    finish: plan.finish ?? null,
    finishWajib: plan.finishWajib ?? null,
    visitsPerSchool: plan.visitsPerSchool,
    teams: plan.teams.map((t) => ({ ...t })),
    unserved: plan.unserved.map((u) => ({ ...u })),
    earliestEnd: plan.earliestEnd ?? null,
    targets: context.targets.map((t) => ({ npsn: t.npsn, wajib: t.wajib, dini: t.dini })),
    pending: context.pending,
    released: plan.released.map((r) => ({
      visit: r.visit,
      issues: r.issues.map((i) => ({ code: i.code, message: i.message })),
    })),
    change: context.change,
    ...(context.basis && { basis: context.basis }),
  };
}
