/**
 * Laptops' disagreements as the exchange screen lists them: whose record, what stands, what the other
 * laptops said, and who said it when.
 */
import type { Conflict } from '@sahaja/core/sync';

/** One side of a disagreement: what a laptop said, and who said it when. */
export interface ConflictSide {
  /** An outcome (`recorded`, `absent`…), `handover`, a decision (`accept`…) or `closed`. */
  readonly value: string;
  /** The receiver of a card, or who closed a day; else ''. */
  readonly detail: string;
  readonly device: string;
  readonly author: string;
  /** When (ISO timestamp). */
  readonly at: string;
}

/** A laptop's id short enough to read (`laptop-1eec4fd4`); the whole id where it is short already. */
export function shortDevice(device: string): string {
  return device.length > 15 ? device.slice(0, 15) : device;
}

/** No names read yet. */
export const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Names sent as [id, name] pairs (from the worker), as a map. */
export function namesMap(
  pairs: readonly (readonly [string, string])[],
): ReadonlyMap<string, string> {
  return pairs.length === 0 ? NO_NAMES : new Map(pairs);
}

export interface ConflictRow {
  readonly kind: Conflict['kind'];
  /** The student's id, or the decision's / closed day's key with its parts joined by " · ". */
  readonly subject: string;
  /** The student's id when the conflict is about one (outcomes, cards, review decisions). */
  readonly idSiswa: string;
  readonly kept: ConflictSide;
  readonly others: readonly ConflictSide[];
}

const fieldSide = (e: {
  readonly at: string;
  readonly device?: string;
  readonly author?: string;
}) => ({ at: e.at, device: e.device ?? '', author: e.author ?? '' });

/** The rows of `conflicts`, in their order. */
export function conflictRows(conflicts: readonly Conflict[]): ConflictRow[] {
  return conflicts.map((c): ConflictRow => {
    if (c.kind === 'outcome') {
      const side = (m: typeof c.kept): ConflictSide => ({
        value: m.outcome,
        detail: m.reason ?? '',
        ...fieldSide(m),
      });
      return {
        kind: c.kind,
        subject: c.idSiswa,
        idSiswa: c.idSiswa,
        kept: side(c.kept),
        others: c.others.map(side),
      };
    }
    if (c.kind === 'handover') {
      const side = (h: typeof c.kept): ConflictSide => ({
        value: 'handover',
        detail: h.receivedBy,
        ...fieldSide(h),
      });
      return {
        kind: c.kind,
        subject: c.idSiswa,
        idSiswa: c.idSiswa,
        kept: side(c.kept),
        others: c.others.map(side),
      };
    }
    const parts = c.key.split('\u0000');
    const side = (entry: typeof c.kept): ConflictSide => {
      const value = entry.value as string | { closedBy?: string };
      return {
        value: typeof value === 'string' ? value : 'closed',
        detail: typeof value === 'string' ? '' : (value.closedBy ?? ''),
        device: entry.event.device,
        author: entry.event.author,
        at: wallTime(entry.event.hlc),
      };
    };
    return {
      kind: c.kind,
      subject: parts.join(' · '),
      idSiswa: c.kind === 'review_decision' ? (parts[0] ?? '') : '',
      kept: side(c.kept),
      others: c.others.map(side),
    };
  });
}

/** The wall time of a hybrid timestamp as an ISO timestamp. */
function wallTime(hlc: string): string {
  const wall = parseInt(hlc.slice(0, 11), 36);
  return Number.isFinite(wall) ? new Date(wall).toISOString() : '';
}
