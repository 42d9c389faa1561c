/**
 * The search index over a list of students: their names' words after the matcher's normalisation, in
 * one sorted vocabulary with the students who carry each word, plus the spellings the list actually
 * wrote (MOCH., Soejono) pointing at the normalised words, and NISN and NIK digits. The index is plain
 * data — arrays, typed arrays and strings — so a worker can build it and post it to the page.
 */
import type { StudentRecord } from '../domain/records.js';
import { isDigits } from '../identifiers/nik.js';
import { normaliseName } from '../matching/names.js';
import { phoneticKey } from '../matching/phonetic.js';
import { alignTokens, writtenWords, type AlignedToken } from './text.js';

/** What the search needs of a student: the school's row as imported (extra fields are ignored). */
export type SearchableStudent = Pick<StudentRecord, 'idSiswa' | 'nama' | 'nisn' | 'nik'>;

/** Flags of a vocabulary entry: a word of some name, the two words of a name run together, or both. */
export const TERM_WORD = 1;
export const TERM_JOINED = 2;

/**
 * A built search index: plain data, safe to post between a worker and the page (structured clone).
 * Build with {@link buildStudentSearchIndex}; search with `openStudentSearch`. Arrays indexed by student
 * follow the order of the students given.
 */
export interface StudentSearchIndex {
  /** The format of this object; `openStudentSearch` refuses another. */
  readonly version: 2;
  readonly ids: readonly string[];
  /** Names as written, for highlighting. */
  readonly names: readonly string[];
  /** NISN and NIK digits (spaces, dots, dashes and a leading apostrophe removed; '' when not digits). */
  readonly nisn: readonly string[];
  readonly nik: readonly string[];
  /** Sorted vocabulary: normalised words and adjacent word pairs run together ("NURAINI"). */
  readonly terms: readonly string[];
  /** Per term: {@link TERM_WORD} and/or {@link TERM_JOINED}. */
  readonly termFlags: Uint8Array;
  /** Per term: the matcher's phonetic key of a word, '' for a pair only. */
  readonly termKeys: readonly string[];
  /** Students carrying each term: `postings[postingStart[t] … postingStart[t + 1])`, ascending. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Each student's words in name order: `wordTerm[wordStart[s] … wordStart[s + 1])`. */
  readonly wordStart: Int32Array;
  readonly wordTerm: Int32Array;
  /** Where each word was written in the name, `[start, end)`; -1 when it could not be placed. */
  readonly wordFrom: Int32Array;
  readonly wordTo: Int32Array;
  /**
   * The words as the list wrote them, folded (accents off, upper case, no apostrophes: MOCH, MOHAMMAD),
   * sorted; and per word of `wordTerm`, its written form here, -1 when it could not be placed. Among
   * equal scores, a name written the way the person typed comes first.
   */
  readonly writtenTerms: readonly string[];
  readonly wordWritten: Int32Array;
  /** Each student's adjacent word pairs: pair `k` is words `k` and `k + 1`. */
  readonly pairStart: Int32Array;
  readonly pairTerm: Int32Array;
  /** Spellings written in the list that normalise to another word (MOCHAMAD → MUHAMMAD), sorted. */
  readonly aliases: readonly string[];
  readonly aliasTerm: Int32Array;
  /** Each student's place in the alphabetical order of normalised names (ties by list order). */
  readonly rank: Int32Array;
  /** The student at each alphabetical place (the inverse of `rank`). */
  readonly byRank: Int32Array;
}

const SEPARATORS = /[\s.\-/]+/g;

/**
 * The digits of an NISN or NIK as searched: spaces, dots, dashes, slashes and a leading apostrophe (how
 * spreadsheets keep long numbers as text) removed; '' when anything else remains, such as Excel's
 * `3.50619E+15`, whose digits are lost. A page that highlights digit hits shows this form.
 *
 * @example
 * identifierDigits("'3506 1905 0707 0002") // '3506190507070002'
 * identifierDigits('3.50619E+15')          // ''
 */
export function identifierDigits(text: string): string {
  if (typeof text !== 'string') return '';
  if (isDigits(text)) return text;
  const digits = text.trim().replace(/^'/, '').replace(SEPARATORS, '');
  return /^\d+$/.test(digits) ? digits : '';
}

/**
 * Builds the search index over students, in their order. Never throws on odd values: a missing or
 * non-text name gives a student no words (found by NISN or NIK only), and an identifier that is not
 * digits is not searched. The input is not changed.
 *
 * @throws {TypeError} when `students` is not an array (a programmer error).
 */
export function buildStudentSearchIndex(
  students: readonly SearchableStudent[],
): StudentSearchIndex {
  if (!Array.isArray(students)) {
    throw new TypeError('buildStudentSearchIndex: students must be an array');
  }
  const n = students.length;
  // Terms get a draft id in order of first sight, renumbered in sorted order at the end.
  const draftId = new Map<string, number>();
  const draftTerms: string[] = [];
  const draftFlags: number[] = [];
  const aliasOf = new Map<string, string>();
  const ids: string[] = new Array<string>(n);
  const names: string[] = new Array<string>(n);
  const nisn: string[] = new Array<string>(n);
  const nik: string[] = new Array<string>(n);
  const normalised: string[] = new Array<string>(n);
  const wordStart = new Int32Array(n + 1);
  const pairStart = new Int32Array(n + 1);
  const words: number[] = [];
  const pairs: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const draftWrittenId = new Map<string, number>();
  const draftWritten: string[] = [];
  const wordWritten: number[] = [];

  const idOf = (term: string, flag: number): number => {
    let id = draftId.get(term);
    if (id === undefined) {
      id = draftTerms.length;
      draftId.set(term, id);
      draftTerms.push(term);
      draftFlags.push(0);
    }
    draftFlags[id] = (draftFlags[id] as number) | flag;
    return id;
  };
  const writtenIdOf = (folded: string): number => {
    let id = draftWrittenId.get(folded);
    if (id === undefined) {
      id = draftWritten.length;
      draftWrittenId.set(folded, id);
      draftWritten.push(folded);
    }
    return id;
  };

  for (let s = 0; s < n; s++) {
    const student = students[s] as SearchableStudent;
    const name = typeof student.nama === 'string' ? student.nama : '';
    ids[s] = String(student.idSiswa);
    names[s] = name;
    nisn[s] = identifierDigits(student.nisn);
    nik[s] = identifierDigits(student.nik);
    const { tokens, text } = normaliseName(name);
    normalised[s] = text;
    wordStart[s] = words.length;
    pairStart[s] = pairs.length;
    if (tokens.length === 0) continue;
    const written = writtenWords(name);
    const aligned = alignTokens(tokens, written);
    for (let k = 0; k < aligned.length; k++) {
      const { token, word } = aligned[k] as AlignedToken;
      words.push(idOf(token, TERM_WORD));
      const place = written[word];
      from.push(place?.start ?? -1);
      to.push(place?.end ?? -1);
      wordWritten.push(place === undefined ? -1 : writtenIdOf(place.folded));
      if (place !== undefined && place.folded !== token && place.folded.length > 1) {
        if (!aliasOf.has(place.folded)) aliasOf.set(place.folded, token);
      }
      if (k > 0) pairs.push(idOf((aligned[k - 1] as AlignedToken).token + token, TERM_JOINED));
    }
  }
  wordStart[n] = words.length;
  pairStart[n] = pairs.length;

  const { order, finalId, sorted: terms } = sortVocabulary(draftTerms);
  const termFlags = Uint8Array.from(order, (draft) => draftFlags[draft] as number);
  const termKeys = terms.map((term, t) =>
    (termFlags[t] as number) & TERM_WORD ? phoneticKey(term) : '',
  );
  const wordTerm = Int32Array.from(words, (draft) => finalId[draft] as number);
  const pairTerm = Int32Array.from(pairs, (draft) => finalId[draft] as number);
  const { postingStart, postings } = invert(terms.length, n, [
    [wordStart, wordTerm],
    [pairStart, pairTerm],
  ]);

  const aliases = [...aliasOf.keys()].sort(compareCodeUnits);
  const aliasTerm = Int32Array.from(
    aliases,
    (a) => finalId[draftId.get(aliasOf.get(a) as string) as number] as number,
  );

  const byRank = Int32Array.from(normalised, (_, i) => i).sort((a, b) => {
    const x = normalised[a] as string;
    const y = normalised[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const rank = new Int32Array(n);
  byRank.forEach((s, r) => (rank[s] = r));

  const written = sortVocabulary(draftWritten);

  return {
    version: 2,
    ids,
    names,
    nisn,
    nik,
    terms,
    termFlags,
    termKeys,
    postingStart,
    postings,
    wordStart,
    wordTerm,
    wordFrom: Int32Array.from(from),
    wordTo: Int32Array.from(to),
    writtenTerms: written.sorted,
    wordWritten: Int32Array.from(wordWritten, (draft) =>
      draft < 0 ? -1 : (written.finalId[draft] as number),
    ),
    pairStart,
    pairTerm,
    aliases,
    aliasTerm,
    rank,
    byRank,
  };
}

/**
 * Sorts a vocabulary numbered in order of first sight: `order[t]` is the draft id of sorted term `t`,
 * `finalId[draft]` its place in `sorted`.
 */
function sortVocabulary(draft: readonly string[]): {
  order: Int32Array;
  finalId: Int32Array;
  sorted: string[];
} {
  const order = Int32Array.from(draft, (_, i) => i).sort((a, b) =>
    compareCodeUnits(draft[a] as string, draft[b] as string),
  );
  const finalId = new Int32Array(order.length);
  order.forEach((d, t) => (finalId[d] = t));
  return { order, finalId, sorted: Array.from(order, (d) => draft[d] as string) };
}

/**
 * The students carrying each term, ascending and once each, from each student's term lists
 * (`[start, term]` pairs: student `s` carries `term[start[s] … start[s + 1])`).
 */
function invert(
  termCount: number,
  n: number,
  lists: readonly (readonly [Int32Array, Int32Array])[],
): { postingStart: Int32Array; postings: Int32Array } {
  const last = new Int32Array(termCount).fill(-1);
  const count = new Int32Array(termCount + 1);
  const each = (visit: (t: number, s: number) => void): void => {
    last.fill(-1);
    for (let s = 0; s < n; s++) {
      for (const [start, term] of lists) {
        for (let i = start[s] as number, end = start[s + 1] as number; i < end; i++) {
          const t = term[i] as number;
          if (last[t] !== s) {
            last[t] = s;
            visit(t, s);
          }
        }
      }
    }
  };
  each((t) => (count[t + 1] = (count[t + 1] as number) + 1));
  for (let t = 0; t < termCount; t++) {
    count[t + 1] = (count[t + 1] as number) + (count[t] as number);
  }
  const postingStart = count.slice();
  const postings = new Int32Array(count[termCount] as number);
  each((t, s) => {
    const at = count[t] as number;
    postings[at] = s;
    count[t] = at + 1;
  });
  return { postingStart, postings };
}

/** Orders strings by UTF-16 code units, the order binary search in the vocabulary relies on. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
