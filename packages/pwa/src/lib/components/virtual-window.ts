/** Rows rendered beyond each edge of the view, so fast scrolling shows no blank rows. */
export const OVERSCAN = 8;
/** Rows in view assumed before the view is measured. */
export const UNMEASURED_ROWS = 12;

/** Which rows `[start, end)` a virtual list renders. */
export interface VisibleWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * The rows a list of `count` rows, each `rowHeight` pixels, must render when scrolled to `scrollTop` in
 * a view `viewportHeight` pixels high: those in view and `overscan` either side. Before the view is
 * measured (height 0) it renders `UNMEASURED_ROWS` from the top: the box is measured before the first
 * paint (a ResizeObserver), and each row drawn before that costs time while the list appears.
 */
export function visibleWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number = OVERSCAN,
): VisibleWindow {
  if (count <= 0 || !(rowHeight > 0)) return { start: 0, end: 0 };
  const height = viewportHeight > 0 ? viewportHeight : UNMEASURED_ROWS * rowHeight;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, last + overscan);
  return { start: Math.min(start, end), end };
}
