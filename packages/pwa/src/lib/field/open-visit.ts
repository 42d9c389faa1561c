/**
 * Opening a visit from its address (`/visit?date=…&team=…&npsn=…`): the planned visit, its school's
 * list decided with the programme's settings, and every event already stored at the school.
 */
import type { Message } from '@sahaja/core';
import type { VisitEvent, VisitKey } from '@sahaja/core/field';
import type { ProgrammeRow, SahajaDatabase } from '../db';
import { eligibilityPolicy } from '../export/school-targets';
import { readSchoolEvents, readVisitList, type DayVisitRow, type VisitList } from './visit-data';

/** A visit ready to work on. */
export interface OpenedVisit {
  readonly visit: DayVisitRow;
  readonly list: VisitList;
  readonly log: readonly VisitEvent[];
}

/** Why a visit could not be opened. */
export type OpenVisitError =
  { readonly kind: 'not_planned' } | { readonly kind: 'settings'; readonly message: Message };

/** Reads visit `key` of `programme`, or says why there is none to open. */
export async function openVisit(
  db: SahajaDatabase,
  programme: ProgrammeRow,
  key: VisitKey,
): Promise<{ ok: true; value: OpenedVisit } | { ok: false; error: OpenVisitError }> {
  const row = await db.visits.get([programme.id, key.date, key.team, key.npsn]);
  if (!row) return { ok: false, error: { kind: 'not_planned' } };
  const policy = eligibilityPolicy(programme.settings);
  if (!policy.ok) return { ok: false, error: { kind: 'settings', message: policy.message } };
  const [school, list, log] = await Promise.all([
    db.schools.get([programme.id, key.npsn]),
    readVisitList(db, programme.id, key.npsn, policy.value),
    readSchoolEvents(db, programme.id, key.npsn),
  ]);
  return {
    ok: true,
    value: { visit: { ...row, schoolName: school?.nama ?? key.npsn }, list, log },
  };
}
