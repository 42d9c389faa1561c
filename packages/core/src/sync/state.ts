/**
 * The state a merged log comes to: visit outcomes, walk-ins, card handovers, reviewers' decisions and
 * closed days — and every place where laptops disagreed, for a person to see. A function of the set of
 * events only: any order of the same events gives the same state (checked by property tests).
 *
 * The domain rules that decide a disagreement (docs/sync.md):
 * - a recording (`recorded`) wins over any other outcome, whatever the order: the biometrics exist;
 * - otherwise a student's latest mark stands; two laptops that marked the same student differently at
 *   the same visit are a conflict, shown;
 * - of two handovers of one card the earlier stands (a card is handed over once), both shown;
 * - decisions and closings are registers (`resolveRegisters`): concurrent changes are shown.
 */
import type { Message } from '../domain/result.js';
import {
  liveHandovers,
  validateCardEvent,
  type CardEvent,
  type HandoverEvent,
} from '../field/cards.js';
import { compareEvents, isTimestamp, revokedIds } from '../field/events.js';
import {
  currentOutcomes,
  validateVisitEvent,
  type OutcomeMark,
  type VisitEvent,
} from '../field/marks.js';
import type { FieldIssueCode } from '../field/validate.js';
import { liveWalkIns, type WalkInEvent } from '../field/walk-ins.js';
import { visitKey } from '../scheduling/pinned.js';
import { AUDIT_KINDS } from './audit.js';
import { mergeLogs, type DomainEvent } from './log.js';
import { resolveRegisters, type Register, type RegisterEntry } from './registers.js';

/**
 * The kinds of event this version applies. Those of `AUDIT_KINDS` are known too, kept for the audit
 * trail only; others are kept in the log and counted as unknown.
 */
export const DOMAIN_EVENT_KINDS = [
  'visit',
  'card',
  'review_decision',
  'duplicate_decision',
  'day_closed',
] as const;
export type KnownKind = (typeof DOMAIN_EVENT_KINDS)[number];

/** `review_decision`: a reviewer accepts or rejects a (student, registry person) pair, or clears it. */
export interface ReviewDecisionPayload {
  readonly idSiswa: string;
  readonly nik: string;
  readonly decision: 'accept' | 'reject' | 'clear';
}

/** `duplicate_decision`: two listings are one student (`same`) or not (`different`), or cleared. */
export interface DuplicateDecisionPayload {
  readonly idSiswa: string;
  readonly duplicateOf: string;
  readonly decision: 'same' | 'different' | 'clear';
}

/** `day_closed`: a team leader signed a team's day off (again: it replaces the earlier closing). */
export interface DayClosedPayload {
  readonly date: string;
  readonly team: string;
  readonly closedBy: string;
  /** When (ISO timestamp). */
  readonly closedAt: string;
  readonly note: string;
}

/** A disagreement between laptops, as a person is shown it. */
export type Conflict =
  | {
      /** A recording overruled later marks, or laptops marked one student differently at a visit. */
      readonly kind: 'outcome';
      readonly idSiswa: string;
      readonly kept: OutcomeMark;
      readonly others: readonly OutcomeMark[];
    }
  | {
      readonly kind: 'handover';
      readonly idSiswa: string;
      readonly kept: HandoverEvent;
      readonly others: readonly HandoverEvent[];
    }
  | {
      readonly kind: 'review_decision' | 'duplicate_decision' | 'day_closed';
      readonly key: string;
      readonly kept: RegisterEntry<unknown>;
      readonly others: readonly RegisterEntry<unknown>[];
    };

/** An event whose content its kind's check refused: kept in the log, not applied. */
export interface RefusedEvent {
  readonly id: string;
  readonly kind: string;
  readonly messages: readonly Message[];
}

export interface SyncedState {
  /** Each marked student's standing outcome, by `idSiswa`. */
  readonly outcomes: ReadonlyMap<string, OutcomeMark>;
  /** The walk-ins not undone, in event order. */
  readonly walkIns: readonly WalkInEvent[];
  /** The handover that stands for each card, by `idSiswa`. */
  readonly handovers: ReadonlyMap<string, HandoverEvent>;
  /** By `idSiswa` + NUL + `nik`; a cleared pair has the value `clear`. */
  readonly reviewDecisions: ReadonlyMap<string, Register<ReviewDecisionPayload['decision']>>;
  /** By the two ids sorted, NUL between. */
  readonly duplicateDecisions: ReadonlyMap<string, Register<DuplicateDecisionPayload['decision']>>;
  /** By date + NUL + team. */
  readonly dayClosures: ReadonlyMap<string, Register<DayClosedPayload>>;
  /** Every disagreement, outcomes first, then by key. */
  readonly conflicts: readonly Conflict[];
  readonly refused: readonly RefusedEvent[];
  /** Events of kinds this version neither applies nor keeps for the audit trail, by kind. */
  readonly unknownKinds: Readonly<Record<string, number>>;
}

/**
 * A field event's checks that depend on the log it joins on its own laptop (an id not taken, an undo's
 * target present and not undone, a walk-in known). In a merge these are facts from other laptops, not
 * errors: two laptops may both undo one mark.
 */
const LOG_DEPENDENT: ReadonlySet<FieldIssueCode> = new Set([
  'id_taken',
  'unknown_walk_in',
  'undo_unknown',
  'undo_of_undo',
  'already_undone',
  'already_handed_over',
]);

/** The visit-day event a `visit` change carries, checked as `deriveState` checks it; else null. */
export function visitEventOf(event: DomainEvent): VisitEvent | null {
  if (event.kind !== 'visit') return null;
  return readFieldEvent<VisitEvent>(event, (p) => validateVisitEvent(p, []), []);
}

/** The card event a `card` change carries, checked as `deriveState` checks it; else null. */
export function cardEventOf(event: DomainEvent): CardEvent | null {
  if (event.kind !== 'card') return null;
  return readFieldEvent<CardEvent>(event, (p) => validateCardEvent(p, []), []);
}

/**
 * Checks a field event carried in a domain event: cleaned when it passes on its own, as it was when
 * only checks against its laptop's log failed, else refused. Its id must be the domain event's.
 */
function readFieldEvent<E extends { readonly id: string }>(
  event: DomainEvent,
  check: (
    payload: unknown,
  ) => ReturnType<typeof validateVisitEvent> | ReturnType<typeof validateCardEvent>,
  refused: RefusedEvent[],
): E | null {
  const result = check(event.payload);
  const refuse = (messages: readonly Message[]): null => {
    refused.push({ id: event.id, kind: event.kind, messages });
    return null;
  };
  const value = result.ok
    ? result.value
    : result.issues.every((i) => LOG_DEPENDENT.has(i.code))
      ? (event.payload as E)
      : null;
  if (!value) return refuse((result.ok ? [] : result.issues).map((i) => i.message));
  if (value.id !== event.id) {
    return refuse([
      {
        id: 'Id peristiwa kunjungan tidak sama dengan id perubahannya.',
        en: "The visit-day event's id is not its change's id.",
      },
    ]);
  }
  return value as unknown as E;
}

const NUL = '\u0000';
const isText = (v: unknown, max = 100): v is string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max;
const payloadOf = (e: DomainEvent) => e.payload as Record<string, unknown>;

/** How `deriveState` reads a log. */
export interface DeriveOptions {
  /**
   * The visit and card payloads were checked (`visitEventOf`, `cardEventOf`) when they entered the
   * log, so they are taken as they are. Checking 20,000 payloads again took half a second (measured).
   */
  readonly checked?: boolean;
}

/**
 * The state of a log; see the module's summary for the rules. The events may come in any order and
 * more than once (they are merged first). Never throws.
 */
export function deriveState(
  events: readonly DomainEvent[],
  options: DeriveOptions = {},
): SyncedState {
  const { log } = mergeLogs(events);
  const check = !options.checked;
  const refused: RefusedEvent[] = [];
  const unknownKinds: Record<string, number> = {};
  const visitEvents: VisitEvent[] = [];
  const cardEvents: CardEvent[] = [];
  const deviceOf = new Map<string, string>();
  const known = new Set<string>([...DOMAIN_EVENT_KINDS, ...AUDIT_KINDS]);
  for (const event of log) {
    if (event.kind === 'visit') {
      const e = check
        ? readFieldEvent<VisitEvent>(event, (p) => validateVisitEvent(p, []), refused)
        : (event.payload as VisitEvent);
      if (e) visitEvents.push(e);
      deviceOf.set(event.id, event.device);
    } else if (event.kind === 'card') {
      const e = check
        ? readFieldEvent<CardEvent>(event, (p) => validateCardEvent(p, []), refused)
        : (event.payload as CardEvent);
      if (e) cardEvents.push(e);
    } else if (!known.has(event.kind)) {
      unknownKinds[event.kind] = (unknownKinds[event.kind] ?? 0) + 1;
    }
  }

  const outcomes = currentOutcomes(visitEvents);
  const conflicts: Conflict[] = [
    ...outcomes.conflicts.map((c): Conflict => ({
      kind: 'outcome',
      idSiswa: c.idSiswa,
      kept: c.kept,
      others: c.overruled,
    })),
  ];
  conflicts.push(...deviceDisagreements(visitEvents, outcomes.outcomes, deviceOf, conflicts));
  const handovers = liveHandovers(cardEvents);
  conflicts.push(...handoverConflicts(cardEvents, handovers));

  const register = <V>(
    kind: KnownKind,
    read: (p: Record<string, unknown>) => { key: string; value: V } | null,
  ) =>
    resolveRegisters<V>(log, (event) => {
      if (event.kind !== kind) return null;
      const found = read(payloadOf(event));
      if (!found) {
        refused.push({
          id: event.id,
          kind,
          messages: [
            { id: 'Isi perubahan tidak lengkap.', en: "The change's content is incomplete." },
          ],
        });
      }
      return found;
    });
  const reviewDecisions = register<ReviewDecisionPayload['decision']>('review_decision', (p) =>
    isText(p['idSiswa']) &&
    typeof p['nik'] === 'string' &&
    /^\d{16}$/.test(p['nik']) &&
    (p['decision'] === 'accept' || p['decision'] === 'reject' || p['decision'] === 'clear')
      ? { key: `${p['idSiswa']}${NUL}${p['nik']}`, value: p['decision'] }
      : null,
  );
  const duplicateDecisions = register<DuplicateDecisionPayload['decision']>(
    'duplicate_decision',
    (p) =>
      isText(p['idSiswa']) &&
      isText(p['duplicateOf']) &&
      p['idSiswa'] !== p['duplicateOf'] &&
      (p['decision'] === 'same' || p['decision'] === 'different' || p['decision'] === 'clear')
        ? { key: [p['idSiswa'], p['duplicateOf']].sort().join(NUL), value: p['decision'] }
        : null,
  );
  const dayClosures = register<DayClosedPayload>('day_closed', (p) =>
    typeof p['date'] === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(p['date']) &&
    isText(p['team']) &&
    isText(p['closedBy']) &&
    typeof p['closedAt'] === 'string' &&
    isTimestamp(p['closedAt']) &&
    (p['note'] === undefined || (typeof p['note'] === 'string' && p['note'].length <= 2000))
      ? {
          key: `${p['date']}${NUL}${p['team']}`,
          value: {
            date: p['date'],
            team: p['team'],
            closedBy: p['closedBy'],
            closedAt: p['closedAt'],
            note: (p['note'] as string | undefined) ?? '',
          },
        }
      : null,
  );
  for (const [kind, registers] of [
    ['review_decision', reviewDecisions],
    ['duplicate_decision', duplicateDecisions],
    ['day_closed', dayClosures],
  ] as const) {
    for (const r of [...(registers as Map<string, Register<unknown>>).values()].sort((a, b) =>
      a.key < b.key ? -1 : 1,
    )) {
      if (r.conflicting.length > 0) {
        conflicts.push({ kind, key: r.key, kept: r, others: r.conflicting });
      }
    }
  }

  return {
    outcomes: outcomes.outcomes,
    walkIns: liveWalkIns(visitEvents).sort(compareEvents),
    handovers,
    reviewDecisions,
    duplicateDecisions,
    dayClosures,
    conflicts,
    refused: refused.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    unknownKinds,
  };
}

/**
 * Students whom laptops marked differently at the same visit, each laptop's latest standing mark
 * counted once — beyond those a recording already overruled (listed in `already`).
 */
function deviceDisagreements(
  events: readonly VisitEvent[],
  standing: ReadonlyMap<string, OutcomeMark>,
  deviceOf: ReadonlyMap<string, string>,
  already: readonly Conflict[],
): Conflict[] {
  const revoked = revokedIds(events);
  const live = events.filter((e): e is OutcomeMark => e.kind === 'mark' && !revoked.has(e.id));
  const latest = new Map<string, OutcomeMark>();
  for (const mark of live) {
    const key = `${mark.idSiswa}${NUL}${visitKey(mark.visit)}${NUL}${deviceOf.get(mark.id) ?? ''}`;
    const held = latest.get(key);
    if (!held || compareEvents(mark, held) > 0) latest.set(key, mark);
  }
  const byStudent = new Map<string, OutcomeMark[]>();
  for (const mark of latest.values()) {
    const list = byStudent.get(mark.idSiswa) ?? [];
    list.push(mark);
    byStudent.set(mark.idSiswa, list);
  }
  const reported = new Set(already.map((c) => (c.kind === 'outcome' ? c.idSiswa : '')));
  const conflicts: Conflict[] = [];
  for (const [idSiswa, marks] of [...byStudent].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kept = standing.get(idSiswa);
    if (!kept || reported.has(idSiswa)) continue;
    const others = marks
      .filter((m) => visitKey(m.visit) === visitKey(kept.visit) && m.outcome !== kept.outcome)
      .sort(compareEvents);
    if (others.length > 0) conflicts.push({ kind: 'outcome', idSiswa, kept, others });
  }
  return conflicts;
}

/** Cards with more than one handover not undone: the earliest stands, the others are shown. */
function handoverConflicts(
  events: readonly CardEvent[],
  standing: ReadonlyMap<string, HandoverEvent>,
): Conflict[] {
  const revoked = revokedIds(events);
  const conflicts: Conflict[] = [];
  const byStudent = new Map<string, HandoverEvent[]>();
  for (const e of events) {
    if (e.kind !== 'handover' || revoked.has(e.id)) continue;
    const list = byStudent.get(e.idSiswa) ?? [];
    list.push(e);
    byStudent.set(e.idSiswa, list);
  }
  for (const [idSiswa, list] of [...byStudent].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kept = standing.get(idSiswa);
    if (!kept || list.length < 2) continue;
    const others = list.filter((e) => e.id !== kept.id).sort(compareEvents);
    conflicts.push({ kind: 'handover', idSiswa, kept, others });
  }
  return conflicts;
}
