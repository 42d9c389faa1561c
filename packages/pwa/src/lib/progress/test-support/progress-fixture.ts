/**
 * A stored programme for the progress tests: the export tests' three schools and students (targets
 * decided by pemadanan as there), with school B moved to another kecamatan and a plan of two teams,
 * and builders of visit-day events stored through the same checked path as the visit screen's.
 */
import type { VisitEvent, VisitKey, VisitOutcome } from '@sahaja/core/field';
import { writePlan, type PlanVisit, type SahajaDatabase } from '../../db';
import {
  planFigures,
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeExportProgramme,
} from '../../export/test-support/export-fixture';
import { appendVisitEvent } from '../../field/visit-data';

export { PROGRAMME_ID, SCHOOL_A, SCHOOL_B, SCHOOL_C };

/** School B's kecamatan (A's is 35.06.17; C has none). */
export const KECAMATAN_B = '35.06.01';

/**
 * The target students as pemadanan decides them in the export fixture (written out here, not read
 * back, so that a test can count on its own): id, school, category.
 */
export const TARGETS: readonly (readonly [string, string, 'WAJIB' | 'REKAM_DINI'])[] = [
  ['S01', SCHOOL_A.npsn, 'WAJIB'],
  ['S02', SCHOOL_A.npsn, 'REKAM_DINI'],
  ['S03', SCHOOL_A.npsn, 'REKAM_DINI'],
  ['S10', SCHOOL_A.npsn, 'WAJIB'],
  ['S11', SCHOOL_A.npsn, 'WAJIB'],
  ['S12', SCHOOL_B.npsn, 'REKAM_DINI'],
  ['S13', SCHOOL_B.npsn, 'WAJIB'],
];

/** The plan: Tim 1 at school A on two days, Tim 2 at school B, both on Monday 16 January 2023. */
export const PLAN: readonly PlanVisit[] = [
  { date: '2023-01-16', team: 'Tim 1', npsn: SCHOOL_A.npsn, wajib: 3, dini: 0, order: 0 },
  { date: '2023-01-17', team: 'Tim 1', npsn: SCHOOL_A.npsn, wajib: 0, dini: 2, order: 0 },
  { date: '2023-01-16', team: 'Tim 2', npsn: SCHOOL_B.npsn, wajib: 1, dini: 1, order: 0 },
];

export const A1: VisitKey = { date: '2023-01-16', team: 'Tim 1', npsn: SCHOOL_A.npsn };
export const A2: VisitKey = { date: '2023-01-17', team: 'Tim 1', npsn: SCHOOL_A.npsn };
export const B1: VisitKey = { date: '2023-01-16', team: 'Tim 2', npsn: SCHOOL_B.npsn };

/** Stores the programme; with `plan: false`, without a visit plan. */
export async function storeProgressProgramme(
  db: SahajaDatabase,
  options: { readonly plan?: boolean; readonly matches?: boolean } = {},
): Promise<void> {
  await storeExportProgramme(db, {
    plan: false,
    ...(options.matches !== undefined && { matches: options.matches }),
  });
  await db.schools.update([PROGRAMME_ID, SCHOOL_B.npsn], { kecamatan: KECAMATAN_B });
  if (options.plan === false) return;
  const written = await writePlan(db, PROGRAMME_ID, PLAN, planFigures({ finish: '2023-01-17' }), {
    pinned: new Set(),
  });
  if (!written.ok) throw new Error(`plan not stored: ${written.error.message}`);
}

/** A visit-day log being written: each event is checked by the core and stored, or the test fails. */
export class EventLog {
  readonly events: VisitEvent[] = [];
  readonly #db: SahajaDatabase;
  #n = 0;

  constructor(db: SahajaDatabase) {
    this.#db = db;
  }

  /** `minute` minutes after 08:00 (UTC) on the visit's day. */
  static at(visit: VisitKey, minute: number): string {
    return new Date(Date.parse(`${visit.date}T08:00:00Z`) + minute * 60_000).toISOString();
  }

  async mark(
    visit: VisitKey,
    idSiswa: string,
    outcome: VisitOutcome,
    minute: number,
  ): Promise<string> {
    const reason =
      outcome === 'failed' || outcome === 'not_eligible' ? { reason: 'sidik jari' } : {};
    return this.#add({ kind: 'mark', visit, idSiswa, outcome, ...reason }, visit, minute);
  }

  async undo(undoes: string, visit: VisitKey, minute: number): Promise<string> {
    return this.#add({ kind: 'undo', undoes }, visit, minute);
  }

  async walkIn(visit: VisitKey, minute: number): Promise<string> {
    return this.#add({ kind: 'walk_in', visit, nama: 'Siswa Susulan' }, visit, minute);
  }

  async #add(fields: Record<string, unknown>, visit: VisitKey, minute: number): Promise<string> {
    const id = `${fields['kind'] === 'walk_in' ? 'walkin:' : 'e'}${String(++this.#n).padStart(3, '0')}`;
    const input = { id, at: EventLog.at(visit, minute), device: 'laptop-1', ...fields };
    const stored = await appendVisitEvent(this.#db, PROGRAMME_ID, input, this.events, visit);
    if (!stored.ok) throw new Error(`event ${id} refused: ${JSON.stringify(stored.error)}`);
    this.events.push(stored.event);
    return id;
  }
}
