/**
 * The visit day in the field (issue 8): outcome marks, notes and walk-ins as append-only events, live
 * tallies and the day summary, progress dashboard figures, and card handover. See docs/field.md.
 */
export {
  compareEvents,
  isTimestamp,
  revokedIds,
  type EventBase,
  type UndoEvent,
} from './events.js';
export type { FieldIssue, FieldIssueCode } from './validate.js';
export {
  currentOutcomes,
  liveNotes,
  needsReason,
  undoTarget,
  validateVisitEvent,
  VISIT_OUTCOMES,
  type CurrentOutcomes,
  type FieldNote,
  type MarkedOutcome,
  type NoteEvent,
  type OutcomeConflict,
  type OutcomeMark,
  type UndoScope,
  type VisitEvent,
} from './marks.js';
export {
  isWalkInId,
  liveWalkIns,
  WALK_IN_PREFIX,
  walkInStudent,
  type WalkInEvent,
} from './walk-ins.js';
export {
  summariseDay,
  tallyVisit,
  type CategoryCounts,
  type ClassTally,
  type DaySummary,
  type DayVisit,
  type ExpectedStudent,
  type OutcomeCounts,
  type ReasonCount,
  type TallyCounts,
  type VisitTally,
} from './tally.js';
export {
  computeProgress,
  studentOutcomes,
  type DayProgress,
  type Forecast,
  type KecamatanProgress,
  type PlanComparison,
  type PlannedVisit,
  type Progress,
  type ProgressFigures,
  type ProgressInput,
  type ProgressSchool,
  type SchoolProgress,
  type TargetStudent,
  type TeamProgress,
  type TotalProgress,
} from './progress.js';
export {
  cardsAwaiting,
  cardsDue,
  liveHandovers,
  validateCardEvent,
  type CardAwaiting,
  type CardContext,
  type CardEvent,
  type CardStudent,
  type HandoverEvent,
} from './cards.js';
export type { StudentOutcome, VisitOutcome } from '../scheduling/mop-up.js';
export type { VisitKey } from '../scheduling/types.js';
