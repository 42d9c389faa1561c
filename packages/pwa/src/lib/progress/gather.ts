/**
 * Gathers what the core's `computeProgress` reads from a stored programme: the plan's visits, the
 * schools and their kecamatan, the target students of every school decided exactly as the exports
 * and the visit day decide them (`readSchoolTargets`), the current outcomes from the whole visit-day
 * log, the holidays and today. The reading itself (`readProgressSource`) also serves the mop-up plan.
 * Runs in the worker: 20,000 students are read and decided there.
 */
import type { Message } from '@sahaja/core';
import {
  currentOutcomes,
  type PlannedVisit,
  type ProgressInput,
  type ProgressSchool,
  type TargetStudent,
  type VisitEvent,
} from '@sahaja/core/field';
import type { Holiday } from '../core/types';
import {
  readHolidays,
  readPlan,
  rowsOf,
  type IsoDate,
  type ProgrammeRow,
  type SahajaDatabase,
  type SchoolRow,
  type StoredPlan,
} from '../db';
import { eligibilityPolicy, readSchoolTargets, type SchoolTargets } from '../export/school-targets';
import { readAllEvents } from '../field/visit-data';

/** A programme's progress inputs, and what the dashboard says beside the figures. */
export interface GatheredProgress {
  /** The programme's name. */
  readonly programme: string;
  readonly input: ProgressInput;
  /** The stored schools' names and kecamatan codes, by NPSN. */
  readonly schools: ReadonlyMap<string, { readonly nama: string; readonly kecamatan: string }>;
  /** Whether a visit plan is stored. */
  readonly hasPlan: boolean;
  /** Students of the schools with no category yet (not matched, or waiting for review). */
  readonly pending: number;
  /** Students whose recording stands over later marks (see `currentOutcomes`). */
  readonly conflicts: number;
}

/** Why nothing could be gathered: the programme is gone, or the core refused its settings. */
export type GatherError =
  { readonly code: 'missing' } | { readonly code: 'settings'; readonly localized: Message };

export type GatherResult =
  | { readonly ok: true; readonly value: GatheredProgress }
  | { readonly ok: false; readonly error: GatherError };

/** A school's target students as the exports decide them (names and classes included). */
export type SchoolTargetList = Pick<SchoolTargets, 'npsn' | 'students'>;

/**
 * What a stored programme holds for its progress and its mop-up: the programme, its stored schools,
 * plan (visits and lost days), holidays and visit-day log, and the target students of every school
 * (stored, or visited by the plan), decided as the exports decide them.
 */
export interface ProgressSource {
  readonly programme: ProgrammeRow;
  readonly schoolRows: readonly SchoolRow[];
  readonly plan: StoredPlan;
  readonly holidays: readonly Holiday[];
  readonly events: readonly VisitEvent[];
  /** By school, in the order of the stored schools, then the plan's other schools. */
  readonly targets: readonly SchoolTargetList[];
  /** Students of the schools with no category yet (not matched, or waiting for review). */
  readonly pending: number;
}

/**
 * Reads programme `programmeId`'s {@link ProgressSource}. Returns `missing` or `settings` as values;
 * IndexedDB failures throw (the worker reports them).
 */
export async function readProgressSource(
  db: SahajaDatabase,
  programmeId: string,
): Promise<{ ok: true; value: ProgressSource } | { ok: false; error: GatherError }> {
  const programme = await db.programmes.get(programmeId);
  if (!programme) return { ok: false, error: { code: 'missing' } };
  const policy = eligibilityPolicy(programme.settings);
  if (!policy.ok) return { ok: false, error: { code: 'settings', localized: policy.message } };
  const [schoolRows, plan, holidays, events] = await Promise.all([
    rowsOf(db, 'schools', programmeId).toArray() as Promise<SchoolRow[]>,
    readPlan(db, programmeId),
    readHolidays(db, programmeId),
    readAllEvents(db, programmeId),
  ]);
  if (!plan.ok) throw plan.error;
  if (!holidays.ok) throw holidays.error;
  // The stored schools, and any school the plan visits that is no longer stored (its students may be).
  const npsns = [
    ...new Set([...schoolRows.map((s) => s.npsn), ...plan.value.visits.map((v) => v.npsn)]),
  ];
  const targets: SchoolTargetList[] = [];
  let pending = 0;
  for (const npsn of npsns) {
    const decided = await readSchoolTargets(db, programmeId, npsn, policy.value);
    pending += decided.pending;
    targets.push({ npsn, students: decided.students });
  }
  return {
    ok: true,
    value: {
      programme,
      schoolRows,
      plan: plan.value,
      holidays: holidays.value,
      events,
      targets,
      pending,
    },
  };
}

/**
 * Reads programme `programmeId`'s progress inputs as of `today` (`YYYY-MM-DD`, the laptop's date).
 * A programme without a plan gives no visits (`hasPlan` false); without outcomes, an empty map.
 * Returns `missing` or `settings` as values; IndexedDB failures throw (the worker reports them).
 */
export async function gatherProgress(
  db: SahajaDatabase,
  programmeId: string,
  today: IsoDate,
): Promise<GatherResult> {
  const read = await readProgressSource(db, programmeId);
  if (!read.ok) return read;
  const { programme, schoolRows, plan, holidays, events, pending } = read.value;
  const visits: PlannedVisit[] = plan.visits.map(({ date, team, npsn, wajib, dini }) => ({
    date,
    team,
    npsn,
    wajib,
    dini,
  }));
  const schools: ProgressSchool[] = schoolRows.map(({ npsn, kecamatan }) => ({ npsn, kecamatan }));
  const targets: TargetStudent[] = read.value.targets.flatMap(({ npsn, students }) =>
    students.map((s) => ({ idSiswa: s.idSiswa, npsn, category: s.category })),
  );
  const current = currentOutcomes(events);
  return {
    ok: true,
    value: {
      programme: programme.settings.name,
      input: {
        visits,
        schools,
        targets,
        outcomes: current.outcomes,
        today,
        holidays,
      },
      schools: new Map(schoolRows.map((s) => [s.npsn, { nama: s.nama, kecamatan: s.kecamatan }])),
      hasPlan: visits.length > 0,
      pending,
      conflicts: current.conflicts.length,
    },
  };
}
