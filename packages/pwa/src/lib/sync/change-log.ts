/**
 * The programme's change log in IndexedDB (`changes`): every change made here, and every change merged
 * in from another laptop, as a domain event with its place (`seq`) in this laptop's log. Writes happen
 * inside the caller's transaction, with the change itself, so a change is in the log exactly when it
 * is in the tables.
 */
import type { DomainEvent } from '@sahaja/core/sync';
import type { ChangeRow, SahajaDatabase } from '../db';
import { laptopClock, type ChangeClock } from './clock';

/** What a new change says; the clock gives its stamp, device and author. */
export interface NewChange {
  readonly kind: string;
  readonly payload: object;
  /** The change's id when it has one already (a visit-day event's); else a new random one. */
  readonly id?: string;
  readonly replaces?: readonly string[];
}

/** The next `seq` of programme `programmeId`'s log (call inside a transaction over `changes`). */
export async function nextSeq(db: SahajaDatabase, programmeId: string): Promise<number> {
  // The index's keys only: rows are sealed, and a backwards read goes by cursor, which reads no value.
  const [last] = (await db.changes
    .where('[programmeId+seq]')
    .between([programmeId, 0], [programmeId, Infinity])
    .reverse()
    .limit(1)
    .keys()) as unknown as [string, number][];
  return (last?.[1] ?? 0) + 1;
}

/**
 * Appends a change made on this laptop to programme `programmeId`'s log and returns it. Call it inside
 * a transaction that includes `db.changes`, with the write of the change itself.
 */
export async function recordChange(
  db: SahajaDatabase,
  programmeId: string,
  change: NewChange,
  clock: ChangeClock = laptopClock(),
): Promise<DomainEvent> {
  const { device, author } = clock.actor();
  const event: DomainEvent = {
    id: change.id ?? `${change.kind}.${crypto.randomUUID()}`,
    hlc: clock.stamp(),
    device,
    author,
    kind: change.kind,
    // A plain JSON copy: what is stored is what a file will carry.
    payload: JSON.parse(JSON.stringify(change.payload)) as object,
    ...(change.replaces && change.replaces.length > 0 ? { replaces: [...change.replaces] } : {}),
  };
  await db.changes.add({ ...event, programmeId, seq: await nextSeq(db, programmeId) });
  return event;
}

/** Programme `programmeId`'s changes after `afterSeq` (all by default), in `seq` order. */
export async function readChanges(
  db: SahajaDatabase,
  programmeId: string,
  afterSeq = 0,
): Promise<ChangeRow[]> {
  return db.changes
    .where('[programmeId+seq]')
    .between([programmeId, afterSeq], [programmeId, Infinity], false, true)
    .toArray();
}

/** How many changes programme `programmeId`'s log holds (counted by the index, no rows read). */
export function countChanges(db: SahajaDatabase, programmeId: string): Promise<number> {
  return db.changes
    .where('[programmeId+seq]')
    .between([programmeId, 0], [programmeId, Infinity])
    .count();
}

/** A stored change without its programme and place: the domain event itself. */
export function eventOf(row: ChangeRow): DomainEvent {
  const { programmeId: _programmeId, seq: _seq, ...event } = row;
  return event;
}
