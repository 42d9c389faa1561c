import type { Issue, Message } from '../domain/result.js';
import { ageOn, nthBirthday } from '../dates/age.js';
import { parseDate } from '../dates/parse-date.js';
import { compareDates, isValidDate, type PlainDate } from '../dates/plain-date.js';
import { parseNik } from '../identifiers/nik.js';
import { describeRegion, parseRegionCode } from '../regions/region-code.js';
import { ADULT_AGE, type EligibilityPolicy } from './policy.js';
import {
  adultReason,
  earlyReason,
  followUpReason,
  FOREIGNER_REASON,
  invalidReason,
  marriedReason,
  NIK_DATE_MISMATCH,
  NOT_FOUND_REASON,
  outsideReason,
  recordedReason,
  tooYoungReason,
  type InvalidField,
} from './reasons.js';
import {
  CITIZENSHIP_SPELLINGS,
  MARITAL_SPELLINGS,
  normaliseValue,
  type Citizenship,
  type KtpStatus,
  type MaritalStatus,
  type RecognisedStatus,
} from './statuses.js';

/** The categories of SPEC §3, in the order their rules apply (the first that applies wins). */
export const ELIGIBILITY_CATEGORIES = [
  'DATA_TIDAK_VALID',
  'WNA',
  'SUDAH_REKAM',
  'PERLU_TINDAK_LANJUT',
  'LUAR_WILAYAH',
  'WAJIB',
  'REKAM_DINI',
  'BELUM_CUKUP_UMUR',
] as const;

/** A category of SPEC §3. */
export type EligibilityCategory = (typeof ELIGIBILITY_CATEGORIES)[number];

/**
 * A student's category: one of SPEC §3's, or `TIDAK_DITEMUKAN` when the student has no record in the
 * registry (see {@link notFoundDecision}).
 */
export type StudentCategory = EligibilityCategory | 'TIDAK_DITEMUKAN';

/** Every student category, registry categories first. */
export const STUDENT_CATEGORIES: readonly StudentCategory[] = [
  ...ELIGIBILITY_CATEGORIES,
  'TIDAK_DITEMUKAN',
];

/**
 * The registry fields eligibility needs (a {@link Resident} has them), values as the extract wrote
 * them. The birth date may also be a parsed date, an Excel serial or a spreadsheet `Date`.
 */
export interface EligibilityPerson {
  readonly nik: string;
  readonly tanggalLahir: string | PlainDate | Date | number;
  readonly statusKawin: string;
  readonly kewarganegaraan: string;
  readonly statusRekam: string;
  /** Domicile region code, 4 to 10 digits. */
  readonly kodeWilayah: string;
}

/** Which rule decided. */
export type ReasonCode =
  | 'invalid'
  | 'foreigner'
  | 'recorded'
  | 'follow_up'
  | 'outside_region'
  | 'adult'
  | 'married'
  | 'early'
  | 'too_young'
  | 'not_found';

/** The decision for one person: category, the reason in both languages and the dates that follow. */
export interface EligibilityDecision {
  readonly category: StudentCategory;
  readonly reasonCode: ReasonCode;
  readonly reason: Message;
  /** For `DATA_TIDAK_VALID`: the field that made the row invalid. */
  readonly invalidField: InvalidField | undefined;
  /** Whole years on the reference date (when the birth date is valid). */
  readonly age: number | undefined;
  readonly birthDate: PlainDate | undefined;
  /** The 17th birthday: the KTP-el becomes compulsory and the card is handed over. */
  readonly seventeenthBirthday: PlainDate | undefined;
  /** The day the person reaches the policy's minimum recording age. */
  readonly eligibleFrom: PlainDate | undefined;
  /** The SIAK status code, when the status names one. */
  readonly status: KtpStatus | undefined;
  readonly maritalStatus: MaritalStatus | undefined;
  /** Things to check that do not change the category (e.g. the NIK's birth date disagrees). */
  readonly warnings: readonly Issue<'nik_birth_date_mismatch'>[];
}

type RegionLookup =
  | { readonly kind: 'inside' }
  | { readonly kind: 'outside'; readonly label: string }
  | { readonly kind: 'invalid'; readonly problem: Message };

/** Memoised lookups per policy: registries repeat a handful of status values and a few thousand region codes. */
interface Lookups {
  readonly statuses: Map<string, RecognisedStatus | null>;
  readonly regions: Map<string, RegionLookup>;
}

const LOOKUPS = new WeakMap<EligibilityPolicy, Lookups>();
const LOOKUP_LIMIT = 100_000;

function lookupsFor(policy: EligibilityPolicy): Lookups {
  let lookups = LOOKUPS.get(policy);
  if (!lookups) {
    lookups = { statuses: new Map(), regions: new Map() };
    LOOKUPS.set(policy, lookups);
  }
  return lookups;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size < LOOKUP_LIMIT) map.set(key, value);
  return value;
}

const EMPTY: Message = { id: 'kosong.', en: 'empty.' };

function unknownValue(examples: string): Message {
  return {
    id: `nilainya tidak dikenal (contoh nilai yang dikenal: ${examples}).`,
    en: `the value is not recognised (known values include: ${examples}).`,
  };
}

function recogniseStatus(policy: EligibilityPolicy, raw: string): RecognisedStatus | null {
  const cache = lookupsFor(policy).statuses;
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  return remember(cache, raw, policy.statuses.get(normaliseValue(raw)) ?? null);
}

function lookupRegion(policy: EligibilityPolicy, raw: string): RegionLookup {
  const cache = lookupsFor(policy).regions;
  const hit = cache.get(raw);
  if (hit) return hit;
  const parsed = parseRegionCode(raw);
  let result: RegionLookup;
  if (!parsed.ok) {
    result = { kind: 'invalid', problem: parsed.issues[0].message };
  } else {
    const digits = parsed.value.digits;
    if (policy.regions.some((r) => digits.startsWith(r.digits))) result = { kind: 'inside' };
    else if (policy.regions.some((r) => r.digits.startsWith(digits))) {
      result = {
        kind: 'invalid',
        problem: {
          id: 'kode terlalu umum (hanya provinsi) untuk menentukan apakah domisili di dalam wilayah program; perlu minimal 4 digit.',
          en: "the code is too coarse (province only) to tell whether the domicile is in the programme's region; at least 4 digits are needed.",
        },
      };
    } else result = { kind: 'outside', label: describeRegion(parsed.value) };
  }
  return remember(cache, raw, result);
}

function readBirthDate(
  value: EligibilityPerson['tanggalLahir'],
  reference: PlainDate,
): PlainDate | Message {
  let date: PlainDate;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if (!isValidDate(value.year, value.month, value.day)) {
      return { id: 'tanggalnya tidak ada di kalender.', en: 'the date does not exist.' };
    }
    date = value;
  } else {
    const parsed = parseDate(value, { pivotYear: reference.year });
    if (!parsed.ok) return parsed.issues[0].message;
    date = parsed.value.date;
  }
  if (compareDates(date, reference) > 0) {
    return { id: 'sesudah tanggal acuan program.', en: "after the programme's reference date." };
  }
  if (date.year < 1900) return { id: 'sebelum tahun 1900.', en: 'before 1900.' };
  return date;
}

interface Dates {
  readonly age: number | undefined;
  readonly birthDate: PlainDate | undefined;
  readonly seventeenthBirthday: PlainDate | undefined;
  readonly eligibleFrom: PlainDate | undefined;
}

const NO_DATES: Dates = {
  age: undefined,
  birthDate: undefined,
  seventeenthBirthday: undefined,
  eligibleFrom: undefined,
};

function decision(
  category: StudentCategory,
  reasonCode: ReasonCode,
  reason: Message,
  dates: Dates,
  extra: {
    readonly invalidField?: InvalidField;
    readonly status?: KtpStatus | undefined;
    readonly maritalStatus?: MaritalStatus;
    readonly warnings?: EligibilityDecision['warnings'];
  } = {},
): EligibilityDecision {
  return {
    category,
    reasonCode,
    reason,
    invalidField: extra.invalidField,
    age: dates.age,
    birthDate: dates.birthDate,
    seventeenthBirthday: dates.seventeenthBirthday,
    eligibleFrom: dates.eligibleFrom,
    status: extra.status,
    maritalStatus: extra.maritalStatus,
    warnings: extra.warnings ?? [],
  };
}

function invalid(
  field: InvalidField,
  problem: Message,
  dates: Dates = NO_DATES,
  warnings: EligibilityDecision['warnings'] = [],
): EligibilityDecision {
  return decision('DATA_TIDAK_VALID', 'invalid', invalidReason(field, problem), dates, {
    invalidField: field,
    warnings,
  });
}

/**
 * Decides one person's category on the policy's reference date by the rules of SPEC §3, in order: the
 * first rule that applies wins. A field is read only when its rule is reached, and a missing or
 * unrecognised value there makes the row `DATA_TIDAK_VALID` with a reason naming the field — so a
 * foreigner with an unreadable status is still `WNA`, and a 17-year-old with an unreadable marital
 * status is still `WAJIB`. Pure; never throws on bad data.
 *
 * @example
 * const policy = createEligibilityPolicy({ referenceDate: '2023-01-16', regions: ['3506'] });
 * if (policy.ok) {
 *   const d = evaluateEligibility({ nik: '3506012003060003', tanggalLahir: '2006-03-20',
 *     statusKawin: 'BELUM KAWIN', kewarganegaraan: 'WNI', statusRekam: 'BELUM REKAM',
 *     kodeWilayah: '3506012001' }, policy.value);
 *   d.category;            // 'REKAM_DINI'
 *   d.seventeenthBirthday; // { year: 2023, month: 3, day: 20 } — the card handover date
 * }
 */
export function evaluateEligibility(
  person: EligibilityPerson,
  policy: EligibilityPolicy,
): EligibilityDecision {
  const on = policy.referenceDate;

  // Rule 1: the NIK and the birth date must be readable.
  const nik = parseNik(String(person.nik ?? ''), on);
  if (!nik.ok) return invalid('nik', nik.issues[0].message);
  const birth = readBirthDate(person.tanggalLahir ?? '', on);
  if (!('year' in birth)) return invalid('tanggal_lahir', birth);
  const seventeenth = nthBirthday(birth, ADULT_AGE, policy.leapDayRule);
  const dates: Dates = {
    age: ageOn(birth, on, policy.leapDayRule),
    birthDate: birth,
    seventeenthBirthday: seventeenth,
    eligibleFrom: nthBirthday(birth, policy.minimumAge, policy.leapDayRule),
  };
  const warnings: EligibilityDecision['warnings'] =
    compareDates(nik.value.birthDate, birth) === 0
      ? []
      : [{ code: 'nik_birth_date_mismatch', message: NIK_DATE_MISMATCH }];
  const age = dates.age as number;

  // Rule 2: foreigners are out of scope.
  const citizenshipText = String(person.kewarganegaraan ?? '');
  const citizenship: Citizenship | undefined =
    CITIZENSHIP_SPELLINGS[normaliseValue(citizenshipText)];
  if (!citizenship) {
    return invalid(
      'kewarganegaraan',
      citizenshipText.trim() === '' ? EMPTY : unknownValue('WNI, WNA'),
      dates,
      warnings,
    );
  }
  if (citizenship === 'WNA')
    return decision('WNA', 'foreigner', FOREIGNER_REASON, dates, { warnings });

  // Rules 3 and 4: the recording status.
  const statusText = String(person.statusRekam ?? '');
  const status = recogniseStatus(policy, statusText);
  if (!status) {
    return invalid(
      'status_rekam',
      statusText.trim() === ''
        ? EMPTY
        : unknownValue(
            'BELUM REKAM, UNREGISTERED, PRINT_READY_RECORD, CARD_PRINTED, DUPLICATE_RECORD',
          ),
      dates,
      warnings,
    );
  }
  if (status.family === 'recorded') {
    const handover = age < ADULT_AGE ? seventeenth : undefined;
    return decision('SUDAH_REKAM', 'recorded', recordedReason(status.code, handover), dates, {
      status: status.code,
      warnings,
    });
  }
  if (status.family === 'follow-up') {
    return decision('PERLU_TINDAK_LANJUT', 'follow_up', followUpReason(status.code), dates, {
      status: status.code,
      warnings,
    });
  }

  // Rule 5: domicile, from the registry's region field (never from the NIK).
  const region = lookupRegion(policy, String(person.kodeWilayah ?? ''));
  if (region.kind === 'invalid') return invalid('kode_wilayah', region.problem, dates, warnings);
  if (region.kind === 'outside') {
    return decision(
      'LUAR_WILAYAH',
      'outside_region',
      outsideReason(policy.regionLabel, region.label),
      dates,
      {
        status: status.code,
        warnings,
      },
    );
  }

  // Rule 6: 17 or older, or ever married.
  if (age >= ADULT_AGE) {
    return decision('WAJIB', 'adult', adultReason(age, on, seventeenth), dates, {
      status: status.code,
      warnings,
    });
  }
  const maritalText = String(person.statusKawin ?? '');
  const marital = MARITAL_SPELLINGS[normaliseValue(maritalText)];
  if (!marital) {
    return invalid(
      'status_kawin',
      maritalText.trim() === ''
        ? EMPTY
        : unknownValue('BELUM KAWIN, KAWIN, CERAI HIDUP, CERAI MATI, KAWIN TERCATAT'),
      dates,
      warnings,
    );
  }
  if (marital !== 'BELUM_KAWIN') {
    return decision('WAJIB', 'married', marriedReason(age, marital), dates, {
      status: status.code,
      maritalStatus: marital,
      warnings,
    });
  }

  // Rules 7 and 8: old enough to be recorded early, or not yet.
  if (age >= policy.minimumAge) {
    return decision(
      'REKAM_DINI',
      'early',
      earlyReason(age, on, policy.minimumAge, seventeenth),
      dates,
      {
        status: status.code,
        maritalStatus: marital,
        warnings,
      },
    );
  }
  return decision(
    'BELUM_CUKUP_UMUR',
    'too_young',
    tooYoungReason(age, on, policy.minimumAge, dates.eligibleFrom as PlainDate, seventeenth),
    dates,
    { status: status.code, maritalStatus: marital, warnings },
  );
}

/** The decision for a student with no record in the registry (`TIDAK_DITEMUKAN`): update the KK first. */
export function notFoundDecision(): EligibilityDecision {
  return decision('TIDAK_DITEMUKAN', 'not_found', NOT_FOUND_REASON, NO_DATES);
}
