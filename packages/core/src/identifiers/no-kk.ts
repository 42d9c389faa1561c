import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { isValidDate, type PlainDate } from '../dates/plain-date.js';
import { PROVINCES } from '../regions/data.js';
import { centuryYear, cleanIdentifier, SCIENTIFIC_NUMBER } from './nik.js';

/** A family-card number (No. KK) taken apart (SPEC §2). */
export interface NoKk {
  /** The 16 digits. */
  readonly noKk: string;
  /** The issuing kecamatan, e.g. `35.06.01`. */
  readonly kecamatanCode: string;
  /** The registration date the number encodes. */
  readonly registeredOn: PlainDate;
  readonly serial: number;
}

/** Why a text is not a No. KK. */
export type NoKkIssueCode =
  | 'kk_empty'
  | 'kk_scientific'
  | 'kk_not_digits'
  | 'kk_length'
  | 'kk_province'
  | 'kk_region'
  | 'kk_looks_like_nik'
  | 'kk_date'
  | 'kk_serial';

const KNOWN_PROVINCES = new Set(PROVINCES.map((p) => p.kode));

/**
 * Reads and checks a No. KK: 16 digits = issuing region (6, known province, no 00 part) + registration
 * date DDMMYY (a real date on or before `referenceDate`) + serial (not 0000). A number whose day is
 * 41–71 is a woman's NIK, not a KK, and is refused as such. Never throws.
 */
export function parseNoKk(
  text: string,
  referenceDate: PlainDate,
): Result<NoKk, Issue<NoKkIssueCode>> {
  const noKk = cleanIdentifier(text);
  if (noKk === '') return fail('kk_empty', 'No. KK kosong.', 'The family-card number is empty.');
  if (SCIENTIFIC_NUMBER.test(noKk)) {
    return fail(
      'kk_scientific',
      'No. KK tertulis sebagai angka ilmiah: Excel sudah menghapus digit terakhirnya. Ketik ulang sebagai teks.',
      'The family-card number was written as a scientific number: Excel has lost its last digits. Re-type it as text.',
    );
  }
  if (!/^\d+$/.test(noKk)) {
    return fail(
      'kk_not_digits',
      'No. KK hanya boleh berisi angka.',
      'A family-card number contains digits only.',
    );
  }
  if (noKk.length !== 16) {
    return fail(
      'kk_length',
      `No. KK harus 16 digit, bukan ${noKk.length}.`,
      `A family-card number has 16 digits, not ${noKk.length}.`,
    );
  }
  const province = noKk.slice(0, 2);
  if (!KNOWN_PROVINCES.has(province)) {
    return fail(
      'kk_province',
      `Kode provinsi No. KK (${province}) tidak dikenal.`,
      `The family-card number's province code (${province}) is unknown.`,
    );
  }
  if (noKk.slice(2, 4) === '00' || noKk.slice(4, 6) === '00') {
    return fail(
      'kk_region',
      'Kode kabupaten/kota dan kecamatan pada No. KK (digit 3–6) tidak boleh 00.',
      "The family-card number's regency and kecamatan codes (digits 3–6) cannot be 00.",
    );
  }
  const day = Number(noKk.slice(6, 8));
  const month = Number(noKk.slice(8, 10));
  const yy = Number(noKk.slice(10, 12));
  if (day >= 41 && day <= 71) {
    return fail(
      'kk_looks_like_nik',
      'Nomor ini berbentuk NIK perempuan (hari 41–71), bukan No. KK.',
      "This number has the shape of a woman's NIK (day 41–71), not a family-card number.",
    );
  }
  const year =
    day >= 1 && month >= 1 && month <= 12 ? centuryYear(yy, month, day, referenceDate) : 0;
  if (!isValidDate(year, month, day)) {
    return fail(
      'kk_date',
      'Tanggal pendaftaran pada No. KK (digit 7–12, DDMMYY) tidak valid.',
      "The family-card number's registration date (digits 7–12, DDMMYY) is invalid.",
    );
  }
  const serial = Number(noKk.slice(12));
  if (serial === 0) {
    return fail(
      'kk_serial',
      'Nomor urut No. KK (4 digit terakhir) tidak boleh 0000.',
      "The family-card number's serial (last 4 digits) cannot be 0000.",
    );
  }
  return ok({
    noKk,
    kecamatanCode: `${province}.${noKk.slice(2, 4)}.${noKk.slice(4, 6)}`,
    registeredOn: { year, month, day },
    serial,
  });
}
