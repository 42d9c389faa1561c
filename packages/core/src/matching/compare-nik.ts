import type { Sex } from '../domain/records.js';
import type { PlainDate } from '../dates/plain-date.js';
import { cleanIdentifier, parseNik } from '../identifiers/nik.js';
import { osaDistance } from './strings.js';

/**
 * How two NIKs agree: equal, one digit mistyped, two adjacent digits swapped, or not at all. A missing
 * NIK is `missing` (neutral), never disagreement.
 */
export type NikLevel = 'exact' | 'one_substitution' | 'transposition' | 'different' | 'missing';

/**
 * Compares two NIKs as written (spaces and Excel's apostrophe ignored).
 *
 * @example
 * compareNiks('3506011501060001', '3506011510060001') // 'transposition'
 */
export function compareNiks(a: string, b: string): NikLevel {
  const x = cleanIdentifier(a);
  const y = cleanIdentifier(b);
  if (x === '' || y === '') return 'missing';
  if (x === y) return 'exact';
  if (x.length !== y.length) return 'different';
  let differing = 0;
  for (let i = 0; i < x.length; i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) differing++;
  if (differing === 1) return 'one_substitution';
  if (differing === 2 && osaDistance(x, y) === 1) return 'transposition';
  return 'different';
}

/**
 * Whether an NIK could be this person's: its embedded birth date (DDMMYY) and sex (women's day + 40)
 * agree with the record's. A school that wrote a parent's or sibling's NIK gives one that disagrees —
 * such an NIK must not carry a match. `undefined` when it cannot be told (an invalid NIK, no birth date).
 * The birth date may disagree slightly after a registry correction, so a `one_digit`-like difference is
 * the caller's to weigh; here any difference in the date is a disagreement.
 */
export function nikFitsPerson(
  nik: string,
  birthDate: PlainDate | undefined,
  sex: Sex | '' | undefined,
  referenceDate: PlainDate,
): boolean | undefined {
  const parsed = parseNik(nik, referenceDate);
  if (!parsed.ok || !birthDate) return undefined;
  const d = parsed.value.birthDate;
  const sameDate =
    d.day === birthDate.day && d.month === birthDate.month && d.year % 100 === birthDate.year % 100;
  const sameSex = sex === undefined || sex === '' || sex === parsed.value.sex;
  return sameDate && sameSex;
}
