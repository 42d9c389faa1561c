/**
 * The ways a school's list disagrees with the registry (SPEC §4), as small pure functions of a value and
 * a random source. Each returns the changed value, or the same value when it cannot apply.
 */
import { isValidDate, type PlainDate } from '../dates/plain-date.js';
import type { Random } from '../random/prng.js';

/** Spellings of Muhammad seen in lists (SPEC §4). */
export const MUHAMMAD_SPELLINGS = [
  'MUHAMMAD',
  'MUHAMAD',
  'MOHAMAD',
  'MOHAMMAD',
  'MOCHAMAD',
  'MOCHAMMAD',
  'MUCHAMMAD',
  'MOKHAMAD',
  'MOCH',
  'MOCH.',
  'MOH.',
  'MUH.',
  'MOHD.',
  'M.',
] as const;

const MUHAMMAD_FAMILY = new Set<string>([...MUHAMMAD_SPELLINGS, 'MOH', 'MUH', 'MOHD', 'M']);

/** True when the first word of the name is a spelling of Muhammad. */
export function startsWithMuhammad(name: string): boolean {
  return MUHAMMAD_FAMILY.has(name.split(' ')[0] ?? '');
}

/** Writes the leading Muhammad with another spelling. */
export function muhammadVariant(random: Random, name: string): string {
  const [first, ...rest] = name.split(' ');
  if (first === undefined || !MUHAMMAD_FAMILY.has(first)) return name;
  const options = MUHAMMAD_SPELLINGS.filter((s) => s !== first);
  return [random.pick(options), ...rest].join(' ');
}

const ABBREVIATIONS: readonly (readonly [string, readonly string[]])[] = [
  ['SITI', ['ST.', 'ST']],
  ['ABDUL', ['ABD.', 'ABD']],
  ['NURUL', ['NUR']],
  ['NUR', ['NURUL', 'NOER']],
  ['AHMAD', ['ACHMAD', 'AHMAD', 'AHMAT']],
  ['ACHMAD', ['AHMAD']],
];

/** True when the name has a word that is often abbreviated (Siti, Abdul, Nur/Nurul, Ahmad). */
export function hasAbbreviable(name: string): boolean {
  const words = name.split(' ');
  return ABBREVIATIONS.some(([full]) => words.includes(full));
}

/** Writes Siti as St., Abdul as Abd., Nur as Nurul and so on. */
export function abbreviate(random: Random, name: string): string {
  const words = name.split(' ');
  const candidates = ABBREVIATIONS.filter(([full]) => words.includes(full));
  if (candidates.length === 0) return name;
  const [full, shorts] = random.pick(candidates);
  const short = random.pick(shorts.filter((s) => s !== full));
  return words.map((w) => (w === full ? short : w)).join(' ');
}

const OLD_TO_NEW: readonly (readonly [string, string])[] = [
  ['OE', 'U'],
  ['DJ', 'J'],
  ['TJ', 'C'],
  ['NJ', 'NY'],
  ['SJ', 'SY'],
  ['CH', 'KH'],
];

/**
 * Converts between the old (pre-1972) and the current spelling, in whichever direction applies.
 * j→y is applied only together with another old-spelling marker, so "JOKO" never becomes "YOKO".
 */
export function swapOldSpelling(name: string): string {
  const hasOld = OLD_TO_NEW.some(([old]) => name.includes(old));
  if (hasOld) {
    let out = name;
    for (const [old, modern] of OLD_TO_NEW) out = out.replaceAll(old, modern);
    return out;
  }
  // Current → old: KH→CH, SY→SJ, NY→NJ, C→TJ, J→DJ, and U→OE in Javanese "SU" syllables.
  let out = name
    .replaceAll('KH', 'CH')
    .replaceAll('SY', 'SJ')
    .replaceAll('NY', 'NJ')
    .replace(/C(?!H)/g, 'TJ')
    .replace(/(?<![DN])J/g, 'DJ')
    .replace(/\bSU/g, 'SOE');
  if (out !== name) out = out.replace(/Y(?=[AEIOU])/g, 'J');
  return out;
}

/** True when the old/current spelling swap changes the name. */
export function hasOldSpellingCandidate(name: string): boolean {
  return swapOldSpelling(name) !== name;
}

// prettier-ignore
const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  A: 'SQZ', B: 'VNG', C: 'XVD', D: 'SFE', E: 'WRD', F: 'DGR', G: 'FHT', H: 'GJY', I: 'UOK', J: 'HKU',
  K: 'JLI', L: 'KO', M: 'NJ', N: 'BMH', O: 'IPL', P: 'OL', Q: 'WA', R: 'ETF', S: 'ADW', T: 'RYG',
  U: 'YIJ', V: 'CBF', W: 'QES', X: 'ZCS', Y: 'TUH', Z: 'XA',
};

/** One typing error in one word of four letters or more: substitution, deletion, insertion or swap. */
export function typo(random: Random, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Z]{4,}$/.test(w));
  if (candidates.length === 0) return name;
  const [word, index] = random.pick(candidates);
  const pos = random.int(1, word.length - 2);
  const ch = word[pos] as string;
  let changed: string;
  switch (random.int(0, 3)) {
    case 0:
      changed =
        word.slice(0, pos) +
        random.pick([...(KEYBOARD_NEIGHBOURS[ch] ?? 'A')]) +
        word.slice(pos + 1);
      break;
    case 1:
      changed = word.slice(0, pos) + word.slice(pos + 1);
      break;
    case 2:
      changed = word.slice(0, pos) + ch + word.slice(pos);
      break;
    default:
      changed = word.slice(0, pos) + (word[pos + 1] as string) + ch + word.slice(pos + 2);
  }
  if (changed === word) changed = word.slice(0, pos) + word.slice(pos + 1);
  words[index] = changed;
  return words.join(' ');
}

/** Drops a word other than the first from a name of three words or more. */
export function dropWord(random: Random, name: string): string {
  const words = name.split(' ');
  if (words.length < 3) return name;
  words.splice(random.int(1, words.length - 1), 1);
  return words.join(' ');
}

/** Adds a word a school might add (a second given name, a family name). */
export function addWord(random: Random, name: string, extra: string): string {
  const words = name.split(' ');
  if (words.includes(extra)) return name;
  if (random.chance(0.5)) words.push(extra);
  else words.splice(Math.min(1, words.length), 0, extra);
  return words.join(' ');
}

/** Swaps word order: the first word moves to the end (or the first two words swap). */
export function swapOrder(random: Random, name: string): string {
  const words = name.split(' ');
  if (words.length < 2) return name;
  if (random.chance(0.5)) {
    const [first, ...rest] = words;
    return [...rest, first].join(' ');
  }
  [words[0], words[1]] = [words[1] as string, words[0] as string];
  return words.join(' ');
}

/** Adds irregular spaces: doubled inside, or leading and trailing. */
export function messSpaces(random: Random, name: string): string {
  if (random.chance(0.5)) return ` ${name}  `;
  const i = name.indexOf(' ');
  return i < 0 ? `${name} ` : `${name.slice(0, i)}  ${name.slice(i + 1)}`;
}

/** Adds or removes punctuation: an apostrophe removed, a dot or comma added. */
export function messPunctuation(random: Random, name: string): string {
  if (name.includes("'")) return name.replace("'", random.chance(0.5) ? '' : '`');
  if (name.includes('.')) return name.replace('.', '');
  const words = name.split(' ');
  if (words.length >= 2 && random.chance(0.5)) return `${words[0]}, ${words.slice(1).join(' ')}`;
  return `${name}.`;
}

/** A date with one digit of its `DDMMYYYY` form changed, still a valid date and a different one. */
export function oneDigitDate(random: Random, date: PlainDate): PlainDate {
  for (let attempt = 0; attempt < 50; attempt++) {
    const digits =
      `${String(date.day).padStart(2, '0')}${String(date.month).padStart(2, '0')}${date.year}`.split(
        '',
      );
    const pos = random.pick([0, 1, 2, 3, 6, 7]);
    digits[pos] = String(random.int(0, 9));
    const d = Number(digits.slice(0, 2).join(''));
    const m = Number(digits.slice(2, 4).join(''));
    const y = Number(digits.slice(4).join(''));
    if (
      isValidDate(y, m, d) &&
      (d !== date.day || m !== date.month || y !== date.year) &&
      Math.abs(y - date.year) <= 9
    ) {
      return { year: y, month: m, day: d };
    }
  }
  return date;
}

/** Day and month swapped, when both are 12 or less and differ. */
export function swapDayMonth(date: PlainDate): PlainDate {
  if (date.day > 12 || date.day === date.month) return date;
  return { year: date.year, month: date.day, day: date.month };
}

/** The same day a year earlier or later (28 February for 29 February). */
export function yearOff(random: Random, date: PlainDate): PlainDate {
  const year = date.year + (random.chance(0.5) ? 1 : -1);
  const day = isValidDate(year, date.month, date.day) ? date.day : 28;
  return { year, month: date.month, day };
}

/** The same day a month earlier or later, clamped to the month's length. */
export function monthOff(random: Random, date: PlainDate): PlainDate {
  let month = date.month + (random.chance(0.5) ? 1 : -1);
  let year = date.year;
  if (month === 0) {
    month = 12;
    year--;
  } else if (month === 13) {
    month = 1;
    year++;
  }
  let day = date.day;
  while (!isValidDate(year, month, day)) day--;
  return { year, month, day };
}

/** An NIK with one digit of the date or serial part changed. */
export function nikOneDigit(random: Random, nik: string): string {
  const pos = random.int(6, 15);
  const current = Number(nik[pos]);
  const replacement = (current + random.int(1, 9)) % 10;
  return nik.slice(0, pos) + String(replacement) + nik.slice(pos + 1);
}

/** An NIK with two adjacent different digits swapped. */
export function nikTransposed(random: Random, nik: string): string {
  const positions: number[] = [];
  for (let i = 0; i < nik.length - 1; i++) if (nik[i] !== nik[i + 1]) positions.push(i);
  if (positions.length === 0) return nik;
  const i = random.pick(positions);
  return nik.slice(0, i) + (nik[i + 1] as string) + (nik[i] as string) + nik.slice(i + 2);
}

/** Writes a name in Title Case, as many teachers type it ("Muhammad Rizky", "Nur'aini"). */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s.,'`-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
