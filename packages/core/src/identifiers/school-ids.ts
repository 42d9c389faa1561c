import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { cleanIdentifier } from './nik.js';

/** Why a text is not a NISN. */
export type NisnIssueCode =
  'nisn_empty' | 'nisn_not_digits' | 'nisn_leading_zero_lost' | 'nisn_length';

/**
 * Reads a NISN (national student number): exactly 10 digits, otherwise opaque (its prefix is
 * unreliable). An 8- or 9-digit number is reported as probably having lost its leading zeros in a
 * spreadsheet number cell, so that the import can offer to restore them. Never throws.
 */
export function parseNisn(text: string): Result<string, Issue<NisnIssueCode>> {
  const nisn = cleanIdentifier(text);
  if (nisn === '') return fail('nisn_empty', 'NISN kosong.', 'The NISN is empty.');
  if (!/^\d+$/.test(nisn)) {
    return fail(
      'nisn_not_digits',
      'NISN hanya boleh berisi angka.',
      'A NISN contains digits only.',
    );
  }
  if (nisn.length === 8 || nisn.length === 9) {
    return fail(
      'nisn_leading_zero_lost',
      `NISN harus 10 digit; ini ${nisn.length} digit — angka 0 di depannya kemungkinan hilang karena sel angka di Excel.`,
      `A NISN has 10 digits; this has ${nisn.length} — its leading zeros were probably lost in a spreadsheet number cell.`,
    );
  }
  if (nisn.length !== 10) {
    return fail(
      'nisn_length',
      `NISN harus 10 digit, bukan ${nisn.length}.`,
      `A NISN has 10 digits, not ${nisn.length}.`,
    );
  }
  return ok(nisn);
}

/** Why a text is not an NPSN. */
export type NpsnIssueCode = 'npsn_empty' | 'npsn_format';

/**
 * Reads an NPSN (school number): 8 digits, or `K`/`P` and 7 digits for non-formal institutions
 * (returned upper-case). Never throws.
 */
export function parseNpsn(text: string): Result<string, Issue<NpsnIssueCode>> {
  const npsn = cleanIdentifier(text).toUpperCase();
  if (npsn === '') return fail('npsn_empty', 'NPSN kosong.', 'The NPSN is empty.');
  if (!/^(?:\d{8}|[KP]\d{7})$/.test(npsn)) {
    return fail(
      'npsn_format',
      'NPSN harus 8 digit (atau K/P diikuti 7 digit untuk lembaga nonformal).',
      'An NPSN has 8 digits (or K/P and 7 digits for non-formal institutions).',
    );
  }
  return ok(npsn);
}
