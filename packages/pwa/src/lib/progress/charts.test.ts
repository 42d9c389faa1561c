import type { DayProgress, ProgressFigures } from '@sahaja/core/field';
import { describe, expect, it } from 'vitest';
import { cumulativeChart, groupChart } from './charts';
import { progressText } from './text';

const day = (date: string, planned: number, recorded: number, done: number): DayProgress => ({
  date,
  planned,
  recorded,
  absent: 0,
  refused: 0,
  failed: 0,
  notEligible: done - recorded,
  done,
  plannedToDate: 0,
  doneToDate: 0,
});

describe('cumulativeChart', () => {
  it('draws the running totals of planned, done and recorded students per day', () => {
    const days = [
      { ...day('2023-01-16', 5, 2, 3), plannedToDate: 5, doneToDate: 3 },
      { ...day('2023-01-17', 2, 1, 1), plannedToDate: 7, doneToDate: 4 },
    ];
    const spec = cumulativeChart(days, progressText('id'));
    expect(spec.kind).toBe('line');
    expect(spec.labels).toEqual(['16 Jan 2023', '17 Jan 2023']);
    expect(spec.series.map((s) => [s.label, s.values, s.dashed ?? false])).toEqual([
      ['Dijadwalkan (kumulatif)', [5, 7], true],
      ['Selesai (kumulatif)', [3, 4], false],
      ['Terekam (kumulatif)', [2, 3], false],
    ]);
  });

  describe('invalid input', () => {
    it('draws nothing for no day', () => {
      const spec = cumulativeChart([], progressText('en'));
      expect(spec.labels).toEqual([]);
      expect(spec.series.every((s) => s.values.length === 0)).toBe(true);
    });
  });
});

describe('groupChart', () => {
  it('stacks recorded, otherwise done and remaining: each bar as long as the targets', () => {
    const figures = {
      targets: 10,
      recorded: 4,
      refused: 1,
      notEligible: 2,
      remaining: 3,
    } as ProgressFigures;
    const spec = groupChart([{ label: 'Tim 1', figures }], progressText('en'));
    expect(spec.kind).toBe('stacked-bar');
    expect(spec.labels).toEqual(['Tim 1']);
    expect(spec.series.map((s) => [s.label, s.values])).toEqual([
      ['Recorded', [4]],
      ['Refused or not eligible', [3]],
      ['Remaining', [3]],
    ]);
    expect(spec.series.reduce((sum, s) => sum + (s.values[0] ?? 0), 0)).toBe(figures.targets);
  });
});
