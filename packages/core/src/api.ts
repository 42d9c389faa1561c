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
import type { DemoOptions, DemoProgramme, Progress } from './generator/types.js';
import type { Resident, StudentRecord } from './domain/records.js';
import type { LinkIssueCode } from './matching/engine.js';
import {
  matchStudents,
  type MatchProgress,
  type MatchStudentsResult,
  type MatchThresholds,
  type ReviewDecision,
} from './matching/students.js';

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
  };
}

/** Options of {@link CoreApi.matching}' `matchStudents` that can cross to a worker. */
export interface MatchRequest {
  readonly thresholds?: MatchThresholds;
  readonly decisions?: readonly ReviewDecision[];
}

/** Options of {@link CoreApi.files}' `importRecords` that can cross to a worker (no callbacks, no signal). */
export interface ImportRequest<K extends RecordKind> {
  readonly kind: K;
  readonly mapping?: Readonly<Record<string, string | number>>;
  readonly sheet?: string | number;
  readonly pivotYear?: number;
  readonly npsn?: string;
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
          onProgress,
        }),
    },
    files: {
      importRecords: (bytes, options, onProgress) =>
        importRecords(bytes, { ...options, ...(onProgress && { onProgress }) }),
    },
  };
}
