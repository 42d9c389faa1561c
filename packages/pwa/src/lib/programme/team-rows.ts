/**
 * Recording teams as typed in the set-up form, and the checks that turn them into teams: a name unique
 * within the programme, the number of recording sets and the students one set records in a day.
 */
import type { Team } from '../core/types';
import { wholeNumber, type FieldError, type FieldErrors } from './form';
import type { DraftRow, ListCheck } from './record-list.svelte';
import {
  SET_CAPACITY_RANGE,
  SETS_RANGE,
  TEAM_NAME_MAX_LENGTH,
  teamKey,
  teamSchema,
} from './records';

/** A team as typed. */
export interface TeamDraft extends DraftRow {
  tim: string;
  jumlahAlat: string;
  kapasitasPerAlat: string;
}

export type TeamField = 'tim' | 'jumlahAlat' | 'kapasitasPerAlat';

/** The students a team as typed records in a day, or null while a number is not valid. */
export function dailyCapacity(
  row: Pick<TeamDraft, 'jumlahAlat' | 'kapasitasPerAlat'>,
): number | null {
  const sets = wholeNumber(row.jumlahAlat);
  const perSet = wholeNumber(row.kapasitasPerAlat);
  if (sets === undefined || perSet === undefined || !(sets >= 1) || !(perSet >= 1)) return null;
  return sets * perSet;
}

/**
 * Checks every team as typed: names filled in and not repeated (case and spacing ignored; the later
 * row is flagged), whole numbers within bounds. Does not modify `rows`.
 */
export function checkTeams(rows: readonly TeamDraft[]): ListCheck<TeamField, Team> {
  const errors: Record<number, FieldErrors<TeamField>> = {};
  const teams: Team[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const rowErrors: FieldErrors<TeamField> = {};
    const parsed = teamSchema.safeParse({
      tim: row.tim,
      jumlahAlat: wholeNumber(row.jumlahAlat),
      kapasitasPerAlat: wholeNumber(row.kapasitasPerAlat),
    });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0] as TeamField;
      rowErrors[field] ??= teamFieldError(field, issue.code, row[field].trim() === '');
    }
    const key = teamKey(row.tim);
    if (!rowErrors.tim && seen.has(key)) {
      rowErrors.tim = { key: 'programme.error.teamRepeated', params: { name: row.tim.trim() } };
    }
    seen.add(key);
    if (Object.keys(rowErrors).length > 0) errors[row.key] = rowErrors;
    else if (parsed.success) teams.push(parsed.data);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: teams };
}

function teamFieldError(field: TeamField, code: string, blank: boolean): FieldError {
  if (field === 'tim') {
    return blank
      ? { key: 'programme.error.teamNameRequired' }
      : { key: 'programme.error.teamNameTooLong', params: { max: TEAM_NAME_MAX_LENGTH } };
  }
  if (blank) return { key: 'programme.error.required' };
  if (code === 'invalid_type') return { key: 'programme.error.wholeNumber' };
  const bounds = field === 'jumlahAlat' ? SETS_RANGE : SET_CAPACITY_RANGE;
  return {
    key: field === 'jumlahAlat' ? 'programme.error.sets' : 'programme.error.setCapacity',
    params: { min: bounds.min, max: bounds.max },
  };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Teams in the database's key order (by name, as IndexedDB compares strings). */
export function teamsInKeyOrder(teams: readonly Team[]): Team[] {
  return [...teams].sort((a, b) => byCodeUnits(a.tim, b.tim));
}

/** The name for a new team: `Tim n` with the first number no team of `names` uses (case ignored). */
export function nextTeamName(names: readonly string[]): string {
  const taken = new Set(names.map(teamKey));
  let n = 1;
  while (taken.has(teamKey(`Tim ${n}`))) n += 1;
  return `Tim ${n}`;
}
