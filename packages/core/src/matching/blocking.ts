import { plainText, readDate, type Row } from './comparisons.js';
import { normaliseName } from './names.js';
import { phoneticKey } from './phonetic.js';

/**
 * How a blocking key is made from a column: the cleaned value, its digits, a name's phonetic key (all
 * words, words sorted, the first or the last word), a date (whole, year, month and day), or the first
 * or last characters.
 */
export type KeyTransform =
  | 'value'
  | 'digits'
  | 'name_phonetic'
  | 'first_word_phonetic'
  | 'last_word_phonetic'
  | 'date'
  | 'year'
  | 'month_day'
  | `prefix:${number}`
  | `suffix:${number}`;

/** One part of a blocking key. */
export interface KeyPart {
  /** A column, or several read as one value joined by a space (e.g. first name and surname). */
  readonly column: string | readonly string[];
  readonly transform: KeyTransform;
}

/**
 * A blocking rule: pairs whose key parts are all equal (and none empty) become candidates. Several
 * rules are combined (a pair is a candidate when any rule brings it), so one bad field never hides a
 * true match.
 */
export interface BlockingRule {
  readonly name: string;
  readonly left: readonly KeyPart[];
  /** The same parts read from the right file's columns (same as `left` when both files share names). */
  readonly right: readonly KeyPart[];
}

/** Whether a transform name is known (for validating settings). */
export function isKeyTransform(name: string): name is KeyTransform {
  return (
    [
      'value',
      'digits',
      'name_phonetic',
      'first_word_phonetic',
      'last_word_phonetic',
      'date',
      'year',
      'month_day',
    ].includes(name) || /^(prefix|suffix):[1-9]\d*$/.test(name)
  );
}

function transform(value: string, how: KeyTransform): string {
  switch (how) {
    case 'value':
      return plainText(value);
    case 'digits': {
      // Only the digits; none, or only zeros, is a placeholder ("-", "0"), not a key.
      const digits = value.replace(/\D+/g, '');
      return /[1-9]/.test(digits) ? digits : '';
    }
    case 'name_phonetic':
      return normaliseName(value).tokens.map(phoneticKey).sort().join(' ');
    case 'first_word_phonetic': {
      const tokens = normaliseName(value).tokens;
      return tokens.length > 0 ? phoneticKey(tokens[0] as string) : '';
    }
    case 'last_word_phonetic': {
      const tokens = normaliseName(value).tokens;
      return tokens.length > 0 ? phoneticKey(tokens[tokens.length - 1] as string) : '';
    }
    case 'date':
    case 'year':
    case 'month_day': {
      const d = readDate(value);
      if (!d) return '';
      if (how === 'year') return String(d.year);
      if (how === 'month_day') return `${d.month}-${d.day}`;
      return `${d.year}-${d.month}-${d.day}`;
    }
    default: {
      const [kind, n] = how.split(':') as [string, string];
      const text = plainText(value).replace(/ /g, '');
      if (text.length < Number(n)) return '';
      return kind === 'prefix' ? text.slice(0, Number(n)) : text.slice(-Number(n));
    }
  }
}

/** The blocking key of a row under a rule's parts, or `''` when any part is empty. */
export function blockingKey(row: Row, parts: readonly KeyPart[]): string {
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as KeyPart;
    const raw =
      typeof part.column === 'string'
        ? (row[part.column] ?? '')
        : part.column
            .map((c) => row[c] ?? '')
            .filter((v) => v.trim() !== '')
            .join(' ');
    const value = transform(raw, part.transform);
    if (value === '') return '';
    key = i === 0 ? value : `${key}\u0001${value}`;
  }
  return key;
}
