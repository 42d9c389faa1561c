/**
 * The one typed API of the core for a web worker (SPEC §6: the core runs in a worker). The app exposes
 * `createCoreApi()` with Comlink in its worker and imports only the `CoreApi` type on the page.
 * Everything that crosses the boundary is plain data; callbacks are passed as Comlink proxies.
 */
import type { Issue, Result } from './domain/result.js';
import {
  evaluateBatch,
  type EligibilityEntry,
  type EligibilitySummary,
} from './eligibility/batch.js';
import type { EligibilityDecision } from './eligibility/evaluate.js';
import {
  createEligibilityPolicy,
  type EligibilityPolicy,
  type EligibilityPolicyOptions,
  type PolicyIssueCode,
} from './eligibility/policy.js';
import { generateProgramme } from './generator/programme.js';
import {
  importRecords,
  type ImportIssueCode,
  type ImportProgress,
  type ImportReport,
} from './io/import.js';
import type { RecordKind, RecordOf } from './io/records.js';
import {
  importInBatches,
  type BatchImportIssueCode,
  type BatchImportReport,
} from './io/batch-import.js';
import { inspectFile, type FileInspection, type ImportKind } from './io/inspect.js';
import type { DemoOptions, DemoProgramme, Progress } from './generator/types.js';
import type { Resident, StudentRecord } from './domain/records.js';
import type { LinkIssueCode } from './matching/engine.js';
import {
  matchStudents,
  type DuplicateDecision,
  type MatchProgress,
  type MatchStudentsResult,
  type MatchThresholds,
  type ReviewDecision,
} from './matching/students.js';
import { checkVisit, moveVisit, type MoveTarget, type Moved } from './scheduling/check.js';
import { planVisits } from './scheduling/planner.js';
import { replanPlan, type PlanChange, type Replan } from './scheduling/replan.js';
import { readPlanRequest, type PlanRequest, type PlanRequestIssue } from './scheduling/request.js';
import type { PinnedVisit, Plan, Visit, VisitIssue, VisitKey } from './scheduling/types.js';

/** Options of {@link CoreApi.generateDemo}: any generator option may be left out. */
export type DemoRequest = Partial<Omit<DemoOptions, 'villages'>>;

/** What {@link CoreApi.eligibility} answers: the policy used, one decision per entry, and the counts. */
export interface EligibilityBatch {
  /** Pass it to `explainEligibility` to write a decision's reason. */
  readonly policy: EligibilityPolicy;
  readonly decisions: readonly EligibilityDecision[];
  readonly summary: EligibilitySummary;
}

/** The core's worker API, one handler group per domain. */
export interface CoreApi {
  /** The core's version, to check that the worker answers. */
  version(): string;
  /** Generates the synthetic demo programme; `onProgress` is called as phases advance. */
  generateDemo(
    request: DemoRequest,
    onProgress?: (progress: Progress) => void,
  ): Promise<Omit<DemoProgramme, 'files' | 'truth'>>;
  readonly eligibility: {
    /**
     * Decides every entry's category under the policy settings (SPEC §3); refused settings come back
     * as issues.
     */
    evaluate(
      entries: readonly EligibilityEntry[],
      options: EligibilityPolicyOptions,
    ): Result<EligibilityBatch, Issue<PolicyIssueCode>>;
  };
  readonly matching: {
    /**
     * Pemadanan of student rows against the registry (SPEC §4): one result per student, in order, with
     * status, proposed NIK, probability and a field-by-field explanation; `onProgress` follows the
     * phases. Stopped only by ending the worker (the page's `cancel`); a refused run is an issue.
     */
    matchStudents(
      students: readonly StudentRecord[],
      registry: readonly Resident[],
      options: MatchRequest,
      onProgress?: (progress: MatchProgress) => void,
    ): Promise<Result<MatchStudentsResult, Issue<LinkIssueCode>>>;
  };
  readonly scheduling: {
    /**
     * Plans the visits (SPEC §5) around the request's pinned visits and lost team-days; a request that
     * cannot be planned (bad dates, no team…) comes back as issues.
     */
    plan(request: PlanRequest): Result<Plan, PlanRequestIssue>;
    /**
     * Re-plans `previous` after a change (a lost team-day, a new blackout day) with as few changes as
     * possible, keeping pinned visits unless the change breaks them; says what changed.
     */
    replan(
      previous: Plan,
      request: PlanRequest,
      change: PlanChange,
    ): Result<Replan, PlanRequestIssue>;
    /**
     * Whether `proposed` can take place beside `visits` (`replaces`: the visit a move takes away), or
     * every constraint it breaks, each with a message in both languages.
     */
    check(
      proposed: PinnedVisit,
      visits: readonly Visit[],
      request: PlanRequest,
      replaces?: VisitKey,
    ): Result<Visit, PlanRequestIssue | VisitIssue>;
    /** Moves one visit of `previous` to another day and/or team when that breaks no constraint. */
    move(
      previous: Plan,
      from: VisitKey,
      to: MoveTarget,
      request: PlanRequest,
    ): Result<Moved, PlanRequestIssue | VisitIssue>;
  };
  readonly files: {
    /**
     * Reads a CSV or XLSX file's bytes into validated records of one kind, with the report of where
     * the data was, how columns were mapped and every row issue (see `importRecords`).
     */
    importRecords<K extends RecordKind>(
      bytes: Uint8Array,
      options: ImportRequest<K>,
      onProgress?: (progress: ImportProgress) => void,
    ): Promise<Result<ImportReport<RecordOf[K]>, Issue<ImportIssueCode>>>;
    /**
     * Looks at a file before it is imported: its sheets, each kind of data's header and guessed
     * mapping, the likeliest kind, and the school a one-school list names (see `inspectFile`).
     */
    inspectFile(
      bytes: Uint8Array,
      options: { readonly fileName?: string },
    ): Promise<Result<FileInspection, Issue<ImportIssueCode>>>;
    /**
     * Reads a file to store it: the accepted records go to `onRecords` in batches (awaited, so the
     * reader waits for the page), with the store's checks (a student's school, a key once per file);
     * the report keeps a preview and, for student lists, the schools named (see `importInBatches`).
     */
    importInBatches<K extends ImportKind>(
      bytes: Uint8Array,
      options: BatchImportRequest<K>,
      onRecords: (records: readonly RecordOf[K][], rows: readonly number[]) => void | Promise<void>,
      onProgress?: (progress: ImportProgress) => void,
    ): Promise<Result<BatchImportReport<RecordOf[K]>, Issue<BatchImportIssueCode>>>;
  };
}

/** Options of {@link CoreApi.matching}' `matchStudents` that can cross to a worker. */
export interface MatchRequest {
  readonly thresholds?: MatchThresholds;
  /** Review decisions on (student, NIK) pairs: a rejected pair is never proposed again. */
  readonly decisions?: readonly ReviewDecision[];
  /** Decisions on listings taken for the same student: kept one student, or kept apart. */
  readonly duplicateDecisions?: readonly DuplicateDecision[];
}

/** Options of {@link CoreApi.files}' `importRecords` that can cross to a worker (no callbacks, no signal). */
export interface ImportRequest<K extends RecordKind> {
  readonly kind: K;
  /** Field → header text, 0-based column index, or `null` for "not in this file". */
  readonly mapping?: Readonly<Record<string, string | number | null>>;
  readonly sheet?: string | number;
  readonly pivotYear?: number;
  readonly npsn?: string;
}

/** Options of {@link CoreApi.files}' `importInBatches` that can cross to a worker. */
export interface BatchImportRequest<K extends ImportKind> extends ImportRequest<K> {
  /** How many of the first accepted records the report keeps as a preview (default 20). */
  readonly previewRows?: number;
  /** Row issues kept in the report (default 10,000); the summary counts them all. */
  readonly maxIssues?: number;
}

/** Version of the core package. */
export const CORE_VERSION = '0.1.0';

/** Creates the handler object that a worker exposes. */
export function createCoreApi(): CoreApi {
  return {
    version: () => CORE_VERSION,
    generateDemo: async (request, onProgress) => {
      const { files: _files, truth: _truth, ...programme } = generateProgramme(request, onProgress);
      return programme;
    },
    eligibility: {
      evaluate: (entries, options) => {
        const policy = createEligibilityPolicy(options);
        if (!policy.ok) return policy;
        const { decisions, summary } = evaluateBatch(entries, policy.value);
        return { ok: true, value: { policy: policy.value, decisions, summary } };
      },
    },
    matching: {
      matchStudents: (students, registry, options, onProgress) =>
        matchStudents(students, registry, {
          thresholds: options.thresholds,
          decisions: options.decisions,
          duplicateDecisions: options.duplicateDecisions,
          onProgress,
        }),
    },
    scheduling: {
      plan: (request) => {
        const setup = readPlanRequest(request);
        if (!setup.ok) return setup;
        const { schools, teams, calendar, options } = setup.value;
        return { ok: true, value: planVisits(schools, teams, calendar, options) };
      },
      replan: (previous, request, change) => {
        const setup = readPlanRequest(request);
        if (!setup.ok) return setup;
        const { schools, teams, calendar, options } = setup.value;
        return { ok: true, value: replanPlan(previous, schools, teams, calendar, change, options) };
      },
      check: (proposed, visits, request, replaces) => {
        const setup = readPlanRequest(request);
        if (!setup.ok) return setup;
        return checkVisit(proposed, visits, setup.value, replaces);
      },
      move: (previous, from, to, request) => {
        const setup = readPlanRequest(request);
        if (!setup.ok) return setup;
        return moveVisit(previous, from, to, setup.value);
      },
    },
    files: {
      importRecords: (bytes, options, onProgress) =>
        importRecords(bytes, { ...options, ...(onProgress && { onProgress }) }),
      inspectFile: (bytes, options) => inspectFile(bytes, options),
      importInBatches: (bytes, options, onRecords, onProgress) =>
        importInBatches(bytes, { ...options, onRecords, ...(onProgress && { onProgress }) }),
    },
  };
}
