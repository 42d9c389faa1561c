/**
 * Laptops' disagreements as the exchange screen lists them: whose record, what stands, what the other
 * laptops said, and who said it when.
 */
import type { Conflict } from '@sahaja/core/sync';
import { wallTime } from './clock';

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
  /**
   * The student's id; the two listings' ids of a duplicate decision, or the closed day's date and
   * team, joined by " · ". Never an NIK.
   */
  readonly subject: string;
  /** The student's id when the conflict is about one (outcomes, cards, decisions); else ''. */
  readonly idSiswa: string;
  /** A duplicate decision's other listing; else ''. */
  readonly otherId: string;
  /**
   * A review decision's registry candidate by name, as the laptop's registry has it ('' when the
   * registry does not hold the NIK, or for other kinds): the screen shows the name, not the NIK.
   */
  readonly candidate: string;
  readonly kept: ConflictSide;
  readonly others: readonly ConflictSide[];
}

const fieldSide = (e: {
  readonly at: string;
  readonly device?: string;
  readonly author?: string;
}) => ({ at: e.at, device: e.device ?? '', author: e.author ?? '' });

/**
 * The rows of `conflicts`, in their order; `candidates` names the registry people of the review
 * decisions by NIK (see `readConflictNames`).
 */
export function conflictRows(
  conflicts: readonly Conflict[],
  candidates: ReadonlyMap<string, string> = NO_NAMES,
): ConflictRow[] {
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
        otherId: '',
        candidate: '',
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
        otherId: '',
        candidate: '',
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
    const [first = '', second = ''] = parts;
    const common = { kind: c.kind, kept: side(c.kept), others: c.others.map(side) };
    if (c.kind === 'review_decision') {
      const candidate = candidates.get(second) ?? '';
      return { ...common, subject: first, idSiswa: first, otherId: '', candidate };
    }
    if (c.kind === 'duplicate_decision') {
      const subject = parts.join(' · ');
      return { ...common, subject, idSiswa: first, otherId: second, candidate: '' };
    }
    return { ...common, subject: parts.join(' · '), idSiswa: '', otherId: '', candidate: '' };
  });
}
