/**
 * The walk-ins as the matching screen lists them: a student added at a visit, where pemadanan placed
 * them, and what the office still has to do (run pemadanan again, review a candidate, tell the family
 * to register, or decide a second listing).
 */
import type { OutcomeMark } from '@sahaja/core/field';
import type { School, StudentMatch } from '../core/types';
import type { WalkInEntry } from './stored-matching';

/**
 * Where a walk-in stands: `unmatched` when the last run did not include them (added or merged in
 * since), `duplicate` when pemadanan takes them for a student on a list, else the match's status.
 */
export type WalkInState = 'unmatched' | 'duplicate' | StudentMatch['status'];

export const WALK_IN_STATES: readonly WalkInState[] = [
  'unmatched',
  'PERLU_REVIEW',
  'duplicate',
  'TIDAK_COCOK',
  'COCOK',
];

export interface WalkInRow {
  readonly id: string;
  readonly nama: string;
  readonly kelas: string;
  readonly npsn: string;
  /** The school's name, or its NPSN when the programme no longer has it. */
  readonly school: string;
  readonly visitDate: string;
  readonly team: string;
  readonly outcome: OutcomeMark | null;
  readonly state: WalkInState;
  /** The match of the last run, or null when it did not include them. */
  readonly match: StudentMatch | null;
}

/**
 * One row per walk-in, in the order they were added, with the state of its match in `rows` (the
 * snapshot's matches, which hold every walk-in's).
 */
export function walkInRows(
  entries: readonly WalkInEntry[],
  rows: ReadonlyMap<string, StudentMatch>,
  schools: ReadonlyMap<string, School>,
): WalkInRow[] {
  return entries.map(({ walkIn, outcome }) => {
    const match = rows.get(walkIn.id) ?? null;
    return {
      id: walkIn.id,
      nama: walkIn.nama,
      kelas: walkIn.kelas ?? '',
      npsn: walkIn.visit.npsn,
      school: schools.get(walkIn.visit.npsn)?.nama ?? walkIn.visit.npsn,
      visitDate: walkIn.visit.date,
      team: walkIn.visit.team,
      outcome,
      state: stateOf(match),
      match,
    };
  });
}

function stateOf(match: StudentMatch | null): WalkInState {
  if (!match) return 'unmatched';
  if (match.duplicateOf !== '') return 'duplicate';
  return match.status;
}

/** How many walk-ins are in each state. */
export function walkInCounts(rows: readonly WalkInRow[]): Record<WalkInState, number> {
  const counts = Object.fromEntries(WALK_IN_STATES.map((s) => [s, 0])) as Record<
    WalkInState,
    number
  >;
  for (const row of rows) counts[row.state]++;
  return counts;
}
