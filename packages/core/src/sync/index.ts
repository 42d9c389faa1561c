/**
 * Laptops that merge their work (issue 9): every change as a domain event with a hybrid logical
 * timestamp, logs merged as a union (commutative, associative, idempotent), and the state a merged log
 * comes to, with every disagreement between laptops listed for a person. See docs/sync.md.
 */
export {
  AUDIT_KINDS,
  isAuditKind,
  type AuditKind,
  type AuditVisit,
  type DayLostPayload,
  type DayRestoredPayload,
  type HolidaysChangedPayload,
  type ImportedPayload,
  type MatchingRunPayload,
  type PlanMadePayload,
  type ProgrammeCreatedPayload,
  type SchoolChangedPayload,
  type SettingsChangedPayload,
  type TeamsChangedPayload,
  type VisitMovedPayload,
  type VisitPinnedPayload,
} from './audit.js';
export { canonicalJson } from './canonical.js';
export {
  compareHlc,
  formatHlc,
  HybridClock,
  isDeviceId,
  MAX_CLOCK_AHEAD_MS,
  parseHlc,
  type Hlc,
} from './hlc.js';
export {
  compareDomainEvents,
  countByKind,
  mergeLogs,
  readDomainEvent,
  type Clash,
  type DomainEvent,
  type MergeResult,
  type SyncIssue,
  type SyncIssueCode,
} from './log.js';
export { resolveRegisters, type Register, type RegisterEntry } from './registers.js';
export {
  cardEventOf,
  deriveState,
  DOMAIN_EVENT_KINDS,
  type Conflict,
  type DayClosedPayload,
  type DeriveOptions,
  type DuplicateDecisionPayload,
  type KnownKind,
  type RefusedEvent,
  type ReviewDecisionPayload,
  type SyncedState,
  visitEventOf,
} from './state.js';
