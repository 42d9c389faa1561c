import type { StudentMatch } from '../core/types';
import type { MatchStoreError } from '../db';
import type { MatchingData } from './matching-data.svelte';
import { cursorIn, nextOpen, stepCursor } from './queue-cursor';
import type { QueueCommand } from './review-keys';
import { duplicatePairs, pairKey, type DuplicatePair, type ListingDecision } from './review';

/** What the last action came to, for the screen to say. */
export type DuplicateNotice =
  | { readonly kind: 'decided'; readonly decision: ListingDecision; readonly open: number }
  | { readonly kind: 'failed'; readonly error: MatchStoreError }
  /** Every pair is decided. */
  | { readonly kind: 'finished' }
  /** Decisions wait while pemadanan runs (its result would replace them). */
  | { readonly kind: 'locked' };

export interface DuplicateQueueDependencies {
  /** True while a pemadanan run of this programme is going on. */
  readonly locked?: () => boolean;
}

/**
 * The listings pemadanan took for one student, a pair at a time, for a person to say whether they are
 * the same student (one listing counts) or different students (each is matched alone). Decided pairs
 * stay in the queue with their decision, which can be changed.
 */
export class DuplicateQueue {
  #data: MatchingData;
  #locked: () => boolean;
  #cursor = $state<string | null>(null);
  #lastIndex = $state(0);
  notice = $state.raw<DuplicateNotice | null>(null);
  busy = $state(false);

  readonly pairs = $derived.by((): readonly DuplicatePair[] =>
    duplicatePairs(this.#data.rows.values(), this.#data.duplicateDecisions),
  );
  /** One key per pair, in the queue's order. */
  readonly keys = $derived(this.pairs.map((p) => pairKey(p.listing, p.of)));
  readonly currentKey = $derived(cursorIn(this.keys, this.#cursor, this.#lastIndex));
  /** The pair's place in the queue (0-based), or -1. */
  readonly index = $derived(this.currentKey === null ? -1 : this.keys.indexOf(this.currentKey));
  readonly current = $derived<DuplicatePair | null>(this.pairs[this.index] ?? null);
  /** The listing that is not counted while the two are one student. */
  readonly listing = $derived.by((): StudentMatch | null =>
    this.current ? (this.#data.rows.get(this.current.listing) ?? null) : null,
  );
  /** The listing that is counted. */
  readonly other = $derived.by((): StudentMatch | null =>
    this.current ? (this.#data.rows.get(this.current.of) ?? null) : null,
  );
  readonly total = $derived(this.pairs.length);
  readonly decided = $derived(this.pairs.filter((p) => p.decision !== null).length);

  constructor(data: MatchingData, deps: DuplicateQueueDependencies = {}) {
    this.#data = data;
    this.#locked = deps.locked ?? (() => false);
  }

  /** Shows the pair with this key. */
  select(key: string): void {
    const at = this.keys.indexOf(key);
    if (at < 0) return;
    this.#cursor = key;
    this.#lastIndex = at;
  }

  next(): void {
    const key = stepCursor(this.keys, this.currentKey, 1);
    if (key !== null) this.select(key);
  }

  previous(): void {
    const key = stepCursor(this.keys, this.currentKey, -1);
    if (key !== null) this.select(key);
  }

  /** Shows the next pair still undecided; says so when there is none. */
  nextOpen(): void {
    const key = nextOpen(this.keys, this.currentKey, (k) => this.#isOpen(k));
    if (key !== null) this.select(key);
    else if (this.current?.decision) this.notice = { kind: 'finished' };
  }

  /** The two listings are one student: one of them counts. */
  same(): Promise<void> {
    return this.#decide('same');
  }

  /** The two listings are two students: each is matched alone. */
  different(): Promise<void> {
    return this.#decide('different');
  }

  /** Carries out a keyboard command: A is "same", R is "different". */
  command(command: QueueCommand): Promise<void> | void {
    switch (command.kind) {
      case 'accept':
        return this.same();
      case 'reject':
        return this.different();
      case 'next':
        return this.next();
      case 'previous':
        return this.previous();
      case 'nextOpen':
        return this.nextOpen();
      case 'candidate':
        return;
    }
  }

  async #decide(decision: ListingDecision): Promise<void> {
    const listing = this.listing;
    const other = this.other;
    const key = this.currentKey;
    if (this.busy || !listing || !other || key === null) return;
    if (this.#locked()) {
      this.notice = { kind: 'locked' };
      return;
    }
    this.busy = true;
    try {
      const result = await this.#data.decideListings(listing, other, decision);
      if (!result.ok) {
        if ('error' in result) this.notice = { kind: 'failed', error: result.error };
        return;
      }
      this.notice = { kind: 'decided', decision, open: this.total - this.decided };
      const next = nextOpen(this.keys, key, (k) => this.#isOpen(k));
      if (next !== null) this.select(next);
    } finally {
      this.busy = false;
    }
  }

  #isOpen(key: string): boolean {
    return this.pairs[this.keys.indexOf(key)]?.decision === null;
  }
}
