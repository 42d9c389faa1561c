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

/** The longest programme name people may give (it is shown in menus and letters). */
export const NAME_MAX_LENGTH = 120;

/** The youngest and oldest minimum recording ages a programme may set (SPEC §3; 17 = none early). */
export const MINIMUM_AGE_RANGE = { min: 10, max: 17 } as const;

/** The shortest and longest working day in minutes: at least an hour, at most a whole day. */
export const DAY_MINUTES_RANGE = { min: 60, max: 1440 } as const;

/** Minutes in a working day: at least an hour, at most a whole day. */
const dayMinutes = z
  .int()
  .check(z.minimum(DAY_MINUTES_RANGE.min), z.maximum(DAY_MINUTES_RANGE.max));

/** The longest text of each office detail (a letterhead line, an address). */
export const OFFICE_TEXT_MAX = { line: 160, address: 240, short: 60 } as const;

const officeText = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/**
 * The office that writes to the schools (letterhead and signatory of the letter per school). Every
 * text may be empty: the letter then shows a marked blank to fill in by hand, never an invented name.
 */
export const officeSchema = z.object({
  /** The letterhead's first line, e.g. "Pemerintah Kabupaten Kediri". */
  government: officeText(OFFICE_TEXT_MAX.line),
  /** The office, e.g. "Dinas Kependudukan dan Pencatatan Sipil". */
  name: officeText(OFFICE_TEXT_MAX.line),
  address: officeText(OFFICE_TEXT_MAX.address),
  /** Telephone, e-mail or website, as printed under the address. */
  contact: officeText(OFFICE_TEXT_MAX.line),
  /** The place written before the letter's date, e.g. "Kediri". */
  place: officeText(OFFICE_TEXT_MAX.short),
  /** What the letter number starts with (e.g. "470/"); the running number is written by hand. */
  numberPrefix: officeText(OFFICE_TEXT_MAX.short),
  /** The signatory's position, e.g. "Kepala Dinas Kependudukan dan Pencatatan Sipil". */
  signatoryTitle: officeText(OFFICE_TEXT_MAX.line),
  signatoryName: officeText(OFFICE_TEXT_MAX.line),
  /** Rank and grade (pangkat/golongan), e.g. "Pembina Utama Muda (IV/c)". */
  signatoryRank: officeText(OFFICE_TEXT_MAX.short),
  /** The signatory's NIP: 18 digits, or empty. */
  signatoryNip: z.string().check(z.regex(/^(\d{18})?$/)),
  /** Whether schools are asked for a copy of each student's family card (KK). */
  kkCopies: z.boolean(),
});

export type OfficeSettings = z.infer<typeof officeSchema>;

/** The settings of a programme year; every field is checked when the user saves them. */
export const programmeSettingsSchema = z
  .object({
    /** A name people recognise, e.g. "Perekaman KTP-el SMA 2023". */
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX_LENGTH)),
    /** Ages and categories are computed on this date (SPEC §3). */
    referenceDate: isoDate,
    /** The programme's area: residents outside it are not its targets. At least one code. */
    regions: z.array(regionCode).check(z.minLength(1)),
    /** Recording from this age (default 16); 17 turns early recording off. */
    minimumAge: z.int().check(z.minimum(MINIMUM_AGE_RANGE.min), z.maximum(MINIMUM_AGE_RANGE.max)),
    /** The first day visits may take place. */
    start: isoDate,
    /** The last day visits may take place; null when the plan may run as long as it needs. */
    end: z.nullable(isoDate),
    /** A team's working day, travel included (default 480 minutes, 07:30–15:30). */
    dayMinutes,
    /** A shorter Friday, or null when Friday is like the other days. */
    fridayMinutes: z.nullable(dayMinutes),
    /** The office's letterhead and signatory; programmes stored before it existed have none. */
    office: z.optional(officeSchema),
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

/** Office details with nothing filled in (a programme that has none): every letter field is a blank. */
export const NO_OFFICE: OfficeSettings = {
  government: '',
  name: '',
  address: '',
  contact: '',
  place: '',
  numberPrefix: '',
  signatoryTitle: '',
  signatoryName: '',
  signatoryRank: '',
  signatoryNip: '',
  kkCopies: false,
};

/** The office details of `settings`, or {@link NO_OFFICE} when none were given. */
export function officeOf(settings: ProgrammeSettings): OfficeSettings {
  return settings.office ?? NO_OFFICE;
}
