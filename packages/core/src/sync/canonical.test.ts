import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonical JSON', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }, null] })).toBe(
      '{"a":[{"c":"x","d":2},null],"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('is the same for the same data written in any key order, and parses back (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  describe('invalid input', () => {
    it('throws on what JSON cannot hold exactly', () => {
      const cycle: Record<string, unknown> = {};
      cycle['self'] = cycle;
      for (const bad of [NaN, Infinity, () => 1, 1n, cycle, { a: [Symbol('s')] }])
        expect(() => canonicalJson(bad)).toThrow(TypeError);
    });
  });
});
