/**
 * The records a user edits while setting up a programme (teams, holidays, a school's visit details),
 * as zod schemas. The forms use them to name each bad field; the database layer checks them again before
 * it writes, so nothing invalid is ever stored.
 */
import { parseRegionCode } from '@sahaja/core';
import * as z from 'zod/mini';
import type { Holiday, Team } from '../core/types';
import { isoDate } from './settings';

/** The longest team name and holiday description people may give. */
export const TEAM_NAME_MAX_LENGTH = 60;
export const HOLIDAY_DESCRIPTION_MAX_LENGTH = 120;

/** Bounds of a team's recording sets and of the students one set records in a day (SPEC §5: ~50). */
export const SETS_RANGE = { min: 1, max: 100 } as const;
export const SET_CAPACITY_RANGE = { min: 1, max: 1000 } as const;

/** A new team's students per set per day: the field figure of SPEC §5. */
export const DEFAULT_SET_CAPACITY = 50;

/** Bounds of a school's travel time from the office, in minutes (ten hours at most). */
export const TRAVEL_MINUTES_RANGE = { min: 0, max: 600 } as const;

/** A recording team: a name, its sets, and the students one set records in a day. */
export const teamSchema = z.object({
  tim: z.string().check(z.trim(), z.minLength(1), z.maxLength(TEAM_NAME_MAX_LENGTH)),
  jumlahAlat: z.int().check(z.minimum(SETS_RANGE.min), z.maximum(SETS_RANGE.max)),
  kapasitasPerAlat: z
    .int()
    .check(z.minimum(SET_CAPACITY_RANGE.min), z.maximum(SET_CAPACITY_RANGE.max)),
});

/** A public holiday or cuti bersama: a date and what it is. */
export const holidaySchema = z.object({
  tanggal: isoDate,
  keterangan: z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(HOLIDAY_DESCRIPTION_MAX_LENGTH)),
});

/** The key under which two team names count as the same: trimmed, case and spacing ignored. */
export function teamKey(tim: string): string {
  return tim.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

/** The key under which two holidays count as the same: the date and the description as {@link teamKey}. */
export function holidayKey(holiday: Holiday): string {
  return `${holiday.tanggal.trim()} ${teamKey(holiday.keterangan)}`;
}

/** The index of the first entry whose key an earlier entry already has, or -1. */
export function firstRepeat<T>(items: readonly T[], key: (item: T) => string): number {
  const seen = new Set<string>();
  return items.findIndex((item) => {
    const k = key(item);
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}

/** A programme's teams: each valid, no two with the same name (case and spacing ignored). */
export const teamsSchema = z.array(teamSchema).check(
  z.refine((teams: readonly Team[]) => firstRepeat(teams, (t) => teamKey(t.tim)) < 0, {
    message: 'duplicate team name',
  }),
);

/** A programme's holidays: each valid, none listed twice (same date and description). */
export const holidaysSchema = z.array(holidaySchema).check(
  z.refine((holidays: readonly Holiday[]) => firstRepeat(holidays, holidayKey) < 0, {
    message: 'duplicate holiday',
  }),
);

/** Whether `text` is a kecamatan code written with dots (`35.06.17`) in a known province. */
export function isKecamatanCode(text: string): boolean {
  if (!/^\d{2}\.\d{2}\.\d{2}$/.test(text)) return false;
  const parsed = parseRegionCode(text);
  return parsed.ok && parsed.value.level === 'kecamatan';
}

/** Whether `dates` are in ascending order with none repeated. */
function sortedUnique(dates: readonly string[]): boolean {
  return dates.every((date, i) => i === 0 || (dates[i - 1] ?? '') < date);
}

/**
 * What the schools screen changes of a school: its kecamatan (a dotted code, or empty when unknown), its
 * travel time from the office, and the dates it cannot host a visit (sorted, none twice).
 */
export const schoolChangesSchema = z.object({
  kecamatan: z.string().check(
    z.trim(),
    z.refine((text) => text === '' || isKecamatanCode(text)),
  ),
  waktuTempuhMenit: z
    .int()
    .check(z.minimum(TRAVEL_MINUTES_RANGE.min), z.maximum(TRAVEL_MINUTES_RANGE.max)),
  tanggalTidakBisa: z.array(isoDate).check(z.refine(sortedUnique)),
});

export type SchoolChanges = z.infer<typeof schoolChangesSchema>;

/**
 * Checks `value` with `schema`; a caller that skipped the form's validation gets a `TypeError` naming
 * the fields (`0.tim`), and the value as parsed (trimmed) otherwise.
 */
export function checked<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || what))];
  throw new TypeError(`Invalid ${what}: ${fields.join(', ')}`);
}
