/**
 * Reading what a person typed into the search box: a name (words normalised like the matcher's), or
 * NISN/NIK digits, or nothing searchable. Pure and cheap: it runs on every keystroke.
 */
import { modernSpelling, normaliseName } from '../matching/names.js';
import { phoneticKey } from '../matching/phonetic.js';
import { alignTokens, writtenWords, type WrittenWord } from './text.js';

/** Longest query read, in characters; the rest is ignored (no name comes near it). */
export const MAX_QUERY_LENGTH = 120;
/** Most name words read from a query. */
export const MAX_QUERY_WORDS = 8;
/** Longest digit query (an NIK has 16 digits, an NISN 10). */
export const MAX_QUERY_DIGITS = 32;
/** Words this long or longer are matched allowing one typo. */
export const FUZZY_MIN_LENGTH = 5;
/** When nothing matches as typed, words this long or longer are allowed one typo too. */
export const SHORT_TYPO_MIN_LENGTH = 3;

/** One typed word of a name query. */
export interface QueryTerm {
  /** As typed, folded: upper case, no accents or apostrophes ("MOCH"). Matched against spellings. */
  readonly written: string;
  /** In today's spelling ("SOEJ" → "SUJ"). Matched as the start of a normalised word. */
  readonly modern: string;
  /** The normalised word when the typed word is a known variant ("MOCH" → MUHAMMAD), else ''. */
  readonly canonical: string;
  /** Whether one typo is forgiven (the modern form has {@link FUZZY_MIN_LENGTH} letters or more). */
  readonly fuzzy: boolean;
  /** The matcher's phonetic key of the modern form, when `fuzzy`. */
  readonly key: string;
}

/** What a query asks for. */
export type ParsedQuery =
  | { readonly kind: 'blank'; readonly truncated: false }
  | { readonly kind: 'unsearchable'; readonly truncated: boolean }
  | { readonly kind: 'digits'; readonly digits: string; readonly truncated: boolean }
  | {
      readonly kind: 'name';
      readonly terms: readonly QueryTerm[];
      /** Digit words typed beside the name: NISN or NIK must contain each. */
      readonly digits: readonly string[];
      readonly truncated: boolean;
    };

const DIGITS = /^\d+$/;

function term(written: string, modern: string, canonical: string): QueryTerm {
  const fuzzy = modern.length >= FUZZY_MIN_LENGTH;
  return {
    written,
    modern,
    canonical: canonical === modern ? '' : canonical,
    fuzzy,
    key: fuzzy ? phoneticKey(modern) : '',
  };
}

/**
 * Reads a query. Digits alone (spaces, dots and dashes allowed: "3506 1905") search NISN and NIK; any
 * letter makes it a name query, whose digit words must also appear in the NISN or NIK. Titles, `bin …`
 * and Muhammad's spellings are read as the matcher reads them; a query of a title alone ("dr") is read
 * as the start of a name. Nothing but spaces is `blank`; text with no Latin letter or digit (another
 * script, punctuation) is `unsearchable`.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') return { kind: 'blank', truncated: false };
  let truncated = text.length > MAX_QUERY_LENGTH;
  const words = writtenWords(truncated ? text.slice(0, MAX_QUERY_LENGTH) : text);
  if (words.length === 0) return { kind: 'unsearchable', truncated };
  const digitWords = words.filter((w) => DIGITS.test(w.folded));
  if (digitWords.length === words.length) {
    const digits = digitWords.map((w) => w.folded).join('');
    if (digits.length > MAX_QUERY_DIGITS) truncated = true;
    return { kind: 'digits', digits: digits.slice(0, MAX_QUERY_DIGITS), truncated };
  }
  let letterWords: readonly WrittenWord[] = words.filter((w) => !DIGITS.test(w.folded));
  if (letterWords.length > MAX_QUERY_WORDS) {
    letterWords = letterWords.slice(0, MAX_QUERY_WORDS);
    truncated = true;
  }
  const digits = digitWords.slice(0, MAX_QUERY_WORDS).map((w) => w.folded.slice(0, 16));
  const { tokens } = normaliseName(letterWords.map((w) => w.folded).join(' '));
  if (tokens.length === 0) {
    // Only titles ("h", "dr"): the person is typing the start of a name, not a title.
    const terms = letterWords.map((w) => term(w.folded, modernSpelling(w.folded), ''));
    return { kind: 'name', terms, digits, truncated };
  }
  const terms = alignTokens(tokens, letterWords).map(({ token, word }) => {
    const written = letterWords[word];
    if (written === undefined || normaliseName(written.folded).tokens.length !== 1) {
      return term(token, token, token);
    }
    return term(written.folded, modernSpelling(written.folded), token);
  });
  return { kind: 'name', terms, digits, truncated };
}
