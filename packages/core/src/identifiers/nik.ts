import { ok, type Issue, type Result } from '../domain/result.js';
import type { Sex } from '../domain/records.js';
import { digitsAt, isValidDate, type PlainDate } from '../dates/plain-date.js';
import { PROVINCES } from '../regions/data.js';

/** An NIK taken apart (SPEC §2). */
export interface Nik {
  /** The 16 digits. */
  readonly nik: string;
  /** Where the NIK was first issued, e.g. `35.06.01` — not where the person lives now. */
  readonly kecamatanCode: string;
  readonly regencyCode: string;
  readonly provinceCode: string;
  /** The birth date the NIK encodes; the registry's own birth date wins when they disagree. */
  readonly birthDate: PlainDate;
  readonly sex: Sex;
  /** 1–9999. */
  readonly serial: number;
}

/** Why a text is not an NIK. */
export type NikIssueCode =
  | 'nik_empty'
  | 'nik_scientific'
  | 'nik_not_digits'
  | 'nik_length'
  | 'nik_province'
  | 'nik_region'
  | 'nik_birth_date'
  | 'nik_serial';

/** Known province codes, indexed by their number (a table: this is checked millions of times). */
const KNOWN_PROVINCES: readonly boolean[] = Array.from({ length: 100 }, (_, n) =>
  PROVINCES.some((p) => Number(p.kode) === n),
);

/** Matches how Excel shows a long number it has turned into a float: `3,50601E+15`, `3.50601150106E15`. */
export const SCIENTIFIC_NUMBER = /^\d(?:[.,]\d+)?e\+?\d+$/i;

/**
 * Cleans what people put around an identifier in spreadsheets: surrounding and inner spaces and the
 * leading apostrophe Excel users type to keep a number as text.
 */
export function cleanIdentifier(text: string): string {
  // Most identifiers are already clean digits; skip the regular expressions for them.
  if (isDigits(text)) return text;
  return text.replace(/\s+/g, '').replace(/^'/, '');
}

/** True when `text` is one or more ASCII digits and nothing else. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The century of a two-digit year `yy` with month and day: the latest year ending in `yy` that puts the
 * date on or before `reference`.
 */
export function centuryYear(yy: number, month: number, day: number, reference: PlainDate): number {
  const year = Math.floor(reference.year / 100) * 100 + yy;
  const after =
    year > reference.year ||
    (year === reference.year &&
      (month > reference.month || (month === reference.month && day > reference.day)));
  return after ? year - 100 : year;
}

/**
 * Reads and checks an NIK: 16 digits; a known province; regency and kecamatan not 00; a birth date
 * DDMMYY whose day is 01–31 (men) or 41–71 (women, day + 40) and which exists in the calendar; a serial
 * that is not 0000. There is no check digit, so a mistyped NIK can still pass — matching catches those.
 *
 * The two-digit birth year is placed in the century that puts the birth date on or before
 * `referenceDate` (usually the programme's reference date).
 *
 * Never throws; the issue says what is wrong without repeating the number (it is personal data).
 *
 * @example
 * parseNik('3506015506070002', { year: 2023, month: 1, day: 16 })
 * // { ok: true, value: { nik: '3506015506070002', kecamatanCode: '35.06.01', sex: 'P',
 * //   birthDate: { year: 2007, month: 6, day: 15 }, serial: 2, … } }
 */
export function parseNik(text: string, referenceDate: PlainDate): Result<Nik, Issue<NikIssueCode>> {
  const nik = cleanIdentifier(text);
  const problem = nikProblem(nik, referenceDate);
  if (problem) return { ok: false, issues: [problem] };
  const province = nik.slice(0, 2);
  const rawDay = digitsAt(nik, 6, 2);
  const month = digitsAt(nik, 8, 2);
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  return ok({
    nik,
    provinceCode: province,
    regencyCode: `${province}.${nik.slice(2, 4)}`,
    kecamatanCode: `${province}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDate: { year: centuryYear(digitsAt(nik, 10, 2), month, day, referenceDate), month, day },
    sex,
    serial: digitsAt(nik, 12, 4),
  });
}

/**
 * The birth date a structurally valid NIK encodes, packed as `YYMMDD` (two-digit year, the day without the
 * +40 of women), or -1 when the text is not a valid NIK as it stands (not cleaned: see
 * {@link cleanIdentifier}). One pass over the 16 characters and no allocation, for batches of millions;
 * {@link nikProblem} says what is wrong.
 */
export function nikBirthCode(nik: string, referenceDate: PlainDate): number {
  if (nik.length !== 16) return -1;
  let value = 0;
  // The first 12 digits as one number (below 2^53), the serial separately.
  for (let i = 0; i < 12; i++) {
    const c = nik.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  let serial = 0;
  for (let i = 12; i < 16; i++) {
    const c = nik.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    serial = serial * 10 + c;
  }
  const yy = value % 100;
  const month = Math.floor(value / 100) % 100;
  const rawDay = Math.floor(value / 10000) % 100;
  const kecamatan = Math.floor(value / 1e6) % 100;
  const regency = Math.floor(value / 1e8) % 100;
  const province = Math.floor(value / 1e10);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (serial === 0 || regency === 0 || kecamatan === 0 || !KNOWN_PROVINCES[province]) return -1;
  if (day < 1 || day > 31 || month < 1 || month > 12) return -1;
  if (!isValidDate(centuryYear(yy, month, day, referenceDate), month, day)) return -1;
  return yy * 10000 + month * 100 + day;
}

/**
 * What is structurally wrong with a cleaned NIK (see {@link parseNik}), or `undefined` when nothing is.
 * Allocates nothing for a valid NIK: eligibility checks millions.
 */
export function nikProblem(nik: string, referenceDate: PlainDate): Issue<NikIssueCode> | undefined {
  if (nik === '') return issue('nik_empty', 'NIK kosong.', 'The NIK is empty.');
  if (!isDigits(nik)) {
    if (SCIENTIFIC_NUMBER.test(nik)) {
      return issue(
        'nik_scientific',
        'NIK tertulis sebagai angka ilmiah (mis. 3,50601E+15): Excel sudah menghapus digit terakhirnya. Ketik ulang NIK sebagai teks.',
        'The NIK was written as a scientific number (e.g. 3.50601E+15): Excel has lost its last digits. Re-type it as text.',
      );
    }
    return issue('nik_not_digits', 'NIK hanya boleh berisi angka.', 'An NIK contains digits only.');
  }
  if (nik.length !== 16) {
    return issue(
      'nik_length',
      `NIK harus 16 digit, bukan ${nik.length}.`,
      `An NIK has 16 digits, not ${nik.length}.`,
    );
  }
  if (!KNOWN_PROVINCES[digitsAt(nik, 0, 2)]) {
    const province = nik.slice(0, 2);
    return issue(
      'nik_province',
      `Kode provinsi NIK (${province}) tidak dikenal.`,
      `The NIK's province code (${province}) is unknown.`,
    );
  }
  if (digitsAt(nik, 2, 2) === 0 || digitsAt(nik, 4, 2) === 0) {
    return issue(
      'nik_region',
      'Kode kabupaten/kota dan kecamatan pada NIK (digit 3–6) tidak boleh 00.',
      "The NIK's regency and kecamatan codes (digits 3–6) cannot be 00.",
    );
  }
  const rawDay = digitsAt(nik, 6, 2);
  const month = digitsAt(nik, 8, 2);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const year =
    day >= 1 && month >= 1 && month <= 12
      ? centuryYear(digitsAt(nik, 10, 2), month, day, referenceDate)
      : 0;
  if (day < 1 || day > 31 || !isValidDate(year, month, day)) {
    return issue(
      'nik_birth_date',
      'Tanggal lahir pada NIK (digit 7–12, DDMMYY) tidak valid: hari 01–31 untuk laki-laki atau 41–71 untuk perempuan, bulan 01–12, dan tanggalnya harus ada.',
      "The NIK's birth date (digits 7–12, DDMMYY) is invalid: day 01–31 for men or 41–71 for women, month 01–12, and a date that exists.",
    );
  }
  if (digitsAt(nik, 12, 4) === 0) {
    return issue(
      'nik_serial',
      'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.',
      "The NIK's serial (last 4 digits) cannot be 0000.",
    );
  }
  return undefined;
}

function issue(code: NikIssueCode, id: string, en: string): Issue<NikIssueCode> {
  return { code, message: { id, en } };
}

/** True when `text` is a structurally valid NIK (see {@link parseNik}). */
export function isValidNik(text: string, referenceDate: PlainDate): boolean {
  return parseNik(text, referenceDate).ok;
}
