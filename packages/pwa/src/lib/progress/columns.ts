/**
 * Which figures the progress tables and the workbook show, in order, with their headers' message
 * keys: one list, so that the screen and the file cannot drift apart.
 */
import type { DayProgress, ProgressFigures } from '@sahaja/core/field';
import type { ProgressKey } from './text';

/** Every figure of a group (total, team, kecamatan, school), as the workbook's sheets have them. */
export const FIGURE_COLUMNS: readonly (readonly [keyof ProgressFigures, ProgressKey])[] = [
  ['targets', 'progress.fig.targets'],
  ['targetsWajib', 'progress.fig.targetsWajib'],
  ['recorded', 'progress.fig.recorded'],
  ['recordedWajib', 'progress.fig.recordedWajib'],
  ['absent', 'progress.fig.absent'],
  ['refused', 'progress.fig.refused'],
  ['failed', 'progress.fig.failed'],
  ['notEligible', 'progress.fig.notEligible'],
  ['unmarked', 'progress.fig.unmarked'],
  ['remaining', 'progress.fig.remaining'],
  ['remainingWajib', 'progress.fig.remainingWajib'],
  ['done', 'progress.fig.done'],
  ['planned', 'progress.fig.planned'],
  ['plannedByNow', 'progress.fig.plannedByNow'],
];

/** The figures the screen's group tables show (then % done): what a person compares at a glance. */
export const TABLE_COLUMNS: readonly (readonly [keyof ProgressFigures, ProgressKey])[] = [
  ['targets', 'progress.fig.targets'],
  ['recorded', 'progress.fig.recorded'],
  ['absent', 'progress.fig.absent'],
  ['refused', 'progress.fig.refused'],
  ['failed', 'progress.fig.failed'],
  ['notEligible', 'progress.fig.notEligible'],
  ['remaining', 'progress.fig.remaining'],
];

/** A day's counts, in order. */
export const DAY_COLUMNS: readonly (readonly [Exclude<keyof DayProgress, 'date'>, ProgressKey])[] =
  [
    ['planned', 'progress.fig.planned'],
    ['recorded', 'progress.fig.recorded'],
    ['absent', 'progress.fig.absent'],
    ['refused', 'progress.fig.refused'],
    ['failed', 'progress.fig.failed'],
    ['notEligible', 'progress.fig.notEligible'],
    ['done', 'progress.fig.done'],
    ['plannedToDate', 'progress.fig.plannedToDate'],
    ['doneToDate', 'progress.fig.doneToDate'],
  ];
