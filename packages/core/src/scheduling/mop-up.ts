/**
 * Mop-up after visits (SPEC §5): students who were absent, or whose capture failed, still need
 * recording. A school with enough of them gets a follow-up visit, planned like any other; the students
 * of a school with only a few are referred to the office (or the kecamatan's service point), which is
 * cheaper than sending a team.
 */
import type { Team } from '../domain/records.js';
import { planVisits } from './planner.js';
import type { Plan, PlanCalendar, PlanOptions, PlanSchool } from './types.js';

/** What happened to one target student at a visit. */
export type VisitOutcome = 'recorded' | 'absent' | 'refused' | 'failed' | 'not_eligible';

/** One student's outcome. */
export interface StudentOutcome {
  readonly idSiswa: string;
  readonly npsn: string;
  readonly category: 'WAJIB' | 'REKAM_DINI';
  readonly outcome: VisitOutcome;
}

/** Options of {@link planMopUp}. */
export interface MopUpOptions extends PlanOptions {
  /** A school with at least this many students to catch up gets a follow-up visit (default 15). */
  readonly minForVisit?: number | undefined;
}

/** Students referred to the office, by school. */
export interface Referral {
  readonly npsn: string;
  readonly students: readonly {
    readonly idSiswa: string;
    readonly category: 'WAJIB' | 'REKAM_DINI';
  }[];
}

/** The follow-up visits and the referrals. */
export interface MopUp {
  readonly followUp: Plan;
  readonly referrals: readonly Referral[];
  /** Students refusing recording, by school: neither visited again nor referred, but reported. */
  readonly refused: readonly Referral[];
}

/** Students who still need recording: absent or capture failed. */
const needsRecording = (o: VisitOutcome): boolean => o === 'absent' || o === 'failed';

/**
 * Plans the mop-up from visit outcomes: follow-up visits (from `calendar.start`) for schools with at
 * least `minForVisit` students still to record, referrals for the rest. A school in the outcomes that
 * is not in `schools` is referred, as no team can be sent there. Does not modify its inputs.
 */
export function planMopUp(
  outcomes: readonly StudentOutcome[],
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
  options: MopUpOptions = {},
): MopUp {
  const minForVisit = options.minForVisit ?? 15;
  if (!Number.isInteger(minForVisit) || minForVisit < 1)
    throw new RangeError(`minForVisit must be a whole number ≥ 1, got ${minForVisit}`);
  const bySchool = new Map<string, StudentOutcome[]>();
  const refusedBySchool = new Map<string, StudentOutcome[]>();
  for (const o of outcomes) {
    const target = needsRecording(o.outcome)
      ? bySchool
      : o.outcome === 'refused'
        ? refusedBySchool
        : undefined;
    if (!target) continue;
    const list = target.get(o.npsn) ?? [];
    list.push(o);
    target.set(o.npsn, list);
  }
  const known = new Map(schools.map((s) => [s.npsn, s]));
  const visit: PlanSchool[] = [];
  const referrals: Referral[] = [];
  for (const npsn of [...bySchool.keys()].sort()) {
    const list = bySchool.get(npsn) ?? [];
    const school = known.get(npsn);
    if (school && list.length >= minForVisit) {
      visit.push({
        ...school,
        jumlahWajib: list.filter((o) => o.category === 'WAJIB').length,
        jumlahDini: list.filter((o) => o.category === 'REKAM_DINI').length,
      });
    } else {
      referrals.push({
        npsn,
        students: list.map((o) => ({ idSiswa: o.idSiswa, category: o.category })),
      });
    }
  }
  const followUp = planVisits(visit, teams, calendar, options);
  const refused = [...refusedBySchool.keys()].sort().map((npsn) => ({
    npsn,
    students: (refusedBySchool.get(npsn) ?? []).map((o) => ({
      idSiswa: o.idSiswa,
      category: o.category,
    })),
  }));
  return { followUp, referrals, refused };
}
