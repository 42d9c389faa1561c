/**
 * The page side of the student search benchmark, bundled into one script and run on a blank page's main
 * thread: generates the default demo and its typing queries (so the page uses the core's sources, the
 * same ones the search is built from), builds each library's search, replays the queries letter by
 * letter and ranks the sought student. The Node side (`../search.bench.ts`) drives it through
 * `window.sahajaSearchBench` and prints the report.
 */
import { generateProgramme } from '@sahaja/core';
import { typingQueries, type SearchableStudent, type TypingQuery } from '@sahaja/core/search';
import { LIMIT } from './configurations';
import { LIBRARIES, type LibraryName, type LibrarySearch } from './libraries';

/** The demo and its queries, once generated. */
export interface Preparation {
  readonly students: number;
  readonly queries: readonly TypingQuery[];
  /** Letters typed per pass: one search per prefix of every query. */
  readonly keystrokes: number;
  /** Whether the page is cross-origin isolated, which gives `performance.now()` 5 µs steps, not 100. */
  readonly crossOriginIsolated: boolean;
}

/** How one library did on one whole query, with no limit. */
export interface QueryOutcome {
  /** Place of the first row of the person sought in the library's order; -1 when not found. */
  readonly rank: number;
  readonly total: number;
  readonly ranked: boolean;
}

/** One pass of typing: each keystroke's time (ms), and hits listed over the pass. */
export interface Replay {
  readonly times: readonly number[];
  readonly listed: number;
}

/** What the page offers the Node side. */
export interface SearchBenchPage {
  prepare(): Preparation;
  /** Builds `library`'s search over the students (replacing any built before); returns the time (ms). */
  build(library: LibraryName): number;
  replay(library: LibraryName): Replay;
  outcomes(library: LibraryName): QueryOutcome[];
}

declare global {
  interface Window {
    sahajaSearchBench: SearchBenchPage;
  }
}

let students: readonly SearchableStudent[] = [];
let queries: readonly TypingQuery[] = [];
const built = new Map<LibraryName, LibrarySearch>();

/** Collects garbage before a timed step when Chromium runs with `--js-flags=--expose-gc`. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function searchOf(library: LibraryName): LibrarySearch {
  const search = built.get(library);
  if (search === undefined) throw new Error(`build('${library}') first`);
  return search;
}

window.sahajaSearchBench = {
  prepare() {
    const programme = generateProgramme({});
    students = programme.students;
    queries = typingQueries(programme, { count: 200, misspelled: 50, seed: 8 });
    return {
      students: students.length,
      queries,
      keystrokes: queries.reduce((sum, q) => sum + q.text.length, 0),
      crossOriginIsolated: globalThis.crossOriginIsolated,
    };
  },

  build(library) {
    built.delete(library);
    collectGarbage();
    const started = performance.now();
    const search = LIBRARIES[library](students);
    const ms = performance.now() - started;
    built.set(library, search);
    return ms;
  },

  replay(library) {
    const search = searchOf(library);
    collectGarbage();
    const times: number[] = [];
    let listed = 0;
    for (const query of queries) {
      for (let k = 1; k <= query.text.length; k++) {
        const prefix = query.text.slice(0, k);
        const started = performance.now();
        listed += search.find(prefix, LIMIT).places.length;
        times.push(performance.now() - started);
      }
      search.clear();
    }
    return { times, listed };
  },

  outcomes(library) {
    const search = searchOf(library);
    search.clear();
    return queries.map((query) => {
      const found = search.find(query.text, Infinity);
      search.clear();
      const rank = found.places.findIndex((place) => query.targets.includes(place));
      return { rank, total: found.total, ranked: found.ranked };
    });
  },
};
