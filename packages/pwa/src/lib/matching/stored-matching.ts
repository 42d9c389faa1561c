/**
 * A programme's stored pemadanan as plain data for the matching screen: what is read from IndexedDB,
 * and how a written review change moves it on. Immutable: every change makes new maps and lists.
 */
import {
  compareEvents,
  currentOutcomes,
  isWalkInId,
  liveWalkIns,
  walkInStudent,
  type OutcomeMark,
  type WalkInEvent,
} from '@sahaja/core/field';
import type { Resident, School, StudentMatch, StudentRecord } from '../core/types';
import {
  readDuplicateDecisions,
  readMatches,
  readMatchingRun,
  readReviewDecisions,
  recount,
  rowsOf,
  scanMatches,
  type DecisionRow,
  type DuplicateDecisionRow,
  type MatchingRun,
  type ReviewChange,
  type SahajaDatabase,
  type SchoolRow,
} from '../db';
import { readAllEvents } from '../field/visit-data';
import { pairKey } from './review';

/** A student added at a visit (not on the school's list) and their outcome there. */
export interface WalkInEntry {
  readonly walkIn: WalkInEvent;
  /** The outcome standing for them (`currentOutcomes`), or null when none was marked. */
  readonly outcome: OutcomeMark | null;
}

/** What the matching screen holds of a programme's pemadanan. */
export interface MatchingSnapshot {
  /** The last run's figures, or null when it never ran. */
  readonly run: MatchingRun | null;
  /**
   * The matches a person may look at, by student id: every one but the confident matches (which stay
   * in IndexedDB), plus those other listings name and every walk-in's.
   */
  readonly rows: ReadonlyMap<string, StudentMatch>;
  /** The student rows of those matches, by student id, and every walk-in as a student. */
  readonly students: ReadonlyMap<string, StudentRecord>;
  /** The walk-ins not undone, in the order they were added. */
  readonly walkIns: readonly WalkInEntry[];
  /** The programme's schools, by NPSN. */
  readonly schools: ReadonlyMap<string, School>;
  readonly decisions: readonly DecisionRow[];
  readonly duplicateDecisions: readonly DuplicateDecisionRow[];
  /** Which student holds each NIK as COCOK, confident matches included. */
  readonly cocok: ReadonlyMap<string, string>;
}

/** Matches read per step on the page (see `readSnapshot`). */
const PAGE_READ_CHUNK = 500;

/** The snapshot of a programme with nothing read yet. */
export const EMPTY_SNAPSHOT: MatchingSnapshot = {
  run: null,
  rows: new Map(),
  students: new Map(),
  walkIns: [],
  schools: new Map(),
  decisions: [],
  duplicateDecisions: [],
  cocok: new Map(),
};

/**
 * Reads programme `programmeId`'s stored pemadanan: the run, the matches a chunk at a time (confident
 * matches only noted by NIK), the decisions, the students and schools they name, and the walk-ins
 * with their outcomes from the visit-day log.
 */
export async function readSnapshot(
  db: SahajaDatabase,
  programmeId: string,
): Promise<MatchingSnapshot> {
  const run = await readMatchingRun(db, programmeId);
  const rows = new Map<string, StudentMatch>();
  const cocok = new Map<string, string>();
  await scanMatches(
    db,
    programmeId,
    (chunk) => {
      for (const m of chunk) {
        if (m.status === 'COCOK' && m.nik) cocok.set(m.nik, m.idSiswa);
        if (m.reason !== 'confident' || m.duplicateOf !== '' || isWalkInId(m.idSiswa)) {
          rows.set(m.idSiswa, m);
        }
      }
    },
    // The page reads this right after a run, and IndexedDB hands a step's rows over in one task:
    // the largest read the page makes then. The office-path test saw tasks of 110–185 ms during
    // pemadanan with steps of 2,000 (its bound is 200 ms).
    { chunkSize: PAGE_READ_CHUNK },
  );
  const [decisions, duplicateDecisions] = await Promise.all([
    readReviewDecisions(db, programmeId),
    readDuplicateDecisions(db, programmeId),
  ]);
  // The listings that others name, and both sides of decided pairs, are shown too.
  const named = new Set<string>();
  for (const m of rows.values()) if (m.duplicateOf) named.add(m.duplicateOf);
  for (const d of duplicateDecisions) named.add(d.idSiswa).add(d.duplicateOf);
  const missing = [...named].filter((id) => !rows.has(id));
  for (const m of await readMatches(db, programmeId, missing)) if (m) rows.set(m.idSiswa, m);
  const students = await readStudents(
    db,
    programmeId,
    [...rows.keys()].filter((id) => !isWalkInId(id)),
  );
  const events = await readAllEvents(db, programmeId);
  const { outcomes } = currentOutcomes(events);
  const walkIns = liveWalkIns(events)
    .sort(compareEvents)
    .map((walkIn): WalkInEntry => {
      students.set(walkIn.id, walkInStudent(walkIn));
      return { walkIn, outcome: outcomes.get(walkIn.id) ?? null };
    });
  // A walk-in undone since the run describes no one now.
  const live = new Set(walkIns.map((entry) => entry.walkIn.id));
  for (const id of rows.keys()) if (isWalkInId(id) && !live.has(id)) rows.delete(id);
  const schoolRows: SchoolRow[] = await rowsOf(db, 'schools', programmeId).toArray();
  const schools = new Map(
    schoolRows.map(({ programmeId: _programmeId, ...school }) => [school.npsn, school] as const),
  );
  return { run, rows, students, walkIns, schools, decisions, duplicateDecisions, cocok };
}

/** These students' rows, by id (a student no longer stored is left out). */
export async function readStudents(
  db: SahajaDatabase,
  programmeId: string,
  ids: readonly string[],
): Promise<Map<string, StudentRecord>> {
  const found = await db.students.bulkGet(ids.map((id) => [programmeId, id]));
  const students = new Map<string, StudentRecord>();
  for (const row of found) {
    if (!row) continue;
    const { programmeId: _programmeId, ...student } = row;
    students.set(student.idSiswa, student);
  }
  return students;
}

/**
 * `known` with the registry people of `niks` it lacks read in (null for an NIK the registry does not
 * have); `known` itself when nothing was missing.
 */
export async function withResidents(
  db: SahajaDatabase,
  programmeId: string,
  known: ReadonlyMap<string, Resident | null>,
  niks: readonly string[],
): Promise<ReadonlyMap<string, Resident | null>> {
  const wanted = [...new Set(niks)].filter((nik) => nik !== '' && !known.has(nik));
  if (wanted.length === 0) return known;
  const found = await db.residents.bulkGet(wanted.map((nik) => [programmeId, nik]));
  const residents = new Map(known);
  wanted.forEach((nik, k) => {
    const row = found[k];
    if (!row) residents.set(nik, null);
    else {
      const { programmeId: _programmeId, ...resident } = row;
      residents.set(nik, resident);
    }
  });
  return residents;
}

/**
 * The snapshot after `change` was written: the changed matches, the NIKs held as COCOK, the decisions
 * (removed and put) and the run's counts. `students` adds the rows of students new to the snapshot.
 */
export function withChange(
  snapshot: MatchingSnapshot,
  change: ReviewChange,
  students: ReadonlyMap<string, StudentRecord> = new Map(),
): MatchingSnapshot {
  const rows = new Map(snapshot.rows);
  const cocok = new Map(snapshot.cocok);
  for (const { before, after } of change.matches) {
    rows.set(after.idSiswa, after);
    if (before.status === 'COCOK' && cocok.get(before.nik) === before.idSiswa) {
      cocok.delete(before.nik);
    }
    if (after.status === 'COCOK' && after.nik) cocok.set(after.nik, after.idSiswa);
  }
  const decisionKey = (d: { idSiswa: string; nik: string }) => `${d.idSiswa}\u0000${d.nik}`;
  const replaced = new Set([...change.deleteDecisions, ...change.putDecisions].map(decisionKey));
  const pairs = new Set(
    [...change.deleteDuplicateDecisions, ...change.putDuplicateDecisions].map((d) =>
      pairKey(d.idSiswa, d.duplicateOf),
    ),
  );
  return {
    ...snapshot,
    rows,
    cocok,
    students: students.size > 0 ? new Map([...snapshot.students, ...students]) : snapshot.students,
    decisions: [
      ...snapshot.decisions.filter((d) => !replaced.has(decisionKey(d))),
      ...change.putDecisions,
    ],
    duplicateDecisions: [
      ...snapshot.duplicateDecisions.filter((d) => !pairs.has(pairKey(d.idSiswa, d.duplicateOf))),
      ...change.putDuplicateDecisions,
    ],
    run: snapshot.run && {
      ...snapshot.run,
      summary: recount(snapshot.run.summary, change.matches),
    },
  };
}

/** No registry people read yet. */
export const NO_RESIDENTS: ReadonlyMap<string, Resident | null> = new Map();

/** The system clock, as the screens' classes take it (a test passes its own). */
export function systemNow(): Date {
  return new Date();
}
