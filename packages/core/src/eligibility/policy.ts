import { fail, ok, type Issue, type Result } from '../domain/result.js';
import type { LeapDayRule } from '../dates/age.js';
import { isValidDate, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import { parseRegionCode, regionNames, type RegionCode } from '../regions/region-code.js';
import {
  DEFAULT_STATUS_SPELLINGS,
  KTP_STATUSES,
  normaliseValue,
  type KtpStatus,
  type RecognisedStatus,
  type StatusFamily,
} from './statuses.js';

/** The age from which a KTP-el is compulsory and the card is handed over (UU 24/2013 Pasal 63). */
export const ADULT_AGE = 17;

/** The default minimum recording age (national practice since 2018). */
export const DEFAULT_MINIMUM_AGE = 16;

/** What a programme decides eligibility with; build it with {@link createEligibilityPolicy}. */
export interface EligibilityPolicy {
  /** The date ages are counted on (usually the first day of recording). */
  readonly referenceDate: PlainDate;
  /** The programme's regions; a person whose domicile is in none of them is LUAR_WILAYAH. */
  readonly regions: readonly RegionCode[];
  /** The regions' names for messages, e.g. "Kabupaten Kediri". */
  readonly regionLabel: string;
  /** The youngest age at which a person may be recorded (15–17). */
  readonly minimumAge: number;
  readonly leapDayRule: LeapDayRule;
  /** Status spellings (normalised) and what they mean, defaults plus the programme's own. */
  readonly statuses: ReadonlyMap<string, RecognisedStatus>;
}

/** Settings of a programme's eligibility policy, as a user gives them. */
export interface EligibilityPolicyOptions {
  /** A date or `YYYY-MM-DD`. */
  readonly referenceDate: PlainDate | string;
  /**
   * The programme's region codes, province to village level, with or without dots (`3506`, `35.06`).
   * At least one.
   */
  readonly regions: readonly string[];
  /** Default 16; whole years from 10 to 17 (17 turns early recording off). */
  readonly minimumAge?: number;
  /** Where a 29 February birthday falls in other years; default `march-1`. */
  readonly leapDayRule?: LeapDayRule;
  /**
   * Extra status spellings, or different meanings for known ones: `{ 'SUDAH KTP': 'recorded' }`. Keys
   * are compared case-, space- and underscore-insensitively.
   */
  readonly statuses?: Readonly<Record<string, StatusFamily>>;
}

/** Why policy settings were refused. */
export type PolicyIssueCode =
  | 'policy_reference_date'
  | 'policy_regions'
  | 'policy_minimum_age'
  | 'policy_leap_day_rule'
  | 'policy_status';

const FAMILIES: readonly StatusFamily[] = ['not-recorded', 'recorded', 'follow-up'];

/**
 * Checks the settings and builds a policy. Returns issues for an invalid reference date, a region code
 * that is not one, a minimum age outside 10–17, or a status mapped to an unknown family.
 *
 * @example
 * const policy = createEligibilityPolicy({ referenceDate: '2023-01-16', regions: ['3506'] });
 * if (policy.ok) evaluateEligibility(person, policy.value);
 */
export function createEligibilityPolicy(
  options: EligibilityPolicyOptions,
): Result<EligibilityPolicy, Issue<PolicyIssueCode>> {
  const referenceDate =
    typeof options.referenceDate === 'string'
      ? parseIsoDate(options.referenceDate)
      : isValidDate(
            options.referenceDate.year,
            options.referenceDate.month,
            options.referenceDate.day,
          )
        ? options.referenceDate
        : undefined;
  if (!referenceDate) {
    return fail(
      'policy_reference_date',
      'Tanggal acuan harus tanggal yang valid dengan format YYYY-MM-DD.',
      'The reference date must be a valid YYYY-MM-DD date.',
    );
  }
  if (options.regions.length === 0) {
    return fail(
      'policy_regions',
      'Sebutkan paling sedikit satu kode wilayah program (mis. 3506).',
      'Give at least one programme region code (e.g. 3506).',
    );
  }
  const regions: RegionCode[] = [];
  for (const text of options.regions) {
    const parsed = parseRegionCode(text);
    if (!parsed.ok) {
      return fail(
        'policy_regions',
        `Kode wilayah program "${text}" tidak valid: ${parsed.issues[0].message.id}`,
        `Programme region code "${text}" is invalid: ${parsed.issues[0].message.en}`,
      );
    }
    regions.push(parsed.value);
  }
  const minimumAge = options.minimumAge ?? DEFAULT_MINIMUM_AGE;
  if (!Number.isInteger(minimumAge) || minimumAge < 10 || minimumAge > ADULT_AGE) {
    return fail(
      'policy_minimum_age',
      'Umur minimal perekaman harus bilangan bulat 10 sampai 17.',
      'The minimum recording age must be a whole number from 10 to 17.',
    );
  }
  const leapDayRule = options.leapDayRule ?? 'march-1';
  if (leapDayRule !== 'march-1' && leapDayRule !== 'february-28') {
    return fail(
      'policy_leap_day_rule',
      'Aturan 29 Februari harus "march-1" atau "february-28".',
      'The 29 February rule must be "march-1" or "february-28".',
    );
  }
  const statuses = new Map(Object.entries(DEFAULT_STATUS_SPELLINGS));
  for (const [spelling, family] of Object.entries(options.statuses ?? {})) {
    const key = normaliseValue(spelling);
    if (key === '' || !FAMILIES.includes(family)) {
      return fail(
        'policy_status',
        `Status "${spelling}" harus dipetakan ke salah satu dari: ${FAMILIES.join(', ')}.`,
        `Status "${spelling}" must map to one of: ${FAMILIES.join(', ')}.`,
      );
    }
    const code = (KTP_STATUSES as readonly string[]).includes(key) ? (key as KtpStatus) : undefined;
    statuses.set(key, { family, code });
  }
  return ok({
    referenceDate,
    regions,
    regionLabel: regions.map(regionLabel).join(', '),
    minimumAge,
    leapDayRule,
    statuses,
  });
}

function regionLabel(code: RegionCode): string {
  const names = regionNames(code);
  if (code.level === 'provinsi') return names.provinsi ?? code.dotted;
  if (code.level === 'kabupaten') return names.kabupaten ?? `wilayah ${code.dotted}`;
  if (code.level === 'kecamatan' && names.kecamatan) return `Kecamatan ${names.kecamatan}`;
  return `wilayah ${code.dotted}`;
}
