/**
 * A school's visit details as typed in the schools screen (kecamatan, travel time from the office, the
 * dates it cannot host a visit), and the check that turns them into the changes to store.
 */
import { KEDIRI_KECAMATAN, parseRegionCode } from '@sahaja/core';
import type { SchoolWithCount } from '../db/setup';
import { wholeNumber, type FieldError, type FieldErrors } from './form';
import { schoolChangesSchema, TRAVEL_MINUTES_RANGE, type SchoolChanges } from './records';

/** A school's visit details as typed; `newDate` is the date box next to the "add" button. */
export interface SchoolDraft {
  kecamatan: string;
  waktuTempuhMenit: string;
  tanggalTidakBisa: string[];
  newDate: string;
}

export type SchoolField = 'kecamatan' | 'waktuTempuhMenit' | 'tanggalTidakBisa';

/** A draft with nothing typed (before a school is opened). */
export const EMPTY_SCHOOL_DRAFT: SchoolDraft = {
  kecamatan: '',
  waktuTempuhMenit: '',
  tanggalTidakBisa: [],
  newDate: '',
};

export type SchoolCheck =
  | { readonly ok: true; readonly value: SchoolChanges }
  | { readonly ok: false; readonly errors: FieldErrors<SchoolField> };

const KECAMATAN_BY_NAME = new Map(
  KEDIRI_KECAMATAN.map((k) => [k.nama.toLocaleLowerCase('id'), k.kode] as const),
);
const KECAMATAN_NAMES = new Map(KEDIRI_KECAMATAN.map((k) => [k.kode, k.nama] as const));

/**
 * A kecamatan as typed, written the way it is stored: a 6-digit code with dots (`350617` →
 * `35.06.17`); a Kabupaten Kediri kecamatan's name becomes its code (`Pare` → `35.06.17`); anything
 * else is returned trimmed, for the check to refuse.
 */
export function normaliseKecamatan(text: string): string {
  const trimmed = text.trim();
  const byName = KECAMATAN_BY_NAME.get(
    trimmed.replace(/^kec(amatan)?\.?\s+/i, '').toLocaleLowerCase('id'),
  );
  if (byName) return byName;
  const parsed = parseRegionCode(trimmed);
  return parsed.ok && parsed.value.level === 'kecamatan' ? parsed.value.dotted : trimmed;
}

/** The name of a Kabupaten Kediri kecamatan code (`35.06.17` → `Pare`), or null. */
export function kecamatanName(code: string): string | null {
  return KECAMATAN_NAMES.get(code) ?? null;
}

/** The form showing a stored school (a kecamatan stored as a known name shows as its code). */
export function draftFromSchool(school: SchoolWithCount): SchoolDraft {
  return {
    kecamatan: normaliseKecamatan(school.kecamatan),
    waktuTempuhMenit: String(school.waktuTempuhMenit),
    tanggalTidakBisa: [...school.tanggalTidakBisa].sort(),
    newDate: '',
  };
}

/** Checks a school draft; returns the changes to store or one message per invalid field. */
export function checkSchoolDraft(draft: SchoolDraft): SchoolCheck {
  const kecamatan = normaliseKecamatan(draft.kecamatan);
  const parsed = schoolChangesSchema.safeParse({
    kecamatan,
    waktuTempuhMenit: wholeNumber(draft.waktuTempuhMenit),
    tanggalTidakBisa: [...new Set(draft.tanggalTidakBisa)].sort(),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors<SchoolField> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SchoolField;
    errors[field] ??= schoolFieldError(field, issue.code, draft);
  }
  return { ok: false, errors };
}

function schoolFieldError(field: SchoolField, code: string, draft: SchoolDraft): FieldError {
  switch (field) {
    case 'kecamatan':
      return { key: 'schools.error.kecamatan', params: { code: draft.kecamatan.trim() } };
    case 'waktuTempuhMenit':
      if (draft.waktuTempuhMenit.trim() === '') return { key: 'programme.error.required' };
      if (code === 'invalid_type') return { key: 'programme.error.wholeNumber' };
      return {
        key: 'schools.error.travel',
        params: { min: TRAVEL_MINUTES_RANGE.min, max: TRAVEL_MINUTES_RANGE.max },
      };
    case 'tanggalTidakBisa':
      return { key: 'programme.error.date' };
  }
}
