import type { Holiday, IsoDate, SchoolTarget, Team } from '../domain/records.js';
import type { Issue } from '../domain/result.js';
import type { PlainDate } from '../dates/plain-date.js';

/** A school to visit: its targets, blackout days, travel time and, when known, its coordinates. */
export interface PlanSchool extends SchoolTarget {
  readonly latitude?: number | undefined;
  readonly longitude?: number | undefined;
}

/** The working calendar and the working day's length (SPEC §5). */
export interface PlanCalendar {
  readonly start: PlainDate;
  /** The last day a visit may take place; without it the plan runs as long as it needs. */
  readonly end?: PlainDate | undefined;
  readonly holidays: readonly Holiday[];
  /** Working weekdays, ISO numbering (default Monday–Friday). */
  readonly weekdays?: readonly number[] | undefined;
  /** Minutes of a team's working day, travel included (default 480: 07:30–15:30). */
  readonly dayMinutes?: number | undefined;
  /** Minutes of a Friday when it is shorter (default: as other days). */
  readonly fridayMinutes?: number | undefined;
}

/** How the work is ordered: the default objectives, or every WAJIB student first (SPEC §5). */
export type PlanMode = 'normal' | 'wajib-first';

/** Options of {@link planVisits}. */
export interface PlanOptions {
  readonly mode?: PlanMode | undefined;
  /** Minutes to set up and pack the recording sets at each school (default 20). */
  readonly setupMinutes?: number | undefined;
  /**
   * Recording minutes in which one set records its daily capacity (default 360: 50 students at about
   * 7 minutes each). A day with less time left after travel records proportionally fewer.
   */
  readonly recordingMinutes?: number | undefined;
  /** Working days to look ahead when there is no end date (default 400). */
  readonly horizon?: number | undefined;
  /**
   * Visits the user placed, which stay exactly as they are: the planner adds no student to them and
   * plans only the students they leave, around them. One that breaks a hard constraint is released
   * (see {@link Plan.released}).
   */
  readonly pinned?: readonly PinnedVisit[] | undefined;
  /** Team-days that will not happen (equipment failure, illness): nothing is planned on them. */
  readonly lostDays?: readonly LostDay[] | undefined;
}

/** What a plan is made with: schools and their targets, teams, calendar and options. */
export interface PlanSetup {
  readonly schools: readonly PlanSchool[];
  readonly teams: readonly Team[];
  readonly calendar: PlanCalendar;
  readonly options?: PlanOptions | undefined;
}

/** Which visit: a team at a school on a day (a plan holds at most one such visit). */
export interface VisitKey {
  readonly date: IsoDate;
  readonly team: string;
  readonly npsn: string;
}

/** A visit someone placed by hand: where, when, and how many WAJIB and REKAM_DINI students. */
export interface PinnedVisit extends VisitKey {
  readonly wajib: number;
  readonly dini: number;
}

/** A team-day that will not happen. */
export interface LostDay {
  readonly team: string;
  readonly date: IsoDate;
}

/** Why a visit cannot take place where it is proposed (see `checkVisit`). */
export type VisitIssueCode =
  | 'invalid_date'
  | 'invalid_count'
  | 'unknown_school'
  | 'unknown_team'
  | 'before_start'
  | 'after_end'
  | 'not_working_day'
  | 'holiday'
  | 'blackout'
  | 'lost_day'
  | 'too_far'
  | 'day_full'
  | 'no_students'
  | 'no_such_visit';

/** One reason a visit cannot take place, with a message in both languages. */
export type VisitIssue = Issue<VisitIssueCode>;

/** A pinned visit the plan could not keep, and every reason. */
export interface ReleasedVisit {
  readonly visit: PinnedVisit;
  readonly issues: readonly VisitIssue[];
}

/** One team's work at one school on one day. */
export interface Visit {
  readonly date: IsoDate;
  readonly team: string;
  readonly npsn: string;
  readonly wajib: number;
  readonly dini: number;
  /** Position of the school in the team's day (0 first; a second school the same day is 1). */
  readonly order: number;
}

/** A school (or part of one) that the plan cannot serve, and why. */
export interface Unserved {
  readonly npsn: string;
  readonly wajib: number;
  readonly dini: number;
  readonly reason: 'after_end' | 'too_far' | 'no_working_day';
}

/** How a team is used: students planned against its capacity over the working days used. */
export interface TeamUse {
  readonly team: string;
  readonly students: number;
  readonly days: number;
  /** Students planned ÷ (daily capacity × working days used by the plan). */
  readonly utilisation: number;
}

/** A visit plan with the figures that show its quality. */
export interface Plan {
  readonly visits: readonly Visit[];
  /** Working days from the start up to and including the last visit. */
  readonly workingDays: number;
  /** Working days from the start up to the last visit with WAJIB students. */
  readonly workingDaysWajib: number;
  /** No plan can use fewer working days: all students over the teams' total daily capacity. */
  readonly lowerBound: number;
  /** The same for WAJIB students only (the WAJIB-first bound). */
  readonly lowerBoundWajib: number;
  /** Date of the last visit, or undefined when nothing is planned. */
  readonly finish: IsoDate | undefined;
  readonly finishWajib: IsoDate | undefined;
  readonly teams: readonly TeamUse[];
  /** Visits per school: runs of consecutive working days at the school (over schools with students). */
  readonly visitsPerSchool: number;
  readonly unserved: readonly Unserved[];
  /** With an end date that is too early: the earliest end date that serves everyone. */
  readonly earliestEnd: IsoDate | undefined;
  /**
   * Pinned visits that could not stay (on a lost day, a holiday, a blackout day…): their students were
   * planned again like any others.
   */
  readonly released: readonly ReleasedVisit[];
}

export type { Team };
