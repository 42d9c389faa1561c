/**
 * The programme's changes as an append-only log of domain events, and the merge of two laptops' logs.
 * A merge is a union by event id — commutative, associative and idempotent — so laptops can swap
 * files in any order, any number of times, and end with the same log. Nothing in a log is ever
 * changed or removed: a correction is a new event (an undo, a decision that replaces another).
 */
import type { Issue, Message, Result } from '../domain/result.js';
import { canonicalJson } from './canonical.js';
import { compareHlc, parseHlc } from './hlc.js';

/**
 * One change, as every laptop stores and exchanges it. `payload` is the change itself (plain JSON);
 * what it holds depends on `kind` (see docs/sync.md). Kinds this version does not know are kept and
 * passed on unchanged, so a newer laptop's events survive a merge through an older one.
 */
export interface DomainEvent<K extends string = string, P = unknown> {
  /** Unique across laptops (a random id, or the id the event already had, e.g. a visit-day mark's). */
  readonly id: string;
  /** When it happened, as a hybrid logical timestamp (text form, see `formatHlc`). */
  readonly hlc: string;
  /** The laptop it was made on: the timestamp's own device. */
  readonly device: string;
  /** The person signed in when it was made. */
  readonly author: string;
  readonly kind: K;
  readonly payload: P;
  /**
   * The events of the same fact that this one replaces — those its laptop held as current when it was
   * made. Two events that replace nothing of each other are concurrent: if they disagree, that is a
   * conflict to show a person (see `resolveRegisters`).
   */
  readonly replaces?: readonly string[];
}

export type SyncIssueCode =
  | 'not_an_object'
  | 'invalid_id'
  | 'invalid_hlc'
  | 'device_mismatch'
  | 'invalid_author'
  | 'invalid_kind'
  | 'invalid_payload'
  | 'invalid_replaces';

/** Why an event was refused; `field` names the property. */
export interface SyncIssue extends Issue<SyncIssueCode> {
  readonly field: string;
}

const ID = /^[A-Za-z0-9:._-]{1,100}$/;
const KIND = /^[a-z][a-z_]{0,39}$/;
const MAX_REPLACES = 100;

const issue = (field: string, code: SyncIssueCode, id: string, en: string): SyncIssue => ({
  field,
  code,
  message: { id, en } satisfies Message,
});

/**
 * Checks an event read from a file or a store and returns it with only its known properties. Never
 * throws; every problem is reported at once. The payload must be a JSON object (its content is checked
 * by whoever applies the kind).
 */
export function readDomainEvent(input: unknown): Result<DomainEvent, SyncIssue> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        issue('', 'not_an_object', 'Perubahan harus berupa objek.', 'A change must be an object.'),
      ],
    };
  }
  const raw = input as Record<string, unknown>;
  const issues: SyncIssue[] = [];
  const { id, hlc, device, author, kind, payload, replaces } = raw;
  if (typeof id !== 'string' || !ID.test(id)) {
    issues.push(
      issue(
        'id',
        'invalid_id',
        'Id perubahan harus 1–100 huruf, angka, ":", ".", "_" atau "-".',
        'A change id must be 1–100 letters, digits, ":", ".", "_" or "-".',
      ),
    );
  }
  const stamp = typeof hlc === 'string' ? parseHlc(hlc) : null;
  if (!stamp) {
    issues.push(
      issue(
        'hlc',
        'invalid_hlc',
        'Cap waktu perubahan tidak terbaca.',
        "The change's timestamp cannot be read.",
      ),
    );
  } else if (device !== stamp.device) {
    issues.push(
      issue(
        'device',
        'device_mismatch',
        'Perangkat perubahan tidak sama dengan perangkat di cap waktunya.',
        "The change's device is not the device of its timestamp.",
      ),
    );
  }
  if (typeof author !== 'string' || author.length > 100) {
    issues.push(
      issue(
        'author',
        'invalid_author',
        'Pembuat perubahan harus teks paling panjang 100 karakter.',
        "A change's author must be a text of at most 100 characters.",
      ),
    );
  }
  if (typeof kind !== 'string' || !KIND.test(kind)) {
    issues.push(
      issue(
        'kind',
        'invalid_kind',
        'Jenis perubahan tidak dikenal bentuknya.',
        "The change's kind is not in a known form.",
      ),
    );
  }
  if (!isJsonObject(payload)) {
    issues.push(
      issue(
        'payload',
        'invalid_payload',
        'Isi perubahan harus berupa objek JSON.',
        "A change's content must be a JSON object.",
      ),
    );
  }
  if (
    replaces !== undefined &&
    !(
      Array.isArray(replaces) &&
      replaces.length <= MAX_REPLACES &&
      replaces.every((r) => typeof r === 'string' && ID.test(r) && r !== id)
    )
  ) {
    issues.push(
      issue(
        'replaces',
        'invalid_replaces',
        'Daftar perubahan yang diganti tidak sah.',
        'The list of changes replaced is not valid.',
      ),
    );
  }
  const [first, ...rest] = issues;
  if (first) return { ok: false, issues: [first, ...rest] };
  return {
    ok: true,
    value: {
      id: id as string,
      hlc: hlc as string,
      device: device as string,
      author: author as string,
      kind: kind as string,
      payload,
      ...(Array.isArray(replaces) && replaces.length > 0
        ? { replaces: [...new Set(replaces as string[])].sort() }
        : {}),
    },
  };
}

/** A plain object that JSON holds exactly (no non-finite numbers, no functions, no cycles). */
function isJsonObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    canonicalJson(value);
    return true;
  } catch {
    return false;
  }
}

/** The order of a log: by timestamp, then id. */
export function compareDomainEvents(a: DomainEvent, b: DomainEvent): number {
  return compareHlc(a.hlc, b.hlc) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Different events that came with the same id — a corrupted or hand-edited file, or a bug. The one
 * whose canonical JSON sorts first is kept on every laptop, so merges still agree; all are reported.
 */
export interface Clash {
  readonly id: string;
  readonly kept: DomainEvent;
  /** The other versions, in canonical order. */
  readonly dropped: readonly DomainEvent[];
}

/** The log that two (or more) logs merge to, and what the later ones added to the first. */
export interface MergeResult {
  /** Every event once, in log order. */
  readonly log: readonly DomainEvent[];
  /** The events of the later logs that the first did not hold (by id), in log order. */
  readonly added: readonly DomainEvent[];
  /** How many events of the later logs the first already held, exactly as they were. */
  readonly known: number;
  /** Ids that came with different events, by id. */
  readonly clashes: readonly Clash[];
}

/**
 * Merges logs: their union by event id, in log order. The result is the same for any order and any
 * grouping of the logs, and merging a log that is already in changes nothing. Inputs are not changed.
 *
 * @example
 * const { log, added } = mergeLogs(mine, fromOtherLaptop);
 * // added: what the file brought; mergeLogs(log, fromOtherLaptop).added.length === 0
 */
export function mergeLogs(
  first: readonly DomainEvent[],
  ...others: (readonly DomainEvent[])[]
): MergeResult {
  /** The first version of each id. */
  const held = new Map<string, DomainEvent>();
  /** Other versions of an id (a clash), almost never any. */
  const variants = new Map<string, DomainEvent[]>();
  const put = (event: DomainEvent): void => {
    const before = held.get(event.id);
    if (!before) held.set(event.id, event);
    else if (!sameEvent(before, event)) {
      const list = variants.get(event.id) ?? [];
      if (!list.some((e) => sameEvent(e, event))) list.push(event);
      variants.set(event.id, list);
    }
  };
  for (const event of first) put(event);
  const firstIds = new Set(held.keys());
  const firstVariants = new Map([...variants].map(([id, list]) => [id, [...list]]));
  let known = 0;
  for (const log of others) {
    for (const event of log) {
      const before = firstIds.has(event.id) ? held.get(event.id) : undefined;
      if (
        before &&
        (sameEvent(before, event) ||
          (firstVariants.get(event.id) ?? []).some((e) => sameEvent(e, event)))
      ) {
        known++;
      }
      put(event);
    }
  }
  const clashes: Clash[] = [];
  for (const [id, list] of variants) {
    const ordered = [held.get(id) as DomainEvent, ...list]
      .map((event) => ({ event, text: canonicalJson(event) }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .map((v) => v.event);
    const [winner, ...rest] = ordered as [DomainEvent, ...DomainEvent[]];
    held.set(id, winner);
    clashes.push({ id, kept: winner, dropped: rest });
  }
  const log = [...held.values()].sort(compareDomainEvents);
  const added = log.filter((e) => !firstIds.has(e.id));
  return { log, added, known, clashes: clashes.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/**
 * Whether two events are the same data. Copies of one event (read from a file or a store) almost
 * always keep their key order, so their JSON texts match and the canonical form is rarely needed.
 */
function sameEvent(a: DomainEvent, b: DomainEvent): boolean {
  return (
    a === b || JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b)
  );
}

/** How many events of each kind a list holds (the summary of what an exchange file brought). */
export function countByKind(events: readonly DomainEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}
