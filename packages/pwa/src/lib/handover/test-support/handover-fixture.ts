/**
 * A stored programme for the handover tests: the export tests' programme (REKAM_DINI students S02 and
 * S03 at school A and S12 at school B, born 17 August 2006; WAJIB students such as S01), S03 born
 * 5 October 2006 instead, and visit-day events added as each test needs them. Generated data only.
 */
import type { OutcomeMark, UndoEvent, VisitEvent, VisitOutcome } from '@sahaja/core/field';
import type { SahajaDatabase } from '../../db';
import {
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  storeExportProgramme,
} from '../../export/test-support/export-fixture';

export { PROGRAMME_ID, SCHOOL_A, SCHOOL_B };

/** S03's registry record (NIK of the fixture's third student). */
const S03_NIK = '3506170108000003';

/** The 17th birthdays: S02 and S12 on 17 August 2023, S03 on 5 October 2023. */
export const SEVENTEENTH = { S02: '2023-08-17', S03: '2023-10-05', S12: '2023-08-17' } as const;

/** Where each student was visited. */
const SCHOOL_OF: Readonly<Record<string, string>> = {
  S01: SCHOOL_A.npsn,
  S02: SCHOOL_A.npsn,
  S03: SCHOOL_A.npsn,
  S05: SCHOOL_A.npsn,
  S12: SCHOOL_B.npsn,
  S13: SCHOOL_B.npsn,
};

/** The timestamp `minute` minutes after 08:00 UTC on 16 January 2023. */
export const at = (minute: number): string =>
  new Date(Date.parse('2023-01-16T08:00:00Z') + minute * 60_000).toISOString();

/** A mark of `idSiswa` at their school's visit of 16 January 2023. */
export function mark(
  id: string,
  idSiswa: string,
  outcome: VisitOutcome,
  minute: number,
): OutcomeMark {
  return {
    id,
    at: at(minute),
    kind: 'mark',
    visit: { date: '2023-01-16', team: 'Tim 1', npsn: SCHOOL_OF[idSiswa] ?? SCHOOL_A.npsn },
    idSiswa,
    outcome,
    ...(outcome === 'failed' || outcome === 'not_eligible' ? { reason: 'sidik jari' } : {}),
  };
}

/** An undo of visit event `undoes`. */
export const undo = (id: string, undoes: string, minute: number): UndoEvent => ({
  id,
  at: at(minute),
  kind: 'undo',
  undoes,
});

/** Stores the programme (S03 born 5 October 2006) and `events` in the visit-day log. */
export async function storeHandoverProgramme(
  db: SahajaDatabase,
  events: readonly VisitEvent[] = [],
): Promise<void> {
  await storeExportProgramme(db);
  await db.residents.update([PROGRAMME_ID, S03_NIK], { tanggalLahir: '2006-10-05' });
  await addVisitEvents(db, events);
}

/** Adds `events` to the stored visit-day log. */
export async function addVisitEvents(
  db: SahajaDatabase,
  events: readonly VisitEvent[],
): Promise<void> {
  // An undo is filed under the visit of the action it takes back, as the visit screen stores it.
  const visitOf = (id: string) => {
    const target = events.find((e) => e.id === id);
    if (!target || target.kind === 'undo') throw new Error(`no action ${id} to undo`);
    return target.visit;
  };
  await db.visitEvents.bulkAdd(
    events.map((e) =>
      e.kind === 'undo'
        ? { ...e, programmeId: PROGRAMME_ID, visit: visitOf(e.undoes) }
        : { ...e, programmeId: PROGRAMME_ID },
    ),
  );
}

/** Recorded: S01 (WAJIB), S02, S03, S12 (REKAM_DINI). Absent: S13 (WAJIB). */
export const RECORDINGS: readonly VisitEvent[] = [
  mark('m1', 'S01', 'recorded', 1),
  mark('m2', 'S02', 'recorded', 2),
  mark('m3', 'S03', 'recorded', 3),
  mark('m4', 'S12', 'recorded', 4),
  mark('m5', 'S13', 'absent', 5),
];
