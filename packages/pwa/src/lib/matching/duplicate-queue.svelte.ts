import type { StudentMatch } from '../core/types';
import {
  DecisionQueue,
  type DecisionQueueDependencies,
  type QueueNotice,
} from './decision-queue.svelte';
import type { MatchingData } from './matching-data.svelte';
import { duplicatePairs, pairKey, type DuplicatePair, type ListingDecision } from './review';

/** What a decision on a pair came to. */
export interface DuplicateDecided {
  readonly kind: 'decided';
  readonly decision: ListingDecision;
  /** Pairs still undecided after it. */
  readonly open: number;
}

/** What the last action came to, for the screen to say. */
export type DuplicateNotice = DuplicateDecided | QueueNotice;

export type DuplicateQueueDependencies = DecisionQueueDependencies;

/**
 * The listings pemadanan took for one student, a pair at a time, for a person to say whether they are
 * the same student (one listing counts) or different students (each is matched alone). Decided pairs
 * stay in the queue with their decision, which can be changed. "Accept" is "same", "reject" is
 * "different".
 */
export class DuplicateQueue extends DecisionQueue<DuplicateDecided> {
  #data: MatchingData;

  readonly pairs = $derived.by((): readonly DuplicatePair[] =>
    duplicatePairs(this.#data.rows.values(), this.#data.duplicateDecisions),
  );
  /** One key per pair, in the queue's order. */
  readonly keys = $derived(this.pairs.map((p) => pairKey(p.listing, p.of)));
  readonly current = $derived<DuplicatePair | null>(this.pairs[this.index] ?? null);
  /** The listing that is not counted while the two are one student. */
  readonly listing = $derived.by((): StudentMatch | null =>
    this.current ? (this.#data.rows.get(this.current.listing) ?? null) : null,
  );
  /** The listing that is counted. */
  readonly other = $derived.by((): StudentMatch | null =>
    this.current ? (this.#data.rows.get(this.current.of) ?? null) : null,
  );
  readonly decided = $derived(this.pairs.filter((p) => p.decision !== null).length);

  constructor(data: MatchingData, deps: DuplicateQueueDependencies = {}) {
    super(deps);
    this.#data = data;
  }

  /** The two listings are one student: one of them counts. */
  same(): Promise<void> {
    return this.#decide('same');
  }

  /** The two listings are two students: each is matched alone. */
  different(): Promise<void> {
    return this.#decide('different');
  }

  /** Key A: "same". */
  accept(): Promise<void> {
    return this.same();
  }

  /** Key R: "different". */
  reject(): Promise<void> {
    return this.different();
  }

  keysInOrder(): readonly string[] {
    return this.keys;
  }

  protected isOpen(key: string): boolean {
    return this.pairs[this.keys.indexOf(key)]?.decision === null;
  }

  async #decide(decision: ListingDecision): Promise<void> {
    const listing = this.listing;
    const other = this.other;
    const key = this.currentKey;
    if (this.busy || !listing || !other || key === null) return;
    await this.decideWith(async () => {
      const result = await this.#data.decideListings(listing, other, decision);
      if (!result.ok) {
        if ('error' in result) this.notice = { kind: 'failed', error: result.error };
        return;
      }
      this.notice = { kind: 'decided', decision, open: this.total - this.decided };
      this.moveOnFrom(key);
    });
  }
}
