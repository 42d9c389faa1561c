import { describe, expect, it } from 'vitest';
import { ChunkedList } from './chunked-list.svelte';

/** A pause the test releases by hand, to look at the list between chunks. */
function manualPause() {
  const waiting: (() => void)[] = [];
  return {
    pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
    async release() {
      waiting.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('ChunkedList', () => {
  it('adds the mapped rows a chunk at a time, yielding between chunks', async () => {
    const list = new ChunkedList<string>();
    const { pause, release } = manualPause();
    const filling = list.fill([1, 2, 3, 4, 5], (n, i) => `${i}:${n * 10}`, { chunkSize: 2, pause });

    expect(list.stage).toBe('filling');
    expect(list.chunks).toEqual([['0:10', '1:20']]);
    await release();
    expect(list.size).toBe(4);
    await release();
    expect(await filling).toBe(true);
    expect(list.chunks).toEqual([['0:10', '1:20'], ['2:30', '3:40'], ['4:50']]);
    expect(list.stage).toBe('full');
  });

  it('stops a fill that is cleared or replaced', async () => {
    const list = new ChunkedList<number>();
    const { pause, release } = manualPause();
    const first = list.fill([1, 2, 3], (n) => n, { chunkSize: 1, pause });
    list.clear();
    await release();
    expect(await first).toBe(false);
    expect(list.chunks).toEqual([]);
    expect(list.stage).toBe('idle');

    const second = list.fill([1, 2], (n) => n, { chunkSize: 1, pause });
    list.fillNow([7, 8, 9], (n) => n + 1);
    await release();
    expect(await second).toBe(false);
    expect(list.chunks).toEqual([[8, 9, 10]]);
    expect(list.stage).toBe('full');
  });

  it('is full at once for an empty list', async () => {
    const list = new ChunkedList<number>();
    expect(await list.fill([], (n: number) => n)).toBe(true);
    expect(list.stage).toBe('full');
    expect(list.size).toBe(0);
  });

  describe('invalid input', () => {
    it('refuses a chunk size that is not a positive integer', async () => {
      const list = new ChunkedList<number>();
      await expect(list.fill([1], (n) => n, { chunkSize: 0 })).rejects.toThrow(RangeError);
      expect(list.stage).toBe('idle');
    });
  });
});
