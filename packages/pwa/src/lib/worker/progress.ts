/**
 * The progress dashboard, computed in the export worker next to the data: the page sends a programme
 * id and its local date, and receives the figures (a few hundred numbers), or the same figures as an
 * XLSX file; likewise the mop-up plan (follow-up visits, referrals, refusals) for a start date and a
 * threshold. Reading and deciding 20,000 students here keeps the page free.
 */
import { parseIsoDate } from '@sahaja/core';
import { tablesToXlsx } from '@sahaja/core/io';
import type { IsoDate, SahajaDatabase } from '../db';
import type { Locale } from '../i18n/format';
import { progressDashboard, type ProgressDashboard } from '../progress/dashboard';
import { gatherProgress, type GatherError } from '../progress/gather';
import {
  computeMopUp,
  readMopUpChoice,
  type MopUpPlan,
  type MopUpResult,
} from '../progress/mop-up';
import { gatherMopUp } from '../progress/mop-up-data';
import { mopUpTables } from '../progress/mop-up-sheets';
import { progressTables } from '../progress/sheets';
import { progressText } from '../progress/text';
import { attempt, Refusal, slug, XLSX_TYPE, type ExportFile, type ExportOutcome } from './exports';

/** What the page asks: the programme, and its local date (`YYYY-MM-DD`) to count "up to today". */
export interface ProgressRequest {
  readonly programmeId: string;
  readonly today: IsoDate;
}

/** The workbook's request: also the language of its sheets. */
export interface ProgressWorkbookRequest extends ProgressRequest {
  readonly locale: Locale;
}

/** The mop-up's request: the form's start date and threshold, as typed (the worker checks them). */
export interface MopUpRequest extends ProgressRequest {
  readonly start: string;
  readonly minForVisit: number | string | null;
}

/** The mop-up workbook's request: also the language of its sheets. */
export interface MopUpWorkbookRequest extends MopUpRequest {
  readonly locale: Locale;
}

/** The progress group of the worker's API. */
export interface ProgressApi {
  /**
   * The dashboard's figures. Refuses `missing` (no such programme) and `settings` (the core refused
   * the eligibility settings); a `today` that is not a date fails as `internal`.
   */
  dashboard(request: ProgressRequest): Promise<ExportOutcome<ProgressDashboard>>;
  /** The same figures as an XLSX workbook; also refuses `no_plan` when there is no visit plan. */
  workbook(request: ProgressWorkbookRequest): Promise<ExportOutcome<ExportFile>>;
  /**
   * The mop-up plan from the start date and threshold asked for. A start that is not a real date or
   * a threshold that is not a whole number ≥ 1 (or a programme the planner cannot plan, e.g. no team)
   * comes back as issues naming the field; `missing` and `settings` as for the dashboard.
   */
  mopUp(request: MopUpRequest): Promise<ExportOutcome<MopUpResult<MopUpPlan>>>;
  /** The same mop-up plan as an XLSX workbook (referred students' names and classes, never NIK). */
  mopUpWorkbook(request: MopUpWorkbookRequest): Promise<ExportOutcome<MopUpResult<ExportFile>>>;
}

/** The refusal a gathering error becomes. */
function refusalOf(error: GatherError): Refusal {
  return error.code === 'settings'
    ? new Refusal('settings', error.localized)
    : new Refusal('missing');
}

/** The progress figures over the database `db()` opens (the app's, or a test's fake one). */
export function createProgressApi(db: () => SahajaDatabase): ProgressApi {
  const compute = async (request: ProgressRequest): Promise<ProgressDashboard> => {
    const gathered = await gatherProgress(db(), request.programmeId, request.today);
    if (!gathered.ok) throw refusalOf(gathered.error);
    return progressDashboard(gathered.value);
  };
  const mopUp = async (request: MopUpRequest): Promise<MopUpResult<MopUpPlan>> => {
    if (!parseIsoDate(request.today)) {
      throw new RangeError(`today must be a YYYY-MM-DD date, got "${request.today}"`);
    }
    const choice = readMopUpChoice(request);
    if (!choice.ok) return choice;
    const gathered = await gatherMopUp(db(), request.programmeId);
    if (!gathered.ok) throw refusalOf(gathered.error);
    return computeMopUp(gathered.value, { ...choice.value, today: request.today });
  };
  return {
    dashboard: (request) => attempt(() => compute(request)),
    workbook: (request) =>
      attempt(async () => {
        const dashboard = await compute(request);
        if (!dashboard.hasPlan) throw new Refusal('no_plan');
        const text = progressText(request.locale);
        const bytes = await tablesToXlsx(progressTables(dashboard, text));
        return {
          bytes,
          fileName: `${text.t('progress.file')}-${slug(dashboard.programme)}-${dashboard.today}.xlsx`,
          type: XLSX_TYPE,
        };
      }),
    mopUp: (request) => attempt(() => mopUp(request)),
    mopUpWorkbook: (request) =>
      attempt(async (): Promise<MopUpResult<ExportFile>> => {
        const planned = await mopUp(request);
        if (!planned.ok) return planned;
        const plan = planned.value;
        const text = progressText(request.locale);
        const bytes = await tablesToXlsx(mopUpTables(plan, text));
        const name = `${text.t('progress.mopUp.file')}-${slug(plan.programme)}-${plan.start}.xlsx`;
        return { ok: true, value: { bytes, fileName: name, type: XLSX_TYPE } };
      }),
  };
}
