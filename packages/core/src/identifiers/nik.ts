import { fail, ok, type Issue, type Result } from '../domain/result.js';
import type { Sex } from '../domain/records.js';
import { compareDates, isValidDate, type PlainDate } from '../dates/plain-date.js';
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

const KNOWN_PROVINCES = new Set(PROVINCES.map((p) => p.kode));

/** Matches how Excel shows a long number it has turned into a float: `3,50601E+15`, `3.50601150106E15`. */
export const SCIENTIFIC_NUMBER = /^\d(?:[.,]\d+)?e\+?\d+$/i;

/**
 * Cleans what people put around an identifier in spreadsheets: surrounding and inner spaces and the
 * leading apostrophe Excel users type to keep a number as text.
 */
export function cleanIdentifier(text: string): string {
  return text.replace(/\s+/g, '').replace(/^'/, '');
}

/**
 * The century of a two-digit year `yy` with month and day: the latest year ending in `yy` that puts the
 * date on or before `reference`.
 */
export function centuryYear(yy: number, month: number, day: number, reference: PlainDate): number {
  const year = Math.floor(reference.year / 100) * 100 + yy;
  return compareDates({ year, month, day }, reference) > 0 ? year - 100 : year;
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
  if (nik === '') return fail('nik_empty', 'NIK kosong.', 'The NIK is empty.');
  if (SCIENTIFIC_NUMBER.test(nik)) {
    return fail(
      'nik_scientific',
      'NIK tertulis sebagai angka ilmiah (mis. 3,50601E+15): Excel sudah menghapus digit terakhirnya. Ketik ulang NIK sebagai teks.',
      'The NIK was written as a scientific number (e.g. 3.50601E+15): Excel has lost its last digits. Re-type it as text.',
    );
  }
  if (!/^\d+$/.test(nik)) {
    return fail('nik_not_digits', 'NIK hanya boleh berisi angka.', 'An NIK contains digits only.');
  }
  if (nik.length !== 16) {
    return fail(
      'nik_length',
      `NIK harus 16 digit, bukan ${nik.length}.`,
      `An NIK has 16 digits, not ${nik.length}.`,
    );
  }
  const province = nik.slice(0, 2);
  if (!KNOWN_PROVINCES.has(province)) {
    return fail(
      'nik_province',
      `Kode provinsi NIK (${province}) tidak dikenal.`,
      `The NIK's province code (${province}) is unknown.`,
    );
  }
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return fail(
      'nik_region',
      'Kode kabupaten/kota dan kecamatan pada NIK (digit 3–6) tidak boleh 00.',
      "The NIK's regency and kecamatan codes (digits 3–6) cannot be 00.",
    );
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  const year =
    day >= 1 && month >= 1 && month <= 12 ? centuryYear(yy, month, day, referenceDate) : 0;
  if (day < 1 || day > 31 || !isValidDate(year, month, day)) {
    return fail(
      'nik_birth_date',
      'Tanggal lahir pada NIK (digit 7–12, DDMMYY) tidak valid: hari 01–31 untuk laki-laki atau 41–71 untuk perempuan, bulan 01–12, dan tanggalnya harus ada.',
      "The NIK's birth date (digits 7–12, DDMMYY) is invalid: day 01–31 for men or 41–71 for women, month 01–12, and a date that exists.",
    );
  }
  const serial = Number(nik.slice(12));
  if (serial === 0) {
    return fail(
      'nik_serial',
      'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.',
      "The NIK's serial (last 4 digits) cannot be 0000.",
    );
  }
  return ok({
    nik,
    provinceCode: province,
    regencyCode: `${province}.${nik.slice(2, 4)}`,
    kecamatanCode: `${province}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDate: { year, month, day },
    sex,
    serial,
  });
}

/** True when `text` is a structurally valid NIK (see {@link parseNik}). */
export function isValidNik(text: string, referenceDate: PlainDate): boolean {
  return parseNik(text, referenceDate).ok;
}
