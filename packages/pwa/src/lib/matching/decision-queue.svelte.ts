/**
 * What the two queues of the matching screen share (the review queue, the students listed twice):
 * a cursor that stays on the same item while the queue changes around it, moving item by item or to
 * the next one still open, keyboard commands, and decisions written one at a time, never while a
 * pemadanan run of the programme is going on.
 */
import type { MatchStoreError } from '../db';
import { cursorIn, nextOpen, stepCursor } from './queue-cursor';
import type { QueueCommand } from './review-keys';

/**
 * What a queue says whatever its items: a decision could not be stored, every item is decided, or
 * decisions wait for a run.
 */
export type QueueNotice =
  | { readonly kind: 'failed'; readonly error: MatchStoreError }
  /** Every item is decided. */
  | { readonly kind: 'finished' }
  /** Decisions wait while pemadanan runs (its result would replace them). */
  | { readonly kind: 'locked' };

/** What a queue needs to know from outside. */
export interface DecisionQueueDependencies {
  /** True while a pemadanan run of this programme is going on. */
  readonly locked?: () => boolean;
}

/**
 * A queue of items named by keys, one in view at a time. Subclasses say which keys are in the queue
 * (in order), which are still open, and what "accept" and "reject" do; `N` is what their decisions
 * come to (besides a `QueueNotice`).
 */
export abstract class DecisionQueue<N extends { readonly kind: 'decided' | 'refused' }> {
  #locked: () => boolean;
  #cursor = $state<string | null>(null);
  #lastIndex = $state(0);
  /** What the last action came to, or null. */
  notice = $state.raw<N | QueueNotice | null>(null);
  /** True while a decision is written. */
  busy = $state(false);

  /** The key of the item in view, or null when the queue is empty. */
  readonly currentKey = $derived(this.#cursorNow());
  /** The place of the item in view in the queue (0-based), or -1. */
  readonly index = $derived(
    this.currentKey === null ? -1 : this.keysInOrder().indexOf(this.currentKey),
  );
  /** How many items the queue holds. */
  readonly total = $derived(this.keysInOrder().length);

  constructor(deps: DecisionQueueDependencies) {
    this.#locked = deps.locked ?? (() => false);
  }

  /** The queue's keys, in its order. */
  abstract keysInOrder(): readonly string[];

  /** Whether the item with this key still waits for a decision. */
  protected abstract isOpen(key: string): boolean;

  /** The positive decision on the item in view (key A). */
  abstract accept(): Promise<void>;

  /** The negative decision on the item in view (key R). */
  abstract reject(): Promise<void>;

  /** Called when another item comes into view. */
  protected selected(): void {}

  /** Shows candidate `index` (0-based) of the item in view, where items have candidates. */
  protected showCandidateAt(_index: number): void {}

  /** Shows the item with this key (nothing happens for a key not in the queue). */
  select(key: string): void {
    const at = this.keysInOrder().indexOf(key);
    if (at < 0) return;
    this.#cursor = key;
    this.#lastIndex = at;
    this.selected();
  }

  /** Shows the next item of the queue (stays on the last). */
  next(): void {
    const key = stepCursor(this.keysInOrder(), this.currentKey, 1);
    if (key !== null) this.select(key);
  }

  /** Shows the previous item of the queue (stays on the first). */
  previous(): void {
    const key = stepCursor(this.keysInOrder(), this.currentKey, -1);
    if (key !== null) this.select(key);
  }

  /** Shows the next item still waiting for a decision; says so when there is none. */
  nextOpen(): void {
    const key = this.#nextOpenAfter(this.currentKey);
    if (key !== null) this.select(key);
    else if (this.currentKey !== null && !this.isOpen(this.currentKey)) {
      this.notice = { kind: 'finished' };
    }
  }

  /** Carries out a keyboard command. */
  command(command: QueueCommand): Promise<void> | void {
    switch (command.kind) {
      case 'accept':
        return this.accept();
      case 'reject':
        return this.reject();
      case 'next':
        return this.next();
      case 'previous':
        return this.previous();
      case 'nextOpen':
        return this.nextOpen();
      case 'candidate':
        return this.showCandidateAt(command.index);
    }
  }

  /**
   * Writes one decision with `write`, unless the queue is locked (then says so). The queue is `busy`
   * until it is written.
   */
  protected async decideWith(write: () => Promise<void>): Promise<void> {
    if (this.#locked()) {
      this.notice = { kind: 'locked' };
      return;
    }
    this.busy = true;
    try {
      await write();
    } finally {
      this.busy = false;
    }
  }

  /** Shows the next item still open after the one with key `key` (just decided), if any. */
  protected moveOnFrom(key: string): void {
    const next = this.#nextOpenAfter(key);
    if (next !== null) this.select(next);
  }

  #nextOpenAfter(key: string | null): string | null {
    return nextOpen(this.keysInOrder(), key, (other) => this.isOpen(other));
  }

  // A method, not a field initializer: the subclass's keys are only there once the constructor runs.
  #cursorNow(): string | null {
    return cursorIn(this.keysInOrder(), this.#cursor, this.#lastIndex);
  }
}
