import { parseDate } from '../dates/parse-date.js';
import { toDayNumber, type PlainDate } from '../dates/plain-date.js';
import { cleanIdentifier } from '../identifiers/nik.js';
import { compareBirthDates, type DateLevel } from './compare-dates.js';
import { compareNiks } from './compare-nik.js';
import { normaliseName } from './names.js';
import { namePhoneticKey } from './phonetic.js';
import { jaroWinkler } from './strings.js';

/** A row to match: column name → the text the source wrote. */
export type Row = Readonly<Record<string, string | undefined>>;

/** How a comparison judges two values; each method has its own levels (see {@link COMPARISON_METHODS}). */
export type ComparisonMethod =
  'name' | 'text' | 'date' | 'identifier' | 'nik' | 'exact' | 'sex' | 'place';

/** One level of agreement of a comparison, with the default m and u probabilities the model starts from. */
export interface LevelInfo {
  /** Stable identifier, e.g. `exact`, `jw_high`, `different`. */
  readonly id: string;
  /** Default probability of this level among true matches. */
  readonly m: number;
  /** Default probability of this level among non-matches (replaced by an estimate from random pairs). */
  readonly u: number;
  /** A few words on what the level means, for explanations. */
  readonly text: { readonly id: string; readonly en: string };
  /**
   * The level may never add weight (its weight is capped at 0). Used for an NIK that is equal but not
   * the person's own: a borrowed NIK must not carry a match (SPEC §4).
   */
  readonly neverPositive?: boolean;
  /**
   * The level is no evidence either way: weight 0, and left out of estimation like a missing value.
   * Used for an NIK one digit off: the NIK embeds the birth date and region, so two people born on
   * the same day in the same kecamatan have NIKs one digit apart as often as a typo makes them.
   */
  readonly neutral?: boolean;
}

/** What a comparison knows of one side's value, computed once per record. */
export interface Prepared {
  /** The comparable form; `''` means missing. */
  readonly key: string;
  readonly tokens?: readonly string[];
  readonly sorted?: string;
  readonly phonetic?: string;
  readonly date?: PlainDate;
  /** The date as a day number, for distances in days. */
  readonly day?: number;
  /** The words sorted, without repeats. */
  readonly words?: readonly string[];
  /** Letter counts (A–Z, then space), for a cheap upper bound on Jaro-Winkler. */
  readonly letters?: Uint8Array;
  /** For an NIK: whether its embedded birth date fits the record's own (undefined when unknown). */
  readonly fits?: boolean;
}

/** A comparison method: how to prepare one value and how to grade two. */
export interface Comparator {
  readonly levels: readonly LevelInfo[];
  /** The value's comparable form, or `undefined` when missing (missing is neutral in the model). */
  prepare(value: string, row: Row, context: PrepareContext): Prepared | undefined;
  /** The index into `levels` of how `a` and `b` agree. Never called with a missing side. */
  compare(a: Prepared, b: Prepared): number;
}

/** Extra columns some methods read from the same row (an NIK's fit needs the birth date and sex). */
export interface PrepareContext {
  readonly birthDateColumn?: string | undefined;
  readonly sexColumn?: string | undefined;
  /** Whether this side's NIK fit is checked (the side whose identifiers may be borrowed). */
  readonly checkFit: boolean;
}

const level = (
  id: string,
  m: number,
  u: number,
  idText: string,
  enText: string,
  extra: Partial<LevelInfo> = {},
): LevelInfo => ({ id, m, u, text: { id: idText, en: enText }, ...extra });

/** Upper case, accents and punctuation off, single spaces. */
export function plainText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The words of a name or place, sorted and without repeats (for counting shared words by merging). */
function uniqueSorted(tokens: readonly string[]): readonly string[] {
  return [...new Set(tokens)].sort();
}

/** How many words two sorted word lists share. */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Shared words over the words of the shorter (0 when either has none). */
function wordOverlap(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  return n === 0 ? 0 : sharedWords(a, b) / n;
}

/**
 * Whether every word of `small` matches its own word of `large` exactly or, for words of three letters
 * or more, with one typing mistake (a letter changed, added, dropped or two swapped).
 */
function wordsMatch(small: readonly string[], large: readonly string[]): boolean {
  if (small.length > large.length) return false;
  const used = new Uint8Array(large.length);
  outer: for (const t of small) {
    for (let q = 0; q < large.length; q++) {
      if (used[q] === 0 && large[q] === t) {
        used[q] = 1;
        continue outer;
      }
    }
    for (let q = 0; q < large.length; q++) {
      const u = large[q] as string;
      if (used[q] === 0 && Math.min(t.length, u.length) >= 3 && withinOneEdit(t, u)) {
        used[q] = 1;
        continue outer;
      }
    }
    return false;
  }
  return true;
}

/** Whether `a` and `b` are equal from position `i` of `a` and `j` of `b` to their ends. */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * Whether two words are at most one edit apart (a letter changed, added or dropped, or two adjacent
 * letters swapped): the optimal-string-alignment distance ≤ 1, found in one pass.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    if (sameTail(a, i + 1, b, i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameTail(a, i + 2, b, i + 2)
    );
  }
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1);
}

function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(27);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const slot = c >= 65 && c <= 90 ? c - 65 : 26;
    if (counts[slot] !== 255) counts[slot] = (counts[slot] as number) + 1;
  }
  return counts;
}

/** How many letters (with repeats) two texts share, from their letter counts. */
function sharedLetters(a: Prepared, b: Prepared): number {
  const x = a.letters as Uint8Array;
  const y = b.letters as Uint8Array;
  let shared = 0;
  for (let i = 0; i < 27; i++) {
    const p = x[i] as number;
    const q = y[i] as number;
    shared += p < q ? p : q;
  }
  return shared;
}

/**
 * An upper bound on the Jaro-Winkler similarity of two texts that share `shared` letters: Jaro cannot
 * count more matching characters than that, and the prefix bonus adds at most 0.4 of the rest. Lets
 * most unrelated names skip the exact computation.
 */
function jaroWinklerBound(shared: number, a: string, b: string): number {
  const jaro = (shared / a.length + shared / b.length + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}

const nameComparator: Comparator = {
  levels: [
    level('exact', 0.82, 1e-4, 'sama persis', 'identical'),
    level('reordered', 0.01, 1e-6, 'sama, urutan kata berbeda', 'same words in another order'),
    level('typo', 0.06, 1e-4, 'hampir sama (salah ketik)', 'nearly identical (a typo)'),
    level('word_added_or_dropped', 0.05, 1e-5, 'satu kata lebih/kurang', 'a word added or dropped'),
    level('phonetic', 0.02, 1e-4, 'bunyinya sama', 'sounds the same'),
    level('similar', 0.02, 5e-3, 'mirip', 'similar'),
    level('partial', 0.01, 2e-2, 'sebagian kata sama', 'some words shared'),
    level('different', 0.01, 0.97, 'berbeda', 'different'),
  ],
  prepare(value) {
    const n = normaliseName(value);
    if (n.text === '') return undefined;
    return {
      key: n.text,
      tokens: n.tokens,
      sorted: n.sortedText,
      phonetic: namePhoneticKey([...n.tokens].sort()),
      words: uniqueSorted(n.tokens),
      letters: letterCounts(n.text),
    };
  },
  compare(a, b) {
    if (a.key === b.key) return 0;
    if (a.sorted === b.sorted) return 1;
    const ta = a.tokens ?? [];
    const tb = b.tokens ?? [];
    const aSmaller = ta.length <= tb.length;
    const small = aSmaller ? ta : tb;
    const large = aSmaller ? tb : ta;
    const smallKey = aSmaller ? a.key : b.key;
    const shared = sharedLetters(a, b);
    const jw = jaroWinklerBound(shared, a.key, b.key) >= 0.88 ? jaroWinkler(a.key, b.key) : 0;
    if (jw >= 0.95) return 2;
    // Each word of the shorter name may lose one letter to a typo; otherwise its words cannot all match.
    const wordsCanMatch = shared >= smallKey.length - (small.length - 1) - small.length;
    if (wordsCanMatch && small.length === large.length && wordsMatch(small, large)) return 2;
    if (wordsCanMatch && small.length < large.length && wordsMatch(small, large)) return 3;
    if (a.phonetic !== '' && a.phonetic === b.phonetic) return 4;
    if (jw >= 0.88) return 5;
    if (wordOverlap(a.words ?? [], b.words ?? []) >= 0.5) return 6;
    return 7;
  },
};

/** Generic text: exact after clean-up, then Jaro-Winkler bands. */
function textComparator(high = 0.92, mid = 0.8): Comparator {
  return {
    levels: [
      level('exact', 0.85, 0.01, 'sama persis', 'identical'),
      level('jw_high', 0.08, 0.01, 'hampir sama', 'nearly identical'),
      level('jw_mid', 0.04, 0.05, 'mirip', 'similar'),
      level('different', 0.03, 0.93, 'berbeda', 'different'),
    ],
    prepare(value) {
      const key = plainText(value);
      return key === '' ? undefined : { key };
    },
    compare(a, b) {
      if (a.key === b.key) return 0;
      const jw = jaroWinkler(a.key, b.key);
      return jw >= high ? 1 : jw >= mid ? 2 : 3;
    },
  };
}

const DATE_LEVELS: readonly DateLevel[] = [
  'exact',
  'day_month_swapped',
  'one_digit',
  'year_off_by_one',
  'month_off_by_one',
  'different',
];
// The comparator's levels add `within_a_year` before `different`: a date more than a typo away but less
// than a year is common in dirty lists, and what it says is learnt from the data.

function readDate(value: string): PlainDate | undefined {
  const parsed = parseDate(value.trim());
  return parsed.ok ? parsed.value.date : undefined;
}

const dateComparator: Comparator = {
  levels: [
    level('exact', 0.93, 1e-4, 'sama persis', 'identical'),
    level('day_month_swapped', 0.01, 1e-5, 'tanggal dan bulan tertukar', 'day and month swapped'),
    level('one_digit', 0.015, 1e-3, 'beda satu angka', 'one digit different'),
    level('year_off_by_one', 0.01, 1e-4, 'tahun beda satu', 'year off by one'),
    level('month_off_by_one', 0.005, 1e-4, 'bulan beda satu', 'month off by one'),
    level('within_a_year', 0.005, 0.1, 'beda kurang dari setahun', 'less than a year apart'),
    level('different', 0.025, 0.9, 'berbeda', 'different'),
  ],
  prepare(value) {
    const date = readDate(value);
    return date
      ? { key: `${date.year}-${date.month}-${date.day}`, date, day: toDayNumber(date) }
      : undefined;
  },
  compare(a, b) {
    const level = DATE_LEVELS.indexOf(compareBirthDates(a.date, b.date));
    if (level < DATE_LEVELS.length - 1) return level;
    return Math.abs((a.day as number) - (b.day as number)) <= 365 ? level : level + 1;
  },
};

const IDENTIFIER_ORDER = ['exact', 'one_substitution', 'transposition', 'different'] as const;

/**
 * An identifier as compared and blocked on: spaces and Excel's apostrophe off, upper case; `''` for a
 * placeholder a list writes when it has none ("-", "0", "N/A", "belum ada": no digit, or only zeros),
 * which must not make every such row agree with every other.
 */
export function identifierKey(value: string): string {
  const key = cleanIdentifier(value.trim()).replace(/'/g, '').toUpperCase();
  return /[1-9]/.test(key) ? key : '';
}

const identifierComparator: Comparator = {
  levels: [
    level('exact', 0.95, 1e-5, 'sama persis', 'identical'),
    level('one_substitution', 0.02, 1e-4, 'beda satu angka', 'one digit different'),
    level('transposition', 0.01, 1e-5, 'dua angka bertukar tempat', 'two adjacent digits swapped'),
    level('different', 0.02, 0.9999, 'berbeda', 'different'),
  ],
  prepare(value) {
    const key = identifierKey(value);
    return key === '' ? undefined : { key };
  },
  compare(a, b) {
    const l = compareNiks(a.key, b.key);
    return l === 'missing' ? 3 : IDENTIFIER_ORDER.indexOf(l);
  },
};

/** The birth date and sex an NIK carries (DDMMYY at digits 7–12, women's day + 40). */
function nikBirth(
  nik: string,
): { day: number; month: number; yy: number; sex: 'L' | 'P' } | undefined {
  if (!/^\d{16}$/.test(nik)) return undefined;
  let day = Number(nik.slice(6, 8));
  const sex = day > 40 ? 'P' : 'L';
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return { day, month, yy: Number(nik.slice(10, 12)), sex };
}

/**
 * Whether an NIK can be the person's own: its embedded date is the record's birth date, or off by one
 * of the typing mistakes a list makes (swapped, one digit, a year or month off). A parent's or a
 * sibling's NIK fails. `undefined` when it cannot be told.
 */
export function nikFitsRecord(nik: string, birthDate: PlainDate | undefined): boolean | undefined {
  const embedded = nikBirth(nik);
  if (!embedded || !birthDate) return undefined;
  const level = compareBirthDates(
    { year: 2000 + embedded.yy, month: embedded.month, day: embedded.day },
    { year: 2000 + (birthDate.year % 100), month: birthDate.month, day: birthDate.day },
  );
  return level !== 'different';
}

const nikComparator: Comparator = {
  levels: [
    level('exact', 0.9, 1e-5, 'sama persis', 'identical'),
    level(
      'exact_not_own',
      0.005,
      1e-5,
      'sama, tetapi tanggal lahir dalam NIK tidak cocok dengan siswa (NIK orang lain?)',
      "identical, but the NIK's birth date does not fit the student (someone else's NIK?)",
      { neverPositive: true },
    ),
    level(
      'one_substitution',
      0.03,
      1e-4,
      'beda satu angka (salah ketik atau orang lain yang lahir di hari dan wilayah yang sama: tidak dihitung)',
      'one digit different (a typo, or someone born the same day in the same area: not counted)',
      { neutral: true },
    ),
    level(
      'transposition',
      0.02,
      1e-5,
      'dua angka bertukar tempat (tidak dihitung)',
      'two adjacent digits swapped (not counted)',
      { neutral: true },
    ),
    level('different', 0.045, 0.9999, 'berbeda', 'different'),
  ],
  prepare(value, row, context) {
    // Only a 16-digit NIK is compared: Excel's 3.50608E+15 has lost its digits and says nothing.
    const key = cleanIdentifier(value);
    if (!/^\d{16}$/.test(key)) return undefined;
    if (!context.checkFit || !context.birthDateColumn) return { key };
    const fits = nikFitsRecord(key, readDate(row[context.birthDateColumn] ?? ''));
    return fits === undefined ? { key } : { key, fits };
  },
  compare(a, b) {
    const l = compareNiks(a.key, b.key);
    if (l === 'exact') return a.fits === false || b.fits === false ? 1 : 0;
    return l === 'one_substitution' ? 2 : l === 'transposition' ? 3 : 4;
  },
};

const exactComparator: Comparator = {
  levels: [
    level('exact', 0.95, 0.05, 'sama', 'equal'),
    level('different', 0.05, 0.95, 'berbeda', 'different'),
  ],
  prepare(value) {
    const key = plainText(value);
    return key === '' ? undefined : { key };
  },
  compare(a, b) {
    return a.key === b.key ? 0 : 1;
  },
};

/** Sex written L/P, LAKI-LAKI/PEREMPUAN, M/F, MALE/FEMALE. */
export function readSex(value: string): 'L' | 'P' | undefined {
  const t = plainText(value);
  if (t === 'L' || t === 'LK' || t === 'LAKI LAKI' || t === 'LAKI' || t === 'M' || t === 'MALE')
    return 'L';
  if (t === 'P' || t === 'PR' || t === 'PEREMPUAN' || t === 'WANITA' || t === 'F' || t === 'FEMALE')
    return 'P';
  return undefined;
}

const sexComparator: Comparator = {
  levels: [
    level('exact', 0.995, 0.5, 'sama', 'equal'),
    level('different', 0.005, 0.5, 'berbeda', 'different'),
  ],
  prepare(value) {
    const sex = readSex(value);
    return sex ? { key: sex } : undefined;
  },
  compare(a, b) {
    return a.key === b.key ? 0 : 1;
  },
};

/** Words in addresses and birthplaces that say nothing of the place (kinds of place, RT/RW labels). */
const PLACE_NOISE = new Set([
  'DSN',
  'DUSUN',
  'DS',
  'DESA',
  'KEL',
  'KELURAHAN',
  'KEC',
  'KECAMATAN',
  'KAB',
  'KABUPATEN',
  'KOTA',
  'JL',
  'JLN',
  'JALAN',
  'GG',
  'GANG',
  'RT',
  'RW',
  'NO',
  'LINGKUNGAN',
  'LINGK',
  'LK',
  'PERUM',
]);

/**
 * A place written in words (birthplace, address): the words that name it, kinds of place (Kab., Desa,
 * Dsn.) and RT/RW labels left out, numbers without leading zeros. Equal when one side's words are all in
 * the other's ("Kab. Kediri" and "KEDIRI"; "Dsn. Pule RT 11/RW 04 Ds. Jatirejo" and "DSN PULE RT 011 RW 004").
 */
const placeComparator: Comparator = {
  levels: [
    level('same', 0.6, 1e-2, 'sama', 'the same'),
    level('overlap', 0.3, 0.05, 'sebagian sama', 'partly the same'),
    level('different', 0.1, 0.95, 'berbeda', 'different'),
  ],
  prepare(value) {
    const tokens = plainText(value)
      .split(' ')
      .filter((t) => t !== '' && !PLACE_NOISE.has(t))
      .map((t) => (/^\d+$/.test(t) ? String(Number(t)) : t));
    if (tokens.length === 0) return undefined;
    const words = uniqueSorted(tokens);
    return { key: words.join(' '), words };
  },
  compare(a, b) {
    const share = wordOverlap(a.words ?? [], b.words ?? []);
    return share === 1 ? 0 : share >= 0.5 ? 1 : 2;
  },
};

/** Options of a comparison method (only `text` has any: its two Jaro-Winkler bands). */
export interface ComparatorOptions {
  readonly jaroWinkler?: readonly [number, number] | undefined;
}

/**
 * The comparator of a method. Levels are ordered from strongest agreement to disagreement; missing is
 * not a level (it is neutral).
 */
export function comparatorFor(
  method: ComparisonMethod,
  options: ComparatorOptions = {},
): Comparator {
  switch (method) {
    case 'name':
      return nameComparator;
    case 'text':
      return textComparator(...(options.jaroWinkler ?? [0.92, 0.8]));
    case 'date':
      return dateComparator;
    case 'identifier':
      return identifierComparator;
    case 'nik':
      return nikComparator;
    case 'exact':
      return exactComparator;
    case 'sex':
      return sexComparator;
    case 'place':
      return placeComparator;
  }
}

/** Every method, for validating settings. */
export const COMPARISON_METHODS: readonly ComparisonMethod[] = [
  'name',
  'text',
  'date',
  'identifier',
  'nik',
  'exact',
  'sex',
  'place',
];

export { readDate };
