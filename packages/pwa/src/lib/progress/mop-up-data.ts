/**
 * Reads what the mop-up plan is made from: the stored programme's schools, teams, holidays, plan and
 * target students (as the progress dashboard reads them, `readProgressSource`) and the standing
 * outcomes of its whole visit-day log. Runs in the worker, next to the data.
 */
import { currentOutcomes } from '@sahaja/core/field';
import { readTeams, type SahajaDatabase, type StoredSchool } from '../db';
import { readProgressSource, type GatherError } from './gather';
import type { MopUpInput } from './mop-up';

/**
 * Programme `programmeId`'s {@link MopUpInput}. Returns `missing` (no such programme) or `settings`
 * (the core refused its eligibility settings) as values; IndexedDB failures throw.
 */
export async function gatherMopUp(
  db: SahajaDatabase,
  programmeId: string,
): Promise<{ ok: true; value: MopUpInput } | { ok: false; error: GatherError }> {
  const read = await readProgressSource(db, programmeId);
  if (!read.ok) return read;
  const teams = await readTeams(db, programmeId);
  if (!teams.ok) throw teams.error;
  const { programme, schoolRows, plan, holidays, events, targets } = read.value;
  const schools: StoredSchool[] = schoolRows.map(
    ({ programmeId: _programmeId, ...school }) => school,
  );
  return {
    ok: true,
    value: {
      programme: programme.settings.name,
      settings: programme.settings,
      schools,
      teams: teams.value,
      holidays,
      plan: { visits: plan.visits, lostDays: plan.lostDays },
      targets,
      outcomes: currentOutcomes(events).outcomes,
    },
  };
}
