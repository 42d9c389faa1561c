/**
 * Holidays as typed in the set-up form, the checks that turn them into holidays, and the merge of a
 * national list into them without duplicates.
 */
import type { Holiday } from '../core/types';
import type { FieldError, FieldErrors } from './form';
import type { DraftRow, ListCheck } from './record-list.svelte';
import { HOLIDAY_DESCRIPTION_MAX_LENGTH, holidayKey, holidaySchema } from './records';

/** A holiday as typed. */
export interface HolidayDraft extends DraftRow {
  tanggal: string;
  keterangan: string;
}

export type HolidayField = 'tanggal' | 'keterangan';

/** What adding a list did: how many holidays it added and how many were there already. */
export interface AddedList {
  readonly added: number;
  readonly present: number;
}

/**
 * Checks every holiday as typed: a real date, a description, and no holiday twice (same date and
 * description, case and spacing ignored; the later row is flagged). Does not modify `rows`.
 */
export function checkHolidays(rows: readonly HolidayDraft[]): ListCheck<HolidayField, Holiday> {
  const errors: Record<number, FieldErrors<HolidayField>> = {};
  const holidays: Holiday[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const rowErrors: FieldErrors<HolidayField> = {};
    const parsed = holidaySchema.safeParse({ tanggal: row.tanggal, keterangan: row.keterangan });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0] as HolidayField;
      rowErrors[field] ??= holidayFieldError(field, row[field].trim() === '');
    }
    const key = holidayKey(row);
    if (Object.keys(rowErrors).length === 0 && seen.has(key)) {
      rowErrors.keterangan = { key: 'programme.error.holidayRepeated' };
    }
    seen.add(key);
    if (Object.keys(rowErrors).length > 0) errors[row.key] = rowErrors;
    else if (parsed.success) holidays.push(parsed.data);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: holidays };
}

function holidayFieldError(field: HolidayField, blank: boolean): FieldError {
  if (field === 'tanggal') {
    return blank ? { key: 'programme.error.dateRequired' } : { key: 'programme.error.date' };
  }
  return blank
    ? { key: 'programme.error.descriptionRequired' }
    : {
        key: 'programme.error.descriptionTooLong',
        params: { max: HOLIDAY_DESCRIPTION_MAX_LENGTH },
      };
}

/** Holidays in the database's key order: by date, then description. */
export function inKeyOrder<T extends { tanggal: string; keterangan: string }>(
  items: readonly T[],
): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort(
    (a, b) => compare(a.tanggal, b.tanggal) || compare(a.keterangan, b.keterangan),
  );
}

/**
 * `rows` with the holidays of `list` they lack (same date and description, case and spacing ignored)
 * added, ordered by date with rows still without a date last; `key` numbers the new rows. Does not
 * modify `rows` or `list`.
 */
export function mergeHolidays<D extends HolidayDraft>(
  rows: readonly D[],
  list: readonly Holiday[],
  draft: (holiday: Holiday) => D,
): { readonly rows: D[] } & AddedList {
  const present = new Set(rows.map((row) => holidayKey(row)));
  const added: D[] = [];
  for (const holiday of list) {
    const key = holidayKey(holiday);
    if (present.has(key)) continue;
    present.add(key);
    added.push(draft(holiday));
  }
  const dated = rows.filter((row) => row.tanggal.trim() !== '');
  const undated = rows.filter((row) => row.tanggal.trim() === '');
  return {
    rows: [...inKeyOrder([...dated, ...added]), ...undated],
    added: added.length,
    present: list.length - added.length,
  };
}
