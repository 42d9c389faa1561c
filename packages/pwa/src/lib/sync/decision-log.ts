/**
 * Reviewers' decisions in the change log (issue 9). Each decision on a (student, NIK) pair or on two
 * listings is written with its rows as a `review_decision` / `duplicate_decision` change whose
 * `replaces` names the changes of the same fact this laptop holds as current (the register's heads),
 * and a merge applies the decisions other laptops made to the same rows: the whole log decides
 * (`deriveState`), so every laptop ends with the same decisions; concurrent different ones are listed
 * as conflicts until someone decides again.
 *
 * A decision change's id starts with its student (`rd:<student>:`) or its two listings
 * (`dd:<listing>:<listing>:`), so that the changes of one fact are found by a key range of the log
 * instead of reading all of it (20,000 changes) for every keypress of a reviewer. Ids are cut and
 * cleaned to the characters an id allows, so the range may hold other facts' changes: they are told
 * apart by their payloads. The NIK is never part of an id: ids are stored unencrypted.
 */
import {
  resolveRegisters,
  type DomainEvent,
  type DuplicateDecisionPayload,
  type ReviewDecisionPayload,
  type SyncedState,
} from '@sahaja/core/sync';
import type { DecisionRow, DuplicateDecisionRow, ReviewChange, SahajaDatabase } from '../db';
import { eventOf, recordChange } from './change-log';
import { wallTime, type ChangeClock } from './clock';

const NUL = '\u0000';

/** An id's part made of `text`: the characters an id allows, at most `max` of them. */
const idPart = (text: string, max: number): string =>
  text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, max);

/** The start of the ids of a student's review decisions. */
const reviewPrefix = (idSiswa: string): string => `rd:${idPart(idSiswa, 40)}:`;

/** The two listings of a pair in the core's order (sorted). */
const sortedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** The start of the ids of a pair of listings' decisions. */
const duplicatePrefix = (a: string, b: string): string => {
  const [first, second] = sortedPair(a, b);
  return `dd:${idPart(first, 28)}:${idPart(second, 28)}:`;
};

/** The core's register key of a review decision (`SyncedState.reviewDecisions`). */
export const reviewKey = (idSiswa: string, nik: string): string => `${idSiswa}${NUL}${nik}`;

/** The core's register key of a duplicate decision (`SyncedState.duplicateDecisions`). */
export const duplicateKey = (a: string, b: string): string => sortedPair(a, b).join(NUL);

function reviewKeyOf(event: DomainEvent): string | null {
  if (event.kind !== 'review_decision') return null;
  const p = event.payload as Partial<ReviewDecisionPayload>;
  return typeof p.idSiswa === 'string' && typeof p.nik === 'string'
    ? reviewKey(p.idSiswa, p.nik)
    : null;
}

function duplicateKeyOf(event: DomainEvent): string | null {
  if (event.kind !== 'duplicate_decision') return null;
  const p = event.payload as Partial<DuplicateDecisionPayload>;
  return typeof p.idSiswa === 'string' && typeof p.duplicateOf === 'string'
    ? duplicateKey(p.idSiswa, p.duplicateOf)
    : null;
}

/**
 * The changes this laptop holds as current for the fact `key` (the register's heads): those a new
 * decision on it replaces. Call inside a transaction over `db.changes`.
 */
async function heads(
  db: SahajaDatabase,
  programmeId: string,
  prefix: string,
  keyOf: (event: DomainEvent) => string | null,
  key: string,
): Promise<string[]> {
  const rows = await db.changes
    .where(':id')
    .between([programmeId, prefix], [programmeId, `${prefix}\uffff`])
    .toArray();
  const register = resolveRegisters(rows.map(eventOf), (event) =>
    keyOf(event) === key ? { key, value: null } : null,
  ).get(key);
  return register ? [...register.heads] : [];
}

/** Logs one review decision (`clear`: the pair's decision was taken back). */
async function recordReview(
  db: SahajaDatabase,
  programmeId: string,
  payload: ReviewDecisionPayload,
  clock: ChangeClock | undefined,
): Promise<void> {
  const prefix = reviewPrefix(payload.idSiswa);
  const held = await heads(
    db,
    programmeId,
    prefix,
    reviewKeyOf,
    reviewKey(payload.idSiswa, payload.nik),
  );
  await recordChange(
    db,
    programmeId,
    {
      kind: 'review_decision',
      id: `${prefix}${crypto.randomUUID()}`,
      payload,
      replaces: held,
    },
    clock,
  );
}

/** Logs one decision on two listings (`clear`: it was taken back). */
async function recordDuplicate(
  db: SahajaDatabase,
  programmeId: string,
  payload: DuplicateDecisionPayload,
  clock: ChangeClock | undefined,
): Promise<void> {
  const prefix = duplicatePrefix(payload.idSiswa, payload.duplicateOf);
  const key = duplicateKey(payload.idSiswa, payload.duplicateOf);
  const held = await heads(db, programmeId, prefix, duplicateKeyOf, key);
  await recordChange(
    db,
    programmeId,
    {
      kind: 'duplicate_decision',
      id: `${prefix}${crypto.randomUUID()}`,
      payload,
      replaces: held,
    },
    clock,
  );
}

/**
 * Logs what a review change decides, inside its transaction (over `db.changes` too): one change per
 * decision put, and a `clear` for each decision removed and not put again — an acceptance that
 * replaces the student's acceptance of another NIK takes that one back, so it is two changes.
 * Matches moved by the change are not logged: they follow from the decisions.
 */
export async function recordReviewChange(
  db: SahajaDatabase,
  programmeId: string,
  change: ReviewChange,
  clock?: ChangeClock,
): Promise<void> {
  const put = new Set(change.putDecisions.map((d) => reviewKey(d.idSiswa, d.nik)));
  for (const { idSiswa, nik, decision } of change.putDecisions) {
    await recordReview(db, programmeId, { idSiswa, nik, decision }, clock);
  }
  for (const { idSiswa, nik } of change.deleteDecisions) {
    if (put.has(reviewKey(idSiswa, nik))) continue;
    await recordReview(db, programmeId, { idSiswa, nik, decision: 'clear' }, clock);
  }
  const putPairs = new Set(
    change.putDuplicateDecisions.map((d) => duplicateKey(d.idSiswa, d.duplicateOf)),
  );
  for (const { idSiswa, duplicateOf, decision } of change.putDuplicateDecisions) {
    await recordDuplicate(db, programmeId, { idSiswa, duplicateOf, decision }, clock);
  }
  const cleared = new Set<string>();
  for (const { idSiswa, duplicateOf } of change.deleteDuplicateDecisions) {
    const key = duplicateKey(idSiswa, duplicateOf);
    if (putPairs.has(key) || cleared.has(key)) continue;
    cleared.add(key);
    await recordDuplicate(db, programmeId, { idSiswa, duplicateOf, decision: 'clear' }, clock);
  }
}

/**
 * Applies the decisions that came in with a merge (`added`) to the `decisions` and
 * `duplicateDecisions` rows, each fact as the merged log decides it (`state`, derived from the whole
 * log): a decision is written with the time it was made, a cleared one removed. A fact whose rows
 * already say so is left alone. Call inside the merge's transaction; returns how many facts changed.
 * The next pemadanan run gives them to the matcher, as it does this laptop's own decisions.
 */
export async function applyMergedDecisions(
  db: SahajaDatabase,
  programmeId: string,
  added: readonly DomainEvent[],
  state: SyncedState,
): Promise<number> {
  const reviews = new Set<string>();
  const pairs = new Set<string>();
  for (const event of added) {
    const review = reviewKeyOf(event);
    if (review !== null) reviews.add(review);
    const pair = duplicateKeyOf(event);
    if (pair !== null) pairs.add(pair);
  }
  let changed = 0;
  for (const key of reviews) {
    const register = state.reviewDecisions.get(key);
    if (!register) continue;
    const { idSiswa, nik } = register.event.payload as ReviewDecisionPayload;
    const stored = await db.decisions.get([programmeId, idSiswa, nik]);
    if (register.value === 'clear') {
      if (!stored) continue;
      await db.decisions.delete([programmeId, idSiswa, nik]);
    } else {
      if (stored?.decision === register.value) continue;
      const row: DecisionRow = {
        programmeId,
        idSiswa,
        nik,
        decision: register.value,
        decidedAt: wallTime(register.event.hlc),
      };
      await db.decisions.put(row);
    }
    changed++;
  }
  for (const key of pairs) {
    const register = state.duplicateDecisions.get(key);
    if (!register) continue;
    const { idSiswa, duplicateOf } = register.event.payload as DuplicateDecisionPayload;
    const both: [string, string, string][] = [
      [programmeId, idSiswa, duplicateOf],
      [programmeId, duplicateOf, idSiswa],
    ];
    const stored = (await db.duplicateDecisions.bulkGet(both)).filter((r) => r !== undefined);
    const unchanged =
      register.value === 'clear'
        ? stored.length === 0
        : stored.length === 1 && stored[0]?.decision === register.value;
    if (unchanged) continue;
    await db.duplicateDecisions.bulkDelete(both);
    if (register.value !== 'clear') {
      const row: DuplicateDecisionRow = {
        programmeId,
        idSiswa,
        duplicateOf,
        decision: register.value,
        decidedAt: wallTime(register.event.hlc),
      };
      await db.duplicateDecisions.put(row);
    }
    changed++;
  }
  return changed;
}
