import { describe, expect, it } from 'vitest';
import type { Corruption } from '../generator/types.js';
import { typo } from '../generator/corrupt.js';
import { generateProgramme } from '../generator/programme.js';
import { normaliseName } from '../matching/names.js';
import { phoneticKey } from '../matching/phonetic.js';
import { osaDistance } from '../matching/strings.js';
import { Random } from '../random/prng.js';
import { identifierDigits, type SearchableStudent } from './build.js';
import { parseQuery, type QueryTerm } from './query.js';
import { createStudentSearch } from './search.js';
import { alignTokens, writtenWords } from './text.js';

const programme = generateProgramme({ students: 2000, registry: 20_000 });

/**
 * The students a query should match, read straight from the rules in docs/search.md with no index:
 * every typed word matches some word of the name (or two neighbouring words run together) exactly,
 * from its start, through a spelling the list wrote, with one typo (five letters or more) or by sound;
 * failing that, with a typo from three letters; failing that, with one typed word matching nothing.
 */
function referenceSearch(students: readonly SearchableStudent[]): (query: string) => Set<number> {
  const spellings = new Map<string, Set<string>>();
  const words = new Set<string>();
  const names = students.map((s) => {
    const tokens = normaliseName(s.nama).tokens;
    const written = writtenWords(s.nama);
    for (const { token, word } of alignTokens(tokens, written)) {
      words.add(token);
      const folded = written[word]?.folded;
      if (folded !== undefined && folded !== token && folded.length > 1) {
        spellings.set(token, (spellings.get(token) ?? new Set()).add(folded));
      }
    }
    const pairs = tokens.slice(1).map((t, k) => (tokens[k] as string) + t);
    return [...tokens, ...pairs];
  });
  const ids = students.map((s) => [identifierDigits(s.nisn), identifierDigits(s.nik)]);
  const oneEditFromPrefix = (typed: string, word: string): boolean => {
    for (let j = 0; j <= word.length; j++)
      if (osaDistance(typed, word.slice(0, j)) <= 1) return true;
    return false;
  };
  const matches = (term: QueryTerm, word: string, short: boolean): boolean =>
    word.startsWith(term.modern) ||
    word === term.canonical ||
    [...(spellings.get(word) ?? [])].some((w) => w.startsWith(term.written)) ||
    (words.has(word) &&
      (((term.fuzzy || (short && term.modern.length >= 3)) &&
        oneEditFromPrefix(term.modern, word)) ||
        (term.fuzzy && phoneticKey(word) === term.key)));

  return (query) => {
    const parsed = parseQuery(query);
    const found = new Set<number>();
    if (parsed.kind === 'blank' || parsed.kind === 'unsearchable') return found;
    if (parsed.kind === 'digits') {
      ids.forEach((d, i) => d.some((x) => x.includes(parsed.digits)) && found.add(i));
      return found;
    }
    const reaches = [
      { short: false, missing: 0 },
      { short: true, missing: 0 },
      ...(parsed.terms.length > 1 ? [{ short: true, missing: 1 }] : []),
    ];
    for (const { short, missing } of reaches) {
      const known = parsed.terms.map(() => new Map<string, boolean>());
      const termMatches = (t: number, word: string): boolean => {
        const memory = known[t] as Map<string, boolean>;
        let yes = memory.get(word);
        if (yes === undefined) {
          yes = matches(parsed.terms[t] as QueryTerm, word, short);
          memory.set(word, yes);
        }
        return yes;
      };
      names.forEach((name, i) => {
        let unmatched = 0;
        parsed.terms.forEach((_, t) => {
          if (!name.some((w) => termMatches(t, w))) unmatched++;
        });
        const digitsFit = parsed.digits.every((d) => ids[i]?.some((x) => x.includes(d)));
        if (unmatched <= missing && digitsFit) found.add(i);
      });
      if (found.size > 0) break;
    }
    return found;
  };
}

/** Queries people type: starts of names, first two words, typos, digits, and odd text. */
function sampleQueries(students: readonly SearchableStudent[], count: number): string[] {
  const random = new Random(5);
  const queries: string[] = ['a', 'm', 'mo', 'moc', 'st', 'x', 'qq', 'zz top'];
  while (queries.length < count) {
    const s = random.pick(students);
    const words = s.nama.toUpperCase().split(/\s+/).filter(Boolean);
    const two = words.slice(0, 2).join(' ');
    switch (random.int(0, 5)) {
      case 0:
        queries.push(two.slice(0, random.int(1, two.length)).toLowerCase());
        break;
      case 1:
        queries.push(typo(random, two).toLowerCase());
        break;
      case 2:
        queries.push(words.slice(1).concat(words.slice(0, 1)).join(' ').toLowerCase());
        break;
      case 3:
        queries.push(identifierDigits(s.nik).slice(random.int(0, 12), random.int(13, 16)));
        break;
      case 4:
        queries.push(`${words[0] ?? ''} ${random.pick(['xyzzy', 'q', 'ahmad'])}`.toLowerCase());
        break;
      default:
        queries.push(typo(random, words[0] ?? '').slice(0, random.int(3, 9)));
    }
  }
  return queries;
}

describe('student search on generated programmes', () => {
  describe('recall of the corrupted names in school lists', () => {
    it('finds 98 % of listed students by the first two words of their true registry name', () => {
      const search = createStudentSearch(programme.students);
      const byNik = new Map(programme.registry.map((r) => [r.nik, r.nama]));
      let rows = 0;
      const missed: (readonly Corruption[])[] = [];
      programme.truth.forEach((truth, i) => {
        const trueName = byNik.get(truth.nik);
        if (trueName === undefined) return;
        rows++;
        const query = trueName.split(' ').slice(0, 2).join(' ');
        const { hits } = search.search(query, { limit: Infinity });
        if (!hits.some((h) => h.index === i)) missed.push(truth.corruptions);
      });
      // Measured: 1,912 of 1,946 rows (0.9825). Every miss has a word dropped from the name, a typo
      // in a word of four letters or fewer, or old spelling the matcher reads another way.
      expect(rows).toBeGreaterThan(1900);
      expect(1 - missed.length / rows).toBeGreaterThanOrEqual(0.98);
      const explained: readonly Corruption[] = [
        'name_word_dropped',
        'name_typo',
        'name_old_spelling',
      ];
      for (const corruptions of missed) {
        expect(corruptions.some((c) => explained.includes(c))).toBe(true);
      }
    });
  });

  describe('20,000 students', () => {
    // The registry's 20,000 people as one list: realistic names at the size of the demo programme.
    const students: SearchableStudent[] = programme.registry.map((r, i) => ({
      idSiswa: `R${i}`,
      nama: r.nama,
      nisn: '',
      nik: r.nik,
    }));

    it('matches exactly the students a plain reading of the rules matches', () => {
      const search = createStudentSearch(students);
      const reference = referenceSearch(students);
      for (const query of sampleQueries(students, 120)) {
        const { hits, total } = search.search(query, { limit: Infinity });
        const expected = reference(query);
        expect(total, query).toBe(expected.size);
        expect(new Set(hits.map((h) => h.index)), query).toEqual(expected);
      }
    });

    it('returns hits sorted by score, then written as typed, then fewer words, then by name', () => {
      const search = createStudentSearch(students);
      for (const query of [
        'a',
        'muhammad',
        'moh',
        'mohammad lutpi',
        'siti nur',
        'st',
        'rizky',
        '3506',
      ]) {
        const parsed = parseQuery(query);
        const typed = parsed.kind === 'name' ? parsed.terms.map((t) => t.written) : [];
        /** What orders equal scores, read straight from the name: [written as typed, words, name]. */
        const order = (index: number): [number, number, string] => {
          const nama = (students[index] as SearchableStudent).nama;
          const { tokens, text } = normaliseName(nama);
          const written = writtenWords(nama);
          const words = alignTokens(tokens, written).map(({ word }) => written[word]?.folded ?? '');
          const asWritten = typed.reduce(
            (sum, t) => sum + (words.includes(t) ? 2 : words.some((w) => w.startsWith(t)) ? 1 : 0),
            0,
          );
          return parsed.kind === 'name' ? [asWritten, tokens.length, text] : [0, 0, text];
        };
        const { hits } = search.search(query, { limit: 500 });
        expect(search.search(query, { limit: 50 }).hits, query).toEqual(hits.slice(0, 50));
        for (let i = 1; i < hits.length; i++) {
          const [a, b] = [hits[i - 1], hits[i]] as const;
          if (a === undefined || b === undefined) continue;
          expect(a.score).toBeGreaterThanOrEqual(b.score);
          if (a.score !== b.score) continue;
          const [x, y] = [order(a.index), order(b.index)];
          expect(x[0], query).toBeGreaterThanOrEqual(y[0]);
          if (x[0] !== y[0]) continue;
          expect(x[1], query).toBeLessThanOrEqual(y[1]);
          if (x[1] === y[1]) expect(x[2] <= y[2], query).toBe(true);
        }
      }
    });
  });
});
