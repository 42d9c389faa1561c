/**
 * The mop-up plan (SPEC §5, issue 8) as the progress screen shows it: the target students whose
 * standing outcome is absent or capture failed still need recording; a school with at least
 * `minForVisit` of them gets a follow-up visit, planned by the core's `planMopUp` with the plan's
 * schools, teams and calendar; the others are referred to the office; refusals are reported. Pure
 * functions on gathered data (see `mop-up-data.ts` for the reading), run in the worker.
 */
import {
  addWorkingDays,
  formatIsoDate,
  parseIsoDate,
  planMopUp,
  readPlanRequest,
  workingCalendar,
  type Message,
  type PlanRequestIssueCode,
  type StudentOutcome,
  type Unserved,
} from '@sahaja/core';
import { studentOutcomes, type MarkedOutcome, type TargetStudent } from '@sahaja/core/field';
import type { Holiday, Team } from '../core/types';
import type { IsoDate, LostDayRow, StoredSchool, VisitRow } from '../db';
import { kecamatanLabel } from '../export/schedule';
import { planRequest, planSchools } from '../plan/plan-data';
import type { ProgrammeSettings } from '../programme/settings';
import type { SchoolTargetList } from './gather';
import { progressText, type ProgressKey } from './text';

/** The core's default: a school with at least this many students to catch up gets a visit. */
export const DEFAULT_MIN_FOR_VISIT = 15;

/** What the user chooses: the first day of follow-up visits, and the threshold for a visit. */
export interface MopUpChoice {
  readonly start: IsoDate;
  readonly minForVisit: number;
}

/**
 * Why no mop-up plan was made: a field of the form (`start`, `minForVisit`), or the programme's
 * teams, schools or holidays as the planner reads them (`setup`: e.g. no team can record anyone).
 */
export type MopUpIssueCode = MopUpFieldIssueCode | PlanRequestIssueCode;

/** Why a field of the form is refused. */
type MopUpFieldIssueCode = 'start_missing' | 'start_invalid' | 'min_missing' | 'min_invalid';

/** One reason, naming the field, in both UI languages. */
export interface MopUpIssue {
  readonly field: 'start' | 'minForVisit' | 'setup';
  readonly code: MopUpIssueCode;
  readonly message: Message;
}

/** A mop-up outcome: the value, or every reason it was refused. */
export type MopUpResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [MopUpIssue, ...MopUpIssue[]] };

const ID = progressText('id');
const EN = progressText('en');

/** A form issue, its message naming the field by its label in each language. */
function fieldIssue(
  field: 'start' | 'minForVisit',
  code: MopUpFieldIssueCode,
  value: string,
): MopUpIssue {
  const label: ProgressKey = field === 'start' ? 'progress.mopUp.start' : 'progress.mopUp.min';
  const key = `progress.mopUp.issue.${code}` as ProgressKey;
  return {
    field,
    code,
    message: {
      id: ID.t(key, { field: ID.t(label), value }),
      en: EN.t(key, { field: EN.t(label), value }),
    },
  };
}

/**
 * Reads the form's choice: `start` must be a real `YYYY-MM-DD` date and `minForVisit` a whole number
 * of at least 1 (a number, or digits as text). Every problem is an issue naming its field; never
 * throws.
 *
 * @example readMopUpChoice({ start: '2023-01-19', minForVisit: 15 }) // ok
 * @example readMopUpChoice({ start: '', minForVisit: 2.5 }) // two issues: start, minForVisit
 */
export function readMopUpChoice(input: {
  readonly start: unknown;
  readonly minForVisit: unknown;
}): MopUpResult<MopUpChoice> {
  const issues: MopUpIssue[] = [];
  const start = typeof input.start === 'string' ? input.start.trim() : '';
  if (start === '') issues.push(fieldIssue('start', 'start_missing', ''));
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !parseIsoDate(start)) {
    issues.push(fieldIssue('start', 'start_invalid', start));
  }
  const raw = input.minForVisit;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const min = typeof raw === 'number' ? raw : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (text === '' || (typeof raw === 'number' && Number.isNaN(raw))) {
    issues.push(fieldIssue('minForVisit', 'min_missing', ''));
  } else if (!Number.isSafeInteger(min) || min < 1) {
    issues.push(fieldIssue('minForVisit', 'min_invalid', text));
  }
  const [first, ...rest] = issues;
  if (first) return { ok: false, issues: [first, ...rest] };
  return { ok: true, value: { start, minForVisit: min } };
}

/** The start the form proposes, and what it follows from. */
export interface MopUpStart {
  /** The next working day after `from`. */
  readonly date: IsoDate;
  /** `plan`: after the plan's last visit; `today`: after today (the later of the two). */
  readonly after: 'plan' | 'today';
  readonly from: IsoDate;
}

/**
 * The proposed start of follow-up visits: the next working day (Monday–Friday, not a holiday) after
 * the plan's last visit or after today, whichever is later (the plan's when they are the same day).
 * Throws a `RangeError` for a `today` that is not a `YYYY-MM-DD` date (a programmer error).
 */
export function defaultMopUpStart(
  lastVisit: IsoDate | undefined,
  today: IsoDate,
  holidays: readonly (Holiday | IsoDate)[],
): MopUpStart {
  const after = lastVisit !== undefined && lastVisit >= today ? 'plan' : 'today';
  const from = after === 'plan' ? (lastVisit as IsoDate) : today;
  const date = parseIsoDate(from);
  if (!date) throw new RangeError(`today must be a YYYY-MM-DD date, got "${today}"`);
  const calendar = workingCalendar({
    holidays: holidays.filter(
      (h) => parseIsoDate(typeof h === 'string' ? h : h.tanggal) !== undefined,
    ),
  });
  return { date: formatIsoDate(addWorkingDays(calendar, date, 1)), after, from };
}

/** What {@link computeMopUp} reads: a stored programme's records, plan and outcomes. */
export interface MopUpInput {
  readonly programme: string;
  readonly settings: ProgrammeSettings;
  readonly schools: readonly StoredSchool[];
  readonly teams: readonly Team[];
  readonly holidays: readonly Holiday[];
  /** The plan's visits and lost days: team-days they hold are not used for follow-up visits. */
  readonly plan: {
    readonly visits: readonly Pick<VisitRow, 'date' | 'team'>[];
    readonly lostDays: readonly Pick<LostDayRow, 'date' | 'team'>[];
  };
  /**
   * The target students by school, with their names and classes (for the referrals), each school's
   * in the order the referrals list them (`readSchoolTargets` gives them by class, then name).
   */
  readonly targets: readonly SchoolTargetList[];
  /** Standing outcomes by `idSiswa` (`currentOutcomes(log).outcomes`). */
  readonly outcomes: ReadonlyMap<string, MarkedOutcome>;
}

/** A school as the mop-up lists name it. */
interface SchoolName {
  readonly npsn: string;
  /** The stored name; the NPSN when the school is no longer stored. */
  readonly nama: string;
  /** The kecamatan's name (else its code); empty when unknown. */
  readonly kecamatan: string;
}

/** A follow-up visit. */
export interface MopUpVisit extends SchoolName {
  readonly date: IsoDate;
  readonly team: string;
  /** The school's place in the team's day (0 first). */
  readonly order: number;
  readonly wajib: number;
  readonly dini: number;
}

/** A referred student: name and class only (never NIK). */
export interface ReferredStudent {
  readonly nama: string;
  readonly kelas: string;
  readonly category: 'WAJIB' | 'REKAM_DINI';
  readonly outcome: 'absent' | 'failed';
}

/** A school's students referred to the office. */
export interface MopUpReferral extends SchoolName {
  /** `few`: fewer than the threshold; `unknown_school`: the school is no longer stored. */
  readonly reason: 'few' | 'unknown_school';
  /** By class, then name. */
  readonly students: readonly ReferredStudent[];
}

/** A school's students who refused recording: counted and reported, not visited again. */
export interface MopUpRefused extends SchoolName {
  readonly count: number;
  readonly wajib: number;
}

/** A school that reached the threshold but that no follow-up visit can serve, and why. */
export interface MopUpUnserved extends SchoolName {
  readonly wajib: number;
  readonly dini: number;
  readonly reason: Unserved['reason'];
}

/** The mop-up plan: the figures, the follow-up visits, the referrals and the refusals. */
export interface MopUpPlan {
  readonly programme: string;
  /** The date the outcomes are read on. */
  readonly today: IsoDate;
  readonly start: IsoDate;
  readonly minForVisit: number;
  /** Target students still to record: absent + failed. */
  readonly toRecord: number;
  readonly absent: number;
  readonly failed: number;
  /** Students the follow-up visits are for. */
  readonly visited: number;
  readonly referred: number;
  /** Students of schools no follow-up visit can serve. */
  readonly unservedStudents: number;
  readonly refused: number;
  /** By date, team and place in the day. */
  readonly visits: readonly MopUpVisit[];
  /** Schools with a follow-up visit. */
  readonly visitSchools: number;
  /** The last follow-up visit; undefined without one. */
  readonly finish: IsoDate | undefined;
  /** By school name. */
  readonly referrals: readonly MopUpReferral[];
  readonly refusedSchools: readonly MopUpRefused[];
  readonly unserved: readonly MopUpUnserved[];
}

/**
 * Plans the mop-up from `input` as of `today`: the targets' standing outcomes (`studentOutcomes`)
 * go to the core's `planMopUp` with the stored schools (travel, blackout days), teams, holidays and
 * working day of the programme, from `choice.start` with no end date. Team-days of the plan from
 * the start on, and the plan's lost days, are not used. Returns the planner's reasons (field
 * `setup`) when it cannot plan, e.g. no team can record anyone. Does not modify `input`.
 */
export function computeMopUp(
  input: MopUpInput,
  choice: MopUpChoice & { readonly today: IsoDate },
): MopUpResult<MopUpPlan> {
  // Each target's name, class and place in `targets` (by class, then name, as the schools list them).
  const details = new Map<string, { nama: string; kelas: string; rank: number }>();
  const targets: TargetStudent[] = [];
  for (const { npsn, students } of input.targets) {
    for (const s of students) {
      targets.push({ idSiswa: s.idSiswa, npsn, category: s.category });
      details.set(s.idSiswa, { nama: s.nama, kelas: s.kelas, rank: details.size });
    }
  }
  const outcomes = studentOutcomes(targets, input.outcomes);

  // Team-days already taken from the start on: the plan's visits, and the days that will not happen.
  const blocked = new Map<string, { team: string; date: IsoDate }>();
  for (const d of [...input.plan.visits, ...input.plan.lostDays]) {
    if (d.date >= choice.start) blocked.set(`${d.team}|${d.date}`, { team: d.team, date: d.date });
  }
  const request = planRequest(
    input.settings,
    {
      schools: planSchools(
        input.schools.map((s) => ({ npsn: s.npsn, wajib: 0, dini: 0 })),
        input.schools,
      ),
      teams: input.teams,
      holidays: input.holidays,
    },
    { mode: 'normal', pinned: [], lostDays: [...blocked.values()] },
  );
  const setup = readPlanRequest({ ...request, start: choice.start, end: null });
  if (!setup.ok) {
    const [first, ...rest] = setup.issues.map((i): MopUpIssue => ({
      field: 'setup',
      code: i.code,
      message: i.message,
    }));
    return { ok: false, issues: [first as MopUpIssue, ...rest] };
  }
  const { schools, teams, calendar, options } = setup.value;
  const mopUp = planMopUp(outcomes, schools, teams, calendar, {
    ...options,
    minForVisit: choice.minForVisit,
  });

  const stored = new Map(input.schools.map((s) => [s.npsn, s]));
  const named = (npsn: string): SchoolName => {
    const school = stored.get(npsn);
    return {
      npsn,
      nama: school?.nama ?? npsn,
      kecamatan: school?.kecamatan ? kecamatanLabel(school.kecamatan) : '',
    };
  };
  const byName = (a: SchoolName, b: SchoolName) =>
    a.nama.localeCompare(b.nama, 'id', { numeric: true }) || a.npsn.localeCompare(b.npsn);
  const outcomeOf = new Map(outcomes.map((o) => [o.idSiswa, o.outcome]));

  const referrals = mopUp.referrals
    .map((r): MopUpReferral => ({
      ...named(r.npsn),
      reason: stored.has(r.npsn) ? 'few' : 'unknown_school',
      students: r.students
        .map((s) => ({
          nama: '',
          kelas: '',
          rank: 0,
          ...details.get(s.idSiswa),
          category: s.category,
          outcome:
            outcomeOf.get(s.idSiswa) === 'failed' ? ('failed' as const) : ('absent' as const),
        }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ nama, kelas, category, outcome }) => ({ nama, kelas, category, outcome })),
    }))
    .sort(byName);
  const refusedSchools = mopUp.refused
    .map((r): MopUpRefused => ({
      ...named(r.npsn),
      count: r.students.length,
      wajib: r.students.filter((s) => s.category === 'WAJIB').length,
    }))
    .sort(byName);
  const unserved = mopUp.followUp.unserved
    .map((u): MopUpUnserved => ({
      ...named(u.npsn),
      wajib: u.wajib,
      dini: u.dini,
      reason: u.reason,
    }))
    .sort(byName);
  const visits = mopUp.followUp.visits
    .map((v): MopUpVisit => ({
      ...named(v.npsn),
      date: v.date,
      team: v.team,
      order: v.order,
      wajib: v.wajib,
      dini: v.dini,
    }))
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.team.localeCompare(b.team, 'id', { numeric: true }) ||
        a.order - b.order,
    );

  const count = (o: StudentOutcome['outcome']) => outcomes.filter((s) => s.outcome === o).length;
  const sum = (xs: readonly { wajib: number; dini: number }[]) =>
    xs.reduce((n, x) => n + x.wajib + x.dini, 0);
  return {
    ok: true,
    value: {
      programme: input.programme,
      today: choice.today,
      start: choice.start,
      minForVisit: choice.minForVisit,
      toRecord: count('absent') + count('failed'),
      absent: count('absent'),
      failed: count('failed'),
      visited: sum(visits),
      referred: referrals.reduce((n, r) => n + r.students.length, 0),
      unservedStudents: sum(unserved),
      refused: count('refused'),
      visits,
      visitSchools: new Set(visits.map((v) => v.npsn)).size,
      finish: mopUp.followUp.finish,
      referrals,
      refusedSchools,
      unserved,
    },
  };
}
