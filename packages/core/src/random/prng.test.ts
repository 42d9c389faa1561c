import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from './prng.js';

describe('the seeded random generator', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws integers within bounds, covering both ends', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('shuffles without changing its input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = new Random(5).shuffled(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });

  it('draws from a weighted table in proportion to the weights', () => {
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
    ] as const);
    const r = new Random(9);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (table.draw(r) === 'b') b++;
    expect(b / 10_000).toBeGreaterThan(0.72);
    expect(b / 10_000).toBeLessThan(0.78);
  });

  describe('invalid input', () => {
    it('refuses an empty table, a non-positive weight and picking from nothing', () => {
      expect(() => new WeightedTable([])).toThrow(/no entries/);
      expect(() => new WeightedTable([['x', 0]])).toThrow(/not positive/);
      expect(() => new Random(1).pick([])).toThrow(/empty array/);
    });
  });
});
