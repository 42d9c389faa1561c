/**
 * The progress workbook: the dashboard's figures in five sheets — summary, per day, per team, per
 * kecamatan, per school — with headers and words in the language asked for, counts as numbers and
 * dates as real Excel dates. No student appears in it: only counts, schools, teams and kecamatan.
 */
import type { DayProgress, ProgressFigures, TeamProgress } from '@sahaja/core/field';
import type { ExportColumn, ExportTable } from '@sahaja/core/io';
import { weekdayOf } from '../export/dates';
import { SheetNames } from '../export/sheet-names';
import { DAY_COLUMNS, FIGURE_COLUMNS } from './columns';
import type { KecamatanProgressRow, ProgressDashboard, SchoolProgressRow } from './dashboard';
import {
  forecastFinish,
  forecastSentences,
  forecastSummary,
  percentDone,
  type ProgressTranslator,
} from './text';

/** One line of the summary sheet: a count, a note, or both. */
export interface SummaryLine {
  readonly item: string;
  readonly count: number | null;
  readonly note: string;
}

/** The summary sheet's lines: the totals, the forecast, and what is not counted. */
export function summaryLines(dashboard: ProgressDashboard, tr: ProgressTranslator): SummaryLine[] {
  const { t } = tr;
  const { total } = dashboard;
  const line = (item: string, count: number | null, note = ''): SummaryLine => ({
    item,
    count,
    note,
  });
  const forecast = forecastSummary(total.forecast, tr);
  return [
    line(t('progress.summary.programme'), null, dashboard.programme),
    line(t('progress.summary.today'), null, tr.date(dashboard.today)),
    ...FIGURE_COLUMNS.map(([key, label]) => line(t(label), total[key])),
    line(t('progress.fig.percentDone'), percentDone(total)),
    line(
      t('progress.fig.plannedFinish'),
      null,
      total.plannedFinish ? tr.date(total.plannedFinish) : t('progress.none'),
    ),
    line(t('progress.fig.forecast'), null, forecast.finish),
    line(t('progress.fig.versusPlan'), null, forecast.versus),
    line(
      t('progress.summary.forecastText'),
      null,
      forecastSentences(total.forecast, total.plannedFinish, total.remaining, tr).join(' '),
    ),
    line(t('progress.summary.pending'), dashboard.pending),
    line(t('progress.summary.untracked'), dashboard.untracked),
    line(t('progress.summary.conflicts'), dashboard.conflicts),
  ];
}

/** The group sheets' figure columns, then % done and the last planned visit. */
function figureColumns<R extends ProgressFigures & { readonly plannedFinish: string | undefined }>(
  tr: ProgressTranslator,
): ExportColumn<R>[] {
  return [
    ...FIGURE_COLUMNS.map(([key, label]): ExportColumn<R> => ({
      header: tr.t(label),
      type: 'number',
      value: (r) => r[key],
    })),
    { header: tr.t('progress.fig.percentDone'), type: 'number', value: (r) => percentDone(r) },
    { header: tr.t('progress.fig.plannedFinish'), type: 'date', value: (r) => r.plannedFinish },
  ];
}

/**
 * The workbook's tables: Ringkasan, Per hari, Per tim, Per kecamatan, Per sekolah (names in the
 * language asked for). Every text is written as a text cell, so a name such as `=HYPERLINK(…)` is
 * shown, never run.
 */
export function progressTables(
  dashboard: ProgressDashboard,
  tr: ProgressTranslator,
): ExportTable<unknown>[] {
  const { t } = tr;
  const names = new SheetNames();
  const tables: ExportTable<unknown>[] = [];
  const add = <R>(table: ExportTable<R>) => tables.push(table as ExportTable<unknown>);

  add<SummaryLine>({
    sheet: names.name(t('progress.sheet.summary'), 'Summary'),
    columns: [
      { header: t('progress.col.item'), type: 'text', value: (l) => l.item },
      { header: t('progress.col.count'), type: 'number', value: (l) => l.count },
      { header: t('progress.col.note'), type: 'text', value: (l) => l.note },
    ],
    rows: summaryLines(dashboard, tr),
  });

  add<DayProgress>({
    sheet: names.name(t('progress.sheet.days'), 'Per day'),
    columns: [
      { header: t('progress.days.date'), type: 'date', value: (d) => d.date },
      {
        header: t('progress.col.weekday'),
        type: 'text',
        value: (d) => weekdayOf(d.date, tr.locale),
      },
      ...DAY_COLUMNS.map(([key, label]): ExportColumn<DayProgress> => ({
        header: t(label),
        type: 'number',
        value: (d) => d[key],
      })),
    ],
    rows: dashboard.days,
  });

  add<TeamProgress>({
    sheet: names.name(t('progress.sheet.teams'), 'Per team'),
    columns: [
      {
        header: t('progress.teams.team'),
        type: 'text',
        value: (r) => r.team ?? t('progress.teams.none'),
      },
      ...figureColumns<TeamProgress>(tr),
      {
        header: t('progress.fig.forecast'),
        type: 'date',
        value: (r) => forecastFinish(r.forecast),
      },
      {
        header: t('progress.fig.versusPlan'),
        type: 'text',
        value: (r) => {
          const summary = forecastSummary(r.forecast, tr);
          return r.forecast.status === 'none' ? summary.finish : summary.versus;
        },
      },
    ],
    rows: dashboard.teams,
  });

  add<KecamatanProgressRow>({
    sheet: names.name(t('progress.sheet.kecamatan'), 'Per kecamatan'),
    columns: [
      {
        header: t('progress.kecamatan.kecamatan'),
        type: 'text',
        value: (r) => r.name || t('progress.kecamatan.unknown'),
      },
      { header: t('progress.kecamatan.code'), type: 'identifier', value: (r) => r.kecamatan ?? '' },
      ...figureColumns<KecamatanProgressRow>(tr),
    ],
    rows: dashboard.kecamatan,
  });

  add<SchoolProgressRow>({
    sheet: names.name(t('progress.sheet.schools'), 'Per school'),
    columns: [
      { header: t('progress.schools.npsn'), type: 'identifier', value: (r) => r.npsn },
      { header: t('progress.schools.school'), type: 'text', value: (r) => r.nama },
      {
        header: t('progress.kecamatan.kecamatan'),
        type: 'text',
        value: (r) => r.kecamatanName || t('progress.kecamatan.unknown'),
      },
      {
        header: t('progress.teams.team'),
        type: 'text',
        value: (r) => r.team ?? t('progress.teams.none'),
      },
      ...figureColumns<SchoolProgressRow>(tr),
    ],
    rows: dashboard.schools,
  });
  return tables;
}
