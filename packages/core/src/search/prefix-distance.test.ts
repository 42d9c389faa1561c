import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { osaDistance } from '../matching/strings.js';
import { withinOneOfPrefix } from './prefix-distance.js';

/** The definition: some prefix of `word` (the whole word included) is at most one edit from `typed`. */
function byDefinition(typed: string, word: string): boolean {
  for (let j = 0; j <= word.length; j++) if (osaDistance(typed, word.slice(0, j)) <= 1) return true;
  return false;
}

describe('withinOneOfPrefix', () => {
  it('accepts the start of a word, and the word itself', () => {
    expect(withinOneOfPrefix('RAMA', 'RAMADHANI')).toBe(true);
    expect(withinOneOfPrefix('RAMADHANI', 'RAMADHANI')).toBe(true);
  });

  it('forgives one letter changed, added, left out, or two neighbours swapped', () => {
    expect(withinOneOfPrefix('SETYAWAN', 'SETIAWAN')).toBe(true);
    expect(withinOneOfPrefix('RAMADANI', 'RAMADHANI')).toBe(true);
    expect(withinOneOfPrefix('IRRFAN', 'IRFAN')).toBe(true);
    expect(withinOneOfPrefix('RMAADHAN', 'RAMADHAN')).toBe(true);
    expect(withinOneOfPrefix('RAMADHANIS', 'RAMADHANI')).toBe(true);
    expect(withinOneOfPrefix('XAMADHAN', 'RAMADHAN')).toBe(true);
  });

  it('refuses two edits', () => {
    expect(withinOneOfPrefix('RAMADANY', 'RAMADHANI')).toBe(false);
    expect(withinOneOfPrefix('RAMADAN', 'RAHMAT')).toBe(false);
    expect(withinOneOfPrefix('RAMADHANIAS', 'RAMADHANI')).toBe(false);
  });

  it('agrees with the definition on random words', () => {
    const word = fc.string({ unit: fc.constantFrom(...'ABDHINRSY'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (typed, target) => {
        expect(withinOneOfPrefix(typed, target)).toBe(byDefinition(typed, target));
      }),
      { numRuns: 3000 },
    );
  });
});
