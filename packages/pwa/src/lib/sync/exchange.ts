/**
 * Exchange files between laptops (issue 9): a laptop writes its programme's changes — all, or those
 * since the last file for one laptop — into a file sealed with a passphrase; another laptop opens it
 * and merges the changes into its own log. The merge is a union (`mergeLogs`), so files can be merged
 * in any order, any number of times. What came in is applied to the tables the screens read (visit
 * events, card events, closed days, reviewers' decisions) in the same transaction as the log, so a
 * failed merge leaves the laptop as it was. Audit-only changes (`AUDIT_KINDS`) are kept in the log
 * for the audit trail and applied to nothing.
 */
import type { Issue, Result } from '@sahaja/core';
import { checkPassphrase, openSealedFile, sealFile } from '@sahaja/core/secure';
import {
  countByKind,
  deriveState,
  mergeLogs,
  readDomainEvent,
  visitEventOf,
  cardEventOf,
  type Conflict,
  type DayClosedPayload,
  type DomainEvent,
  type MergeResult,
  type SyncedState,
} from '@sahaja/core/sync';
import { liveWalkIns, type VisitEvent, type VisitKey } from '@sahaja/core/field';
import type {
  CardEventRow,
  ChangeRow,
  PeerRow,
  ProgrammeRow,
  SahajaDatabase,
  VisitEventRow,
} from '../db';
import { announceVisitEvents } from '../field/visit-channel';
import { readAllEvents } from '../field/visit-data';
import { eventOf, nextSeq, readChanges } from './change-log';
import { applyMergedDecisions } from './decision-log';

/** What an exchange file holds, before it is sealed. */
export interface ExchangeContent {
  readonly format: 'sahaja-changes';
  readonly version: 1;
  readonly programmeId: string;
  readonly programmeName: string;
  /** The laptop that wrote it, and its user. */
  readonly device: string;
  readonly author: string;
  readonly exportedAt: string;
  readonly events: readonly DomainEvent[];
}

export const EXCHANGE_KIND = 'exchange';

export type ExchangeIssueCode =
  | 'passphrase_too_short'
  | 'not_sahaja_file'
  | 'unsupported_version'
  | 'damaged_file'
  | 'wrong_kind'
  | 'wrong_passphrase'
  | 'tampered_file'
  | 'other_programme'
  | 'invalid_change'
  | 'storage';

export type ExchangeIssue = Issue<ExchangeIssueCode>;

const issue = (code: ExchangeIssueCode, id: string, en: string): ExchangeIssue => ({
  code,
  message: { id, en },
});
const failed = (i: ExchangeIssue): { ok: false; issues: readonly [ExchangeIssue] } => ({
  ok: false,
  issues: [i],
});

/** A made file, ready to download. */
export interface ExchangeFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** How many changes it holds. */
  readonly count: number;
}

/** Who is making the file: this laptop and its user. */
export interface ExchangeActor {
  readonly device: string;
  readonly author: string;
}

/**
 * Writes programme `programme`'s changes into an exchange file sealed with `passphrase`: all of them,
 * or with `forDevice` those after the last file made for that laptop (which is then remembered).
 * Refuses a passphrase too short to protect personal data.
 */
export async function makeExchangeFile(
  db: SahajaDatabase,
  programme: ProgrammeRow,
  passphrase: string,
  actor: ExchangeActor,
  options: { readonly forDevice?: string; readonly now?: Date; readonly iterations?: number } = {},
): Promise<Result<ExchangeFile, ExchangeIssue>> {
  const strong = checkPassphrase(passphrase);
  if (!strong.ok) return failed({ ...strong.issues[0], code: 'passphrase_too_short' });
  const now = options.now ?? new Date();
  const peer = options.forDevice
    ? await db.peers.get([programme.id, options.forDevice])
    : undefined;
  const rows = await readChanges(db, programme.id, peer?.sentSeq ?? 0);
  const content: ExchangeContent = {
    format: 'sahaja-changes',
    version: 1,
    programmeId: programme.id,
    programmeName: programme.settings.name,
    device: actor.device,
    author: actor.author,
    exportedAt: now.toISOString(),
    events: rows.map(eventOf),
  };
  const bytes = await sealFile(new TextEncoder().encode(JSON.stringify(content)), passphrase, {
    kind: EXCHANGE_KIND,
    now,
    meta: { programme: programme.settings.name, changes: rows.length, device: actor.device },
    ...(options.iterations !== undefined && { iterations: options.iterations }),
  });
  if (peer) {
    const sentSeq = rows.reduce((max, r) => Math.max(max, r.seq), peer.sentSeq);
    await db.peers.put({ ...peer, sentSeq, lastExportAt: now.toISOString() });
  }
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return {
    ok: true,
    value: { bytes, fileName: `sahaja-perubahan-${stamp}.sahaja`, count: rows.length },
  };
}

/** What merging a file did. */
export interface ExchangeSummary {
  /** The laptop that wrote the file, its user, and when. */
  readonly from: { readonly device: string; readonly author: string; readonly exportedAt: string };
  /** The file's changes this laptop did not have, by kind. */
  readonly added: Readonly<Record<string, number>>;
  readonly addedCount: number;
  /** The file's changes this laptop already had. */
  readonly known: number;
  /** Ids that came with two different changes (a damaged or edited file); one version is kept. */
  readonly clashes: number;
  /** Every disagreement between laptops in the merged log. */
  readonly conflicts: readonly Conflict[];
  /** Undos whose target this laptop does not have: kept in the log, not shown on the visit screen. */
  readonly notApplied: number;
  /** The stamps that came in, for this laptop's clock to take in. */
  readonly stamps: readonly string[];
}

/**
 * Opens an exchange file with `passphrase` and merges its changes into programme `programme`. All or
 * nothing: a file of another programme, a wrong passphrase, a changed file or one change that cannot
 * be read leaves the laptop as it was, with a message that says why. Merging the same file again adds
 * nothing.
 */
export async function mergeExchangeFile(
  db: SahajaDatabase,
  programme: ProgrammeRow,
  bytes: Uint8Array,
  passphrase: string,
  options: { readonly now?: Date } = {},
): Promise<Result<ExchangeSummary, ExchangeIssue>> {
  const opened = await openSealedFile(bytes, passphrase, { expectKind: EXCHANGE_KIND });
  if (!opened.ok) {
    const [first] = opened.issues;
    return failed({ code: first.code, message: first.message });
  }
  const content = readContent(opened.value.plain);
  if (!content) {
    return failed(
      issue(
        'damaged_file',
        'Isi berkas tidak terbaca sebagai perubahan Sahaja.',
        'The file does not hold Sahaja changes.',
      ),
    );
  }
  if (content.programmeId !== programme.id) {
    return failed(
      issue(
        'other_programme',
        `Berkas ini berisi perubahan program "${content.programmeName}", bukan "${programme.settings.name}". Pilih program itu dulu.`,
        `This file holds changes of programme "${content.programmeName}", not "${programme.settings.name}". Choose that programme first.`,
      ),
    );
  }
  const incoming: DomainEvent[] = [];
  for (const [index, raw] of content.events.entries()) {
    const read = readDomainEvent(raw);
    if (!read.ok) {
      const [first] = read.issues;
      return failed(
        issue(
          'invalid_change',
          `Perubahan ke-${index + 1} di berkas tidak sah (${first.field || 'isi'}): ${first.message.id} Berkas tidak digabungkan.`,
          `Change ${index + 1} in the file is not valid (${first.field || 'content'}): ${first.message.en} Nothing was merged.`,
        ),
      );
    }
    const field =
      read.value.kind === 'visit'
        ? visitEventOf(read.value)
        : read.value.kind === 'card'
          ? cardEventOf(read.value)
          : true;
    if (!field) {
      return failed(
        issue(
          'invalid_change',
          `Perubahan ke-${index + 1} di berkas tidak sah (isi): peristiwa kunjungan atau kartu tidak terbaca. Berkas tidak digabungkan.`,
          `Change ${index + 1} in the file is not valid (content): its visit or card event cannot be read. Nothing was merged.`,
        ),
      );
    }
    incoming.push(read.value);
  }
  const now = (options.now ?? new Date()).toISOString();
  try {
    const merged = await db.transaction(
      'rw',
      [
        db.changes,
        db.visitEvents,
        db.cardEvents,
        db.dayClosures,
        db.decisions,
        db.duplicateDecisions,
        db.peers,
      ],
      async () => {
        const { merged, state, notApplied } = await mergeIntoLog(db, programme.id, incoming);
        const peer: PeerRow | undefined = await db.peers.get([programme.id, content.device]);
        await db.peers.put({
          programmeId: programme.id,
          device: content.device,
          author: content.author,
          lastImportAt: now,
          lastExportAt: peer?.lastExportAt ?? '',
          sentSeq: peer?.sentSeq ?? 0,
        });
        return {
          ok: true as const,
          value: {
            from: {
              device: content.device,
              author: content.author,
              exportedAt: content.exportedAt,
            },
            added: countByKind(merged.added),
            addedCount: merged.added.length,
            known: merged.known,
            clashes: merged.clashes.length,
            conflicts: state.conflicts,
            notApplied,
            stamps: incoming.map((e) => e.hlc),
          },
        };
      },
    );
    // A visit screen open in another tab shows the marks that came in.
    if ((merged.value.added['visit'] ?? 0) > 0) {
      announceVisitEvents({ programmeId: programme.id, npsn: null });
    }
    return merged;
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const quota = /quota/i.test(message) || (thrown as Error)?.name === 'QuotaExceededError';
    return failed(
      issue(
        'storage',
        quota
          ? 'Ruang penyimpanan laptop penuh: tidak ada yang digabungkan. Kosongkan ruang lalu coba lagi.'
          : `Perubahan tidak bisa disimpan; tidak ada yang digabungkan (${message}).`,
        quota
          ? "The laptop's storage is full: nothing was merged. Free some space and try again."
          : `The changes could not be stored; nothing was merged (${message}).`,
      ),
    );
  }
}

/** What {@link mergeIntoLog} did. */
export interface LogMerge {
  readonly merged: MergeResult;
  /** The state the merged log gives. */
  readonly state: SyncedState;
  /** Undos whose target this laptop does not have (see `apply`). */
  readonly notApplied: number;
}

/**
 * Adds the changes of `incoming` that programme `programmeId`'s log does not hold to it, and applies
 * them to the tables the screens read, as the merged log decides. Runs in the caller's transaction,
 * which must include `changes` and the tables applied to (`visitEvents`, `cardEvents`, `dayClosures`,
 * `decisions`, `duplicateDecisions`). `incoming` must have been checked (`readDomainEvent`) or come
 * from a log.
 */
export async function mergeIntoLog(
  db: SahajaDatabase,
  programmeId: string,
  incoming: readonly DomainEvent[],
): Promise<LogMerge> {
  const local = (await readChanges(db, programmeId)).map(eventOf);
  const merged = mergeLogs(local, incoming);
  let seq = await nextSeq(db, programmeId);
  const rows: ChangeRow[] = merged.added.map((e) => ({ ...e, programmeId, seq: seq++ }));
  await db.changes.bulkAdd(rows);
  // Every payload in the log was checked on its way in (above, or when it was made).
  const state = deriveState(merged.log, { checked: true });
  const notApplied = await apply(db, programmeId, merged.added, merged.log, state);
  await applyMergedDecisions(db, programmeId, merged.added, state);
  return { merged, state, notApplied };
}

/** Every disagreement between laptops in programme `programmeId`'s log. */
export async function readConflicts(
  db: SahajaDatabase,
  programmeId: string,
): Promise<readonly Conflict[]> {
  return deriveState((await readChanges(db, programmeId)).map(eventOf), { checked: true })
    .conflicts;
}

/** The laptops this one exchanged files with, most recent first. */
export async function readPeers(db: SahajaDatabase, programmeId: string): Promise<PeerRow[]> {
  const rows = await db.peers
    .where('[programmeId+device]')
    .between([programmeId, ''], [programmeId, '\uffff'])
    .toArray();
  const latest = (p: PeerRow) =>
    p.lastImportAt > p.lastExportAt ? p.lastImportAt : p.lastExportAt;
  return rows.sort((a, b) => (latest(a) < latest(b) ? 1 : -1));
}

/**
 * Writes the changes that came in to the tables the screens read, and returns how many could not be:
 * an undo whose target this laptop has not seen (its visit is unknown). Such an undo is applied when
 * its target arrives in a later file. The log's payloads were checked on their way in: only the
 * added ones are read here, and the visits of the others are taken as stored.
 */
async function apply(
  db: SahajaDatabase,
  programmeId: string,
  added: readonly DomainEvent[],
  log: readonly DomainEvent[],
  state: SyncedState,
): Promise<number> {
  const visitOf = new Map<string, VisitKey>();
  const undosOf = new Map<string, VisitEvent[]>();
  for (const e of log) {
    if (e.kind !== 'visit') continue;
    const field = e.payload as VisitEvent;
    if (field.kind !== 'undo') visitOf.set(field.id, field.visit);
    else if (field.undoes !== undefined) {
      undosOf.set(field.undoes, [...(undosOf.get(field.undoes) ?? []), field]);
    }
  }
  const addedIds = new Set(added.map((e) => e.id));
  let notApplied = 0;
  const closings = new Set<string>();
  // Written together at the end: one bulk write per table (each row sealed on its way in), not one
  // round trip per change — a season's file holds tens of thousands.
  const visitRows = new Map<string, VisitEventRow>();
  const cardRows: CardEventRow[] = [];
  for (const e of added) {
    if (e.kind === 'visit') {
      const field = visitEventOf(e);
      if (!field) continue;
      if (field.kind === 'undo') {
        const visit = field.undoes !== undefined ? visitOf.get(field.undoes) : undefined;
        if (visit) visitRows.set(field.id, { ...field, programmeId, visit });
        else notApplied++;
        continue;
      }
      visitRows.set(field.id, { ...field, programmeId });
      // Undos of this event that came in an earlier file, before it.
      for (const undo of undosOf.get(field.id) ?? []) {
        if (!addedIds.has(undo.id)) {
          visitRows.set(undo.id, { ...undo, programmeId, visit: field.visit });
        }
      }
    } else if (e.kind === 'card') {
      const card = cardEventOf(e);
      if (card) cardRows.push({ ...card, programmeId });
    } else if (e.kind === 'day_closed') {
      const p = e.payload as Partial<DayClosedPayload>;
      closings.add(`${p.date}\u0000${p.team}`);
    }
  }
  await db.visitEvents.bulkPut([...visitRows.values()]);
  await db.cardEvents.bulkPut(cardRows);
  for (const key of closings) {
    const closing = state.dayClosures.get(key)?.value;
    if (closing) await db.dayClosures.put({ ...closing, programmeId });
  }
  return notApplied;
}

function readContent(plain: Uint8Array): ExchangeContent | null {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as Record<
      string,
      unknown
    >;
    const text = (v: unknown) => typeof v === 'string';
    if (
      value['format'] !== 'sahaja-changes' ||
      value['version'] !== 1 ||
      !text(value['programmeId']) ||
      !text(value['programmeName']) ||
      !text(value['device']) ||
      !text(value['author']) ||
      !text(value['exportedAt']) ||
      !Array.isArray(value['events'])
    ) {
      return null;
    }
    return value as unknown as ExchangeContent;
  } catch {
    return null;
  }
}

/** The names that conflicts are about: students (listed, or walk-ins) by id, registry people by NIK. */
export interface ConflictNames {
  readonly students: ReadonlyMap<string, string>;
  /** The registry candidates of review decisions, by NIK (for the rows; never sent as such). */
  readonly candidates: ReadonlyMap<string, string>;
}

/** The names of the students (listed, or walk-ins) and registry candidates `conflicts` are about. */
export async function readConflictNames(
  db: SahajaDatabase,
  programmeId: string,
  conflicts: readonly Conflict[],
): Promise<ConflictNames> {
  const ids = new Set<string>();
  const niks = new Set<string>();
  for (const c of conflicts) {
    if (c.kind === 'outcome' || c.kind === 'handover') ids.add(c.idSiswa);
    else if (c.kind === 'review_decision' || c.kind === 'duplicate_decision') {
      const [first = '', second = ''] = c.key.split('\u0000');
      ids.add(first);
      if (c.kind === 'duplicate_decision') ids.add(second);
      else niks.add(second);
    }
  }
  const students = new Map<string, string>();
  const candidates = new Map<string, string>();
  if (ids.size === 0) return { students, candidates };
  const rows = await db.students.bulkGet([...ids].map((id) => [programmeId, id]));
  rows.forEach((row) => row && students.set(row.idSiswa, row.nama));
  for (const w of liveWalkIns(await readAllEvents(db, programmeId))) students.set(w.id, w.nama);
  const people = await db.residents.bulkGet([...niks].map((nik) => [programmeId, nik]));
  people.forEach((person) => person && candidates.set(person.nik, person.nama));
  return { students, candidates };
}
