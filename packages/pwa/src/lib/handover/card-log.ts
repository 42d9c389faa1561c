/**
 * The card log in IndexedDB (`cardEvents`): handovers and their undos, only ever added. Each event is
 * checked by the core against the log as stored, and added, in one transaction: two tabs cannot
 * record one card twice, and a refused or failed event leaves the database as it was.
 */
import {
  compareEvents,
  liveHandovers,
  validateCardEvent,
  type CardContext,
  type CardEvent,
  type FieldIssue,
  type HandoverEvent,
} from '@sahaja/core/field';
import type { SahajaDatabase } from '../db';
import { recordChange } from '../sync/change-log';

/** Why an event was not stored: the core's problems with it (each naming its field), or storage. */
export type CardSaveError =
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] }
  | { readonly kind: 'storage'; readonly message: string };

export type CardSaveResult =
  | {
      readonly ok: true;
      readonly event: CardEvent;
      /** The log as stored now, this event included. */
      readonly log: readonly CardEvent[];
    }
  | { readonly ok: false; readonly error: CardSaveError };

/** Programme `programmeId`'s card log, in event order (instant, then id). */
export async function readCardLog(db: SahajaDatabase, programmeId: string): Promise<CardEvent[]> {
  const rows = await db.cardEvents
    .where('[programmeId+id]')
    .between([programmeId, ''], [programmeId, '\uffff'])
    .toArray();
  return rows.map(withoutProgramme).sort(compareEvents);
}

function withoutProgramme({ programmeId: _programme, ...event }: CardEventRowLike): CardEvent {
  return event as CardEvent;
}

type CardEventRowLike = CardEvent & { readonly programmeId: string };

/**
 * Checks `input` (a handover or an undo, as typed) against programme `programmeId`'s stored card log
 * with `context` (birth dates: no handover before the 17th birthday) and adds it. Refused: every
 * problem, each with its field; the database is unchanged then, and when the write fails.
 */
export async function appendCardEvent(
  db: SahajaDatabase,
  programmeId: string,
  input: unknown,
  context: CardContext = {},
): Promise<CardSaveResult> {
  try {
    return await db.transaction(
      'rw',
      [db.cardEvents, db.changes],
      async (): Promise<CardSaveResult> => {
        const log = await readCardLog(db, programmeId);
        const checked = validateCardEvent(input, log, context);
        if (!checked.ok) return { ok: false, error: { kind: 'invalid', issues: checked.issues } };
        await db.cardEvents.add({ ...checked.value, programmeId });
        await recordChange(db, programmeId, {
          kind: 'card',
          id: checked.value.id,
          payload: checked.value,
        });
        return { ok: true, event: checked.value, log: [...log, checked.value].sort(compareEvents) };
      },
    );
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { kind: 'storage', message } };
  }
}

/**
 * The handover "undo" revokes: the latest handover recorded on laptop `device` that still stands, or
 * null. Undo again and it walks one more back. Handovers from other laptops (merged logs) are left to
 * theirs.
 */
export function lastHandover(log: readonly CardEvent[], device: string): HandoverEvent | null {
  let last: HandoverEvent | null = null;
  for (const event of liveHandovers(log).values()) {
    if (event.device !== device) continue;
    if (!last || compareEvents(event, last) > 0) last = event;
  }
  return last;
}

/** What the handover form holds (all text; the core checks it). */
export interface HandoverDraft {
  receivedBy: string;
  handedAt: string;
  by: string;
  note: string;
}

/** Who records an event, and when. */
export interface EventStamp {
  readonly id: string;
  /** ISO timestamp with its zone. */
  readonly at: string;
  readonly device: string;
  /** The staff member at the laptop, when known. */
  readonly author?: string;
}

/**
 * A new event's stamp: a random id, the instant `at` (now by default) as an ISO timestamp, laptop
 * `device`, and the staff member `author` when known.
 */
export function eventStamp(
  device: string,
  author: string,
  at: Date = new Date(),
  id: string = crypto.randomUUID(),
): EventStamp {
  return {
    id,
    at: at.toISOString(),
    device,
    ...(author.trim() !== '' && { author: author.trim() }),
  };
}

/** The handover event the form describes, for student `idSiswa` (blank optional texts left out). */
export function handoverInput(idSiswa: string, draft: HandoverDraft, stamp: EventStamp): unknown {
  return {
    ...envelope(stamp),
    kind: 'handover',
    idSiswa,
    handedAt: draft.handedAt,
    receivedBy: draft.receivedBy,
    ...(draft.by.trim() !== '' && { by: draft.by }),
    ...(draft.note.trim() !== '' && { note: draft.note }),
  };
}

/** The undo of handover `target`. */
export function undoInput(target: HandoverEvent, stamp: EventStamp): unknown {
  return { ...envelope(stamp), kind: 'undo', undoes: target.id };
}

function envelope(stamp: EventStamp) {
  return {
    id: stamp.id,
    at: stamp.at,
    device: stamp.device,
    ...(stamp.author && { author: stamp.author }),
  };
}

/** The form's fields a core issue can name; other issues concern the event as a whole. */
export const FORM_FIELDS = ['receivedBy', 'handedAt', 'by', 'note'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The issues by form field, and those about the event as a whole (`general`). */
export function issuesByField(issues: readonly FieldIssue[]): {
  readonly fields: Partial<Record<FormField, FieldIssue>>;
  readonly general: readonly FieldIssue[];
} {
  const fields: Partial<Record<FormField, FieldIssue>> = {};
  const general: FieldIssue[] = [];
  for (const issue of issues) {
    const field = FORM_FIELDS.find((f) => f === issue.field);
    if (field && !fields[field]) fields[field] = issue;
    else general.push(issue);
  }
  return { fields, general };
}
