/**
 * The programme settings as typed in the form (text, as the boxes hold it), and the check that turns
 * them into settings with the settings schema, naming each invalid field with its own message.
 */
import { describeRegion, parseRegionCode } from '@sahaja/core';
import type { Locale } from '../i18n/format';
import { wholeNumber, type FieldError, type FieldErrors } from './form';
import {
  DAY_MINUTES_RANGE,
  DEFAULT_REGION,
  isoDate,
  MINIMUM_AGE_RANGE,
  NAME_MAX_LENGTH,
  NO_OFFICE,
  OFFICE_TEXT_MAX,
  programmeSettingsSchema,
  type OfficeSettings,
  type ProgrammeSettings,
} from './settings';

/** An office detail typed in a text box (all but the KK-copies choice). */
export type OfficeTextField = Exclude<keyof OfficeSettings, 'kkCopies'>;

/** The office details in the order the form shows them. */
export const OFFICE_TEXT_FIELDS: readonly OfficeTextField[] = [
  'government',
  'name',
  'address',
  'contact',
  'place',
  'numberPrefix',
  'signatoryTitle',
  'signatoryName',
  'signatoryRank',
  'signatoryNip',
];

/**
 * A settings field (the form has one control per field); an office detail is `office.<detail>`.
 */
export type SettingsField =
  Exclude<keyof ProgrammeSettings, 'office'> | `office.${OfficeTextField}`;

/** The fields in the order the form shows them: the first invalid one gets the focus. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'name',
  'referenceDate',
  'regions',
  'minimumAge',
  'start',
  'end',
  'dayMinutes',
  'fridayMinutes',
  ...OFFICE_TEXT_FIELDS.map((field) => `office.${field}` as const),
];

/** The office details as typed: every box holds text; the KK-copies choice is a checkbox. */
export type OfficeDraft = Record<OfficeTextField, string> & { kkCopies: boolean };

/** The settings as typed: every box holds text; `regions` is a list separated by commas or spaces. */
export interface SettingsDraft {
  name: string;
  referenceDate: string;
  regions: string;
  minimumAge: string;
  start: string;
  end: string;
  dayMinutes: string;
  fridayMinutes: string;
  /** The letterhead and signatory; left blank, the letters show blanks to fill in by hand. */
  office: OfficeDraft;
}

export type SettingsCheck =
  | { readonly ok: true; readonly value: ProgrammeSettings }
  | { readonly ok: false; readonly errors: FieldErrors<SettingsField> };

/** A new programme's form: Kabupaten Kediri, minimum age 16, 480-minute days (07:30–15:30). */
export function newProgrammeDraft(): SettingsDraft {
  return {
    name: '',
    referenceDate: '',
    regions: DEFAULT_REGION,
    minimumAge: '16',
    start: '',
    end: '',
    dayMinutes: '480',
    fridayMinutes: '',
    office: { ...NO_OFFICE },
  };
}

/** The form showing stored settings. */
export function draftFromSettings(settings: ProgrammeSettings): SettingsDraft {
  return {
    name: settings.name,
    referenceDate: settings.referenceDate,
    regions: settings.regions.join(', '),
    minimumAge: String(settings.minimumAge),
    start: settings.start,
    end: settings.end ?? '',
    dayMinutes: String(settings.dayMinutes),
    fridayMinutes: settings.fridayMinutes === null ? '' : String(settings.fridayMinutes),
    office: { ...NO_OFFICE, ...settings.office, signatoryNip: nipText(settings.office) },
  };
}

/** A stored NIP as people write it: `19700101 199503 1 001` (birth date, appointment, sex, serial). */
export function formatNip(nip: string): string {
  const m = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : nip;
}

function nipText(office: OfficeSettings | undefined): string {
  return office ? formatNip(office.signatoryNip) : '';
}

/**
 * The office details to store from the form: none (`undefined`) when nothing was filled in or chosen,
 * so a programme without them stays as it was; otherwise every detail, trimmed, the NIP as digits.
 */
export function officeFromDraft(draft: OfficeDraft): OfficeSettings | undefined {
  const texts = OFFICE_TEXT_FIELDS.map((field) => draft[field].trim());
  if (!draft.kkCopies && texts.every((text) => text === '')) return undefined;
  const office = { ...NO_OFFICE, kkCopies: draft.kkCopies };
  OFFICE_TEXT_FIELDS.forEach((field, i) => {
    const text = texts[i] ?? '';
    office[field] = field === 'signatoryNip' ? text.replace(/[\s.]/g, '') : text;
  });
  return office;
}

/** The region codes typed in one box: separated by commas, semicolons or spaces. */
export function splitRegions(text: string): string[] {
  return text.split(/[\s,;]+/).filter((code) => code !== '');
}

/**
 * The places the valid codes typed name, for the hint under the box: "Kabupaten Kediri, Jawa Timur".
 * Invalid codes are left out (their message says why); empty when none is valid.
 */
export function describeRegions(text: string, locale: Locale): string {
  return splitRegions(text)
    .map((code) => parseRegionCode(code))
    .flatMap((parsed) => (parsed.ok ? [describeRegion(parsed.value, locale)] : []))
    .join('; ');
}

/** A number of minutes as typed, in hours and minutes (`450` → 7 h 30 min); null unless valid. */
export function hoursAndMinutes(text: string): { hours: number; minutes: number } | null {
  const total = wholeNumber(text);
  if (total === undefined || !Number.isInteger(total) || total < 0) return null;
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/**
 * Checks a draft with the settings schema and the rules the schema cannot see (known province, no
 * code twice, a shorter Friday, the end after the start). Returns the settings, or one message per
 * invalid field. Does not modify `draft`.
 *
 * @example
 * checkSettingsDraft({ ...newProgrammeDraft(), name: 'SMA 2024' })
 * // { ok: false, errors: { referenceDate: { key: 'programme.error.dateRequired' }, start: … } }
 */
export function checkSettingsDraft(draft: SettingsDraft): SettingsCheck {
  const regions = splitRegions(draft.regions);
  const candidate = {
    name: draft.name,
    referenceDate: draft.referenceDate.trim(),
    regions,
    minimumAge: wholeNumber(draft.minimumAge),
    start: draft.start.trim(),
    end: draft.end.trim() === '' ? null : draft.end.trim(),
    dayMinutes: wholeNumber(draft.dayMinutes),
    fridayMinutes: draft.fridayMinutes.trim() === '' ? null : wholeNumber(draft.fridayMinutes),
  };
  const office = officeFromDraft(draft.office);
  const errors: FieldErrors<SettingsField> = {};
  const parsed = programmeSettingsSchema.safeParse(office ? { ...candidate, office } : candidate);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.path[0] === 'office') {
      const detail = issue.path[1] as OfficeTextField;
      errors[`office.${detail}`] ??= officeError(detail);
      continue;
    }
    const field = issue.path[0] as Exclude<SettingsField, `office.${string}`>;
    errors[field] ??= schemaError(field, issue, draft, regions);
  }
  const badRegion = errors.regions ? undefined : regionError(regions);
  if (badRegion) errors.regions = badRegion;
  if (!errors.start && !errors.end && candidate.end !== null && candidate.end < candidate.start) {
    errors.end = { key: 'programme.error.endBeforeStart' };
  }
  const { dayMinutes, fridayMinutes } = candidate;
  if (!errors.dayMinutes && !errors.fridayMinutes && fridayMinutes !== null) {
    if (fridayMinutes !== undefined && dayMinutes !== undefined && fridayMinutes > dayMinutes) {
      errors.fridayMinutes = { key: 'programme.error.fridayLonger' };
    }
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
}

/** Why an office detail is refused: a NIP that is not 18 digits, or a text too long. */
function officeError(field: OfficeTextField): FieldError {
  if (field === 'signatoryNip') return { key: 'programme.error.nip' };
  const max =
    field === 'address'
      ? OFFICE_TEXT_MAX.address
      : field === 'place' || field === 'numberPrefix' || field === 'signatoryRank'
        ? OFFICE_TEXT_MAX.short
        : OFFICE_TEXT_MAX.line;
  return { key: 'programme.error.tooLong', params: { max } };
}

function schemaError(
  field: Exclude<SettingsField, `office.${string}`>,
  issue: SchemaIssue,
  draft: SettingsDraft,
  regions: readonly string[],
): FieldError {
  const blank = field !== 'regions' && draft[field].trim() === '';
  switch (field) {
    case 'name':
      return blank
        ? { key: 'programme.error.nameRequired' }
        : { key: 'programme.error.nameTooLong', params: { max: NAME_MAX_LENGTH } };
    case 'referenceDate':
    case 'start':
    case 'end':
      // The schema's one rule across fields: a real end date refused is one before the start.
      if (field === 'end' && isoDate.safeParse(draft.end.trim()).success) {
        return { key: 'programme.error.endBeforeStart' };
      }
      return blank ? { key: 'programme.error.dateRequired' } : { key: 'programme.error.date' };
    case 'regions': {
      const index = issue.path[1];
      if (typeof index !== 'number') return { key: 'programme.error.regionsRequired' };
      return { key: 'programme.error.region', params: { code: regions[index] ?? '' } };
    }
    case 'minimumAge':
      return numberError(issue, blank, 'programme.error.minimumAge', MINIMUM_AGE_RANGE);
    case 'dayMinutes':
    case 'fridayMinutes':
      return numberError(issue, blank, 'programme.error.minutes', DAY_MINUTES_RANGE);
  }
}

function numberError(
  issue: SchemaIssue,
  blank: boolean,
  range: 'programme.error.minimumAge' | 'programme.error.minutes',
  bounds: { readonly min: number; readonly max: number },
): FieldError {
  if (blank) return { key: 'programme.error.required' };
  if (issue.code === 'invalid_type') return { key: 'programme.error.wholeNumber' };
  return { key: range, params: { min: bounds.min, max: bounds.max } };
}

/** Codes the schema accepts but the core would refuse (unknown province, a `00` part), or repeats. */
function regionError(regions: readonly string[]): FieldError | undefined {
  const seen = new Set<string>();
  for (const code of regions) {
    const parsed = parseRegionCode(code);
    if (!parsed.ok) {
      return parsed.issues[0].code === 'region_province'
        ? { key: 'programme.error.regionProvince', params: { code } }
        : { key: 'programme.error.region', params: { code } };
    }
    if (seen.has(parsed.value.digits)) {
      return { key: 'programme.error.regionRepeated', params: { code } };
    }
    seen.add(parsed.value.digits);
  }
  return undefined;
}
