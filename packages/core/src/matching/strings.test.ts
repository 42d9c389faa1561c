import fc from 'fast-check';
import talismanJaro from 'talisman/metrics/jaro.js';
import talismanJaroWinkler from 'talisman/metrics/jaro-winkler.js';
import talismanDamerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from './comparisons.js';
import { jaro, jaroWinkler, osaDistance } from './strings.js';

// talisman is CommonJS with a `default` export: unwrap it however the loader hands it over.
type Metric = (a: string, b: string) => number;
const unwrap = (m: Metric & { default?: Metric }): Metric => m.default ?? m;
const jaroTalisman = unwrap(talismanJaro);
const jaroWinklerTalisman = unwrap(talismanJaroWinkler);
const damerauLevenshteinTalisman = unwrap(talismanDamerauLevenshtein);

const name = fc.string({ unit: fc.constantFrom(...'ABDEHIMNRSTUY '), maxLength: 14 });

describe('string kernels', () => {
  describe('known values', () => {
    it('gives the textbook Jaro and Jaro-Winkler scores', () => {
      expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
      expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
      expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
      expect(jaroWinkler('SITI', 'SITI')).toBe(1);
      expect(jaroWinkler('', 'SITI')).toBe(0);
      expect(jaroWinkler('', '')).toBe(1);
    });

    it('counts one mistyped or swapped NIK digit as distance 1', () => {
      expect(osaDistance('3506011501060001', '3506011501060007')).toBe(1);
      expect(osaDistance('3506011501060001', '3506011510060001')).toBe(1);
      expect(osaDistance('CA', 'ABC')).toBe(3); // restricted: no substring is edited twice
      expect(osaDistance('', 'ABC')).toBe(3);
      expect(osaDistance('MUHAMMAD', 'MUHAMAD')).toBe(1);
    });
  });

  describe('agreement with talisman on random names (property)', () => {
    it('Jaro and Jaro-Winkler', () => {
      fc.assert(
        fc.property(name, name, (a, b) => {
          expect(jaro(a, b)).toBe(jaroTalisman(a, b));
          expect(jaroWinkler(a, b)).toBe(jaroWinklerTalisman(a, b));
        }),
        { numRuns: 3000 },
      );
    });

    it('the optimal-string-alignment distance', () => {
      fc.assert(
        fc.property(name, name, (a, b) => {
          expect(osaDistance(a, b)).toBe(damerauLevenshteinTalisman(a, b));
        }),
        { numRuns: 3000 },
      );
    });

    it('is symmetric', () => {
      fc.assert(
        fc.property(name, name, (a, b) => {
          expect(jaroWinkler(a, b)).toBe(jaroWinkler(b, a));
          expect(osaDistance(a, b)).toBe(osaDistance(b, a));
        }),
      );
    });
  });
});

describe('withinOneEdit', () => {
  it('agrees with the optimal-string-alignment distance being at most 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[ABR]{0,6}$/), fc.stringMatching(/^[ABR]{0,6}$/), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
    );
  });
});
