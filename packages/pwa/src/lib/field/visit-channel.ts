/**
 * Tells the other tabs and workers of this browser that a school's visit-day events changed, so a
 * visit screen open in another tab shows marks made in this one without being opened again. A message
 * names the programme and the school (or no school: any of them, after a merged file or a restore); it
 * holds no personal data. One channel object per tab or worker: the browser does not hand a message
 * back to the object that posted it, so a tab is not told of its own marks.
 */

/** What changed: a school's events, or (`npsn: null`) those of any school of the programme. */
export interface VisitEventsChanged {
  readonly programmeId: string;
  readonly npsn: string | null;
}

/** The channel's name (another tab opens its own object on it). */
export const VISIT_CHANNEL_NAME = 'sahaja-visit-events';

let channel: BroadcastChannel | null = null;

function opened(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  if (channel === null) {
    channel = new BroadcastChannel(VISIT_CHANNEL_NAME);
    // Node's channel would keep a process alive (tests); a browser's has no `unref`.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  }
  return channel;
}

/** Announces a change to the other tabs and workers (nothing where there is no BroadcastChannel). */
export function announceVisitEvents(change: VisitEventsChanged): void {
  opened()?.postMessage({ programmeId: change.programmeId, npsn: change.npsn });
}

/** Calls `listener` with each change another tab or worker announces; returns the unsubscribe. */
export function onVisitEventsChanged(listener: (change: VisitEventsChanged) => void): () => void {
  const bc = opened();
  if (!bc) return () => undefined;
  const handle = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<Record<keyof VisitEventsChanged, unknown>> | null;
    if (typeof data !== 'object' || data === null || typeof data.programmeId !== 'string') return;
    const npsn = typeof data.npsn === 'string' ? data.npsn : null;
    listener({ programmeId: data.programmeId, npsn });
  };
  bc.addEventListener('message', handle);
  return () => bc.removeEventListener('message', handle);
}

/** Whether `change` concerns school `npsn` of programme `programmeId`. */
export function concerns(change: VisitEventsChanged, programmeId: string, npsn: string): boolean {
  return change.programmeId === programmeId && (change.npsn === null || change.npsn === npsn);
}
