/**
 * What the progress charts draw, as plain data: labels and series of figures taken from the
 * dashboard, named in the UI language, coloured by role. `ProgressChart.svelte` turns a spec into a
 * Chart.js chart; the tables beside each chart hold the same figures.
 */
import { formatDate, parseIsoDate } from '@sahaja/core';
import type { DayProgress, ProgressFigures } from '@sahaja/core/field';
import type { ProgressTranslator } from './text';

/** A series' colour, by role: the app's CSS colours (`--colour-…`). */
export type ChartColour = 'brand' | 'accent' | 'success' | 'muted' | 'line';

/** One line or one stack of bars. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: ChartColour;
  /** A dashed line (what was planned, as against what happened). */
  readonly dashed?: boolean;
}

/** A chart: a line chart over days, or stacked horizontal bars over groups. */
export interface ChartSpec {
  readonly kind: 'line' | 'stacked-bar';
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** A date on an axis: "16 Jan 2023"; the text itself when not a date. */
function axisDate(iso: string, tr: ProgressTranslator): string {
  const date = parseIsoDate(iso);
  return date ? formatDate(date, 'medium', tr.locale) : iso;
}

/**
 * Running totals per day: students planned (dashed), done and recorded. Recorded-to-date is summed
 * here from the days' recorded counts; planned and done are the core's running totals.
 */
export function cumulativeChart(days: readonly DayProgress[], tr: ProgressTranslator): ChartSpec {
  let recorded = 0;
  const recordedToDate = days.map((d) => (recorded += d.recorded));
  return {
    kind: 'line',
    labels: days.map((d) => axisDate(d.date, tr)),
    series: [
      {
        label: tr.t('progress.fig.plannedToDate'),
        values: days.map((d) => d.plannedToDate),
        colour: 'muted',
        dashed: true,
      },
      {
        label: tr.t('progress.fig.doneToDate'),
        values: days.map((d) => d.doneToDate),
        colour: 'brand',
      },
      { label: tr.t('progress.fig.recordedToDate'), values: recordedToDate, colour: 'success' },
    ],
  };
}

/** A group of the bar chart: its name and figures. */
export interface ChartGroup {
  readonly label: string;
  readonly figures: ProgressFigures;
}

/**
 * Each group's targets as one bar: recorded, otherwise done (refused or not eligible) and remaining,
 * stacked so that the bar's length is the group's targets.
 */
export function groupChart(groups: readonly ChartGroup[], tr: ProgressTranslator): ChartSpec {
  return {
    kind: 'stacked-bar',
    labels: groups.map((g) => g.label),
    series: [
      {
        label: tr.t('progress.chart.recorded'),
        values: groups.map((g) => g.figures.recorded),
        colour: 'brand',
      },
      {
        label: tr.t('progress.chart.otherDone'),
        values: groups.map((g) => g.figures.refused + g.figures.notEligible),
        colour: 'accent',
      },
      {
        label: tr.t('progress.chart.remaining'),
        values: groups.map((g) => g.figures.remaining),
        colour: 'line',
      },
    ],
  };
}
