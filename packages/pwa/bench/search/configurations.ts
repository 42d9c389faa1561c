/**
 * How the established libraries are set up for the student search benchmark: the configuration a
 * competent user would pick from each library's own documentation for search-as-you-type over names,
 * not tuned to win or to lose. Kept apart from the page so the report can print them exactly.
 */
import type uFuzzy from '@leeoniya/ufuzzy';
import type { Options as MiniSearchOptions } from 'minisearch';

/** A student as MiniSearch indexes it: `id` is the student's place in the list. */
export interface StudentDocument {
  readonly id: number;
  readonly nama: string;
  readonly nisn: string;
  readonly nik: string;
}

/**
 * MiniSearch over the name, NISN and NIK. The search options are the README's for typing: `prefix`
 * so the word being typed matches the words it starts (every word, since staff type names word by word
 * and our search reads every word as a start too), `fuzzy: 0.2` (the README's example: one edit in
 * words of 3–7 letters, two in 8–12), and `combineWith: 'AND'` so that each word narrows the list as in
 * our search. Ranking is MiniSearch's own BM25+ score; no field boost, since a name query only matches
 * the name.
 */
export const MINISEARCH_OPTIONS = {
  fields: ['nama', 'nisn', 'nik'],
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
} satisfies MiniSearchOptions<StudentDocument>;

/**
 * uFuzzy over one "name NISN NIK" string per student. `intraMode: 1` (SingleError) forgives one
 * substitution, transposition, insertion or deletion per typed word, which the library itself limits to
 * words of five letters or more (a swap in three or four, nothing in one or two) and never in the first
 * letter: the closest of its modes to our one typo per word. Other options are the defaults (words may
 * match inside words; the default sort ranks word starts and whole words first).
 */
export const UFUZZY_OPTIONS: uFuzzy.Options = { intraMode: 1 };

/**
 * `search()`'s `outOfOrder`: typed words may come in any order, as in our search (school lists swap
 * name order). Up to three words are permuted (6 orders); the queries have at most two.
 */
export const UFUZZY_OUT_OF_ORDER = 3;

/**
 * `search()`'s `infoThresh`, the library's default: above this many matches it skips ranking and
 * returns the matches in list order (its README gates the `info`/`sort` phases the same way).
 */
export const UFUZZY_INFO_THRESH = 1_000;

/** Hits shown per keystroke, as the app lists them, for every library. */
export const LIMIT = 50;
