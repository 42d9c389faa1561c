/**
 * The progress dashboard, computed in the export worker next to the data: the page sends a programme
 * id and its local date, and receives the figures (a few hundred numbers), or the same figures as an
 * XLSX file. Reading and deciding 20,000 students here keeps the page free.
 */
import { tablesToXlsx } from '@sahaja/core/io';
import type { IsoDate, SahajaDatabase } from '../db';
import type { Locale } from '../i18n/format';
import { progressDashboard, type ProgressDashboard } from '../progress/dashboard';
import { gatherProgress } from '../progress/gather';
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

/** The progress group of the worker's API. */
export interface ProgressApi {
  /**
   * The dashboard's figures. Refuses `missing` (no such programme) and `settings` (the core refused
   * the eligibility settings); a `today` that is not a date fails as `internal`.
   */
  dashboard(request: ProgressRequest): Promise<ExportOutcome<ProgressDashboard>>;
  /** The same figures as an XLSX workbook; also refuses `no_plan` when there is no visit plan. */
  workbook(request: ProgressWorkbookRequest): Promise<ExportOutcome<ExportFile>>;
}

/** The progress figures over the database `db()` opens (the app's, or a test's fake one). */
export function createProgressApi(db: () => SahajaDatabase): ProgressApi {
  const compute = async (request: ProgressRequest): Promise<ProgressDashboard> => {
    const gathered = await gatherProgress(db(), request.programmeId, request.today);
    if (!gathered.ok) {
      const { error } = gathered;
      throw error.code === 'settings'
        ? new Refusal('settings', error.localized)
        : new Refusal('missing');
    }
    return progressDashboard(gathered.value);
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
  };
}
