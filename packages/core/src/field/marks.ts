/**
 * Outcome marks (issue 8): on a visit day each expected student's outcome is one append-only event.
 * The current outcome of a student is read from the whole log, so that logs merged from several
 * laptops (issue 9) give the same answer in any order. See docs/field.md for the rules.
 */
import type { VisitOutcome } from '../scheduling/mop-up.js';
import { visitKey } from '../scheduling/pinned.js';
import type { VisitKey } from '../scheduling/types.js';
import type { Result } from '../domain/result.js';
import { compareEvents, revokedIds, startEvent, type EventBase, type UndoEvent } from './events.js';
import {
  fieldIssue,
  readText,
  requireText,
  readVisitKey,
  resultOf,
  type FieldIssue,
  type RawRecord,
} from './validate.js';
import { isWalkInId, liveWalkIns, readWalkIn, type WalkInEvent } from './walk-ins.js';

/** Every outcome, in the order counts are shown. */
export const VISIT_OUTCOMES: readonly VisitOutcome[] = [
  'recorded',
  'absent',
  'refused',
  'failed',
  'not_eligible',
];

/** Outcomes that need a reason: what failed (fingerprint, camera, power…), why not eligible. */
export const needsReason = (outcome: VisitOutcome): boolean =>
  outcome === 'failed' || outcome === 'not_eligible';

/** One student's outcome at a visit. */
export interface OutcomeMark extends EventBase {
  readonly kind: 'mark';
  readonly visit: VisitKey;
  /** The listed student's id, or a walk-in's id (`walkin:…`). */
  readonly idSiswa: string;
  readonly outcome: VisitOutcome;
  /** Short and grouped in the day summary; required for `failed` and `not_eligible`. */
  readonly reason?: string;
  /** Free text that belongs to this mark: undoing the mark removes it too. */
  readonly note?: string;
}

/** What other modules read of a current outcome: it, and the visit (hence the date) it was marked at. */
export type MarkedOutcome = Pick<OutcomeMark, 'outcome' | 'visit'>;

/** A note on its own: about a student whose outcome does not change, or (no `idSiswa`) the visit. */
export interface NoteEvent extends EventBase {
  readonly kind: 'note';
  readonly visit: VisitKey;
  readonly idSiswa?: string;
  readonly text: string;
}

/** Anything that happens on a visit day: the log `currentOutcomes` reads. */
export type VisitEvent = OutcomeMark | NoteEvent | WalkInEvent | UndoEvent;

const REASON = { label: { id: 'Alasan', en: 'reason' }, max: 120 };
const NOTE = { label: { id: 'Catatan', en: 'note' }, max: 500, multiline: true };
const ID_SISWA = { label: { id: 'Id siswa', en: 'student id' }, max: 100 };

/**
 * Checks an incoming visit-day event against the log it joins and returns it cleaned (texts trimmed,
 * unknown properties dropped), or every problem, each naming its field. Never throws.
 *
 * - every event: a new `id`, `at` a timestamp with its zone, optional `device` and `author`;
 * - `mark`: `visit`, `idSiswa`, an `outcome`, a `reason` for `failed` and `not_eligible`, an optional
 *   `note`; a walk-in's `idSiswa` must be a walk-in in the log;
 * - `note`: `visit`, `text`, an optional `idSiswa`;
 * - `walk_in`: `visit`, `nama` and optional details (see `WalkInEvent`);
 * - `undo`: `undoes` names an event of the log that is not an undo and not undone already.
 *
 * @example
 * validateVisitEvent({ id: 'e1', at: '2023-01-16T08:15:30Z', kind: 'mark', idSiswa: 's1',
 *   visit: { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' }, outcome: 'failed' }, [])
 * // { ok: false, issues: [{ field: 'reason', code: 'reason_required', … }] }
 */
export function validateVisitEvent(
  input: unknown,
  log: readonly VisitEvent[],
): Result<VisitEvent, FieldIssue> {
  const start = startEvent(input, log);
  if ('result' in start) return start.result;
  const { raw, base, kind, issues } = start;
  if (kind !== 'mark' && kind !== 'note' && kind !== 'walk_in') {
    issues.push(
      fieldIssue(
        'kind',
        'unknown_kind',
        'Jenis peristiwa harus mark, note, walk_in atau undo.',
        'The event kind must be mark, note, walk_in or undo.',
      ),
    );
    return resultOf<VisitEvent>(undefined, issues);
  }
  // Every field is read even when an earlier one failed, so that a form can show all problems at once.
  const visit = readVisitKey(raw, issues);
  const fields =
    kind === 'walk_in'
      ? readWalkIn(raw, visit, issues)
      : kind === 'mark'
        ? readMark(raw, log, issues)
        : readNote(raw, log, issues);
  return resultOf(
    base && visit && fields ? ({ ...base, kind, visit, ...fields } as VisitEvent) : undefined,
    issues,
  );
}

/** The fields of an event after its envelope, kind and visit. */
type Fields<E> = Omit<E, keyof EventBase | 'kind' | 'visit'>;

function readMark(
  raw: RawRecord,
  log: readonly VisitEvent[],
  issues: FieldIssue[],
): Fields<OutcomeMark> | undefined {
  const before = issues.length;
  const idSiswa = readStudent(raw, log, issues, true);
  const outcome = raw['outcome'];
  const known = VISIT_OUTCOMES.find((o) => o === outcome);
  if (!known) {
    issues.push(
      fieldIssue(
        'outcome',
        outcome === undefined || outcome === null ? 'required' : 'unknown_outcome',
        `Hasil harus salah satu dari: ${VISIT_OUTCOMES.join(', ')}.`,
        `The outcome must be one of: ${VISIT_OUTCOMES.join(', ')}.`,
      ),
    );
  }
  const reasonIssues = issues.length;
  const reason = readText(raw, 'reason', REASON, issues);
  if (known && needsReason(known) && reason === undefined && issues.length === reasonIssues) {
    const [id, en] =
      known === 'failed'
        ? ['gagal rekam', 'capture failed']
        : ['tidak memenuhi syarat', 'not eligible'];
    issues.push(
      fieldIssue(
        'reason',
        'reason_required',
        `Hasil "${id}" perlu alasan singkat.`,
        `The outcome "${en}" needs a short reason.`,
      ),
    );
  }
  const note = readText(raw, 'note', NOTE, issues);
  if (issues.length > before || idSiswa === undefined || !known) return undefined;
  return {
    idSiswa,
    outcome: known,
    ...(reason !== undefined && { reason }),
    ...(note !== undefined && { note }),
  };
}

function readNote(
  raw: RawRecord,
  log: readonly VisitEvent[],
  issues: FieldIssue[],
): Fields<NoteEvent> | undefined {
  const before = issues.length;
  const idSiswa = readStudent(raw, log, issues, false);
  const text = requireText(raw, 'text', NOTE, issues);
  if (issues.length > before || text === undefined) return undefined;
  return { ...(idSiswa !== undefined && { idSiswa }), text };
}

/** Reads `idSiswa`; a walk-in's id must be a walk-in of the log that is not undone. */
function readStudent(
  raw: RawRecord,
  log: readonly VisitEvent[],
  issues: FieldIssue[],
  required: boolean,
): string | undefined {
  const idSiswa = (required ? requireText : readText)(raw, 'idSiswa', ID_SISWA, issues);
  if (idSiswa === undefined || !isWalkInId(idSiswa)) return idSiswa;
  if (liveWalkIns(log).some((w) => w.id === idSiswa)) return idSiswa;
  issues.push(
    fieldIssue(
      'idSiswa',
      'unknown_walk_in',
      'Siswa susulan ini tidak ada (atau sudah dibatalkan); tambahkan dulu.',
      'This walk-in does not exist (or was undone); add the walk-in first.',
    ),
  );
  return undefined;
}

/** A student whose winning mark is not their latest: a recording kept over later marks. */
export interface OutcomeConflict {
  readonly idSiswa: string;
  /** The `recorded` mark that stands. */
  readonly kept: OutcomeMark;
  /** Later marks that say otherwise, in event order: undo `kept` if they are right. */
  readonly overruled: readonly OutcomeMark[];
}

/** What {@link currentOutcomes} reads from a log. */
export interface CurrentOutcomes {
  /** Each marked student's standing mark, by `idSiswa`. */
  readonly outcomes: ReadonlyMap<string, OutcomeMark>;
  /** Sorted by `idSiswa`. */
  readonly conflicts: readonly OutcomeConflict[];
}

/**
 * Each student's current outcome: of their marks not undone, the latest (by `at`, then `id`) wins,
 * except that a `recorded` mark wins over any other whatever the order — recording is a fact (the
 * biometrics exist), the others are observations a recording overtakes, and laptops' clocks differ.
 * Among several `recorded` marks the latest stands. Students whose later marks were overruled so are
 * listed in `conflicts`. The same for any order of the events, and duplicated events change nothing.
 * Reads events as {@link validateVisitEvent} returns them.
 */
export function currentOutcomes(events: readonly VisitEvent[]): CurrentOutcomes {
  const revoked = revokedIds(events);
  const marks = events.filter((e): e is OutcomeMark => e.kind === 'mark' && !revoked.has(e.id));
  const latest = new Map<string, OutcomeMark>();
  const recorded = new Map<string, OutcomeMark>();
  const later = (a: OutcomeMark | undefined, b: OutcomeMark): boolean =>
    !a || compareEvents(b, a) > 0;
  for (const mark of marks) {
    if (later(latest.get(mark.idSiswa), mark)) latest.set(mark.idSiswa, mark);
    if (mark.outcome === 'recorded' && later(recorded.get(mark.idSiswa), mark))
      recorded.set(mark.idSiswa, mark);
  }
  const outcomes = new Map<string, OutcomeMark>();
  for (const [idSiswa, mark] of latest) outcomes.set(idSiswa, recorded.get(idSiswa) ?? mark);
  const overruled = new Map<string, OutcomeMark[]>();
  for (const mark of marks) {
    const kept = recorded.get(mark.idSiswa);
    if (kept && mark.outcome !== 'recorded' && compareEvents(mark, kept) > 0) {
      const list = overruled.get(mark.idSiswa) ?? [];
      if (!list.some((m) => m.id === mark.id)) list.push(mark);
      overruled.set(mark.idSiswa, list);
    }
  }
  const conflicts = [...overruled]
    .map(([idSiswa, list]) => ({
      idSiswa,
      kept: recorded.get(idSiswa) as OutcomeMark,
      overruled: list.sort(compareEvents),
    }))
    .sort((a, b) => (a.idSiswa < b.idSiswa ? -1 : a.idSiswa > b.idSiswa ? 1 : 0));
  return { outcomes, conflicts };
}

/** Whose actions "undo" walks back: one visit, and one laptop when `device` is given. */
export interface UndoScope {
  readonly visit: VisitKey;
  readonly device?: string;
}

/**
 * The event "undo the last action" revokes: the latest mark, note or walk-in of the visit (of the
 * device, when given) that is not undone, or `null` when there is none. Pressing undo again walks
 * further back, one action at a time; an undo itself is never undone (mark again instead).
 */
export function undoTarget(
  events: readonly VisitEvent[],
  scope: UndoScope,
): OutcomeMark | NoteEvent | WalkInEvent | null {
  const revoked = revokedIds(events);
  const key = visitKey(scope.visit);
  let target: OutcomeMark | NoteEvent | WalkInEvent | null = null;
  for (const e of events) {
    if (e.kind === 'undo' || revoked.has(e.id) || visitKey(e.visit) !== key) continue;
    if (scope.device !== undefined && e.device !== scope.device) continue;
    if (!target || compareEvents(e, target) > 0) target = e;
  }
  return target;
}

/** A note as printed: from a `note` event or written with a mark. */
export interface FieldNote {
  /** The event that holds it. */
  readonly eventId: string;
  readonly at: string;
  readonly visit: VisitKey;
  readonly idSiswa?: string;
  /** Set when the note was written with a mark. */
  readonly outcome?: VisitOutcome;
  readonly text: string;
  readonly author?: string;
}

/**
 * The notes of a log that are not undone, in event order: note events, and the notes of marks (a
 * mark's note stays even when a later mark overrides its outcome: it is still what was seen).
 */
export function liveNotes(events: readonly VisitEvent[]): FieldNote[] {
  const revoked = revokedIds(events);
  const notes: FieldNote[] = [];
  const withNotes = events.filter(
    (e): e is NoteEvent | OutcomeMark =>
      !revoked.has(e.id) && (e.kind === 'note' || (e.kind === 'mark' && e.note !== undefined)),
  );
  for (const e of withNotes.sort(compareEvents)) {
    const last = notes[notes.length - 1];
    if (last?.eventId === e.id) continue;
    notes.push({
      eventId: e.id,
      at: e.at,
      visit: e.visit,
      ...(e.idSiswa !== undefined && { idSiswa: e.idSiswa }),
      ...(e.kind === 'mark' && { outcome: e.outcome }),
      text: e.kind === 'note' ? e.text : (e.note as string),
      ...(e.author !== undefined && { author: e.author }),
    });
  }
  return notes;
}
