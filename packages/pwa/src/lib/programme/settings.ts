/**
 * A programme year's settings (SPEC §3 and §5): what eligibility and the visit planner need besides
 * the records. Teams and holidays are records of their own (tables `teams` and `holidays`).
 */
import * as z from 'zod/mini';

/** A calendar date `YYYY-MM-DD` that exists (2023-02-29 does not). */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((text) => {
    const [year, month, day] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }),
);

/**
 * A region code of the programme's area, province to village: 2, 4, 6 or 10 digits, dots allowed
 * (`35`, `3506`, `35.06.17`).
 */
export const regionCode = z.string().check(
  z.trim(),
  z.refine((text) => /^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(text.replaceAll('.', ''))),
);

/** Minutes in a working day: at least an hour, at most a whole day. */
const dayMinutes = z.int().check(z.minimum(60), z.maximum(1440));

/** The settings of a programme year; every field is checked when the user saves them. */
export const programmeSettingsSchema = z
  .object({
    /** A name people recognise, e.g. "Perekaman KTP-el SMA 2023". */
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    /** Ages and categories are computed on this date (SPEC §3). */
    referenceDate: isoDate,
    /** The programme's area: residents outside it are not its targets. At least one code. */
    regions: z.array(regionCode).check(z.minLength(1)),
    /** Recording from this age (default 16); 17 turns early recording off. */
    minimumAge: z.int().check(z.minimum(10), z.maximum(17)),
    /** The first day visits may take place. */
    start: isoDate,
    /** The last day visits may take place; null when the plan may run as long as it needs. */
    end: z.nullable(isoDate),
    /** A team's working day, travel included (default 480 minutes, 07:30–15:30). */
    dayMinutes,
    /** A shorter Friday, or null when Friday is like the other days. */
    fridayMinutes: z.nullable(dayMinutes),
  })
  .check(
    z.refine((s) => s.end === null || s.end >= s.start, {
      path: ['end'],
      message: 'end before start',
    }),
  );

export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

/** Kabupaten Kediri, the first office to use Sahaja, and the demo programme's area. */
export const DEFAULT_REGION = '3506';

/** Settings of a new programme starting on `referenceDate`, before the user changes any. */
export function defaultSettings(name: string, referenceDate: string): ProgrammeSettings {
  return {
    name,
    referenceDate,
    regions: [DEFAULT_REGION],
    minimumAge: 16,
    start: referenceDate,
    end: null,
    dayMinutes: 480,
    fridayMinutes: null,
  };
}
