/**
 * A phonetic key for Indonesian names: words that sound alike get the same key, so that blocking and
 * comparison survive spelling variants (Akhmad/Ahmad, Rizky/Rizqi/Riski, Fajar/Pajar, Syaiful/Saiful,
 * Muhamad/Muhammad). A Soundex-like skeleton: the first letter, then the consonants after Indonesian
 * spelling equivalences, vowels and H dropped, repeats collapsed. Works on words that went through
 * `normaliseName` (upper case, modern spelling).
 */

/** Letter groups that Indonesian spellings use interchangeably, rewritten to one form. */
const EQUIVALENCES: readonly (readonly [RegExp, string])[] = [
  [/KH/g, 'H'],
  [/SY/g, 'S'],
  [/NY/g, 'N'],
  [/DZ/g, 'Z'],
  [/TH/g, 'T'],
  [/PH/g, 'F'],
  [/Q/g, 'K'],
  [/X/g, 'KS'],
  [/[FV]/g, 'P'],
  [/Z/g, 'S'],
];

const DROPPED = /[AEIOUYH]/g;

/**
 * The phonetic key of one word ('' for no letters).
 *
 * @example
 * phoneticKey('AKHMAD') === phoneticKey('AHMAD')  // 'AMD'
 * phoneticKey('RIZQI') === phoneticKey('RISKY')   // 'RSK'
 */
export function phoneticKey(word: string): string {
  let key = KEYS.get(word);
  if (key === undefined) {
    if (KEYS.size >= 50_000) KEYS.clear();
    key = computeKey(word);
    KEYS.set(word, key);
  }
  return key;
}

const KEYS = new Map<string, string>();

function computeKey(word: string): string {
  let text = word.replace(/[^A-Z]/g, '');
  if (text === '') return '';
  for (const [pattern, replacement] of EQUIVALENCES) text = text.replace(pattern, replacement);
  const first = text[0] as string;
  const rest = text.slice(1).replace(DROPPED, '');
  let key = first;
  for (const c of rest) if (c !== key[key.length - 1]) key += c;
  return key;
}

/** The phonetic keys of a name's words, joined by spaces (see {@link phoneticKey}). */
export function namePhoneticKey(tokens: readonly string[]): string {
  return tokens
    .map(phoneticKey)
    .filter((k) => k !== '')
    .join(' ');
}
