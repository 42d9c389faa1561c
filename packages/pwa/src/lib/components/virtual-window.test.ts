import { describe, expect, it } from 'vitest';
import { OVERSCAN, UNMEASURED_ROWS, visibleWindow } from './virtual-window';

describe('visibleWindow', () => {
  it('renders the rows in view and a few either side', () => {
    // 20,000 rows of 30 px; scrolled to row 1,000; 600 px shows 20 rows.
    expect(visibleWindow(20_000, 30, 30_000, 600)).toEqual({
      start: 1000 - OVERSCAN,
      end: 1020 + OVERSCAN,
    });
  });

  it('stops at the first and the last row', () => {
    expect(visibleWindow(20_000, 30, 0, 600)).toEqual({ start: 0, end: 20 + OVERSCAN });
    expect(visibleWindow(100, 30, 100 * 30 - 600, 600)).toEqual({ start: 80 - OVERSCAN, end: 100 });
  });

  it('renders every row of a short list', () => {
    expect(visibleWindow(5, 30, 0, 600)).toEqual({ start: 0, end: 5 });
  });

  it('renders a few rows from the top before the view is measured', () => {
    expect(visibleWindow(20_000, 30, 0, 0)).toEqual({ start: 0, end: UNMEASURED_ROWS + OVERSCAN });
  });

  it('keeps a valid window when scrolled past the end (the list just got shorter)', () => {
    expect(visibleWindow(10, 30, 30_000, 600)).toEqual({ start: 10, end: 10 });
  });

  describe('invalid input', () => {
    it('renders nothing for no rows or a row height that is not positive', () => {
      expect(visibleWindow(0, 30, 0, 600)).toEqual({ start: 0, end: 0 });
      expect(visibleWindow(10, 0, 0, 600)).toEqual({ start: 0, end: 0 });
      expect(visibleWindow(10, Number.NaN, 0, 600)).toEqual({ start: 0, end: 0 });
    });

    it('treats a negative scroll position (elastic scrolling) as the top', () => {
      expect(visibleWindow(100, 30, -50, 600)).toEqual({ start: 0, end: 20 + OVERSCAN });
    });
  });
});
