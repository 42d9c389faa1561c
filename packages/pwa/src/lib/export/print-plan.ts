/**
 * What the printouts hold, from the stored plan (a few hundred visits, read on the page): the
 * schools that get a letter, in the order of their first visit, and a team's visit days. The pages
 * themselves are made in the worker, a few at a time (see `PrintJob`).
 */
import { readPlan, type SahajaDatabase, type VisitRow } from '../db';

/** Why there is nothing to print: no plan, the school has no visit, the team has no visit day. */
export type NothingToPrint = 'no_plan' | 'no_visit' | 'no_days';

/** The keys of the pages to print, or why there are none; `storage` when the plan cannot be read. */
export type PrintKeys =
  | { readonly ok: true; readonly keys: readonly string[] }
  | { readonly ok: false; readonly reason: NothingToPrint }
  | { readonly ok: false; readonly reason: 'storage'; readonly message: string };

/** The NPSNs of the schools the plan visits, by first visit (date, team, place in the day). */
export function schoolsByFirstVisit(visits: readonly VisitRow[]): string[] {
  const sorted = [...visits].sort(
    (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team) || a.order - b.order,
  );
  return [...new Set(sorted.map((v) => v.npsn))];
}

/** The teams with a visit, in name order (numbers compared as numbers: Tim 2 before Tim 10). */
export function teamsOf(visits: readonly VisitRow[]): string[] {
  return [...new Set(visits.map((v) => v.team))].sort((a, b) =>
    a.localeCompare(b, 'id', { numeric: true }),
  );
}

/** Team `team`'s visit days, in date order. */
export function datesOf(visits: readonly VisitRow[], team: string): string[] {
  return [...new Set(visits.filter((v) => v.team === team).map((v) => v.date))].sort();
}

/**
 * The letters to print: school `npsn`'s, or every school the plan visits. Nothing when there is no
 * plan, or the school has no visit.
 */
export async function letterKeys(
  db: SahajaDatabase,
  programmeId: string,
  npsn: string | null,
): Promise<PrintKeys> {
  const plan = await readPlan(db, programmeId);
  if (!plan.ok) return { ok: false, reason: 'storage', message: plan.error.message };
  const schools = schoolsByFirstVisit(plan.value.visits);
  if (schools.length === 0) return { ok: false, reason: 'no_plan' };
  if (npsn === null) return { ok: true, keys: schools };
  return schools.includes(npsn) ? { ok: true, keys: [npsn] } : { ok: false, reason: 'no_visit' };
}

/**
 * The day sheets to print: team `team`'s day `date`, or all its visit days. Nothing when there is no
 * plan, or the team has no visit that day (or none at all).
 */
export async function daySheetKeys(
  db: SahajaDatabase,
  programmeId: string,
  team: string,
  date: string | null,
): Promise<PrintKeys> {
  const plan = await readPlan(db, programmeId);
  if (!plan.ok) return { ok: false, reason: 'storage', message: plan.error.message };
  if (plan.value.visits.length === 0) return { ok: false, reason: 'no_plan' };
  const dates = datesOf(plan.value.visits, team).filter((d) => date === null || d === date);
  return dates.length === 0 ? { ok: false, reason: 'no_days' } : { ok: true, keys: dates };
}
