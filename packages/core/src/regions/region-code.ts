import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { JAWA_TIMUR_REGENCIES, KEDIRI_KECAMATAN, PROVINCES } from './data.js';

/** The level a region code names (Kepmendagri): province, regency or city, kecamatan, village. */
export type RegionLevel = 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa';

/** A parsed region code. */
export interface RegionCode {
  /** Digits only: 2, 4, 6 or 10 of them (`3506012001`). */
  readonly digits: string;
  /** With dots, as Kepmendagri writes it (`35.06.01.2001`). */
  readonly dotted: string;
  readonly level: RegionLevel;
}

/** Why a region code could not be read. */
export type RegionIssueCode = 'region_empty' | 'region_format' | 'region_province';

const LEVEL_BY_LENGTH: Readonly<Record<number, RegionLevel>> = {
  2: 'provinsi',
  4: 'kabupaten',
  6: 'kecamatan',
  10: 'desa',
};

const PROVINCE_NAMES = new Map(PROVINCES.map((p) => [p.kode, p.nama]));
const REGENCY_NAMES = new Map(JAWA_TIMUR_REGENCIES.map((r) => [r.kode, r.nama]));
const KECAMATAN_NAMES = new Map(KEDIRI_KECAMATAN.map((k) => [k.kode, k.nama]));

/** Writes region digits with dots: `3506012001` → `35.06.01.2001`. */
export function dottedRegionCode(digits: string): string {
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)];
  return parts.filter((p) => p !== '').join('.');
}

/**
 * Reads a region code written with or without dots (`3506`, `35.06`, `350601`, `3506012001`,
 * `35.06.01.2001`). The province must be one of the 38; no segment may be zero.
 *
 * @example
 * parseRegionCode('3506012001') // { ok: true, value: { digits: '3506012001', dotted: '35.06.01.2001', level: 'desa' } }
 */
export function parseRegionCode(text: string): Result<RegionCode, Issue<RegionIssueCode>> {
  const trimmed = text.trim().replace(/^'/, '');
  if (trimmed === '')
    return fail('region_empty', 'Kode wilayah kosong.', 'The region code is empty.');
  const digits = /^\d+(\.\d+)*$/.test(trimmed) ? trimmed.replaceAll('.', '') : '';
  const level = LEVEL_BY_LENGTH[digits.length];
  const segments = digits === '' ? [] : dottedRegionCode(digits).split('.');
  if (!level || segments.some((s) => Number(s) === 0)) {
    return fail(
      'region_format',
      'Kode wilayah harus 2, 4, 6 atau 10 digit (mis. 3506 atau 3506012001), tanpa bagian 00.',
      'A region code has 2, 4, 6 or 10 digits (e.g. 3506 or 3506012001), with no 00 part.',
    );
  }
  const province = digits.slice(0, 2);
  if (!PROVINCE_NAMES.has(province)) {
    return fail(
      'region_province',
      `Kode provinsi ${province} pada kode wilayah tidak dikenal.`,
      `Province code ${province} in the region code is unknown.`,
    );
  }
  return ok({ digits, dotted: dottedRegionCode(digits), level });
}

/** The names the project knows for a region code's levels (regencies of Jawa Timur, kecamatan of Kab. Kediri). */
export interface RegionNames {
  readonly provinsi?: string;
  readonly kabupaten?: string;
  readonly kecamatan?: string;
}

/** Looks up the names of a region code's province, regency and kecamatan, as far as the built-in tables go. */
export function regionNames(code: RegionCode): RegionNames {
  const d = code.dotted;
  const provinsi = PROVINCE_NAMES.get(d.slice(0, 2));
  const kabupaten = d.length >= 5 ? REGENCY_NAMES.get(d.slice(0, 5)) : undefined;
  const kecamatan = d.length >= 8 ? KECAMATAN_NAMES.get(d.slice(0, 8)) : undefined;
  return {
    ...(provinsi !== undefined && { provinsi }),
    ...(kabupaten !== undefined && { kabupaten }),
    ...(kecamatan !== undefined && { kecamatan }),
  };
}

/**
 * A region code as people read it, most specific known name first.
 *
 * @example
 * describeRegion(parseRegionCode('3571010001').value) // 'Kota Kediri, Jawa Timur'
 * describeRegion(parseRegionCode('350601').value)     // 'Kecamatan Semen, Kabupaten Kediri, Jawa Timur'
 * describeRegion(parseRegionCode('3201').value)       // 'kode 32.01, Jawa Barat'
 */
export function describeRegion(code: RegionCode, locale: 'id' | 'en' = 'id'): string {
  const names = regionNames(code);
  const parts: string[] = [];
  if (names.kecamatan) parts.push(`Kecamatan ${names.kecamatan}`);
  if (names.kabupaten) parts.push(names.kabupaten);
  else if (code.level !== 'provinsi') {
    parts.push(`${locale === 'id' ? 'kode' : 'code'} ${code.dotted.slice(0, 5)}`);
  }
  if (names.provinsi) parts.push(names.provinsi);
  return parts.join(', ');
}
