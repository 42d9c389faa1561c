/**
 * A fixed set of search queries over a generated programme, for benchmarks that replay typing letter by
 * letter (ours, and established libraries on the same queries): the first two words of students' true
 * registry names as a person would type them, some misspelled. The same programme, options and seed
 * always give the same queries.
 */
import type { Resident } from '../domain/records.js';
import { typo } from '../generator/corrupt.js';
import type { DemoProgramme } from '../generator/types.js';
import { Random } from '../random/prng.js';

/** How a query was misspelled. */
export type Misspelling = 'none' | 'typo' | 'spelling';

/** One query and the student rows it should find. */
export interface TypingQuery {
  /** What is typed, in lower case ("muhammad rizky"). */
  readonly text: string;
  /** Places in `programme.students` of the rows of the person sought (two when listed twice). */
  readonly targets: readonly number[];
  /**
   * `typo`: one keyboard slip in a word of five letters or more (a letter changed to a neighbour,
   * dropped, doubled, or swapped with the next, never the first letter). `spelling`: one Indonesian
   * spelling variant in such a word (dh→d, th→t, kh→h, sy→s, i↔y, f→p, z→s, q→k, a doubled letter
   * single), the way a name is heard and written down.
   */
  readonly misspelling: Misspelling;
}

/** Options of {@link typingQueries}. */
export interface TypingQueryOptions {
  /** Number of queries (default 200). */
  readonly count?: number;
  /** How many of them are misspelled, half by typo and half by spelling (default 50). */
  readonly misspelled?: number;
  /** Seed of the choice of students and misspellings (default 8). */
  readonly seed?: number;
}

/** One-edit spelling variants of Indonesian names, as a hearing writer produces them. */
const SPELLING_VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/DH/g, 'D'],
  [/TH/g, 'T'],
  [/KH/g, 'H'],
  [/SY/g, 'S'],
  [/(?<=[A-Z])I(?=[AEOU])/g, 'Y'],
  [/(?<=[A-Z])Y(?=[AEOU])/g, 'I'],
  [/Y$/g, 'I'],
  [/F/g, 'P'],
  [/Z/g, 'S'],
  [/Q/g, 'K'],
  [/([BCDFGJKLMNPRSTVWXZ])\1/g, '$1'],
];

/** One spelling variant of `word` at a random place where one applies; '' when none does. */
function spellingVariant(random: Random, word: string): string {
  const options: string[] = [];
  for (const [pattern, replacement] of SPELLING_VARIANTS) {
    for (const m of word.matchAll(pattern)) {
      const changed = replacement.replace('$1', m[1] ?? '');
      options.push(word.slice(0, m.index) + changed + word.slice(m.index + m[0].length));
    }
  }
  return options.length === 0 ? '' : random.pick(options);
}

/**
 * The queries: students drawn at random among those whose person is in the registry; each query is the
 * first two words of that person's registry name (what office staff would read from a KTP-el or a
 * letter), lower case. The first `misspelled` drawn students whose two words include one of five letters
 * or more get a misspelling in one such word; the queries come in random order.
 *
 * @throws {RangeError} when the programme has too few students in the registry for `count` queries
 * (or for `misspelled` of them to have a word of five letters or more).
 */
export function typingQueries(
  programme: Pick<DemoProgramme, 'students' | 'truth' | 'registry'>,
  options: TypingQueryOptions = {},
): TypingQuery[] {
  const count = options.count ?? 200;
  const misspelled = Math.min(options.misspelled ?? 50, count);
  const random = new Random(options.seed ?? 8);
  const byNik = new Map<string, Resident>(programme.registry.map((r) => [r.nik, r]));
  const rowsOf = new Map<string, number[]>();
  programme.truth.forEach((t, i) => {
    const rows = rowsOf.get(t.personId) ?? [];
    rows.push(i);
    rowsOf.set(t.personId, rows);
  });
  const people = [...rowsOf.entries()].filter(([, rows]) => {
    const nik = programme.truth[rows[0] as number]?.nik ?? '';
    return nik !== '' && byNik.has(nik);
  });
  if (people.length < count) {
    throw new RangeError(`typingQueries: ${count} queries asked, ${people.length} people to find`);
  }
  const queries: TypingQuery[] = [];
  let typos = 0;
  let spellings = 0;
  for (const [, rows] of random.shuffled(people)) {
    if (queries.length === count) break;
    const person = byNik.get(programme.truth[rows[0] as number]?.nik ?? '') as Resident;
    const words = person.nama
      .split(' ')
      .filter((w) => w !== '')
      .slice(0, 2);
    let misspelling: Misspelling = 'none';
    if (typos + spellings < misspelled) {
      const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Z]{5,}$/.test(w));
      if (long.length === 0) continue;
      const [word, at] = random.pick(long);
      const wantTypo = typos <= spellings;
      const changed = wantTypo ? typo(random, word) : spellingVariant(random, word);
      if (changed === '' || changed === word) continue;
      words[at] = changed;
      misspelling = wantTypo ? 'typo' : 'spelling';
      if (wantTypo) typos++;
      else spellings++;
    }
    queries.push({ text: words.join(' ').toLowerCase(), targets: rows, misspelling });
  }
  if (queries.length < count) {
    throw new RangeError(`typingQueries: only ${queries.length} of ${count} queries could be made`);
  }
  return random.shuffled(queries);
}
