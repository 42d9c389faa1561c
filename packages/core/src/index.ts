/**
 * @sahaja/core — the domain library of Sahaja: identifiers, dates, eligibility, matching (pemadanan),
 * scheduling, student search and the synthetic programme generator. Pure functions on plain data; no
 * DOM, no Node APIs.
 */
export type {
  Holiday,
  IsoDate,
  Resident,
  School,
  SchoolTarget,
  Sex,
  StudentRecord,
  Team,
} from './domain/records.js';
export {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  formatLongDate,
  fromDayNumber,
  fromExcelSerial,
  isLeapYear,
  isoDayOfWeek,
  isValidDate,
  MONTHS_EN,
  MONTHS_ID,
  parseIsoDate,
  toDayNumber,
  toExcelSerial,
  type PlainDate,
} from './dates/plain-date.js';
export {
  monthFromName,
  parseDate,
  type DateFormat,
  type DateIssueCode,
  type ParseDateOptions,
  type ParsedDate,
} from './dates/parse-date.js';
export { ageOn, nthBirthday, type LeapDayRule } from './dates/age.js';
export {
  formatDate,
  WEEKDAYS_EN,
  WEEKDAYS_ID,
  type DateStyle,
  type Locale,
} from './dates/format.js';
export {
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingCalendar,
  workingDaysIn,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './calendar/working-days.js';
export { fail, ok, type Issue, type Message, type Result } from './domain/result.js';
export {
  centuryYear,
  cleanIdentifier,
  isValidNik,
  parseNik,
  type Nik,
  type NikIssueCode,
} from './identifiers/nik.js';
export { parseNoKk, type NoKk, type NoKkIssueCode } from './identifiers/no-kk.js';
export {
  parseNisn,
  parseNpsn,
  type NisnIssueCode,
  type NpsnIssueCode,
} from './identifiers/school-ids.js';
export {
  JAWA_TIMUR_REGENCIES,
  KAB_KEDIRI,
  KEDIRI_KECAMATAN,
  KOTA_KEDIRI,
  PROVINCES,
  type Kecamatan,
  type Region,
} from './regions/data.js';
export {
  describeRegion,
  dottedRegionCode,
  parseRegionCode,
  regionNames,
  type RegionCode,
  type RegionIssueCode,
  type RegionLevel,
  type RegionNames,
} from './regions/region-code.js';
export {
  ADULT_AGE,
  createEligibilityPolicy,
  DEFAULT_MINIMUM_AGE,
  type EligibilityPolicy,
  type EligibilityPolicyOptions,
  type PolicyIssueCode,
} from './eligibility/policy.js';
export {
  ELIGIBILITY_CATEGORIES,
  evaluateEligibility,
  notFoundDecision,
  STUDENT_CATEGORIES,
  type EligibilityCategory,
  type DecisionDetail,
  type EligibilityDates,
  type EligibilityDecision,
  type EligibilityPerson,
  type ReasonCode,
  type StudentCategory,
} from './eligibility/evaluate.js';
export { explainEligibility } from './eligibility/explain.js';
export {
  emptyCounts,
  evaluateBatch,
  type CategoryCounts,
  type EligibilityEntry,
  type EligibilitySummary,
} from './eligibility/batch.js';
export {
  KTP_STATUSES,
  normaliseValue,
  type Citizenship,
  type KtpStatus,
  type MaritalStatus,
  type StatusFamily,
} from './eligibility/statuses.js';
export type { InvalidField } from './eligibility/reasons.js';
export { HOLIDAYS_2023, HOLIDAYS_2024 } from './calendar/holidays.js';
export { Random, WeightedTable } from './random/prng.js';
export {
  DEFAULT_DEMO_OPTIONS,
  generateProgramme,
  holidaysFor,
  validateDemoOptions,
} from './generator/programme.js';
export { NOISE_RATES } from './generator/noise.js';
export { CORRUPTIONS } from './generator/types.js';
export type {
  Corruption,
  DemoOptions,
  DemoProgramme,
  DemoSummary,
  Progress,
  SchoolFile,
  SheetCell,
  SheetData,
  TruthRow,
  Village,
} from './generator/types.js';
export { CORE_VERSION, createCoreApi, type CoreApi, type DemoRequest } from './api.js';
export { jaro, jaroWinkler, osaDistance, type JaroWinklerOptions } from './matching/strings.js';
export { modernSpelling, normaliseName, type NormalisedName } from './matching/names.js';
export { namePhoneticKey, phoneticKey } from './matching/phonetic.js';
export { compareBirthDates, type DateLevel } from './matching/compare-dates.js';
export { compareNiks, nikFitsPerson, type NikLevel } from './matching/compare-nik.js';
export {
  comparatorFor,
  COMPARISON_METHODS,
  nikFitsRecord,
  type Comparator,
  type ComparisonMethod,
  type LevelInfo,
  type Row,
} from './matching/comparisons.js';
export {
  blockingKey,
  type BlockingRule,
  type KeyPart,
  type KeyTransform,
} from './matching/blocking.js';
export {
  linkSettingsSchema,
  parseLinkSettings,
  type ComparisonSettings,
  type LinkSettings,
  type LinkSettingsInput,
  type SettingsIssue,
} from './matching/settings.js';
export type { EmSession, FittedComparison, FittedLevel, FittedModel } from './matching/model.js';
export {
  explainPair,
  linkPairs,
  links,
  probabilityOf,
  runLink,
  type BlockingCount,
  type ExplanationEntry,
  type Link,
  type LinkInput,
  type LinkIssueCode,
  type LinkOptions,
  type LinkProgress,
  type LinkRun,
} from './matching/engine.js';
export {
  AMBIGUITY_MARGIN_BITS,
  CANDIDATE_LIMIT,
  decideMatch,
  DEFAULT_THRESHOLDS,
  matchStudents,
  STUDENT_DUPLICATE_SETTINGS,
  STUDENT_REGISTRY_SETTINGS,
  studentIdOf,
  type DuplicateDecision,
  type MatchCandidate,
  type MatchProgress,
  type MatchReason,
  type MatchStatus,
  type MatchStudentsOptions,
  type MatchStudentsResult,
  type MatchSummary,
  type MatchThresholds,
  type ReviewDecision,
  type StudentMatch,
} from './matching/students.js';
export { dailyCapacity, lowerBounds, planVisits, travelBetween } from './scheduling/planner.js';
export type {
  LostDay,
  PinnedVisit,
  Plan,
  PlanCalendar,
  PlanMode,
  PlanOptions,
  PlanSchool,
  PlanSetup,
  ReleasedVisit,
  TeamUse,
  Unserved,
  Visit,
  VisitIssue,
  VisitIssueCode,
  VisitKey,
} from './scheduling/types.js';
export {
  mergeUnserved,
  replanPlan,
  replanVisits,
  type PlanChange,
  type Replan,
} from './scheduling/replan.js';
export { checkVisit, moveVisit, type Moved, type MoveTarget } from './scheduling/check.js';
export {
  readPlanRequest,
  type PlanRequest,
  type PlanRequestIssue,
  type PlanRequestIssueCode,
} from './scheduling/request.js';
export {
  planMopUp,
  type MopUp,
  type MopUpOptions,
  type Referral,
  type StudentOutcome,
  type VisitOutcome,
} from './scheduling/mop-up.js';
export {
  planHandovers,
  type HandoverMiss,
  type HandoverOptions,
  type HandoverStudent,
  type HandoverVisit,
} from './scheduling/handover.js';
export { visitsToIcs, type IcsOptions, type IcsSchool } from './scheduling/ics.js';
export {
  schoolTimetable,
  type ClassGroup,
  type TimetableOptions,
  type TimetableSlot,
} from './scheduling/timetable.js';
export { schoolTargets } from './generator/targets.js';
export {
  buildStudentSearchIndex,
  createStudentSearch,
  identifierDigits,
  openStudentSearch,
  typingQueries,
  type Misspelling,
  type SearchableStudent,
  type SearchMatch,
  type SearchOptions,
  type SearchRange,
  type StudentSearch,
  type StudentSearchHit,
  type StudentSearchIndex,
  type StudentSearchResult,
  type TypingQuery,
  type TypingQueryOptions,
} from './search/index.js';
