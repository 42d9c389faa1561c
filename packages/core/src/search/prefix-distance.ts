/**
 * Whether a typed word is one typo away from the beginning of a name's word: the test behind "tolerant
 * of one typo" while a person is still typing. One typo is one optimal-string-alignment edit (a letter
 * changed, dropped, added, or two neighbours swapped), as in the matcher's `osaDistance`.
 */

/** True when `text` equals `word` from `wordFrom` on for `text.length - textFrom` characters. */
function continuesAt(text: string, textFrom: number, word: string, wordFrom: number): boolean {
  if (text.length - textFrom > word.length - wordFrom) return false;
  for (let i = textFrom, j = wordFrom; i < text.length; i++, j++) {
    if (text.charCodeAt(i) !== word.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * True when some beginning of `word` (the whole word included) is at most one edit from `typed`: the
 * optimal-string-alignment distance between `typed` and the closest prefix of `word` is 0 or 1.
 * Allocates nothing; compares UTF-16 code units.
 *
 * @example
 * withinOneOfPrefix('RAMADANI', 'RAMADHANI') // true: one letter missing
 * withinOneOfPrefix('SETYA', 'SETIAWAN')     // true: Y for I
 * withinOneOfPrefix('RAMDA', 'RAMADHANI')    // true: two neighbours swapped
 * withinOneOfPrefix('RAMADAN', 'RAHMAT')     // false
 */
export function withinOneOfPrefix(typed: string, word: string): boolean {
  const m = typed.length;
  if (word.length < m - 1) return false;
  // Moving the one edit to the first difference loses no alignment, so only that place is tried.
  let i = 0;
  const common = Math.min(m, word.length);
  while (i < common && typed.charCodeAt(i) === word.charCodeAt(i)) i++;
  if (i === m) return true;
  return (
    continuesAt(typed, i + 1, word, i + 1) || // a letter changed
    continuesAt(typed, i + 1, word, i) || // a letter added in the typed word
    continuesAt(typed, i, word, i + 1) || // a letter of the word left out
    (i + 1 < m &&
      typed.charCodeAt(i) === word.charCodeAt(i + 1) &&
      typed.charCodeAt(i + 1) === word.charCodeAt(i) &&
      continuesAt(typed, i + 2, word, i + 2)) // two neighbours swapped
  );
}
