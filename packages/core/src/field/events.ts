/**
 * What every field event shares (issue 8), shaped for the append-only log merged across laptops that
 * issue 9 builds: a unique id, the instant it happened, and optionally the device and the person. An
 * event is never edited or deleted; a mistake is revoked by an {@link UndoEvent} naming it.
 */
import { isIsoDateText } from '../dates/plain-date.js';
import type { Result } from '../domain/result.js';
import {
  fieldIssue,
  isRecord,
  readText,
  requireText,
  resultOf,
  type FieldIssue,
  type RawRecord,
} from './validate.js';

/** The envelope of a field event. */
export interface EventBase {
  /** Unique across every laptop (e.g. a random UUID): merges recognise an event by it. */
  readonly id: string;
  /** When it happened: an ISO 8601 timestamp with its zone, e.g. `2023-01-16T08:15:30.123Z`. */
  readonly at: string;
  readonly device?: string;
  readonly author?: string;
}

/** Revokes an earlier event (a mark, note, walk-in or handover); an undo itself cannot be undone. */
export interface UndoEvent extends EventBase {
  readonly kind: 'undo';
  readonly undoes: string;
}

/** Any event with a kind, as the undo rules see it. */
type AnyEvent = EventBase & { readonly kind: string; readonly undoes?: string };

/**
 * Orders events by instant, then by id, so every laptop sorts a merged log the same way whatever the
 * order it received the events in. Assumes valid `at` values (see `validateVisitEvent`).
 */
export function compareEvents(a: EventBase, b: EventBase): number {
  const byTime =
    isCanonical(a.at) && isCanonical(b.at)
      ? compareText(a.at, b.at)
      : Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  return compareText(a.id, b.id);
}

/** By UTF-16 code units: the same on every machine, unlike `localeCompare`. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * True for `toISOString`'s form (`2023-01-16T08:15:30.123Z`), which sorts as text: the common case,
 * compared without parsing (a log holds tens of thousands of events).
 */
const isCanonical = (at: string): boolean => at.length === 24 && at.charCodeAt(23) === 90;

/**
 * The ids of the events that an undo revokes. An undo that names another undo revokes nothing (an
 * undo is not undone: the mark is made again instead). An undo whose target is not in the log yet
 * still lists it, so a merge gives the same answer whichever of the two arrives first.
 */
export function revokedIds(events: readonly AnyEvent[]): ReadonlySet<string> {
  const undos = new Set(events.filter((e) => e.kind === 'undo').map((e) => e.id));
  const revoked = new Set<string>();
  for (const e of events) {
    if (e.kind === 'undo' && e.undoes !== undefined && !undos.has(e.undoes)) revoked.add(e.undoes);
  }
  return revoked;
}

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 timestamp with a date that exists, a valid time and an explicit zone. */
export function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [, date = '', hours, minutes, seconds = '0'] = m;
  return (
    isIsoDateText(date) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds) < 60 &&
    Number.isFinite(Date.parse(text))
  );
}

const ID = { label: { id: 'Id peristiwa', en: 'event id' }, max: 128 };

/**
 * Reads `id`, `at`, `device` and `author`. An id must be new to `log` and hold no spaces; `at` must be
 * a timestamp with its zone (instants from laptops in different zones are then comparable).
 */
export function readEnvelope(
  raw: RawRecord,
  log: readonly EventBase[],
  issues: FieldIssue[],
): EventBase | undefined {
  const before = issues.length;
  const id = requireText(raw, 'id', ID, issues);
  if (id !== undefined && /\s/.test(id)) {
    issues.push(
      fieldIssue(
        'id',
        'invalid_id',
        'Id peristiwa tidak boleh berisi spasi.',
        'An event id has no spaces.',
      ),
    );
  } else if (id !== undefined && log.some((e) => e.id === id)) {
    issues.push(
      fieldIssue(
        'id',
        'id_taken',
        'Id peristiwa ini sudah dipakai peristiwa lain; buat id baru.',
        'Another event already has this id; make a new one.',
      ),
    );
  }
  const atLabel = { id: 'Waktu', en: 'time' };
  const at = requireText(raw, 'at', { label: atLabel, max: 40 }, issues);
  if (at !== undefined && !isTimestamp(at)) {
    issues.push(
      fieldIssue(
        'at',
        'invalid_timestamp',
        'Waktu harus cap waktu ISO 8601 dengan zona waktu, mis. 2023-01-16T08:15:30.123Z.',
        'The time must be an ISO 8601 timestamp with its zone, e.g. 2023-01-16T08:15:30.123Z.',
      ),
    );
  }
  const device = readText(
    raw,
    'device',
    { label: { id: 'Perangkat', en: 'device' }, max: 100 },
    issues,
  );
  const author = readText(
    raw,
    'author',
    { label: { id: 'Petugas', en: 'author' }, max: 100 },
    issues,
  );
  if (issues.length > before || id === undefined || at === undefined) return undefined;
  return {
    id,
    at,
    ...(device !== undefined && { device }),
    ...(author !== undefined && { author }),
  };
}

/**
 * Reads `undoes` and checks it against the log: it names an earlier event of an undoable kind that is
 * not revoked already.
 */
export function readUndoTarget(
  raw: RawRecord,
  log: readonly AnyEvent[],
  issues: FieldIssue[],
): string | undefined {
  const undoes = requireText(
    raw,
    'undoes',
    { label: { id: 'Peristiwa yang dibatalkan', en: 'undone event' }, max: 128 },
    issues,
  );
  if (undoes === undefined) return undefined;
  const target = log.find((e) => e.id === undoes);
  if (!target) {
    issues.push(
      fieldIssue(
        'undoes',
        'undo_unknown',
        'Tidak ada peristiwa sebelumnya dengan id ini untuk dibatalkan.',
        'No earlier event has this id to undo.',
      ),
    );
  } else if (target.kind === 'undo') {
    issues.push(
      fieldIssue(
        'undoes',
        'undo_of_undo',
        'Pembatalan tidak bisa dibatalkan; catat ulang hasilnya.',
        'An undo cannot be undone; mark the outcome again instead.',
      ),
    );
  } else if (revokedIds(log).has(undoes)) {
    issues.push(
      fieldIssue(
        'undoes',
        'already_undone',
        'Peristiwa ini sudah dibatalkan.',
        'This event is already undone.',
      ),
    );
  } else return undoes;
  return undefined;
}

/**
 * What every event check starts with: the input must be an object; its envelope is read; an undo is
 * read whole. Gives the finished `result` (not an object, or an undo), or what the check of the
 * event's own kind goes on from: the `raw` object, its `base` (undefined when the envelope failed, its
 * problems in `issues`) and its `kind`.
 */
export function startEvent(
  input: unknown,
  log: readonly AnyEvent[],
):
  | { readonly result: Result<UndoEvent, FieldIssue> }
  | {
      readonly raw: RawRecord;
      readonly base: EventBase | undefined;
      readonly kind: unknown;
      readonly issues: FieldIssue[];
    } {
  if (!isRecord(input)) {
    const issue = fieldIssue(
      '',
      'not_an_object',
      'Peristiwa harus berupa objek.',
      'An event must be an object.',
    );
    return { result: resultOf<UndoEvent>(undefined, [issue]) };
  }
  const issues: FieldIssue[] = [];
  const base = readEnvelope(input, log, issues);
  const kind = input['kind'];
  if (kind === 'undo') {
    const undoes = readUndoTarget(input, log, issues);
    return {
      result: resultOf(
        base && undoes !== undefined ? { ...base, kind, undoes } : undefined,
        issues,
      ),
    };
  }
  return { raw: input, base, kind, issues };
}
