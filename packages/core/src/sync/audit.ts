/**
 * Changes kept for the audit trail only (issue 9: "who did what and when"): the office's actions
 * whose data other laptops get by backup and restore, not through the log — a pemadanan run, an
 * imported file, the visit plan made or changed, the programme's settings edited. Every laptop keeps
 * them in its log and passes them on like any other change, so each laptop's trail shows the work of
 * all; none changes the state `deriveState` derives. Their payloads carry figures, file names, dates,
 * teams and schools — never a student's NIK, name or birth date.
 */

/** The kinds of change that are recorded for the audit trail and never applied. */
export const AUDIT_KINDS = [
  'matching_run',
  'imported',
  'plan_made',
  'visit_pinned',
  'visit_moved',
  'day_lost',
  'day_restored',
  'programme_created',
  'settings_changed',
  'teams_changed',
  'holidays_changed',
  'school_changed',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const AUDIT = new Set<string>(AUDIT_KINDS);

/** Whether `kind` is one of {@link AUDIT_KINDS}. */
export function isAuditKind(kind: string): kind is AuditKind {
  return AUDIT.has(kind);
}

/** `matching_run`: a pemadanan run was stored; its figures only. */
export interface MatchingRunPayload {
  readonly students: number;
  readonly registry: number;
  /** Students by status (`COCOK`, `PERLU_REVIEW`, `TIDAK_COCOK`). */
  readonly byStatus: Readonly<Record<string, number>>;
  readonly walkIns: number;
  /** Review and duplicate decisions the run was given. */
  readonly decisions: number;
  readonly duplicateDecisions: number;
}

/** `imported`: a file was imported; its name and counts, not its records. */
export interface ImportedPayload {
  readonly fileName: string;
  /** `student`, `resident` (registry), `school`, `team` or `holiday`. */
  readonly kind: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly warnings: number;
}

/** `plan_made`: the visit plan was made (again). */
export interface PlanMadePayload {
  /** `normal` or `wajib-first`. */
  readonly mode: string;
  readonly visits: number;
  readonly pinned: number;
  readonly workingDays: number;
  readonly lowerBound: number;
  /** `workingDays − lowerBound`. */
  readonly gap: number;
  /** The last visit's date, or null. */
  readonly finish: string | null;
}

/** A planned visit: a team at a school on a day. */
export interface AuditVisit {
  readonly date: string;
  readonly team: string;
  readonly npsn: string;
}

/** `visit_pinned`: a visit was pinned (stays where it is when the plan is made again) or unpinned. */
export interface VisitPinnedPayload extends AuditVisit {
  readonly pinned: boolean;
}

/** `visit_moved`: a visit was moved to another day and/or team. */
export interface VisitMovedPayload {
  readonly npsn: string;
  readonly from: { readonly date: string; readonly team: string };
  readonly to: { readonly date: string; readonly team: string };
}

/** `day_lost`: a team-day was marked lost; with a plan, its visits were moved (`removed`/`added`). */
export interface DayLostPayload {
  readonly team: string;
  readonly date: string;
  readonly note: string;
  /** Visits of the plan taken away and added by the re-plan; 0 when there was no plan. */
  readonly removed: number;
  readonly added: number;
}

/** `day_restored`: a team-day marked lost was given back. */
export interface DayRestoredPayload {
  readonly team: string;
  readonly date: string;
}

/** `programme_created`: the programme was set up on a laptop. */
export interface ProgrammeCreatedPayload {
  readonly name: string;
}

/** `settings_changed`: the programme's settings changed; which of them, by field name. */
export interface SettingsChangedPayload {
  readonly parts: readonly string[];
}

/** `teams_changed`: the teams were saved; names of the teams added, removed and changed. */
export interface TeamsChangedPayload {
  readonly teams: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** `holidays_changed`: the holidays were saved; how many there are, were added and removed. */
export interface HolidaysChangedPayload {
  readonly holidays: number;
  readonly added: number;
  readonly removed: number;
}

/** `school_changed`: a school's visit details changed; which of them, by field name. */
export interface SchoolChangedPayload {
  readonly npsn: string;
  readonly parts: readonly string[];
}
