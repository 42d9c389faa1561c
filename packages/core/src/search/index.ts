/**
 * Student search for the visit day (issue 8): find a student as they type, by any word of the name
 * (normalised like the matcher), NISN or NIK digits. See docs/search.md.
 */
export {
  buildStudentSearchIndex,
  identifierDigits,
  type SearchableStudent,
  type StudentSearchIndex,
} from './build.js';
export {
  createStudentSearch,
  DEFAULT_LIMIT,
  openStudentSearch,
  type SearchMatch,
  type SearchOptions,
  type SearchRange,
  type StudentSearch,
  type StudentSearchHit,
  type StudentSearchResult,
} from './search.js';
export {
  FUZZY_MIN_LENGTH,
  MAX_QUERY_DIGITS,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  SHORT_TYPO_MIN_LENGTH,
} from './query.js';
export {
  typingQueries,
  type Misspelling,
  type TypingQuery,
  type TypingQueryOptions,
} from './typing-queries.js';
