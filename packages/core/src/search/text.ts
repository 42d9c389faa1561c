/**
 * The words of a name or a query as written, with their places in the text, and the comparable form of
 * one word. The matcher's `normaliseName` decides what a name's words are; these helpers find where each
 * of them was written, so that a hit can say which characters to highlight.
 */
import { normaliseName } from '../matching/names.js';

/** A word as written: `[start, end)` in UTF-16 code units of the text it came from. */
export interface WrittenWord {
  readonly start: number;
  readonly end: number;
  /** The word folded: accents removed, upper case, apostrophes dropped ("Nur'Aini" → `NURAINI`). */
  readonly folded: string;
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const APOSTROPHES = /['’`]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Folds one written word the way `normaliseName` folds a name: accents off, upper case, no apostrophes. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(COMBINING, '').toUpperCase().replace(APOSTROPHES, '');
}

/** True when `c` (one UTF-16 code unit) can be part of a written word. */
function isWordChar(c: string): boolean {
  if (c === "'" || c === '’' || c === '`') return true;
  return /[A-Z0-9]/.test(foldWord(c));
}

/**
 * The words of a text as written: runs of letters, digits and apostrophes. Letters with accents count
 * as letters; other scripts (Arabic, Chinese, Cyrillic …) separate words, as they do in `normaliseName`.
 */
export function writtenWords(text: string): WrittenWord[] {
  const words: WrittenWord[] = [];
  if (ASCII_PRINTABLE.test(text)) {
    // The common case, without regular expressions per word: names are built thousands at a time.
    let start = -1;
    let apostrophe = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      const quote = c === 39 || c === 96;
      const inWord = quote || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (inWord) {
        if (start < 0) start = i;
        apostrophe ||= quote;
      } else if (start >= 0) {
        let folded = text.slice(start, i).toUpperCase();
        if (apostrophe) folded = folded.replace(APOSTROPHES, '');
        if (folded !== '') words.push({ start, end: i, folded });
        start = -1;
        apostrophe = false;
      }
    }
    return words;
  }
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text[i] as string);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      const folded = foldWord(text.slice(start, i)).replace(/[^A-Z0-9]/g, '');
      if (folded !== '') words.push({ start, end: i, folded });
      start = -1;
    }
  }
  return words;
}

/** A normalised name's word and the written word it came from (-1 when none could be found). */
export interface AlignedToken {
  readonly token: string;
  readonly word: number;
}

/**
 * Pairs each word of a normalised name with the written word it came from, in order. Titles, `bin …`
 * and degrees that normalisation dropped are skipped; a leading "M." pairs with MUHAMMAD.
 */
export function alignTokens(
  tokens: readonly string[],
  words: readonly WrittenWord[],
): AlignedToken[] {
  const aligned: AlignedToken[] = [];
  let next = 0;
  for (const token of tokens) {
    let found = -1;
    let shared = false;
    for (let w = next; w < words.length && found < 0; w++) {
      const folded = (words[w] as WrittenWord).folded;
      if (folded === token) {
        found = w;
        shared = false;
        break;
      }
      const own = normaliseName(folded).tokens;
      if (own.includes(token) || (token === 'MUHAMMAD' && own[0] === 'M')) {
        found = w;
        // A written word that normalises to several words ("Søren" → S REN) serves each of them.
        shared = own.length > 1;
      }
    }
    aligned.push({ token, word: found });
    if (found >= 0) next = shared ? found : found + 1;
  }
  return aligned;
}
