/**
 * The three searches under test behind one shape: ours, MiniSearch and uFuzzy, each built over the same
 * students and asked the same way a page asks on each keystroke (the best `limit` students, best first).
 */
import uFuzzy from '@leeoniya/ufuzzy';
import {
  buildStudentSearchIndex,
  openStudentSearch,
  type SearchableStudent,
} from '@sahaja/core/search';
import MiniSearch from 'minisearch';
import {
  MINISEARCH_OPTIONS,
  UFUZZY_INFO_THRESH,
  UFUZZY_OPTIONS,
  UFUZZY_OUT_OF_ORDER,
  type StudentDocument,
} from './configurations';

/** The libraries compared, in the report's order. */
export const LIBRARY_NAMES = ['sahaja', 'minisearch', 'ufuzzy'] as const;
export type LibraryName = (typeof LIBRARY_NAMES)[number];

/** What one search answered. */
export interface Found {
  /** Places in the student list of the best `limit` matches, best first. */
  readonly places: readonly number[];
  /** All matches, listed or not. */
  readonly total: number;
  /** False when the library listed its matches unranked (uFuzzy above its ranking threshold). */
  readonly ranked: boolean;
}

/** A built search. */
export interface LibrarySearch {
  find(query: string, limit: number): Found;
  /** The search box was emptied before the next student is typed. */
  clear(): void;
}

/** Ours: the index as a worker would post it, opened on the page. */
function sahaja(students: readonly SearchableStudent[]): LibrarySearch {
  const search = openStudentSearch(buildStudentSearchIndex(students));
  return {
    find(query, limit) {
      const result = search.search(query, { limit });
      return { places: result.hits.map((h) => h.index), total: result.total, ranked: true };
    },
    // An empty query drops the words it remembers from the previous keystroke.
    clear: () => search.search(''),
  };
}

/** MiniSearch: all matches come back scored and sorted; the page shows the first `limit`. */
function minisearch(students: readonly SearchableStudent[]): LibrarySearch {
  const index = new MiniSearch<StudentDocument>(MINISEARCH_OPTIONS);
  index.addAll(students.map((s, id) => ({ id, nama: s.nama, nisn: s.nisn, nik: s.nik })));
  return {
    find(query, limit) {
      const results = index.search(query);
      const shown = results.length > limit ? results.slice(0, limit) : results;
      return { places: shown.map((r) => r.id as number), total: results.length, ranked: true };
    },
    clear: () => undefined,
  };
}

/** uFuzzy: no index, a haystack of strings and the documented `search()` (filter, info, sort). */
function ufuzzy(students: readonly SearchableStudent[]): LibrarySearch {
  const haystack = students.map((s) => `${s.nama} ${s.nisn} ${s.nik}`);
  const matcher = new uFuzzy(UFUZZY_OPTIONS);
  return {
    find(query, limit) {
      const [idxs, info, order] = matcher.search(
        haystack,
        query,
        UFUZZY_OUT_OF_ORDER,
        UFUZZY_INFO_THRESH,
      );
      if (idxs === null) return { places: [], total: 0, ranked: true };
      if (info === null || order === null) {
        return { places: idxs.slice(0, limit), total: idxs.length, ranked: false };
      }
      const places: number[] = [];
      for (let i = 0; i < order.length && places.length < limit; i++) {
        places.push(info.idx[order[i] as number] as number);
      }
      // `info` may drop some filtered matches (its term-boundary rules), so count what it kept.
      return { places, total: order.length, ranked: true };
    },
    clear: () => undefined,
  };
}

/** Builds each library's search over `students`. */
export const LIBRARIES: Readonly<
  Record<LibraryName, (students: readonly SearchableStudent[]) => LibrarySearch>
> = { sahaja, minisearch, ufuzzy };
