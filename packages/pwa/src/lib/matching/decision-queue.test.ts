import { describe, expect, it, vi } from 'vitest';
import { DecisionQueue } from './decision-queue.svelte';

type Notice = { readonly kind: 'decided'; readonly key: string };

/** A queue of fixed keys; `open` holds those still waiting, and a decision closes the one in view. */
class LetterQueue extends DecisionQueue<Notice> {
  readonly open: Set<string>;
  readonly shownCandidates: number[] = [];
  selections = 0;
  #keys: readonly string[];

  constructor(keys: readonly string[], open: readonly string[], locked = () => false) {
    super({ locked });
    this.#keys = keys;
    this.open = new Set(open);
  }

  accept(): Promise<void> {
    return this.decideWith(async () => {
      const key = this.currentKey;
      if (key === null) return;
      this.open.delete(key);
      this.notice = { kind: 'decided', key };
      this.moveOnFrom(key);
    });
  }

  reject(): Promise<void> {
    return this.decideWith(() => Promise.reject(new Error('storage failed')));
  }

  keysInOrder(): readonly string[] {
    return this.#keys;
  }

  protected isOpen(key: string): boolean {
    return this.open.has(key);
  }

  protected override selected(): void {
    this.selections++;
  }

  protected override showCandidateAt(index: number): void {
    this.shownCandidates.push(index);
  }
}

describe('DecisionQueue', () => {
  describe('moving through the queue', () => {
    it('starts on the first item, and knows its place and size', () => {
      const queue = new LetterQueue(['a', 'b', 'c'], ['a', 'b', 'c']);
      expect([queue.currentKey, queue.index, queue.total]).toEqual(['a', 0, 3]);
    });

    it('steps forward and back, staying on the first and the last', () => {
      const queue = new LetterQueue(['a', 'b', 'c'], []);
      queue.previous();
      expect(queue.currentKey).toBe('a');
      queue.next();
      queue.next();
      queue.next();
      expect([queue.currentKey, queue.index]).toEqual(['c', 2]);
      queue.previous();
      expect(queue.currentKey).toBe('b');
    });

    it('shows a chosen item, and ignores a key that is not in the queue', () => {
      const queue = new LetterQueue(['a', 'b', 'c'], []);
      queue.select('c');
      queue.select('z');
      expect([queue.currentKey, queue.selections]).toEqual(['c', 1]);
    });

    it('jumps to the next open item, going round past the end', () => {
      const queue = new LetterQueue(['a', 'b', 'c', 'd'], ['a', 'c']);
      queue.select('c');
      queue.nextOpen();
      expect(queue.currentKey).toBe('a');
      queue.nextOpen();
      expect(queue.currentKey).toBe('c');
      expect(queue.notice).toBeNull();
    });

    it('says the queue is finished when nothing is open and the item in view is decided', () => {
      const queue = new LetterQueue(['a', 'b'], []);
      queue.nextOpen();
      expect([queue.currentKey, queue.notice]).toEqual(['a', { kind: 'finished' }]);
    });

    it('says nothing when the item in view is the only one open', () => {
      const queue = new LetterQueue(['a', 'b'], ['a']);
      queue.nextOpen();
      expect([queue.currentKey, queue.notice]).toEqual(['a', null]);
    });

    it('has nothing in view when empty, and moving does nothing', () => {
      const queue = new LetterQueue([], []);
      queue.next();
      queue.nextOpen();
      expect([queue.currentKey, queue.index, queue.total, queue.notice]).toEqual([
        null,
        -1,
        0,
        null,
      ]);
    });
  });

  describe('keyboard commands', () => {
    it('carries each out', async () => {
      const queue = new LetterQueue(['a', 'b', 'c'], ['a', 'b', 'c']);
      await queue.command({ kind: 'next' });
      expect(queue.currentKey).toBe('b');
      await queue.command({ kind: 'previous' });
      expect(queue.currentKey).toBe('a');
      await queue.command({ kind: 'accept' });
      expect(queue.notice).toEqual({ kind: 'decided', key: 'a' });
      expect(queue.currentKey).toBe('b');
      await queue.command({ kind: 'nextOpen' });
      expect(queue.currentKey).toBe('c');
      await queue.command({ kind: 'candidate', index: 2 });
      expect(queue.shownCandidates).toEqual([2]);
    });
  });

  describe('decisions', () => {
    it('moves on to the next open item after the one decided', async () => {
      const queue = new LetterQueue(['a', 'b', 'c'], ['a', 'c']);
      await queue.accept();
      expect([queue.currentKey, [...queue.open]]).toEqual(['c', ['c']]);
      await queue.accept();
      // Nothing is left open: the decided item stays in view.
      expect([queue.currentKey, queue.open.size]).toEqual(['c', 0]);
    });

    it('is busy while a decision is written, and not after', async () => {
      const queue = new LetterQueue(['a'], ['a']);
      const written = queue.accept();
      expect(queue.busy).toBe(true);
      await written;
      expect(queue.busy).toBe(false);
    });

    it('is not busy any more after a write that threw', async () => {
      const queue = new LetterQueue(['a'], ['a']);
      await expect(queue.reject()).rejects.toThrow('storage failed');
      expect(queue.busy).toBe(false);
    });

    it('writes nothing while a pemadanan run is going on, and says so', async () => {
      const locked = vi.fn(() => true);
      const queue = new LetterQueue(['a'], ['a'], locked);
      await queue.accept();
      expect(queue.notice).toEqual({ kind: 'locked' });
      expect([...queue.open]).toEqual(['a']);
      expect(queue.busy).toBe(false);
      expect(locked).toHaveBeenCalledOnce();
    });
  });
});
