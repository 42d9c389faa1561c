/**
 * Search-as-you-type over a list of students (issue 8): any word of the name from its start, in any
 * order, normalised like the matcher, one typo forgiven in words of five letters or more; or NISN / NIK
 * digits. Built for a page calling it on every keystroke over 20,000 students on the main thread.
 */
import {
  buildStudentSearchIndex,
  TERM_WORD,
  type SearchableStudent,
  type StudentSearchIndex,
} from './build.js';
import { withinOneOfPrefix } from './prefix-distance.js';
import {
  MAX_QUERY_WORDS,
  parseQuery,
  SHORT_TYPO_MIN_LENGTH,
  type ParsedQuery,
  type QueryTerm,
} from './query.js';
import { foldWord } from './text.js';

/** How a hit matched, best first: the whole word or number, its start, one typo, or digits inside. */
export type SearchMatch = 'exact' | 'prefix' | 'fuzzy' | 'contains';

/** A range of characters to highlight, `[start, end)` in UTF-16 code units. */
export type SearchRange = readonly [start: number, end: number];

/** One student found. */
export interface StudentSearchHit {
  /** The student's place in the list the index was built from. */
  readonly index: number;
  /** The student's `idSiswa`. */
  readonly id: string;
  /** What matched: the name, or the NISN or NIK digits. */
  readonly field: 'name' | 'nisn' | 'nik';
  /** The weakest match among the query's words (a name), or how the digits matched. */
  readonly match: SearchMatch;
  /**
   * Higher is better; hits come sorted by it, then (names) those written as typed and shorter names
   * first, then by name (docs/search.md, Ranking).
   */
  readonly score: number;
  /**
   * What to highlight: in the name as written for `name`; in the identifier's digits (see
   * `identifierDigits`) for `nisn` and `nik`. Sorted, not overlapping; empty when a word could not be
   * placed in the written name.
   */
  readonly ranges: readonly SearchRange[];
}

/** The answer to one query. */
export interface StudentSearchResult {
  /**
   * `blank`: nothing typed (show the whole list). `unsearchable`: no Latin letter or digit (say what to
   * type). `name` or `digits`: what was searched.
   */
  readonly kind: ParsedQuery['kind'];
  /** All students that match; `hits` holds the best `limit` of them. */
  readonly total: number;
  readonly hits: readonly StudentSearchHit[];
  /** The query was longer than the search reads (120 characters, 8 words); only its start was used. */
  readonly truncated: boolean;
  /**
   * Nothing matched every typed word as typed, so these are near matches: words of three or four
   * letters were allowed one typo, and failing that one typed word was allowed to match nothing. Say
   * so beside the list ("no exact match; close names").
   */
  readonly approximate: boolean;
}

/** Options of one search. */
export interface SearchOptions {
  /** Most hits returned (default 50); `Infinity` for all. `total` counts all matches regardless. */
  readonly limit?: number;
}

/** A search over one list of students. */
export interface StudentSearch {
  /** Number of students searched. */
  readonly size: number;
  /**
   * The students matching `query`, best first. Never throws on any text; a NIK typed as a query is not
   * kept after the call and never appears in an error.
   *
   * @throws {RangeError} when `limit` is negative or not a whole number (a programmer error).
   */
  search(query: string, options?: SearchOptions): StudentSearchResult;
}

/** Hits returned when `limit` is not given: more than a screen shows, few enough to be cheap. */
export const DEFAULT_LIMIT = 50;

/** How well a typed word matches a name's word, best last; both fuzzy levels are reported as fuzzy. */
const EXACT = 4;
const PREFIX = 3;
const TYPO = 2;
const SOUNDS_ALIKE = 1;
const NAME_MATCH: readonly SearchMatch[] = ['fuzzy', 'fuzzy', 'fuzzy', 'prefix', 'exact'];

/** Among equal scores, names of more words than this rank as if they had this many. */
const MAX_RANKED_WORDS = 15;
/** Most points a query's words can earn for being written as typed (see `#tieBreak`). */
const MAX_AS_WRITTEN = 2 * MAX_QUERY_WORDS;
/** Values of a tie-breaker (see `#tieBreak`): 0 … TIE_BREAKS - 1. */
const TIE_BREAKS = (MAX_AS_WRITTEN + 1) * (MAX_RANKED_WORDS + 1);

/**
 * How far a name search reaches: every word as typed (one typo in words of five letters or more); one
 * typo in words of three letters or more; that, with one typed word matching nothing. Each is tried
 * only when the one before found nobody.
 */
type Reach = 'typed' | 'short-typos' | 'word-missing';

/** The words of the vocabulary a query term matches, and how well. */
interface TermMatches {
  /** Per vocabulary term: 0 (no match), SOUNDS_ALIKE, TYPO, PREFIX or EXACT. */
  readonly levels: Uint8Array;
  /** Number of student postings over the matched terms: the cost of listing the term's students. */
  readonly postings: number;
  readonly matched: Int32Array;
  /** The written words (`writtenTerms`) that start with the word as typed: `[writtenFrom, writtenTo)`. */
  readonly writtenFrom: number;
  readonly writtenTo: number;
  /** Whether the first of them, `writtenFrom`, is the word as typed (some name wrote it so). */
  readonly writtenWhole: boolean;
}

/**
 * Builds a search over students (see {@link buildStudentSearchIndex}) and opens it. For 20,000 students
 * this takes a few hundred milliseconds: on a page, build in a worker and post the index to the page's
 * {@link openStudentSearch} instead.
 *
 * @example
 * const search = createStudentSearch(students);
 * search.search('moch riz').hits[0]?.id // the first Muhammad Rizky…, however the list spelled Muhammad
 */
export function createStudentSearch(students: readonly SearchableStudent[]): StudentSearch {
  return openStudentSearch(buildStudentSearchIndex(students));
}

/**
 * Opens a built index for searching; cheap (no copy of the index).
 *
 * @throws {TypeError} when `index` is not an index of this version (a programmer error).
 */
export function openStudentSearch(index: StudentSearchIndex): StudentSearch {
  if (index === null || typeof index !== 'object' || index.version !== 2) {
    throw new TypeError('openStudentSearch: not a student search index of version 2');
  }
  return new IndexedSearch(index);
}

class IndexedSearch implements StudentSearch {
  readonly size: number;
  readonly #index: StudentSearchIndex;
  /** Term matches of the previous query, by term, reused while a word is unchanged ("ahmad r…"). */
  #terms = new Map<string, TermMatches>();
  /** How far the current name search reached, for its hits' highlighting. */
  #reach: Reach = 'typed';
  /** Marks students already listed during one query: `seen[s] === stamp`. */
  readonly #seen: Uint32Array;
  #stamp = 0;
  /** Every student, for queries whose narrowest word is in most names. */
  readonly #everyone: Int32Array;
  /** The students found by the current query and their scores, in their first places. */
  readonly #found: Int32Array;
  readonly #scores: Int32Array;
  /** The current name query's term matches, for the tie-break (empty for digits). */
  #matches: readonly TermMatches[] = [];
  /** Sort keys of the found students that can be listed (see `#key`). */
  readonly #keys: Float64Array;

  constructor(index: StudentSearchIndex) {
    this.#index = index;
    this.size = index.ids.length;
    this.#seen = new Uint32Array(this.size);
    this.#everyone = Int32Array.from({ length: this.size }, (_, s) => s);
    this.#found = new Int32Array(this.size);
    this.#scores = new Int32Array(this.size);
    this.#keys = new Float64Array(this.size);
  }

  search(query: string, options: SearchOptions = {}): StudentSearchResult {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 0))) {
      throw new RangeError('search: limit must be a whole number from 0, or Infinity');
    }
    const parsed = parseQuery(query);
    if (parsed.kind === 'blank' || parsed.kind === 'unsearchable') {
      this.#terms.clear();
      return {
        kind: parsed.kind,
        total: 0,
        hits: [],
        truncated: parsed.truncated,
        approximate: false,
      };
    }
    const total =
      parsed.kind === 'digits'
        ? this.#digitMatches(parsed.digits)
        : this.#nameSearch(parsed.terms, parsed.digits);
    const top = this.#best(total, limit);
    const hits =
      parsed.kind === 'digits'
        ? top.map((s) => this.#digitHit(s, parsed.digits))
        : top.map((s) => this.#nameHit(s, parsed.terms));
    return {
      kind: parsed.kind,
      total,
      hits,
      truncated: parsed.truncated,
      approximate: parsed.kind === 'name' && this.#reach !== 'typed',
    };
  }

  /**
   * The sort key of a student with `score` and `tieBreak` (0 … TIE_BREAKS - 1), best highest: by
   * score, then tie-break, then alphabetical by normalised name, then list order.
   */
  #key(score: number, tieBreak: number, s: number): number {
    const rank = this.#index.rank[s] as number;
    return (score * TIE_BREAKS + tieBreak) * this.size + (this.size - 1 - rank);
  }

  /**
   * The best `limit` of the `count` students found, best first. Only students scoring at least the
   * `limit`-th best score can be listed, so only they get a tie-break and a place in the sort: a first
   * letter finds thousands of students, and for most letters more than half score below the fiftieth.
   */
  #best(count: number, limit: number): number[] {
    const found = this.#found;
    const scores = this.#scores;
    const keys = this.#keys;
    const matches = this.#matches;
    const lowest = lowestListedScore(scores, count, limit);
    let listed = 0;
    for (let i = 0; i < count; i++) {
      const score = scores[i] as number;
      if (score < lowest) continue;
      const s = found[i] as number;
      keys[listed++] = this.#key(score, matches.length > 0 ? this.#tieBreak(s, matches) : 0, s);
    }
    const sorted = keys.subarray(0, listed).sort();
    const out: number[] = [];
    const n = this.size;
    const byRank = this.#index.byRank;
    for (let i = sorted.length - 1; i >= 0 && out.length < limit; i--) {
      const place = n - 1 - ((sorted[i] as number) % n);
      out.push(byRank[place] as number);
    }
    return out;
  }

  // --- names -------------------------------------------------------------------------------------

  /**
   * Matches as typed; failing that, with short-word typos; failing that, with one word missing.
   * Returns the number of students found, who fill the start of `#found` and `#scores`.
   */
  #nameSearch(terms: readonly QueryTerm[], digits: readonly string[]): number {
    const reaches: Reach[] = ['typed', 'short-typos'];
    if (terms.length > 1) reaches.push('word-missing');
    let found = 0;
    for (const reach of reaches) {
      this.#reach = reach;
      found = this.#nameMatches(terms, digits, reach);
      if (found > 0) break;
    }
    return found;
  }

  #nameMatches(terms: readonly QueryTerm[], digits: readonly string[], reach: Reach): number {
    const matches = terms.map((t) => this.#termMatches(t, reach));
    this.#terms = new Map(terms.map((t, i) => [termKey(t, reach), matches[i] as TermMatches]));
    this.#matches = matches;
    const missing = reach === 'word-missing' ? 1 : 0;
    const candidates = missing > 0 ? this.#everyone : this.#candidates(matches);
    let found = 0;
    const levels = matches.map((m) => m.levels);
    for (const s of candidates) {
      if (digits.length > 0 && !this.#hasDigits(s, digits)) continue;
      const score = this.#nameScore(s, levels, missing);
      if (score < 0) continue;
      this.#found[found] = s;
      this.#scores[found++] = score;
    }
    return found;
  }

  /**
   * The students that may match: those of the term with the fewest (every student matches all terms).
   * This is about as small as the previous keystroke's matches, which is why reusing those gained
   * nothing when measured (docs/search.md).
   */
  #candidates(matches: readonly TermMatches[]): ArrayLike<number> & Iterable<number> {
    let narrowest = matches[0] as TermMatches;
    for (const m of matches) if (m.postings < narrowest.postings) narrowest = m;
    if (narrowest.postings >= this.size / 2) return this.#everyone;
    const { postingStart, postings } = this.#index;
    const stamp = this.#nextStamp();
    const seen = this.#seen;
    const out: number[] = [];
    for (const t of narrowest.matched) {
      for (let p = postingStart[t] as number, end = postingStart[t + 1] as number; p < end; p++) {
        const s = postings[p] as number;
        if (seen[s] !== stamp) {
          seen[s] = stamp;
          out.push(s);
        }
      }
    }
    return out;
  }

  #nextStamp(): number {
    if (this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }

  /**
   * The score of student `s`, or -1 when more than `missing` terms match none of the student's words.
   * Per term, the best level over the student's words and word pairs, eight points a level; then four
   * when the first typed word matches the name's first word, two when the typed words match in the
   * name's order, one when they match neighbouring words ("moch riz": Muhammad Rizky before Muhammad
   * Aditya Rizqi). A term that matches nothing counts for nothing.
   */
  #nameScore(s: number, levels: readonly Uint8Array[], missing = 0): number {
    const { wordStart, wordTerm, pairStart, pairTerm } = this.#index;
    const w0 = wordStart[s] as number;
    const w1 = wordStart[s + 1] as number;
    const p0 = pairStart[s] as number;
    const p1 = pairStart[s + 1] as number;
    let sum = 0;
    let inOrder = true;
    let adjacent = true;
    let lastPlace = -1;
    let firstAtStart = false;
    let unmatched = 0;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i] as Uint8Array;
      let best = 0;
      let place = 0;
      for (let w = w0; w < w1; w++) {
        const l = level[wordTerm[w] as number] as number;
        if (l > best) {
          best = l;
          place = w - w0;
        }
      }
      for (let p = p0; p < p1; p++) {
        const l = level[pairTerm[p] as number] as number;
        if (l > best) {
          best = l;
          place = p - p0;
        }
      }
      if (best === 0) {
        if (++unmatched > missing) return -1;
        continue;
      }
      sum += best;
      if (i === 0) firstAtStart = place === 0;
      else if (place <= lastPlace) inOrder = adjacent = false;
      else if (place !== lastPlace + 1) adjacent = false;
      lastPlace = place;
    }
    return sum * 8 + (firstAtStart ? 4 : 0) + (inOrder ? 2 : 0) + (adjacent ? 1 : 0);
  }

  /**
   * What orders names of equal score, higher first: how closely the name as the list wrote it (folded)
   * holds the words as typed — per typed word, 2 when a written word is that word, 1 when one starts
   * with it — then fewer words. The score reads names normalised, so MOHAMMAD LUTFI PRATAMA, Muhammad
   * Lutfi and Muchammad Lutfi tie on `mohammad lutfi`; the person most likely seeks the one spelled as
   * typed, and of names that hold the typed words equally well, the one with fewer other words.
   */
  #tieBreak(s: number, matches: readonly TermMatches[]): number {
    const { wordStart, wordWritten } = this.#index;
    const w0 = wordStart[s] as number;
    const w1 = wordStart[s + 1] as number;
    let asWritten = 0;
    for (let i = 0; i < matches.length; i++) {
      const { writtenFrom, writtenTo, writtenWhole } = matches[i] as TermMatches;
      let best = 0;
      for (let w = w0; w < w1 && best < 2; w++) {
        const written = wordWritten[w] as number;
        if (written < writtenFrom || written >= writtenTo) continue;
        best = writtenWhole && written === writtenFrom ? 2 : 1;
      }
      asWritten += best;
    }
    const wordCount = Math.min(w1 - w0, MAX_RANKED_WORDS);
    return (
      Math.min(asWritten, MAX_AS_WRITTEN) * (MAX_RANKED_WORDS + 1) + MAX_RANKED_WORDS - wordCount
    );
  }

  #hasDigits(s: number, digits: readonly string[]): boolean {
    const nisn = this.#index.nisn[s] as string;
    const nik = this.#index.nik[s] as string;
    return digits.every((d) => nisn.includes(d) || nik.includes(d));
  }

  /** Which vocabulary terms `term` matches: from its start, through a written spelling, or one typo. */
  #termMatches(term: QueryTerm, reach: Reach): TermMatches {
    const cached = this.#terms.get(termKey(term, reach));
    if (cached !== undefined) return cached;
    const { terms, termFlags, termKeys, aliases, aliasTerm, postingStart, writtenTerms } =
      this.#index;
    const levels = new Uint8Array(terms.length);
    const raise = (t: number, level: number): void => {
      if ((levels[t] as number) < level) levels[t] = level;
    };
    for (let t = lowerBound(terms, term.modern); t < terms.length; t++) {
      const word = terms[t] as string;
      if (!word.startsWith(term.modern)) break;
      raise(t, word.length === term.modern.length ? EXACT : PREFIX);
    }
    if (term.canonical !== '') {
      const t = lowerBound(terms, term.canonical);
      if (terms[t] === term.canonical) raise(t, EXACT);
    }
    for (let a = lowerBound(aliases, term.written); a < aliases.length; a++) {
      const alias = aliases[a] as string;
      if (!alias.startsWith(term.written)) break;
      raise(aliasTerm[a] as number, alias.length === term.written.length ? EXACT : PREFIX);
    }
    const typos = term.fuzzy || (reach !== 'typed' && term.modern.length >= SHORT_TYPO_MIN_LENGTH);
    if (typos) {
      for (let t = 0; t < terms.length; t++) {
        if (levels[t] !== 0 || ((termFlags[t] as number) & TERM_WORD) === 0) continue;
        if (withinOneOfPrefix(term.modern, terms[t] as string)) levels[t] = TYPO;
        else if (term.fuzzy && termKeys[t] === term.key) levels[t] = SOUNDS_ALIKE;
      }
    }
    const matched: number[] = [];
    let postings = 0;
    for (let t = 0; t < levels.length; t++) {
      if (levels[t] !== 0) {
        matched.push(t);
        postings += (postingStart[t + 1] as number) - (postingStart[t] as number);
      }
    }
    const writtenFrom = lowerBound(writtenTerms, term.written);
    return {
      levels,
      postings,
      matched: Int32Array.from(matched),
      writtenFrom,
      // Folded words hold only A-Z and 0-9, so every word starting with `written` sorts below this.
      writtenTo: lowerBound(writtenTerms, `${term.written}\uffff`),
      writtenWhole: writtenTerms[writtenFrom] === term.written,
    };
  }

  /** The hit of student `s`: the best word for each term, and the characters each covers. */
  #nameHit(s: number, terms: readonly QueryTerm[]): StudentSearchHit {
    const {
      wordStart,
      wordTerm,
      wordFrom,
      wordTo,
      pairStart,
      pairTerm,
      terms: vocab,
    } = this.#index;
    const name = this.#index.names[s] as string;
    const w0 = wordStart[s] as number;
    const w1 = wordStart[s + 1] as number;
    const p0 = pairStart[s] as number;
    const ranges: SearchRange[] = [];
    let weakest = EXACT;
    const levels: Uint8Array[] = [];
    for (const term of terms) {
      const level = (this.#terms.get(termKey(term, this.#reach)) as TermMatches).levels;
      levels.push(level);
      let best = 0;
      let word = -1;
      let pair = -1;
      for (let w = w0; w < w1; w++) {
        const l = level[wordTerm[w] as number] as number;
        if (l > best) [best, word] = [l, w];
      }
      for (let p = p0; p < (pairStart[s + 1] as number); p++) {
        const l = level[pairTerm[p] as number] as number;
        if (l > best) [best, word, pair] = [l, -1, p];
      }
      weakest = Math.min(weakest, best);
      if (pair >= 0) {
        // Two written words typed as one ("nurhayati" for Nur Hayati): the first whole, the second's
        // start (or whole, after a typo).
        const first = w0 + (pair - p0);
        const firstWord = vocab[wordTerm[first] as number] as string;
        pushRange(ranges, wordFrom[first] as number, wordTo[first] as number);
        const rest = best < PREFIX ? '' : term.modern.slice(firstWord.length);
        pushWordRange(ranges, name, wordFrom[first + 1] as number, wordTo[first + 1] as number, [
          rest,
        ]);
      } else if (word >= 0) {
        const from = wordFrom[word] as number;
        const to = wordTo[word] as number;
        if (best < PREFIX) pushRange(ranges, from, to);
        else pushWordRange(ranges, name, from, to, [term.written, term.modern]);
      }
    }
    const score = this.#nameScore(s, levels, this.#reach === 'word-missing' ? 1 : 0);
    return {
      index: s,
      id: this.#index.ids[s] as string,
      field: 'name',
      match: NAME_MATCH[weakest] as SearchMatch,
      score,
      ranges: mergeRanges(ranges),
    };
  }

  // --- digits ------------------------------------------------------------------------------------

  /** The number of students whose NISN or NIK holds `digits`, who fill `#found` and `#scores`. */
  #digitMatches(digits: string): number {
    this.#terms.clear();
    this.#matches = [];
    const { nisn, nik } = this.#index;
    let found = 0;
    for (let s = 0; s < this.size; s++) {
      const score = Math.max(
        digitScore(nisn[s] as string, digits, 1),
        digitScore(nik[s] as string, digits, 0),
      );
      if (score > 0) {
        this.#found[found] = s;
        this.#scores[found++] = score;
      }
    }
    return found;
  }

  #digitHit(s: number, digits: string): StudentSearchHit {
    const nisn = this.#index.nisn[s] as string;
    const nik = this.#index.nik[s] as string;
    const nisnScore = digitScore(nisn, digits, 1);
    const nikScore = digitScore(nik, digits, 0);
    const field = nisnScore >= nikScore ? 'nisn' : 'nik';
    const score = Math.max(nisnScore, nikScore);
    const at = (field === 'nisn' ? nisn : nik).indexOf(digits);
    return {
      index: s,
      id: this.#index.ids[s] as string,
      field,
      match: score >= 6 ? 'exact' : score >= 4 ? 'prefix' : 'contains',
      score,
      ranges: [[at, at + digits.length]],
    };
  }
}

/**
 * The lowest score among the best `limit` of the first `count` scores (all whole numbers from 0);
 * -1 when all are listed.
 */
function lowestListedScore(scores: Int32Array, count: number, limit: number): number {
  if (limit >= count) return -1;
  let highest = 0;
  for (let i = 0; i < count; i++) highest = Math.max(highest, scores[i] as number);
  const withScore = new Int32Array(highest + 1);
  for (let i = 0; i < count; i++) {
    const score = scores[i] as number;
    withScore[score] = (withScore[score] as number) + 1;
  }
  let listed = 0;
  for (let score = highest; score > 0; score--) {
    listed += withScore[score] as number;
    if (listed >= limit) return score;
  }
  return 0;
}

/**
 * How an identifier holds the typed digits: the whole number 6, its start 4, inside it 2, plus `bonus`
 * (the NISN's one point: a person is likelier to type it); 0 when it does not hold them.
 */
function digitScore(value: string, digits: string, bonus: number): number {
  const at = value.indexOf(digits);
  if (at < 0) return 0;
  return (at > 0 ? 2 : value.length === digits.length ? 6 : 4) + bonus;
}

/** A term's cache key: its forms, and whether short words may have a typo. */
function termKey(term: QueryTerm, reach: Reach): string {
  return `${term.written} ${term.modern} ${term.canonical} ${reach === 'typed' ? '' : 'short'}`;
}

/** The first place in sorted `items` whose value is not below `value`. */
function lowerBound(items: readonly string[], value: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushRange(ranges: SearchRange[], from: number, to: number): void {
  if (from >= 0 && to > from) ranges.push([from, to]);
}

/**
 * Highlights the typed start of a written word when the word, folded letter by letter (accents off,
 * apostrophes dropped), starts with one of `typed`; otherwise the whole word (a spelling the person did
 * not type, such as Muhammad for "moch").
 */
function pushWordRange(
  ranges: SearchRange[],
  name: string,
  from: number,
  to: number,
  typed: readonly string[],
): void {
  if (from < 0) return;
  for (const t of typed) {
    if (t === '') continue;
    const end = typedEnd(name, from, to, t);
    if (end > 0) {
      pushRange(ranges, from, end);
      return;
    }
  }
  pushRange(ranges, from, to);
}

/** Where in `name` the folded letters from `from` spell out `typed`; -1 when they do not. */
function typedEnd(name: string, from: number, to: number, typed: string): number {
  let matched = 0;
  for (let i = from; i < to; i++) {
    const c = name.charCodeAt(i);
    const ch = name[i] as string;
    const folded = c === 39 || c === 96 ? '' : c < 128 ? ch.toUpperCase() : foldWord(ch);
    for (const f of folded) {
      if (f !== typed[matched]) return -1;
      matched++;
    }
    if (matched >= typed.length) return matched === typed.length ? i + 1 : -1;
  }
  return -1;
}

/** Sorts ranges and joins those that overlap or touch. */
function mergeRanges(ranges: SearchRange[]): SearchRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
