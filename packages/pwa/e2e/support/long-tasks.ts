/**
 * The page's long tasks (main-thread tasks over 50 ms, from the Long Tasks API), recorded from the
 * first script of every page, for the browser tests and the benchmarks.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The longest main-thread task the app may take while it works (issue 7: the page stays responsive). */
export const LONG_TASK_LIMIT_MS = 200;

/** A long task: when it started (`performance.now()` time) and how long it took (ms). */
export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

declare global {
  interface Window {
    /** The main thread's long tasks since the page loaded. */
    __sahajaLongTasks?: LongTask[];
  }
}

/** Records every long task of every page of `context` in `window.__sahajaLongTasks`. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: LongTask[] = [];
    window.__sahajaLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks that ran (in part) between `from` and `to` (`performance.now()` times). */
export function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  return page.evaluate(
    ([a, b]) =>
      (window.__sahajaLongTasks ?? []).filter((t) => t.start < b && t.start + t.duration > a),
    [from, to] as const,
  );
}

/** The longest main-thread task so far (0 when none was over 50 ms). */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, ...(window.__sahajaLongTasks ?? []).map((t) => t.duration)),
  );
}

/**
 * Resolves once the page's main thread had an idle moment (at most `timeoutMs` later): a step timed
 * from then on does not count the tail of a navigation or of the previous step as its own.
 */
export function mainThreadIdle(page: Page, timeoutMs = 2_000): Promise<void> {
  return page.evaluate(
    (timeout) =>
      new Promise<void>((resolve) => {
        requestIdleCallback(() => resolve(), { timeout });
      }),
    timeoutMs,
  );
}
