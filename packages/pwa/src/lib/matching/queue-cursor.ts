/**
 * Moving through a queue of ids: the cursor is an id, not an index, so it stays on the same student
 * when the queue changes around it (a decision sends another student to review).
 */

/** The id `delta` places from `current` (clamped to the ends); the first id when none is current. */
export function stepCursor(
  ids: readonly string[],
  current: string | null,
  delta: number,
): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return ids[0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))] ?? null;
}

/**
 * The next id after `current` that is still open, going round past the end; null when none is (the
 * current one does not count, since it was just decided or is the one in view).
 */
export function nextOpen(
  ids: readonly string[],
  current: string | null,
  isOpen: (id: string) => boolean,
): string | null {
  const at = current === null ? -1 : ids.indexOf(current);
  for (let k = 1; k <= ids.length; k++) {
    const id = ids[(at + k + ids.length) % ids.length] as string;
    if (id !== current && isOpen(id)) return id;
  }
  return null;
}

/**
 * The id in view: `current` while it is in the queue; once it left (a decision moved it elsewhere),
 * the id now at its last known index, so the reviewer stays where they were.
 */
export function cursorIn(
  ids: readonly string[],
  current: string | null,
  lastIndex: number,
): string | null {
  if (current !== null && ids.includes(current)) return current;
  return ids[Math.min(Math.max(0, lastIndex), ids.length - 1)] ?? null;
}
