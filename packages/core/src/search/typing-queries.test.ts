import { describe, expect, it } from 'vitest';
import { generateProgramme } from '../generator/programme.js';
import { osaDistance } from '../matching/strings.js';
import { typingQueries } from './typing-queries.js';

const programme = generateProgramme({ students: 400, registry: 1200, schools: 6 });
const byNik = new Map(programme.registry.map((r) => [r.nik, r.nama]));

describe('typingQueries', () => {
  const queries = typingQueries(programme, { count: 120, misspelled: 40, seed: 3 });

  it('gives the same queries for the same programme and seed, others for another seed', () => {
    expect(typingQueries(programme, { count: 120, misspelled: 40, seed: 3 })).toEqual(queries);
    expect(typingQueries(programme, { count: 120, misspelled: 40, seed: 4 })).not.toEqual(queries);
  });

  it('asks for the first two words of the true registry name of the rows sought, in lower case', () => {
    expect(queries).toHaveLength(120);
    for (const q of queries) {
      const truths = q.targets.map((i) => programme.truth[i]);
      expect(new Set(truths.map((t) => t?.personId)).size).toBe(1);
      const trueName = byNik.get(truths[0]?.nik ?? '') ?? '';
      const expected = trueName.split(' ').slice(0, 2).join(' ').toLowerCase();
      if (q.misspelling === 'none') expect(q.text).toBe(expected);
      else expect(q.text).not.toBe(expected);
    }
  });

  it('misspells half by typo and half by spelling variant, one edit in a word of five letters or more', () => {
    const kinds = queries.map((q) => q.misspelling);
    expect(kinds.filter((k) => k === 'typo')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'spelling')).toHaveLength(20);
    for (const q of queries.filter((x) => x.misspelling !== 'none')) {
      const trueName = byNik.get(programme.truth[q.targets[0] as number]?.nik ?? '') ?? '';
      const words = trueName.toLowerCase().split(' ').slice(0, 2);
      const typed = q.text.split(' ');
      const changed = words.filter((w, i) => w !== typed[i]);
      expect(changed).toHaveLength(1);
      expect((changed[0] as string).length).toBeGreaterThanOrEqual(5);
      const at = words.indexOf(changed[0] as string);
      expect(osaDistance(changed[0] as string, typed[at] as string)).toBe(1);
    }
  });

  describe('invalid input', () => {
    it('refuses more queries than people to find', () => {
      expect(() => typingQueries(programme, { count: 100_000 })).toThrow(RangeError);
    });
  });
});
