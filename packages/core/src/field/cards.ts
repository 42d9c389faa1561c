/**
 * Card handover (penyerahan, issue 8): a student recorded early (REKAM_DINI) receives the KTP-el from
 * the 17th birthday. Handing it over is an append-only event like a mark, revoked by an undo. The
 * handover visits themselves are planned by `planHandovers` (scheduling/handover.ts) from
 * {@link cardsAwaiting}.
 */
import { nthBirthday, type LeapDayRule } from '../dates/age.js';
import { formatIsoDate, isIsoDateText, type PlainDate } from '../dates/plain-date.js';
import type { IsoDate } from '../domain/records.js';
import type { Result } from '../domain/result.js';
import type { StudentOutcome } from '../scheduling/mop-up.js';
import { compareEvents, revokedIds, startEvent, type EventBase, type UndoEvent } from './events.js';
import type { MarkedOutcome } from './marks.js';
import {
  fieldIssue,
  readIsoDate,
  readText,
  requireText,
  resultOf,
  type FieldIssue,
} from './validate.js';

/** A card handed over: to whom, when, by which staff member. */
export interface HandoverEvent extends EventBase {
  readonly kind: 'handover';
  readonly idSiswa: string;
  readonly handedAt: IsoDate;
  /** Who received it: the student, or a parent or guardian. */
  readonly receivedBy: string;
  /** The staff member who handed it over. */
  readonly by?: string;
  readonly note?: string;
}

/** The card log: handovers and their undos. */
export type CardEvent = HandoverEvent | UndoEvent;

/** What {@link validateCardEvent} may check a handover against. */
export interface CardContext {
  /** Birth dates by `idSiswa`: a handover before the 17th birthday is refused. */
  readonly birthDates?: ReadonlyMap<string, PlainDate>;
  readonly leapDayRule?: LeapDayRule;
}

const NAME = { max: 100 };

/**
 * Checks an incoming card event against the log and returns it cleaned, or every problem with the
 * field it is in. A handover needs `idSiswa`, `handedAt` (YYYY-MM-DD), `receivedBy`, optionally `by`
 * and `note`, for a student without a handover in the log, and (with `context.birthDates`) not before
 * the 17th birthday. An undo names a handover not undone yet. Never throws.
 */
export function validateCardEvent(
  input: unknown,
  log: readonly CardEvent[],
  context: CardContext = {},
): Result<CardEvent, FieldIssue> {
  const start = startEvent(input, log);
  if ('result' in start) return start.result;
  const { raw, base, kind, issues } = start;
  if (kind !== 'handover') {
    issues.push(
      fieldIssue(
        'kind',
        'unknown_kind',
        'Jenis peristiwa kartu harus handover atau undo.',
        'A card event kind must be handover or undo.',
      ),
    );
    return resultOf<CardEvent>(undefined, issues);
  }
  const idSiswa = requireText(
    raw,
    'idSiswa',
    { label: { id: 'Id siswa', en: 'student id' }, max: 100 },
    issues,
  );
  if (idSiswa !== undefined && liveHandovers(log).has(idSiswa)) {
    issues.push(
      fieldIssue(
        'idSiswa',
        'already_handed_over',
        'Kartu siswa ini sudah tercatat diserahkan; batalkan catatan itu dulu bila keliru.',
        "This student's card is already recorded as handed over; undo that record first if it is wrong.",
      ),
    );
  }
  const handedAt = readIsoDate(
    raw,
    'handedAt',
    { id: 'Tanggal penyerahan', en: 'handover date' },
    issues,
  );
  const birth = idSiswa === undefined ? undefined : context.birthDates?.get(idSiswa);
  if (
    handedAt !== undefined &&
    birth &&
    handedAt < formatIsoDate(nthBirthday(birth, 17, context.leapDayRule))
  ) {
    issues.push(
      fieldIssue(
        'handedAt',
        'before_17th_birthday',
        'KTP-el baru boleh diserahkan mulai ulang tahun ke-17 siswa.',
        'A KTP-el is handed over from the student’s 17th birthday, not before.',
      ),
    );
  }
  const receivedBy = requireText(
    raw,
    'receivedBy',
    { ...NAME, label: { id: 'Nama penerima', en: 'name of who received it' } },
    issues,
  );
  const by = readText(
    raw,
    'by',
    { ...NAME, label: { id: 'Petugas yang menyerahkan', en: 'staff member' } },
    issues,
  );
  const note = readText(
    raw,
    'note',
    { label: { id: 'Catatan', en: 'note' }, max: 500, multiline: true },
    issues,
  );
  const event: HandoverEvent | undefined =
    base && idSiswa !== undefined && handedAt !== undefined && receivedBy !== undefined
      ? {
          ...base,
          kind,
          idSiswa,
          handedAt,
          receivedBy,
          ...(by !== undefined && { by }),
          ...(note !== undefined && { note }),
        }
      : undefined;
  return resultOf(event, issues);
}

/**
 * Each student's handover that is not undone. Should two laptops both record one (a card is handed
 * over once), the earlier event stands.
 */
export function liveHandovers(events: readonly CardEvent[]): ReadonlyMap<string, HandoverEvent> {
  const revoked = revokedIds(events);
  const handovers = new Map<string, HandoverEvent>();
  for (const e of events) {
    if (e.kind !== 'handover' || revoked.has(e.id)) continue;
    const before = handovers.get(e.idSiswa);
    if (!before || compareEvents(e, before) < 0) handovers.set(e.idSiswa, e);
  }
  return handovers;
}

/** A student of the programme, with the birth date the card's date follows from. */
export interface CardStudent extends Omit<StudentOutcome, 'outcome'> {
  readonly birthDate: PlainDate;
}

/** A card waiting to be handed over. */
export interface CardAwaiting {
  readonly idSiswa: string;
  readonly npsn: string;
  readonly birthDate: PlainDate;
  /** The 17th birthday: the first day the card can be handed over. */
  readonly dueFrom: IsoDate;
  /** The date of the visit that recorded the student. */
  readonly recordedOn: IsoDate;
}

/**
 * Every card still to hand over: students recorded early (REKAM_DINI whose current outcome is
 * recorded) without a live handover, sorted by school, due date and id. Give them to `planHandovers`
 * as `{ id: idSiswa, npsn, birthDate }`.
 */
export function cardsAwaiting(
  students: readonly CardStudent[],
  outcomes: ReadonlyMap<string, MarkedOutcome>,
  events: readonly CardEvent[],
  leapDayRule: LeapDayRule = 'march-1',
): CardAwaiting[] {
  const handed = liveHandovers(events);
  const awaiting: CardAwaiting[] = [];
  for (const s of students) {
    const mark = outcomes.get(s.idSiswa);
    if (s.category !== 'REKAM_DINI' || mark?.outcome !== 'recorded' || handed.has(s.idSiswa))
      continue;
    awaiting.push({
      idSiswa: s.idSiswa,
      npsn: s.npsn,
      birthDate: s.birthDate,
      dueFrom: formatIsoDate(nthBirthday(s.birthDate, 17, leapDayRule)),
      recordedOn: mark.visit.date,
    });
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return awaiting.sort(
    (a, b) => order(a.npsn, b.npsn) || order(a.dueFrom, b.dueFrom) || order(a.idSiswa, b.idSiswa),
  );
}

/**
 * The cards due on `on`: those of {@link cardsAwaiting} whose 17th birthday is on or before it.
 * Throws a `RangeError` when `on` is not a `YYYY-MM-DD` date.
 */
export function cardsDue(
  on: IsoDate,
  students: readonly CardStudent[],
  outcomes: ReadonlyMap<string, MarkedOutcome>,
  events: readonly CardEvent[],
  leapDayRule: LeapDayRule = 'march-1',
): CardAwaiting[] {
  if (!isIsoDateText(on)) throw new RangeError(`"${on}" is not a YYYY-MM-DD date`);
  return cardsAwaiting(students, outcomes, events, leapDayRule).filter((c) => c.dueFrom <= on);
}
