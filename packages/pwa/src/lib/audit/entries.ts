/**
 * The audit trail of a programme (issue 9: "who did what and when"): every change of its log — made
 * on this laptop or merged from another — as an entry with its time, laptop, author and a description
 * in phrases, newest first. Students and schools are named as the laptop's data names them (a
 * walk-in by the name given at the visit); an NIK or a birth date is never part of an entry, nor a
 * registry person's name.
 */
import type { VisitEvent } from '@sahaja/core/field';
import { compareDomainEvents, parseHlc, type DomainEvent } from '@sahaja/core/sync';
import type { SahajaDatabase } from '../db';
import { eventOf, readChanges } from '../sync/change-log';
import type { AuditPhrase, AuditSentenceKey, AuditValue } from './text';

/** One change as the audit trail shows it. */
export interface AuditEntry {
  readonly id: string;
  /** When it was made: the wall time of its hybrid timestamp (ms since 1970). */
  readonly at: number;
  /** The laptop that made it, and the person signed in there. */
  readonly device: string;
  readonly author: string;
  readonly kind: string;
  /** Made on this laptop (false: merged from another). */
  readonly here: boolean;
  /** What it did, in phrases written on demand (see `describe`). */
  readonly what: readonly AuditPhrase[];
}

/** How the trail names what changes are about. */
export interface AuditNames {
  /** Students by id (listed students, and walk-ins by their event id). */
  readonly students: ReadonlyMap<string, string>;
  /** Schools by NPSN. */
  readonly schools: ReadonlyMap<string, string>;
}

type Payload = Readonly<Record<string, unknown>>;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const texts = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const phrase = (key: AuditSentenceKey, values: Record<string, AuditValue> = {}): AuditPhrase => ({
  key,
  values,
});

/**
 * The entries of `events`, newest first (by timestamp, then id); `device` is this laptop's id, which
 * tells its own changes from merged ones. Pure: the names come from `names`.
 */
export function auditEntries(
  events: readonly DomainEvent[],
  names: AuditNames,
  device: string,
): AuditEntry[] {
  const visits = new Map<string, VisitEvent>();
  const cards = new Map<string, Payload>();
  for (const e of events) {
    if (e.kind === 'visit') visits.set(e.id, e.payload as VisitEvent);
    else if (e.kind === 'card') cards.set(e.id, e.payload as Payload);
  }
  const student = (id: unknown): string => {
    const key = text(id) ?? '';
    return names.students.get(key) ?? key;
  };
  const school = (npsn: unknown): string => {
    const key = text(npsn) ?? '';
    return names.schools.get(key) ?? key;
  };
  const describe = (e: DomainEvent): AuditPhrase[] =>
    phrasesOf(e, { student, school, visits, cards }) ?? [
      phrase('audit.what.unreadable', { kind: e.kind }),
    ];
  return [...events]
    .sort((a, b) => compareDomainEvents(b, a))
    .map((e) => ({
      id: e.id,
      at: parseHlc(e.hlc)?.wall ?? Number.NaN,
      device: e.device,
      author: e.author,
      kind: e.kind,
      here: e.device === device,
      what: describe(e),
    }));
}

interface Context {
  readonly student: (id: unknown) => string;
  readonly school: (npsn: unknown) => string;
  /** The log's visit-day and card events by id (what an undo takes back). */
  readonly visits: ReadonlyMap<string, VisitEvent>;
  readonly cards: ReadonlyMap<string, Payload>;
}

/** A change's phrases; null when its payload lacks what its kind needs. */
function phrasesOf(e: DomainEvent, c: Context): AuditPhrase[] | null {
  const p = (typeof e.payload === 'object' && e.payload !== null ? e.payload : {}) as Payload;
  switch (e.kind) {
    case 'visit':
      return visitPhrases(p, c);
    case 'card': {
      if (p['kind'] === 'handover') {
        return [phrase('audit.what.handover', { student: c.student(p['idSiswa']) })];
      }
      const target = c.cards.get(text(p['undoes']) ?? '');
      return target
        ? [phrase('audit.what.undoHandover', { student: c.student(target['idSiswa']) })]
        : [phrase('audit.what.undoUnknown')];
    }
    case 'day_closed':
      return [
        phrase('audit.what.dayClosed', {
          team: text(p['team']) ?? '',
          date: { date: text(p['date']) ?? '' },
          closedBy: text(p['closedBy']) ?? '',
        }),
      ];
    case 'review_decision': {
      const key = {
        accept: 'audit.what.reviewAccept',
        reject: 'audit.what.reviewReject',
        clear: 'audit.what.reviewClear',
      } as const;
      const decision = p['decision'];
      if (decision !== 'accept' && decision !== 'reject' && decision !== 'clear') return null;
      return [phrase(key[decision], { student: c.student(p['idSiswa']) })];
    }
    case 'duplicate_decision': {
      const key = {
        same: 'audit.what.duplicateSame',
        different: 'audit.what.duplicateDifferent',
        clear: 'audit.what.duplicateClear',
      } as const;
      const decision = p['decision'];
      if (decision !== 'same' && decision !== 'different' && decision !== 'clear') return null;
      return [
        phrase(key[decision], {
          student: c.student(p['idSiswa']),
          other: c.student(p['duplicateOf']),
        }),
      ];
    }
    case 'matching_run': {
      const byStatus = (p['byStatus'] ?? {}) as Payload;
      return [
        phrase('audit.what.matchingRun', {
          students: { count: count(p['students']) },
          matched: { count: count(byStatus['COCOK']) },
          review: { count: count(byStatus['PERLU_REVIEW']) },
          notMatched: { count: count(byStatus['TIDAK_COCOK']) },
        }),
      ];
    }
    case 'imported':
      return [
        phrase('audit.what.imported', {
          what: { terms: [text(p['kind']) ?? ''] },
          file: text(p['fileName']) ?? '',
          accepted: { count: count(p['accepted']) },
          rejected: { count: count(p['rejected']) },
          warnings: { count: count(p['warnings']) },
        }),
      ];
    case 'plan_made':
      return [
        phrase('audit.what.planMade', {
          visits: { count: count(p['visits']) },
          workingDays: { count: count(p['workingDays']) },
          lowerBound: { count: count(p['lowerBound']) },
          gap: { count: count(p['gap']) },
        }),
      ];
    case 'visit_pinned':
      return [
        phrase(p['pinned'] === false ? 'audit.what.unpinned' : 'audit.what.pinned', {
          school: c.school(p['npsn']),
          team: text(p['team']) ?? '',
          date: { date: text(p['date']) ?? '' },
        }),
      ];
    case 'visit_moved': {
      const from = (p['from'] ?? {}) as Payload;
      const to = (p['to'] ?? {}) as Payload;
      return [
        phrase('audit.what.moved', {
          school: c.school(p['npsn']),
          fromTeam: text(from['team']) ?? '',
          fromDate: { date: text(from['date']) ?? '' },
          toTeam: text(to['team']) ?? '',
          toDate: { date: text(to['date']) ?? '' },
        }),
      ];
    }
    case 'day_lost': {
      const day = { team: text(p['team']) ?? '', date: { date: text(p['date']) ?? '' } };
      const note = text(p['note'])?.trim() ?? '';
      const removed = count(p['removed']);
      const added = count(p['added']);
      return [
        phrase('audit.what.dayLost', day),
        ...(note ? [phrase('audit.what.dayLostNote', { note })] : []),
        ...(removed + added > 0
          ? [
              phrase('audit.what.dayLostReplanned', {
                removed: { count: removed },
                added: { count: added },
              }),
            ]
          : []),
      ];
    }
    case 'day_restored':
      return [
        phrase('audit.what.dayRestored', {
          team: text(p['team']) ?? '',
          date: { date: text(p['date']) ?? '' },
        }),
      ];
    case 'programme_created':
      return [phrase('audit.what.programmeCreated', { name: text(p['name']) ?? '' })];
    case 'settings_changed':
      return [phrase('audit.what.settingsChanged', { parts: { terms: texts(p['parts']) } })];
    case 'teams_changed': {
      const list = (key: AuditSentenceKey, value: unknown) => {
        const names = texts(value);
        return names.length > 0 ? [phrase(key, { names: names.join(', ') })] : [];
      };
      return [
        phrase('audit.what.teamsChanged', { teams: { count: count(p['teams']) } }),
        ...list('audit.what.teamsAdded', p['added']),
        ...list('audit.what.teamsRemoved', p['removed']),
        ...list('audit.what.teamsEdited', p['changed']),
      ];
    }
    case 'holidays_changed':
      return [
        phrase('audit.what.holidaysChanged', {
          added: { count: count(p['added']) },
          removed: { count: count(p['removed']) },
          holidays: { count: count(p['holidays']) },
        }),
      ];
    case 'school_changed':
      return [
        phrase('audit.what.schoolChanged', {
          school: c.school(p['npsn']),
          parts: { terms: texts(p['parts']) },
        }),
      ];
    default:
      return [phrase('audit.what.other', { kind: e.kind })];
  }
}

/** A visit-day event's phrases (a mark, a note, a walk-in or an undo of one). */
function visitPhrases(p: Payload, c: Context): AuditPhrase[] | null {
  switch (p['kind']) {
    case 'mark':
      return [
        phrase('audit.what.mark', {
          outcome: { terms: [text(p['outcome']) ?? ''] },
          student: c.student(p['idSiswa']),
        }),
      ];
    case 'note':
      return text(p['idSiswa'])
        ? [phrase('audit.what.note', { student: c.student(p['idSiswa']) })]
        : [phrase('audit.what.visitNote', { school: c.school(visitNpsn(p)) })];
    case 'walk_in':
      // The name given at the visit; the NIK and birth date it may carry are left out.
      return [
        phrase('audit.what.walkIn', {
          student: text(p['nama']) ?? '',
          school: c.school(visitNpsn(p)),
        }),
      ];
    case 'undo': {
      const target = c.visits.get(text(p['undoes']) ?? '');
      if (!target) return [phrase('audit.what.undoUnknown')];
      if (target.kind === 'mark') {
        return [
          phrase('audit.what.undoMark', {
            outcome: { terms: [target.outcome] },
            student: c.student(target.idSiswa),
          }),
        ];
      }
      if (target.kind === 'walk_in') {
        return [phrase('audit.what.undoWalkIn', { student: target.nama })];
      }
      if (target.kind === 'note') {
        const about = target.idSiswa ? c.student(target.idSiswa) : c.school(target.visit.npsn);
        return [phrase('audit.what.undoNote', { student: about })];
      }
      return [phrase('audit.what.undoUnknown')];
    }
    default:
      return null;
  }
}

function visitNpsn(p: Payload): string {
  const visit = p['visit'];
  return typeof visit === 'object' && visit !== null
    ? (text((visit as Payload)['npsn']) ?? '')
    : '';
}

/**
 * The names the trail of `events` needs: its students (listed ones from the programme, walk-ins by
 * the name given at the visit) and its schools. Reads by key only what the log mentions.
 */
export async function readAuditNames(
  db: SahajaDatabase,
  programmeId: string,
  events: readonly DomainEvent[],
): Promise<AuditNames> {
  const studentIds = new Set<string>();
  const npsns = new Set<string>();
  const walkIns = new Map<string, string>();
  for (const e of events) {
    const p = (e.payload ?? {}) as Payload;
    const id = text(p['idSiswa']);
    if (id) studentIds.add(id);
    const other = text(p['duplicateOf']);
    if (other) studentIds.add(other);
    const npsn = text(p['npsn']) ?? (e.kind === 'visit' ? visitNpsn(p) : '');
    if (npsn) npsns.add(npsn);
    if (e.kind === 'visit' && p['kind'] === 'walk_in') walkIns.set(e.id, text(p['nama']) ?? '');
  }
  const students = new Map<string, string>();
  const listed = [...studentIds].filter((id) => !walkIns.has(id));
  const rows = await db.students.bulkGet(listed.map((id) => [programmeId, id]));
  rows.forEach((row) => row && students.set(row.idSiswa, row.nama));
  for (const [id, name] of walkIns) students.set(id, name);
  const schools = new Map<string, string>();
  const found = await db.schools.bulkGet([...npsns].map((npsn) => [programmeId, npsn]));
  found.forEach((row) => row && schools.set(row.npsn, row.nama));
  return { students, schools };
}

/** Programme `programmeId`'s audit trail, newest first; `device` is this laptop's id. */
export async function readAuditTrail(
  db: SahajaDatabase,
  programmeId: string,
  device: string,
): Promise<AuditEntry[]> {
  const events = (await readChanges(db, programmeId)).map(eventOf);
  const names = await readAuditNames(db, programmeId, events);
  return auditEntries(events, names, device);
}
