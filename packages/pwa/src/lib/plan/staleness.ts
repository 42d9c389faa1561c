/**
 * Whether a stored plan is out of date. A plan keeps what it was made from (its basis: settings,
 * teams, holidays, the planned schools' visit details and a mark of the student lists, registry,
 * pemadanan and review); the programme as it is now is compared with it. Deciding it by comparison
 * rather than by a flag each save sets means every way of changing the programme counts — the setup
 * screens, imports, the settings form, another tab — and a change that is undone counts no more.
 */
import type { Holiday, Team } from '../core/types';
import type { PlanBasis, PlanFigures, StoredSchool } from '../db';
import type { ProgrammeSettings } from '../programme/settings';
import type { SchoolTargetCount } from './plan-data';

/** The programme as it is now, as far as a plan depends on it. */
export interface PlanInputs {
  readonly settings: ProgrammeSettings;
  readonly schools: readonly StoredSchool[];
  readonly teams: readonly Team[];
  readonly holidays: readonly Holiday[];
  /** `readTargetsMark`'s mark of the lists, registry, pemadanan and review. */
  readonly targetsMark: string;
}

/**
 * Why a stored plan is out of date, in the order the screen says them:
 * - `calendar`: the first or last day, or the hours of a day, changed;
 * - `policy`: the reference date, minimum age or area changed (the targets may differ);
 * - `students`: student lists, the registry, pemadanan or review decisions changed since;
 * - `teams`: a team was added, removed or given other sets or capacity;
 * - `holidays`: a holiday was added or removed;
 * - `schools`: planned schools whose kecamatan, travel time, blackout days or coordinates changed,
 *   or that are no longer in the list (by NPSN);
 * - `unknown`: the plan was stored before the app kept what it was made from.
 */
export type StaleReason =
  | { readonly kind: 'calendar' | 'policy' | 'students' | 'teams' | 'holidays' | 'unknown' }
  | { readonly kind: 'schools'; readonly npsns: readonly string[] };

/** What a plan made now from `inputs` for `targets` is made from, to store with it. */
export function planBasis(inputs: PlanInputs, targets: readonly SchoolTargetCount[]): PlanBasis {
  const byNpsn = new Map(inputs.schools.map((s) => [s.npsn, s]));
  return {
    referenceDate: inputs.settings.referenceDate,
    minimumAge: inputs.settings.minimumAge,
    regions: sorted(inputs.settings.regions),
    teams: teamsOf(inputs.teams),
    holidays: holidayDates(inputs.holidays),
    schools: targets
      .map((t) => byNpsn.get(t.npsn))
      .filter((s): s is StoredSchool => s !== undefined)
      .map(schoolBasis)
      .sort((a, b) => a.npsn.localeCompare(b.npsn)),
    targetsMark: inputs.targetsMark,
  };
}

/**
 * Why the plan with `figures` is out of date against the programme as it is now (`inputs`); empty
 * when it is not. Does not modify its arguments.
 */
export function staleReasons(figures: PlanFigures, inputs: PlanInputs): StaleReason[] {
  const { settings } = inputs;
  const reasons: StaleReason[] = [];
  if (
    figures.start !== settings.start ||
    figures.end !== settings.end ||
    figures.dayMinutes !== settings.dayMinutes ||
    figures.fridayMinutes !== settings.fridayMinutes
  ) {
    reasons.push({ kind: 'calendar' });
  }
  const basis = figures.basis;
  if (!basis) return [...reasons, { kind: 'unknown' }];
  if (
    basis.referenceDate !== settings.referenceDate ||
    basis.minimumAge !== settings.minimumAge ||
    !sameList(basis.regions, sorted(settings.regions))
  ) {
    reasons.push({ kind: 'policy' });
  }
  if (basis.targetsMark !== inputs.targetsMark) reasons.push({ kind: 'students' });
  if (!sameTeams(basis.teams, teamsOf(inputs.teams))) reasons.push({ kind: 'teams' });
  if (!sameList(basis.holidays, holidayDates(inputs.holidays))) reasons.push({ kind: 'holidays' });
  const now = new Map(inputs.schools.map((s) => [s.npsn, s]));
  const changed = basis.schools
    .filter((was) => {
      const school = now.get(was.npsn);
      return !school || !sameSchool(was, schoolBasis(school));
    })
    .map((s) => s.npsn);
  if (changed.length > 0) reasons.push({ kind: 'schools', npsns: changed });
  return reasons;
}

/** The teams as a plan depends on them, in name order. */
function teamsOf(teams: readonly Team[]): PlanBasis['teams'] {
  return teams
    .map((t) => ({ tim: t.tim, jumlahAlat: t.jumlahAlat, kapasitasPerAlat: t.kapasitasPerAlat }))
    .sort((a, b) => a.tim.localeCompare(b.tim));
}

function holidayDates(holidays: readonly Holiday[]): string[] {
  return sorted([...new Set(holidays.map((h) => h.tanggal))]);
}

/** A school's details that a plan depends on (coordinates: both or neither). */
function schoolBasis(school: StoredSchool): PlanBasis['schools'][number] {
  const located = school.latitude !== undefined && school.longitude !== undefined;
  return {
    npsn: school.npsn,
    kecamatan: school.kecamatan,
    waktuTempuhMenit: school.waktuTempuhMenit,
    tanggalTidakBisa: sorted([...new Set(school.tanggalTidakBisa)]),
    latitude: located ? (school.latitude ?? null) : null,
    longitude: located ? (school.longitude ?? null) : null,
  };
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameTeams(a: PlanBasis['teams'], b: PlanBasis['teams']): boolean {
  return (
    a.length === b.length &&
    a.every((team, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        team.tim === other.tim &&
        team.jumlahAlat === other.jumlahAlat &&
        team.kapasitasPerAlat === other.kapasitasPerAlat
      );
    })
  );
}

function sameSchool(a: PlanBasis['schools'][number], b: PlanBasis['schools'][number]): boolean {
  return (
    a.npsn === b.npsn &&
    a.kecamatan === b.kecamatan &&
    a.waktuTempuhMenit === b.waktuTempuhMenit &&
    sameList(a.tanggalTidakBisa, b.tanggalTidakBisa) &&
    a.latitude === b.latitude &&
    a.longitude === b.longitude
  );
}
