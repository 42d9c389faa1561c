/**
 * The progress dashboard's figures: the core's `computeProgress` over the gathered inputs, with the
 * names people read (schools, kecamatan). Plain data, so the worker can send it to the page; the
 * screen and the workbook both show exactly these figures.
 */
import {
  computeProgress,
  type DayProgress,
  type KecamatanProgress,
  type SchoolProgress,
  type TeamProgress,
  type TotalProgress,
} from '@sahaja/core/field';
import type { IsoDate } from '../db';
import { kecamatanLabel } from '../export/schedule';
import type { GatheredProgress } from './gather';
import { defaultMopUpStart, type MopUpStart } from './mop-up';

/** A school's figures with its name and its kecamatan as people read it. */
export interface SchoolProgressRow extends SchoolProgress {
  /** The stored name; the NPSN when the school is no longer stored. */
  readonly nama: string;
  /** The kecamatan's name (else its code); empty when unknown. */
  readonly kecamatanName: string;
}

/** A kecamatan's figures with its name. */
export interface KecamatanProgressRow extends KecamatanProgress {
  /** Its name (else its code); empty when unknown. */
  readonly name: string;
}

/** Everything the progress screen and its workbook show. */
export interface ProgressDashboard {
  readonly programme: string;
  readonly today: IsoDate;
  /** False when no visit plan is stored: the screen then sends the user to make one. */
  readonly hasPlan: boolean;
  /** False until some target student has an outcome: every figure but the plan's is zero. */
  readonly marked: boolean;
  readonly total: TotalProgress;
  /** Every day with a planned visit or a marked target, in order. */
  readonly days: readonly DayProgress[];
  /** By name; schools without a planned visit last (`team` undefined). */
  readonly teams: readonly TeamProgress[];
  /** By code; schools missing from the stored schools last (`kecamatan` undefined). */
  readonly kecamatan: readonly KecamatanProgressRow[];
  /** By NPSN (the screen sorts them as the user asks). */
  readonly schools: readonly SchoolProgressRow[];
  /** Outcomes of students who are not targets (walk-ins waiting for matching, others). */
  readonly untracked: number;
  /** Students with no category yet: not counted as targets. */
  readonly pending: number;
  /** Students whose recording stands over later marks. */
  readonly conflicts: number;
  /** The start the mop-up form proposes: the next working day after the last visit or today. */
  readonly mopUpStart: MopUpStart;
}

/**
 * Computes the dashboard from gathered inputs. Throws the core's `RangeError` only for a programmer
 * error (a date that is not `YYYY-MM-DD`, a negative planned count); does not modify `gathered`.
 */
export function progressDashboard(gathered: GatheredProgress): ProgressDashboard {
  const progress = computeProgress(gathered.input);
  const { total } = progress;
  return {
    programme: gathered.programme,
    today: progress.today,
    hasPlan: gathered.hasPlan,
    marked: total.targets - total.unmarked > 0,
    total,
    days: progress.days,
    teams: progress.teams,
    kecamatan: progress.kecamatan.map((row) => ({
      ...row,
      name: row.kecamatan === undefined ? '' : kecamatanLabel(row.kecamatan),
    })),
    schools: progress.schools.map((row) => ({
      ...row,
      nama: gathered.schools.get(row.npsn)?.nama ?? row.npsn,
      kecamatanName: row.kecamatan === undefined ? '' : kecamatanLabel(row.kecamatan),
    })),
    untracked: progress.untracked,
    pending: gathered.pending,
    conflicts: gathered.conflicts,
    mopUpStart: defaultMopUpStart(
      total.plannedFinish,
      progress.today,
      gathered.input.holidays ?? [],
    ),
  };
}
